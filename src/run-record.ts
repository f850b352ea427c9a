import * as core from './runner.js'

// Names one run gives what it makes, shared by main (which makes them) and post (which removes what a
// killed main left). Derived from the run id alone, which post checks before using it.

/** The label on every container and temporary image of one run: the post step removes what carries it. */
export const RUN_LABEL = 'release-phase.run'

/**
 * The run-private name of the image until its release passes (design.md §9.3, issue 33): the build and
 * the predeploy commit name only this, and the requested tags move to the image once every phase passed.
 */
export function runImageName(runId: string): string {
  return `release-phase/run-${runId}:image`
}

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
