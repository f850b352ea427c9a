import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionError, InputError } from './errors.js'
import type { Settings } from './inputs/settings.js'
import { loadManifests, type Manifests } from './manifests/load.js'
import { nothingToRun, requireManifests } from './manifests/presence.js'
import { chooseReleaseCommand } from './manifests/release-command.js'
import { buildSecretValues, resolveTaskEnv, taskSecrets, type TaskEnv } from './secrets.js'
import type { NamedSecret } from './masking.js'
import { annotated, commandName, resolvePlan, type ReleasePlan } from './release-plan.js'
import { checkSecretFiles } from './image/build-inputs.js'
import { checkDirectory, checkRegularFile, readRegularFile } from './workspace-files.js'
import { checkCommand } from './untrusted.js'
import type { ResolvedSidecar } from './sidecars/spec.js'
import { githubContext, type GitHubContext } from './image/build.js'
import { checkedOutCommit } from './image/git-head.js'
import { checkContextCredentials } from './image/context-credentials.js'
import { engineAddress, engineSecrets, isRemote, type EngineAddress } from './engine/address.js'

const REMOTE_READINESS =
  'sidecars: a readiness probe (ready: {tcp: …}) runs from the runner, which cannot reach the networks of a remote Docker engine; drop ready (the task then starts once the sidecars run) or release on the local engine'

/** What resolving says as it goes, the values it finds that must be masked at once, and the plan as soon as it exists. */
export interface ResolveLog {
  info(line: string): void
  warning(line: string): void
  mask(secrets: NamedSecret[]): void
  /** Before the last checks: the outputs known from the plan are set even when one of them fails. */
  planned?(plan: ReleasePlan, manifests: Manifests): void
}

export interface Resolved {
  plan: ReleasePlan
  manifests: Manifests
  /** The engine, its inputs checked; off this machine when `remote` (design.md §12). */
  address: EngineAddress
  remote: boolean
  /** What the summary notes (a run with nothing to do). */
  notes: string[]
}

/**
 * Settings and manifests to the `ReleasePlan`, in one place (issue 21): every input, manifest and file
 * error is raised here, before any Docker side effect; every value found is masked as soon as it is
 * known. Reads the workspace and the step env (`env`), and asks the deployments API for `first-deploy:
 * auto`; starts no process.
 */
export async function resolveRun(s: Settings, env: NodeJS.ProcessEnv, log: ResolveLog): Promise<Resolved> {
  const manifests = await loadManifests(s)
  log.info(`Manifests found: ${manifests.found.length > 0 ? manifests.found.join(', ') : 'none'}`)
  requireManifests(s, manifests)
  const release = chooseReleaseCommand(manifests.procfile, manifests.herokuYml, s.releaseCommand)
  if (release.warning) log.warning(release.warning)
  const vars = taskVariables(s, manifests, env, log)
  // Each sidecar's values (task variables by name, step env secrets), masked with the task's.
  const { sidecars, sidecarSecrets } = await sidecarsOf(s, vars, env)
  // build-secrets values (read from the step env) are masked like every other secret.
  const buildSecrets = s.image ? [] : buildSecretValues(s.buildSecrets, env)
  const named = [
    ...taskSecrets(vars),
    ...(s.githubToken ? [{ name: 'github-token', value: s.githubToken }] : []),
    ...buildSecrets,
    ...sidecarSecrets,
    ...engineSecrets(s.engine, env)
  ]
  log.mask(named)
  const address = engineAddress(s.engine, env)
  const remote = isRemote(address)
  if (remote && sidecars.some(sc => sc.ready)) throw new InputError(REMOTE_READINESS)
  const plan = resolvePlan({
    settings: s,
    manifests,
    release,
    vars,
    sidecars,
    github: provenance(s, env, log),
    now: new Date(),
    firstDeploy: await decideFirstDeploy(s, log)
  })
  log.planned?.(plan, manifests)
  // Manifests but no command in any requested phase: said in a warning and the summary, never silent.
  const idle = nothingToRun(plan.phases, manifests.found)
  if (idle) log.warning(idle)
  // Commands: no NUL byte, small enough for one argv string (else E2BIG after the build).
  plan.phases.forEach(p => annotated(p.at, () => checkCommand(commandName(p), p.command)))
  if (plan.image.kind === 'build') log.mask(await checkBuildFiles(plan.settings, plan.image.dockerfile))
  return { plan, manifests, address, remote, notes: idle ? [idle] : [] }
}

