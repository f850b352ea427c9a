import { DockerError, excerpt } from '../errors.js'
import type { Phase } from '../inputs.js'
import type { TaskEnv } from '../secrets.js'
import { lastLine, type DockerCli } from './cli.js'
import type { TaskInvocation } from './entrypoint.js'
import { taskLog, type TaskLog } from './task-log.js'

export type TaskStatus = 'succeeded' | 'failed' | 'timed-out' | 'skipped' | 'not-run'

export interface TaskSpec {
  phase: Phase
  image: string
  invocation: TaskInvocation
  runId: string
  network: string
  runArgs: string[]
  /** Input `init`: run the task under docker's init unless the image's own wrapper is PID 1. */
  init: boolean
  vars: TaskEnv
  timeoutSeconds: number
  stopTimeoutSeconds: number
  /** Predeploy keeps its container to commit it; the caller removes it. */
  keep: boolean
}

export interface TaskOutcome {
  container: string
  status: 'succeeded' | 'failed' | 'timed-out' | 'cancelled'
  exitCode: number
  durationSeconds: number
  tail: string
}

export function containerName(runId: string, phase: Phase): string {
  return `release-phase-${runId}-${phase}`
}

/**
 * SPEC 4.1 (`docker run` split into create + start, see runTask). Variables go as `-e NAME` only:
 * their values are in the docker child's environment.
 */
export function createArgv(spec: TaskSpec, name: string): string[] {
  const argv = ['create', '--name', name, '--label', `release-phase.run=${spec.runId}`, '--label', `release-phase.phase=${spec.phase}`]
  if (spec.network) argv.push('--network', spec.network)
  argv.push(...initArgs(spec))
  argv.push(...spec.runArgs)
  argv.push('-e', `RELEASE_PHASE=${spec.phase}`)
  for (const name of spec.vars.keys()) argv.push('-e', name)
  if (spec.invocation.entrypoint !== undefined) argv.push('--entrypoint', spec.invocation.entrypoint)
  argv.push(spec.image, ...spec.invocation.args)
  return argv
}

/**
 * SPEC 11 (4.1): a shell or a runtime as PID 1 ignores SIGTERM, so a stopped task would only end at
 * SIGKILL. docker's init (tini) is PID 1 instead; TINI_KILL_PROCESS_GROUP makes it (and an image's own
 * tini) signal the task's whole process group, so the migration under `sh -c` gets SIGTERM itself:
 * plain tini signals only the shell, which dies at once and takes the migration down with it, unwarned.
 * Before the task's variables, so a task that sets the variable itself wins.
 */
export function initArgs(spec: Pick<TaskSpec, 'init' | 'invocation'>): string[] {
  if (!spec.init) return []
  const group = ['-e', 'TINI_KILL_PROCESS_GROUP=1']
  return spec.invocation.wrapped ? group : ['--init', ...group]
}

/** The task containers alive right now, so a signal handler can stop them (SPEC 4.4). */
interface Active {
  name: string
  stopTimeoutSeconds: number
  cancelled: boolean
}
const active = new Map<string, Active>()
let cancelRequested = false

/**
 * SPEC 11 (4.4), for a line the action writes while a task runs (the signal warning): the task may
 * be mid-line and there is no cheap way to know, so a newline first. Signals are rare; a blank
 * line then is the price of a warning the runner can read.
 */
export function breakTaskLine(): void {
  if (active.size > 0) process.stdout.write('\n')
}

/** True once SIGINT/SIGTERM arrived: no further task, build or push may start. */
export function isCancelled(): boolean {
  return cancelRequested
}

export async function removeContainer(cli: DockerCli, name: string): Promise<void> {
  await cli.exec(['rm', '--force', '--volumes', name])
}

/** Removals started in the background (a finished task's container), awaited before the step ends. */
const pendingRemovals: Promise<unknown>[] = []
export function removeLater(work: Promise<unknown>): void {
  pendingRemovals.push(work.catch(() => undefined))
}
export async function settleRemovals(): Promise<void> {
  while (pendingRemovals.length > 0) await Promise.all(pendingRemovals.splice(0))
}

async function stopContainer(cli: DockerCli, name: string, grace: number): Promise<void> {
  await cli.exec(['stop', '--time', String(grace), name])
}

/**
 * Stops every running task container with its grace period and removes it. Called on SIGINT/SIGTERM;
 * `force` (a second signal) skips the grace but still removes.
 */
