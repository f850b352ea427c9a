import * as path from 'node:path'
import { ActionError, InputError, ManifestError, type Location } from './errors.js'
import type { Phase, Settings } from './inputs/settings.js'
import { insidePath } from './workspace-files.js'
import type { Manifests } from './manifests/load.js'
import { commandText, hasCommand, type ReleaseChoice } from './manifests/release-command.js'
import type { TaskEnv } from './secrets.js'
import type { VarLookup } from './task/words.js'
import { buildArgv, buildLabels, defaultTags, type GitHubContext } from './image/build.js'
import { planInvocation, type TaskInvocation } from './task/entrypoint.js'
import { createArgv, containerName, type TaskSpec } from './task/argv.js'
import { sidecarContainerName, sidecarPlan } from './sidecars/argv.js'
import type { ResolvedSidecar } from './sidecars/spec.js'
import { formatRef, type ImageRef, type TagRef } from './image/ref.js'
import { checkPrebuilt, prebuiltTags } from './image/prebuilt.js'
import { runImageName } from './run-record.js'

/** Why a requested phase does not run. */
export type SkipReason = 'no command' | 'not the first deploy'

export interface PhasePlan {
  readonly phase: Phase
  readonly command?: string | string[]
  /** The command as one line, for logs, outputs and the summary. */
  readonly text: string
  /** Where the command came from: app.json, Procfile, heroku.yml, input, or none. */
  readonly source: string
  readonly skip?: SkipReason
  /** Where the command stands in its manifest: an error about it is annotated there. */
  readonly at?: Location
}

/** A phase that runs, with the exact container invocation for the image it runs in. */
export interface BoundPhase extends PhasePlan {
  /** Undefined only in a dry run whose `auto` mode waits for the image that is not built yet. */
  readonly invocation?: TaskInvocation
}

/** Where the image comes from: a build of the workspace, or a reference taken as it is. */
export type ImageSource =
  | { readonly kind: 'build'; readonly dockerfile: string; readonly labels: readonly string[] }
  | { readonly kind: 'reference'; readonly ref: string; readonly parsed: ImageRef }

/**
 * Everything a run does, resolved once from the inputs, the manifests and the environment before
 * any Docker side effect (design.md §1). The real run, the dry run and the summary all read it;
 * only the image's own facts (its ENTRYPOINT and ENV) are bound later, by bindPhases.
 */
export interface ReleasePlan {
  readonly settings: Settings
  readonly image: ImageSource
  readonly tags: readonly TagRef[]
  readonly phases: readonly PhasePlan[]
  readonly vars: TaskEnv
  readonly release: ReleaseChoice
  /** Started before each task, in its network namespace (design.md §4.8). */
  readonly sidecars: readonly ResolvedSidecar[]
  /** Decided for `first-deploy` (undefined: not requested, or `auto` left to the run in a dry run). */
  readonly firstDeploy?: boolean
}

export interface PlanInputs {
  settings: Settings
  manifests: Manifests
  release: ReleaseChoice
  vars: TaskEnv
  sidecars: ResolvedSidecar[]
  github: GitHubContext
  now: Date
  firstDeploy?: boolean
}

/** The command of each phase (design.md §4): app.json scripts, and the release command as chosen. */
export function phaseCommands(m: Manifests, release: ReleaseChoice): Record<Phase, { command?: string | string[]; source: string; at?: Location }> {
  const app = (command: string | undefined, at: Location | undefined): { command?: string; source: string; at?: Location } => ({
    command,
    source: command === undefined ? 'none' : 'app.json',
    at
  })
  const procfileLine = release.source === 'Procfile' && m.procfileName && release.line ? { file: m.procfileName, line: release.line } : undefined
  const releaseAt = procfileLine ?? (release.source === 'heroku.yml' ? m.herokuYml?.releaseAt : undefined)
  return {
    predeploy: app(m.appJson?.predeploy, m.appJson?.at?.predeploy),
    release: { command: release.command, source: release.source, at: releaseAt },
    postdeploy: app(m.appJson?.postdeploy, m.appJson?.at?.postdeploy),
    'first-deploy': app(m.appJson?.firstDeploy, m.appJson?.at?.firstDeploy)
  }
}

/** `file` input, else heroku.yml's Dockerfile for release.image (else web), else <context>/Dockerfile. */
export function chooseDockerfile(s: Settings, m: Manifests): string {
  if (s.file) return s.file
  const heroku = m.herokuYml
  const proc = heroku?.releaseImage ?? 'web'
  const fromHeroku = heroku?.dockerfiles[proc]
  if (fromHeroku) return insidePath(s.workspace, s.workingDirectory, fromHeroku, `heroku.yml build.docker.${proc}`)
  return path.join(s.context, 'Dockerfile')
}

/** The one place that decides which phases run, and why the others do not. */
export function resolvePlan(p: PlanInputs): ReleasePlan {
  const s = p.settings
  const commands = phaseCommands(p.manifests, p.release)
  const phases = s.phases.map((phase): PhasePlan => {
    const { command, source, at } = commands[phase]
    const skip: SkipReason | undefined =
      command === undefined ? 'no command' : phase === 'first-deploy' && p.firstDeploy === false ? 'not the first deploy' : undefined
    return { phase, command, text: commandText(command), source, skip, at }
  })
  // A digest `image` cannot be pushed to, nor committed under no name: refused here, before any side effect.
  if (s.imageRef)
    checkPrebuilt(
      s.image,
      s.imageRef,
      s.tags,
      s.push,
      phases.some(ph => ph.phase === 'predeploy' && hasCommand(ph.command))
    )
  const image: ImageSource = s.imageRef
    ? { kind: 'reference', ref: s.image, parsed: s.imageRef }
    : { kind: 'build', dockerfile: chooseDockerfile(s, p.manifests), labels: buildLabels(s, p.github, p.now) }
  const tags = s.imageRef ? prebuiltTags(s.imageRef, s.tags) : s.tags.length > 0 ? s.tags : checkedDefaultTags(s, p.github)
  return { settings: s, image, tags, phases, vars: p.vars, release: p.release, sidecars: p.sidecars, firstDeploy: p.firstDeploy }
}

