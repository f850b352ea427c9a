import * as core from './runner.js'

/**
 * What the post step needs to clean up after main (actions/checkout's state-helper pattern). Saved
 * through GITHUB_STATE, which the runner reads after the step, so these values win over any forged
 * `::save-state` line of the same name; read without regard to case (runner.ts getState).
 */
export function saveRun(runId: string, tempDir: string): void {
  core.saveState('run-id', runId)
  core.saveState('temp-dir', tempDir)
}

export function savedRun(): { runId: string; tempDir: string } {
  return { runId: core.getState('run-id'), tempDir: core.getState('temp-dir') }
}
