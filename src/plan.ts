import type { Phase, Settings } from './inputs.js'
import type { TaskEnv } from './secrets.js'
import type { VarLookup } from './words.js'
import { planInvocation, type TaskInvocation } from './docker/entrypoint.js'
import { createArgv, containerName, type TaskSpec } from './docker/task.js'

export interface PlannedPhase {
  phase: Phase
  command?: string | string[]
  text: string
  invocation?: TaskInvocation
}

/** What is known of the image before tasks are planned; undefined entrypoint = not built yet. */
export interface ImageView {
  entrypoint: string[] | null | undefined
  env: Map<string, string>
}

/** The variables a phase's exec-mode command may expand: mapped ones, RELEASE_PHASE, the image's ENV. */
function lookupFor(phase: Phase, vars: TaskEnv, image: ImageView): VarLookup {
  return name => {
    if (name === 'RELEASE_PHASE') return { value: phase, secret: false }
    const v = vars.get(name)
    if (v) return v
    if (image.env.has(name)) return { value: image.env.get(name)!, secret: false }
    // Not built yet: the image's ENV may still define it; the real run decides.
    if (image.entrypoint === undefined) return { value: `\${${name}}`, secret: false }
    return undefined
  }
}

/**
 * SPEC 4.2: every task's invocation, planned before the first container starts, so a bad exec-mode
 * command stops the run before anything ran. With the image unknown (dry run before a build) and
 * `entrypoint: auto`, the mode is left undecided.
 */
export function planTasks(planned: PlannedPhase[], s: Settings, vars: TaskEnv, image: ImageView, firstDeploy: boolean | undefined): void {
  for (const p of planned) {
    p.invocation = undefined
    if (p.command === undefined) continue
    if (p.phase === 'first-deploy' && firstDeploy === false) continue
    if (image.entrypoint === undefined && s.entrypoint === 'auto' && !Array.isArray(p.command)) continue
    p.invocation = planInvocation(p.command, s.entrypoint, image.entrypoint ?? null, s.shell, lookupFor(p.phase, vars, image), `${p.phase} command`)
  }
}

/** The one way a phase's container is described, for the real run and the dry-run plan alike. */
export function taskSpec(s: Settings, phase: Phase, invocation: TaskInvocation, image: string, runId: string, vars: TaskEnv): TaskSpec {
  return {
    phase,
    image,
    invocation,
    runId,
    network: s.network,
    runArgs: s.runArgs,
    init: s.init,
    vars,
    timeoutSeconds: s.timeoutSeconds,
    stopTimeoutSeconds: s.stopTimeoutSeconds,
    // Predeploy keeps its container until it is committed.
    keep: phase === 'predeploy'
  }
}

export interface DryRunPlan {
  image: string
  tags: string[]
  build: { argv: string[] } | null
  phases: {
    phase: Phase
    command: string
    source: string
    willRun: boolean
    entrypointMode: string
    argv: string[] | null
  }[]
  variables: { secret: string[]; plain: string[] }
  push: { tags: string[] } | null
  firstDeploy: string
}

/**
 * SPEC 10: the plan a dry run prints. The docker argv carry only variable names (`-e NAME`), the
 * same argv the real run would start; the run id and image id are placeholders.
 */
export function dryRunPlan(args: {
  s: Settings
  planned: PlannedPhase[]
  sources: Record<Phase, string>
  vars: TaskEnv
  tags: string[]
  buildArgv: string[] | null
  imageRef: string
  firstDeploy: boolean | undefined
}): DryRunPlan {
  const { s, planned, vars } = args
  return {
    image: args.imageRef,
    tags: args.tags,
    build: args.buildArgv ? { argv: ['docker', ...args.buildArgv] } : null,
    phases: planned.map(p => {
      const willRun = p.command !== undefined && !(p.phase === 'first-deploy' && args.firstDeploy === false)
      const mode = p.invocation?.mode ?? (willRun ? 'auto: decided by the built image ENTRYPOINT' : 'none')
      const spec = p.invocation && taskSpec(s, p.phase, p.invocation, args.imageRef || '<built image id>', '<run-id>', vars)
      return {
        phase: p.phase,
        command: p.text,
        source: p.command === undefined ? 'none' : args.sources[p.phase],
        willRun,
        entrypointMode: mode,
        argv: spec ? ['docker', ...createArgv(spec, containerName('<run-id>', p.phase))] : null
      }
    }),
    variables: {
      secret: [...vars].filter(([, v]) => v.secret).map(([k]) => k),
      plain: [...vars].filter(([, v]) => !v.secret).map(([k]) => k)
    },
    push: s.push ? { tags: args.tags } : null,
    firstDeploy: !s.phases.includes('first-deploy') ? 'not requested' : args.firstDeploy === undefined ? 'auto: asked of the deployments API at run time' : String(args.firstDeploy)
  }
}