/**
 * The build's files before the build starts: the context is a directory and the Dockerfile a regular
 * file (both inside the workspace: inputs/settings.ts), no context holds a persisted checkout token; returns the
 * secret-files contents, to be masked.
 */
async function checkBuildFiles(s: Settings, dockerfile: string): Promise<NamedSecret[]> {
  checkDirectory(s.context, `context ${path.relative(s.workspace, s.context) || '.'}`)
  if (!fs.existsSync(dockerfile)) throw new ActionError(`Dockerfile not found: ${path.relative(s.workspace, dockerfile)}`)
  checkRegularFile(dockerfile, `Dockerfile ${path.relative(s.workspace, dockerfile)}`)
  const secretFiles = checkSecretFiles(s, s.workspace)
  // A checkout's persisted token in the context or a local named context (design.md §3.6).
  const contexts = [
    { dir: s.context, name: path.relative(s.workspace, s.context) || '.', dockerfile },
    ...s.buildContexts.filter(c => path.isAbsolute(c.source)).map(c => ({ dir: c.source, name: c.name }))
  ]
  await checkContextCredentials(contexts, s.workspace)
  return secretFiles
}

/** The task variables from every source (design.md §5), with the env files read from the workspace. */
function taskVariables(s: Settings, manifests: Manifests, env: NodeJS.ProcessEnv, log: ResolveLog): TaskEnv {
  // Regular files under the size limit, never followed out of the workspace (workspace-files.ts).
  const envFiles = s.envFiles.map(file => {
    const text = readRegularFile(file, `env-files: ${path.relative(s.workspace, file)}`)
    if (text === undefined) throw new ActionError(`env-files: ${path.relative(s.workspace, file)} does not exist`)
    return { file: path.relative(s.workspace, file), text }
  })
  const { vars, warnings } = resolveTaskEnv({
    secrets: s.secrets,
    env: s.env,
    envFiles,
    secretsDotenv: s.secretsDotenv,
    appEnv: manifests.appJson?.env ?? [],
    processEnv: env
  })
  warnings.forEach(w => log.warning(w))
  return vars
}

/** The `sidecars` input, parsed and given its values (design.md §4.8); its parser loads only when used. */
async function sidecarsOf(s: Settings, vars: TaskEnv, env: NodeJS.ProcessEnv): Promise<{ sidecars: ResolvedSidecar[]; sidecarSecrets: NamedSecret[] }> {
  if (!s.sidecars) return { sidecars: [], sidecarSecrets: [] }
  const { parseSidecars, resolveSidecars, sidecarSecretValues } = await import('./sidecars/spec.js')
  const sidecars = resolveSidecars(parseSidecars(s.sidecars, { network: s.network, runArgs: s.runArgs }), vars, env)
  return { sidecars, sidecarSecrets: sidecarSecretValues(sidecars) }
}

/** `first-deploy` when that phase is requested: the input, or the deployments API (not in a dry run). */
async function decideFirstDeploy(s: Settings, log: ResolveLog): Promise<boolean | undefined> {
  if (!s.phases.includes('first-deploy')) return undefined
  let first: boolean | undefined
  if (s.firstDeploy !== 'auto') first = s.firstDeploy === 'true'
  else if (!s.dryRun) first = await (await import('./first-deploy.js')).isFirstDeploy(s.githubToken, s.environment)
  if (first !== undefined) log.info(`First deploy: ${first}`)
  return first
}

/** The repository and the commit the build context holds (design.md §3.2), said when not GITHUB_SHA. */
function provenance(s: Settings, env: NodeJS.ProcessEnv, log: ResolveLog): GitHubContext {
  const head = s.image ? {} : checkedOutCommit(s.context, s.workspace, env.GITHUB_REPOSITORY)
  const event = env.GITHUB_SHA
  if (head.sha && event && head.sha !== event) {
    log.info(`The build context holds commit ${head.sha}, not the event's ${event}: the image is named and labelled after ${head.sha}`)
  }
  if (head.unreadable && event) {
    log.info(
      `The checkout in ${path.relative(s.workspace, head.unreadable) || '.'} is not this repository's, or its HEAD could not be read here; the image is named and labelled after the event's commit ${event}`
    )
  }
  return githubContext(env, head.sha)
}
