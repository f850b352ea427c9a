import type { Phase } from '../inputs/settings.js'
import type { TaskEnv } from '../secrets.js'
import { RUN_LABEL } from '../run-record.js'
import type { TaskInvocation } from './entrypoint.js'
import type { CreateRequest } from '../docker/requests.js'

/** One task container, as data: what `docker create` is given (design.md §4.2). */
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

export function containerName(runId: string, phase: Phase): string {
  return `release-phase-${runId}-${phase}`
}

/**
 * design.md §4.2 (`docker run` split into create + start, see runTask). Variables go as `-e NAME` only:
 * their values are in the docker child's environment (createRequest: the same create through the socket).
 */
export function createArgv(spec: TaskSpec, name: string): string[] {
  const argv = ['create', '--name', name, '--label', `${RUN_LABEL}=${spec.runId}`, '--label', `release-phase.phase=${spec.phase}`]
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
 * The container createArgv describes, as the Engine API request the CLI would send for it (design.md
 * §4.2): `-e NAME` becomes `NAME=value` from `values`; a name without one is sent bare, as the CLI
 * sends it (the engine then unsets the image's variable of that name). Undefined with run-args: only
 * the CLI's own parser knows all of its options.
 */
export function createRequest(spec: TaskSpec, name: string, values: Record<string, string>): CreateRequest | undefined {
  if (spec.runArgs.length > 0) return undefined
  // initArgs' words: --init unless the image's own wrapper is PID 1, its variable either way.
  const init = spec.init && !spec.invocation.wrapped
  // One entry per name, the last given winning, as the CLI's map of them does (its order is a Go map's).
  const env = new Map<string, string | undefined>(spec.init ? [['TINI_KILL_PROCESS_GROUP', '1']] : [])
  env.set('RELEASE_PHASE', spec.phase)
  for (const n of spec.vars.keys()) env.set(n, values[n])
  const { entrypoint, args } = spec.invocation
  return {
    name,
    body: {
      Image: spec.image,
      ...(args.length > 0 ? { Cmd: [...args] } : {}),
      ...(entrypoint !== undefined ? { Entrypoint: [entrypoint] } : {}),
      Env: [...env].map(([k, v]) => (v === undefined ? k : `${k}=${v}`)),
      Labels: { [RUN_LABEL]: spec.runId, 'release-phase.phase': spec.phase },
      AttachStdout: true,
      AttachStderr: true,
      // One network without options: the CLI sends no endpoint settings either.
      HostConfig: { ...(init ? { Init: true as const } : {}), ...(spec.network ? { NetworkMode: spec.network } : {}) }
    }
  }
}

/**
 * design.md §4.2: a shell or a runtime as PID 1 ignores SIGTERM, so a stopped task would only end at
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