export async function cancelActiveTasks(cli: DockerCli, force: boolean): Promise<string[]> {
  cancelRequested = true
  const names = [...active.keys()]
  await Promise.all(
    [...active.values()].map(async a => {
      a.cancelled = true
      if (!force) await stopContainer(cli, a.name, a.stopTimeoutSeconds)
      await removeContainer(cli, a.name)
    })
  )
  return names
}

/**
 * `docker start --attach` returns the container's exit code, or its own when docker itself failed
 * (daemon gone, attach lost). Ask the daemon: a task is only failed or succeeded by its real exit.
 */
async function assertExited(cli: DockerCli, name: string, phase: Phase, exitCode: number, tail: string): Promise<void> {
  const r = await cli.exec(['container', 'inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', name])
  const [status, code] = r.stdout.trim().split(' ')
  const last = excerpt(tail.split('\n').pop() ?? '', 300)
  if (r.code === 0 && status === 'created') throw new DockerError(`${phase} task container could not start: ${last}`)
  if (r.code !== 0 || status !== 'exited' || Number(code) !== exitCode) {
    const why = r.code !== 0 ? lastLine(r.stderr) : `container is ${status}`
    throw new DockerError(`${phase} task: lost the Docker engine while it ran (${why}); last output: ${last}`)
  }
}

/**
 * The end of the task's log, read back from the engine (the output itself went straight to the step
 * log, never through this process): the last lines for the job summary, and whether stdout ended
 * mid-line. Undefined when the engine keeps no readable log (log driver `none`, container gone).
 */
async function readLog(cli: DockerCli, name: string, lines = 30): Promise<TaskLog | undefined> {
  const r = await cli.exec(['logs', '--timestamps', '--tail', String(lines), name])
  return r.code === 0 ? taskLog(r.stdout, r.stderr, lines) : undefined
}

/**
 * SPEC 11 (4.4): the action's next line (`::endgroup::`) must not continue the task's unterminated
 * last line, or the runner never sees the command. A newline only when stdout ended open (or when
 * that cannot be known), so the common case has no blank line.
 */
function freshLine(log: TaskLog | undefined): void {
  if (!log || log.stdoutOpen) process.stdout.write('\n')
}

export async function runTask(cli: DockerCli, spec: TaskSpec): Promise<TaskOutcome> {
  const name = containerName(spec.runId, spec.phase)
  const env: Record<string, string> = {}
  for (const [k, v] of spec.vars) env[k] = v.value
  const entry: Active = { name, stopTimeoutSeconds: spec.stopTimeoutSeconds, cancelled: false }
  // Created first, registered, then started: a signal at any moment finds the container by name,
  // and one that came just before registration is seen by the check below. `docker run` would leave
  // a window where the container exists but the handler cannot know it.
  await cli.ok(createArgv(spec, name), `creating the ${spec.phase} container`, { env })
  active.set(name, entry)
  let timedOut = false
  let succeeded = false
  let timer: NodeJS.Timeout | undefined
  const started = process.hrtime.bigint()
  try {
    if (cancelRequested) {
      entry.cancelled = true
      return { container: name, status: 'cancelled', exitCode: 143, durationSeconds: 0, tail: '' }
    }
    if (spec.timeoutSeconds > 0) {
      timer = setTimeout(() => {
        timedOut = true
        void stopContainer(cli, name, spec.stopTimeoutSeconds)
      }, spec.timeoutSeconds * 1000)
    }
    const exitCode = await cli.attach(['start', '--attach', name])
    const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9
    const log = await readLog(cli, name)
    freshLine(log)
    // A zero can only be the container's; anything else may be docker's own failure: ask the daemon.
    const tail = exitCode === 0 ? '' : log?.tail ?? ''
    if (exitCode !== 0 && !timedOut && !entry.cancelled) await assertExited(cli, name, spec.phase, exitCode, tail)
    const status = entry.cancelled ? 'cancelled' : timedOut ? 'timed-out' : exitCode === 0 ? 'succeeded' : 'failed'
    succeeded = status === 'succeeded'
    return { container: name, status, exitCode, durationSeconds, tail }
  } finally {
    if (timer) clearTimeout(timer)
    active.delete(name)
    // Only a predeploy that succeeded keeps its container (to be committed); every other ends here.
    if (timedOut || entry.cancelled) await removeContainer(cli, name)
    else if (!spec.keep || !succeeded) removeLater(removeContainer(cli, name))
  }
}
