import { DockerError, excerpt, lastLine } from '../errors.js'
import type { Phase } from '../inputs/settings.js'
import { containerName, createArgv, createRequest, type TaskSpec } from './argv.js'

import { valuesOf } from '../secrets.js'
import { commandFailure, type DockerClient } from '../docker/cli.js'
import type { RunScope } from '../run-scope.js'
import { taskLog, type TaskLog } from './log.js'
import { stopCommands } from '../relay.js'

export interface TaskOutcome {
  container: string
  status: 'succeeded' | 'failed' | 'timed-out' | 'cancelled'
  exitCode: number
  durationSeconds: number
  tail: string
}

export async function removeContainer(cli: DockerClient, name: string): Promise<void> {
  await cli.removeContainers([name])
}

async function stopContainer(cli: DockerClient, name: string, grace: number): Promise<void> {
  await cli.exec(['stop', '--time', String(grace), name])
}

/**
 * `docker start --attach` returns the container's exit code, or its own when docker itself failed
 * (daemon gone, attach lost). Ask the daemon: a task is only failed or succeeded by its real exit.
 */
async function assertExited(cli: DockerClient, name: string, phase: Phase, exitCode: number, tail: string): Promise<void> {
  const r = await cli.exec(['container', 'inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', name])
  const [status, code] = r.stdout.trim().split(' ')
  const last = excerpt(tail.split('\n').pop() ?? '', 300)
  if (r.code === 0 && status === 'created') throw new DockerError(`${phase} task container could not start: ${last}`)
  if (r.code !== 0 || status !== 'exited' || Number(code) !== exitCode) {
    const why = r.code !== 0 ? lastLine(r.stderr) : `container is ${status}`
    const engine = cli.remote ? `the connection to ${cli.engineName}` : 'the Docker engine'
    throw new DockerError(`${phase} task: lost ${engine} while it ran (${why}); last output: ${last}`)
  }
}

/**
 * The end of the task's log, read back from the engine (the output itself went straight to the step
 * log, never through this process): the last lines for the job summary. Undefined when the engine keeps no readable log (log driver `none`, container gone).
 */
async function readLog(cli: DockerClient, name: string, lines = 30): Promise<TaskLog | undefined> {
  const r = await cli.exec(['logs', '--timestamps', '--tail', String(lines), name])
  return r.code === 0 ? taskLog(r.stdout, r.stderr, lines) : undefined
}

/**
 * Runs one task container to its end. While it runs, cancelling the scope stops it with its grace
 * period (so a migration can roll back) and removes it; `force` skips the grace but still removes.
 */
export async function runTask(cli: DockerClient, spec: TaskSpec, scope: RunScope): Promise<TaskOutcome> {
  const name = containerName(spec.runId, spec.phase)
  const env = valuesOf(spec.vars)
  let cancelled = false
  // Created first, registered, then started: a signal at any moment finds the container by name,
  // and one that came just before registration is seen by the check below. `docker run` would leave
  // a window where the container exists but the handler cannot know it. On a local socket the create
  // is the action's own request (no process start); elsewhere, and with run-args, the CLI's.
  const created = await cli.createContainer(createArgv(spec, name), env, createRequest(spec, name, env))
  if (created.code !== 0) {
    // A connection lost after the request went out may still leave the container: removed by name.
    scope.defer(removeContainer(cli, name))
    throw commandFailure(`creating the ${spec.phase} container`, created)
  }
  scope.taskCreated()
  const unregister = scope.onCancel(async force => {
    cancelled = true
    if (!force) await stopContainer(cli, name, spec.stopTimeoutSeconds)
    await removeContainer(cli, name)
    return name
  })
  let timedOut = false
  let succeeded = false
  let timer: NodeJS.Timeout | undefined
  const started = process.hrtime.bigint()
  try {
    if (scope.isCancelled) {
      cancelled = true
      return { container: name, status: 'cancelled', exitCode: 143, durationSeconds: 0, tail: '' }
    }
    if (spec.timeoutSeconds > 0) {
      timer = setTimeout(() => {
        timedOut = true
        void stopContainer(cli, name, spec.stopTimeoutSeconds)
      }, spec.timeoutSeconds * 1000)
    }
    // The task's output is shown as printed and never obeyed: it cannot save state, set outputs or
    // masks, or issue annotations (design.md §5.6).
    const resume = stopCommands()
    let exitCode: number
    try {
      exitCode = await cli.attach(['start', '--attach', name])
    } finally {
      // Its last line may be open, and nothing here sees its bytes (nor can the engine's log say so
      // reliably: it splits lines at 16 KiB): the line is always ended, so the token starts a line
      // of its own (design.md §4.7). The price: one blank line after a task that ended its own.
      process.stdout.write('\n')
      resume()
    }
    const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9
    // The summary's tail of a failed task, read back from the engine (20-30 ms, only on failure).
    const log = exitCode !== 0 ? await readLog(cli, name) : undefined
    // A zero can only be the container's; anything else may be docker's own failure: ask the daemon.
    const tail = exitCode === 0 ? '' : (log?.tail ?? '')
    if (exitCode !== 0 && !timedOut && !cancelled) await assertExited(cli, name, spec.phase, exitCode, tail)
    const status = cancelled ? 'cancelled' : timedOut ? 'timed-out' : exitCode === 0 ? 'succeeded' : 'failed'
    succeeded = status === 'succeeded'
    return { container: name, status, exitCode, durationSeconds, tail }
  } finally {
    if (timer) clearTimeout(timer)
    unregister()
    // Only a predeploy that succeeded keeps its container (to be committed); every other ends here.
    if (timedOut || cancelled) await removeContainer(cli, name)
    else if (!spec.keep || !succeeded) scope.defer(removeContainer(cli, name))
  }
}