/**
 * design.md §3.2, §6.1 (ADR 0009): a default tag names no registry the user chose, so it is never pushed
 * (docker would send `acme/app:<sha>` to Docker Hub).
 */
function checkedDefaultTags(s: Settings, github: GitHubContext): TagRef[] {
  if (s.push) {
    throw new InputError(
      'push: true needs tags naming where to push (e.g. ghcr.io/owner/app:${{ github.sha }}, lower-case); ' +
        'without tags the image is only named locally, and docker would push that name to Docker Hub'
    )
  }
  return defaultTags(s, github)
}

/**
 * The `docker buildx build` argv of a plan that builds; files are where buildx writes the id and
 * metadata. The image is named for the run only (run-record.ts runImageName).
 */
export function planBuildArgv(plan: ReleasePlan, files: { iidfile: string; metadataFile: string }, runId: string): string[] | null {
  if (plan.image.kind !== 'build') return null
  return buildArgv(plan.settings, { name: runImageName(runId), labels: [...plan.image.labels], dockerfile: plan.image.dockerfile, ...files })
}

/** What is known of the image before tasks are bound; undefined entrypoint = not built yet. */
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
 * design.md §4.2: every running phase's invocation for this image, bound before the first container
 * starts, so a bad exec-mode command stops the run before anything ran. With the image unknown
 * (a dry run before a build) and `entrypoint: auto`, a shell-form command stays undecided.
 */
export function bindPhases(plan: ReleasePlan, image: ImageView): BoundPhase[] {
  const s = plan.settings
  return plan.phases.map(p => {
    if (p.skip || p.command === undefined) return p
    if (image.entrypoint === undefined && s.entrypoint === 'auto' && !Array.isArray(p.command)) return p
    return {
      ...p,
      invocation: annotated(p.at, () =>
        planInvocation(p.command!, s.entrypoint, image.entrypoint ?? null, s.shell, lookupFor(p.phase, plan.vars, image), commandName(p))
      )
    }
  })
}

/** How errors name a phase's command: a command from the input by the input, else by its phase (and `at`). */
export const commandName = (p: PhasePlan): string => (p.source === 'input' ? 'release-command' : `${p.phase} command`)

/** An error about a manifest's command, annotated on the line where the command stands (design.md §9.1). */
export function annotated<T>(at: Location | undefined, work: () => T): T {
  try {
    return work()
  } catch (e) {
    if (at && e instanceof ActionError && !(e instanceof ManifestError)) throw new ManifestError(e.message, at.file, at.line, at.column)
    throw e
  }
}

/** The one way a phase's container is described, for the real run and the dry-run plan alike. */
export function taskSpec(plan: ReleasePlan, phase: Phase, invocation: TaskInvocation, image: string, runId: string): TaskSpec {
  const s = plan.settings
  return {
    phase,
    image,
    invocation,
    runId,
    // With sidecars the task joins the first one's namespace, where every sidecar is at localhost.
    network: plan.sidecars.length > 0 ? `container:${sidecarContainerName(runId, phase, plan.sidecars[0].name)}` : s.network,
    runArgs: s.runArgs,
    init: s.init,
    vars: plan.vars,
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
  sidecars?: ReturnType<typeof sidecarPlan>
}

/**
 * design.md §10: the plan a dry run prints and sets as the `plan` output. The docker argv carry only
 * variable names (`-e NAME`), the same argv the real run would start; run id, image id and temporary
 * files are placeholders.
 */
export function dryRunView(plan: ReleasePlan, phases: BoundPhase[], imageRef: string): DryRunPlan {
  const s = plan.settings
  const argv = planBuildArgv(plan, { iidfile: '<temp>/iid', metadataFile: '<temp>/metadata.json' }, '<run-id>')
  return {
    image: imageRef,
    tags: plan.tags.map(formatRef),
    build: argv ? { argv: ['docker', ...argv] } : null,
    phases: phases.map(p => {
      const mode = p.invocation?.mode ?? (p.skip ? 'none' : 'auto: decided by the built image ENTRYPOINT')
      const spec = p.invocation && taskSpec(plan, p.phase, p.invocation, imageRef || '<built image id>', '<run-id>')
      return {
        phase: p.phase,
        command: p.text,
        source: p.source,
        willRun: !p.skip,
        entrypointMode: mode,
        argv: spec ? ['docker', ...createArgv(spec, containerName('<run-id>', p.phase))] : null
      }
    }),
    variables: {
      secret: [...plan.vars].filter(([, v]) => v.secret).map(([k]) => k),
      plain: [...plan.vars].filter(([, v]) => !v.secret).map(([k]) => k)
    },
    push: s.push ? { tags: plan.tags.map(formatRef) } : null,
    firstDeploy: !s.phases.includes('first-deploy')
      ? 'not requested'
      : plan.firstDeploy === undefined
        ? 'auto: asked of the deployments API at run time'
        : String(plan.firstDeploy),
    // Listed as the first task that runs would start them.
    ...(plan.sidecars.length > 0 ? { sidecars: sidecarPlan([...plan.sidecars], phases.find(p => !p.skip)?.phase ?? 'release', s.network) } : {})
  }
}
