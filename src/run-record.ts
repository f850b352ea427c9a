import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { realpathExisting } from './workspace-files.js'

// Every name one run gives what it makes, made here beside the check the post step applies to it: main
// makes them, post removes what a killed main left, and a forged state must never widen what post
// removes (issue 34 step 3).

/** A run id: 12 hex digits. */
export function newRunId(): string {
  return randomBytes(6).toString('hex')
}

/** Whether a saved run id is one newRunId makes: anything else would widen post's label filter. */
export function isRunId(id: string): boolean {
  return /^[0-9a-f]{12}$/.test(id)
}

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
export function saveRun(saveState: (name: string, value: string) => void, runId: string, tempDir: string): void {
  saveState('run-id', runId)
  saveState('temp-dir', tempDir)
}

export function savedRun(getState: (name: string) => string): { runId: string; tempDir: string } {
  return { runId: getState('run-id'), tempDir: getState('temp-dir') }
}

const TEMP_PREFIX = 'release-phase-'

/** The run's private temporary directory: `release-phase-XXXXXX` (mkdtemp, 0700) right under RUNNER_TEMP. */
export function makeTempDir(env: NodeJS.ProcessEnv): string {
  return fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), TEMP_PREFIX))
}

/**
 * The state could be forged (a `::save-state::` line from untrusted text, as an older version allowed): only a
 * directory that makeTempDir could have made is removed: directly inside RUNNER_TEMP, named `release-phase-…`,
 * a real directory (not a link), all checked on real paths.
 */
export function ownTempDir(tempDir: string, runnerTemp: string | undefined): boolean {
  if (!tempDir || !runnerTemp || !path.isAbsolute(tempDir)) return false
  let st: fs.Stats
  try {
    st = fs.lstatSync(tempDir)
  } catch {
    return false
  }
  if (!st.isDirectory()) return false
  const real = realpathExisting(tempDir)
  return path.dirname(real) === realpathExisting(runnerTemp) && new RegExp(`^${TEMP_PREFIX}[A-Za-z0-9]{6}$`).test(path.basename(real))
}

const SHORT_PREFIX = 'rp-'
const SHORT_LINK = 'ssh-dir'

/**
 * A unix socket path holds at most 107 bytes, and ssh adds 17 to the control path while it binds it:
 * under a long RUNNER_TEMP the sockets go to a private directory under /tmp (mkdtemp: 0700), linked
 * from `dir` as `ssh-dir` so the post step finds what a killed run left there (runDirs).
 */
export function socketDir(dir: string): string {
  // ssh reads `-o Option=value` as a config line: a space ends the value, `%` and `${…}` are expanded.
  const plain = (p: string): boolean => Buffer.byteLength(p) <= 70 && /^[A-Za-z0-9/._-]+$/.test(p)
  if (plain(dir)) return dir
  const short = fs.mkdtempSync(path.join(plain(os.tmpdir()) ? os.tmpdir() : '/tmp', SHORT_PREFIX))
  fs.symlinkSync(short, path.join(dir, SHORT_LINK))
  return short
}

/** The run's directories: its temporary directory and, under a long RUNNER_TEMP, the short one it links to. */
export function runDirs(tempDir: string, tmp = os.tmpdir()): string[] {
  let target: string
  try {
    target = fs.readlinkSync(path.join(tempDir, SHORT_LINK))
  } catch {
    return [tempDir]
  }
  // Only what socketDir makes: a real directory `rp-XXXXXX` right in the temp directory, ours.
  const st = fs.lstatSync(target, { throwIfNoEntry: false })
  const ours = new RegExp(`^${SHORT_PREFIX}[A-Za-z0-9]{6}$`).test(path.basename(target)) && [tmp, '/tmp'].includes(path.dirname(target))
  return ours && st?.isDirectory() && st.uid === process.getuid?.() ? [tempDir, target] : [tempDir]
}
