import * as core from './runner.js'

/** What the post step needs to clean up after main (actions/checkout's state-helper pattern). */
export const IS_POST = core.getState('isPost') === 'true'

export function markMainStarted(): void {
  core.saveState('isPost', 'true')
}

export function saveRun(runId: string, tempDir: string): void {
  core.saveState('run-id', runId)
  core.saveState('temp-dir', tempDir)
}

export function savedRun(): { runId: string; tempDir: string } {
  return { runId: core.getState('run-id'), tempDir: core.getState('temp-dir') }
}
