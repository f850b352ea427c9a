import * as core from './runner.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionError, InputError, ManifestError } from './errors.js'
import { envInput, readSettings, type Settings } from './inputs.js'
import { loadManifests, type Manifests } from './manifests/load.js'
import { nothingToRun, requireManifests } from './manifests/presence.js'
import { chooseReleaseCommand, commandText } from './manifests/release-command.js'
import { buildSecretValues, hiddenOutputs, maskValues, noMasks, redact, resolveTaskEnv, taskSecrets, type NamedSecret, type TaskEnv } from './secrets.js'
import { emptyResult, outputValues, writeOutputs, writeSummary, type RunResult } from './outputs.js'
import { annotated, commandName, resolvePlan, type ReleasePlan } from './release-plan.js'
import { RunScope } from './run-scope.js'
import { saveRun } from './state.js'
import { checkBuildFiles as checkSecretFiles } from './build-inputs.js'
import { checkDirectory, checkRegularFile, readRegularFile } from './workspace-files.js'
import { checkCommand } from './untrusted.js'
import type { ResolvedSidecar } from './sidecars/spec.js'
import { githubContext, type GitHubContext } from './build.js'
import { checkedOutCommit } from './git-head.js'
import { checkContextCredentials } from './context-credentials.js'
import { DockerCli } from './docker/cli.js'
import { checkEngine } from './docker/image.js'
import { openEngine, isRemote, resolveContext, engineSecrets, type Engine } from './engine/connect.js'
import { chooseAddress } from './engine/address.js'

const REMOTE_READINESS =
  'sidecars: a readiness probe (ready: {tcp: …}) runs from the runner, which cannot reach the networks of a remote Docker engine; drop ready (the task then starts once the sidecars run) or release on the local engine'

/**
 * The main step: resolve the plan (every input error is raised here, before any Docker side
 * effect), then either print it (dry run) or execute it. Outputs and the summary are written
 * whatever the outcome.
 */
export async function run(): Promise<void> {
  const result = emptyResult()
  const masks = noMasks()
  const mask = (secrets: NamedSecret[]): void =>
    void maskValues(
      secrets,
      v => core.setSecret(v),
      w => core.warning(w),
      masks
    )
  let scope: RunScope | undefined
  let link: Engine | undefined
  let removeSignalHandlers = (): void => undefined
  try {
    const s = readSettings(envInput())
    const manifests = await loadManifests(s)
    core.info(`Manifests found: ${manifests.found.length > 0 ? manifests.found.join(', ') : 'none'}`)
    requireManifests(s, manifests)
    const release = chooseReleaseCommand(manifests.procfile, manifests.herokuYml, s.releaseCommand)
    if (release.warning) core.warning(release.warning)
    const vars = taskVariables(s, manifests)
    // Each sidecar's values (task variables by name, step env secrets), masked with the task's.
    const { sidecars, sidecarSecrets } = await sidecarsOf(s, vars)
    // build-secrets values (read from the step env) are masked like every other secret.
    const buildSecrets = s.image ? [] : buildSecretValues(s.buildSecrets, process.env)
    const named = [
      ...taskSecrets(vars),
      ...(s.githubToken ? [{ name: 'github-token', value: s.githubToken }] : []),
      ...buildSecrets,
      ...sidecarSecrets,
      ...engineSecrets(s.engine, process.env)
    ]
    mask(named)
    const remote = isRemote(resolveContext(chooseAddress(s.engine, process.env), process.env))
    if (remote && sidecars.some(sc => sc.ready)) throw new InputError(REMOTE_READINESS)
    const plan = resolvePlan({
      settings: s,
      manifests,
      release,
      vars,
      sidecars,
      github: provenance(s),
      now: new Date(),
      firstDeploy: await decideFirstDeploy(s)
    })
    describePlan(result, plan, manifests)
    // Manifests but no command in any requested phase: said in a warning and the summary, never silent.
    const idle = nothingToRun(plan.phases, manifests.found)
    if (idle) {
      core.warning(idle)
      result.notes = [idle]
    }
    // Commands: no NUL byte, small enough for one argv string (else E2BIG after the build).
    plan.phases.forEach(p => annotated(p.at, () => checkCommand(commandName(p), p.command)))
    if (plan.image.kind === 'build') mask(await checkBuildFiles(plan.settings, plan.image.dockerfile))
    if (s.dryRun) {
      await (await import('./dry-run.js')).dryRun(plan, result, { lookup: !s.engine.host && !s.engine.context && !remote })
      return
    }

    // Everything above is validation; Docker side effects start here.
    scope = RunScope.create()
    saveRun(scope.runId, scope.tempDir)
    // A remote engine is reached (host key, key, its docker) before anything else is done (design.md §12).
    link = await openEngine(s.engine, scope.tempDir)
    const cli = new DockerCli(undefined, link)
    removeSignalHandlers = installSignalHandlers(cli, scope)
    // The daemon check runs beside the first command instead of before it; its verdict is awaited
    // before that command's result is used, so an unreachable engine still gets its own error.
    const engine = checkEngine(cli)
    engine.catch(() => undefined)
    if (link.remote) await engine
    const { execute } = await import('./execute.js')
    await execute(plan, { cli, scope, engine, result, masks })
  } catch (e) {
    result.error = reportError(e, masks.forms)
  } finally {
    try {
      hiddenOutputs(outputValues(result), masks).forEach(w => core.warning(w))
      writeOutputs(result)
      writeSummary(result, masks.forms)
    } catch (e) {
      core.warning(`could not write the outputs or the job summary: ${(e as Error).message}`)
    }
    // Removals run beside the next step; none may be left when the step ends.
    const closeLink = async (): Promise<void> =>
      link?.close().catch((e: Error) => core.warning(`could not close the connection to ${link!.name}: ${e.message}`))
    await scope?.close(closeLink)
    removeSignalHandlers()
  }
}

/**
 * The build's files before the build starts: the context is a directory and the Dockerfile a regular
 * file (both inside the workspace: inputs.ts), no context holds a persisted checkout token; returns the
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
  const large = await checkContextCredentials(contexts, s.workspace)
  if (large) core.warning(large)
  return secretFiles
}

/** The task variables from every source (design.md §5), with the env files read from the workspace. */
function taskVariables(s: Settings, manifests: Manifests): TaskEnv {
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
    processEnv: process.env
  })
  warnings.forEach(w => core.warning(w))
  return vars
}

/** The `sidecars` input, parsed and given its values (design.md §4.8); its parser loads only when used. */
async function sidecarsOf(s: Settings, vars: TaskEnv): Promise<{ sidecars: ResolvedSidecar[]; sidecarSecrets: NamedSecret[] }> {
  if (!s.sidecars) return { sidecars: [], sidecarSecrets: [] }
  const { parseSidecars, resolveSidecars, sidecarSecretValues } = await import('./sidecars/spec.js')
  const sidecars = resolveSidecars(parseSidecars(s.sidecars, { network: s.network, runArgs: s.runArgs }), vars, process.env)
  return { sidecars, sidecarSecrets: sidecarSecretValues(sidecars) }
}

/** `first-deploy` when that phase is requested: the input, or the deployments API (not in a dry run). */
async function decideFirstDeploy(s: Settings): Promise<boolean | undefined> {
  if (!s.phases.includes('first-deploy')) return undefined
  let first: boolean | undefined
  if (s.firstDeploy !== 'auto') first = s.firstDeploy === 'true'
  else if (!s.dryRun) first = await (await import('./first-deploy.js')).isFirstDeploy(s.githubToken, s.environment)
  if (first !== undefined) core.info(`First deploy: ${first}`)
  return first
}

/** The repository and the commit the build context holds (design.md §3.2), said when not GITHUB_SHA. */
function provenance(s: Settings): GitHubContext {
  const head = s.image ? {} : checkedOutCommit(s.context, s.workspace, process.env.GITHUB_REPOSITORY)
  const event = process.env.GITHUB_SHA
  if (head.sha && event && head.sha !== event) {
    core.info(`The build context holds commit ${head.sha}, not the event's ${event}: the image is named and labelled after ${head.sha}`)
  }
  if (head.unreadable && event) {
    core.info(
      `The checkout in ${path.relative(s.workspace, head.unreadable) || '.'} is not this repository's, or its HEAD could not be read here; the image is named and labelled after the event's commit ${event}`
    )
  }
  return githubContext(process.env, head.sha)
}

/** The outputs known from the plan alone, so they are set even when the run fails early. */
function describePlan(result: RunResult, plan: ReleasePlan, manifests: Manifests): void {
  result.releaseCommand = commandText(plan.release.command)
  result.releaseSource = plan.release.source
  result.processes = Object.fromEntries((manifests.procfile ?? []).filter(e => e.name !== 'release').map(e => [e.name, e.command]))
  result.postdeployCommand = manifests.appJson?.postdeploy ?? ''
  result.firstDeployCommand = manifests.appJson?.firstDeploy ?? ''
  result.firstDeploy = plan.firstDeploy
  result.phases = plan.phases.map(p => ({ phase: p.phase, command: p.text, status: 'not-run', exitCode: null, durationSeconds: null }))
}

function reportError(e: unknown, secrets: string[]): string {
  // Docker's own stderr can quote a value: the error line is redacted like the summary.
  const message = redact(e instanceof Error ? e.message : String(e), secrets)
  if (process.env.RUNNER_DEBUG === '1' && e instanceof Error && e.stack) core.debug(e.stack)
  if (e instanceof ManifestError) {
    core.error(message, { file: e.file, startLine: e.line, startColumn: e.column })
  } else if (e instanceof ActionError) {
    core.error(message)
  } else {
    core.error(`unexpected failure: ${message}`)
  }
  process.exitCode = 1
  return message
}

/**
 * SIGINT/SIGTERM (a cancelled job): stop the running task container with its grace so a migration can
 * roll back, remove it, end a running build, and let run() fail with its outputs written. No later
 * step starts (RunScope.throwIfCancelled). A second signal skips the grace but still removes, then exits.
 * The signal is said at once as a plain line: while a task or a build is relayed the runner obeys no
 * command (design.md §5.6), so the warning annotation is issued when the handlers are removed, after.
 */
function installSignalHandlers(cli: DockerCli, scope: RunScope): () => void {
  let signals = 0
  const warnings: string[] = []
  const stopStreams = scope.onCancel(() => void cli.cancelStreams())
  const handler = (signal: NodeJS.Signals): void => {
    signals++
    const force = signals > 1
    const said = `received ${signal}: ${force ? 'removing the task container now' : 'stopping the running task container'}`
    // A task may be mid-line, and the runner reads a line only at its end (design.md §4.7).
    process.stdout.write('\n')
    core.info(said)
    warnings.push(said)
    void scope.cancel(force).then(names => {
      if (names.length > 0) core.info(`removed ${names.join(', ')}`)
      // run() ends by itself (outputs, summary, deferred removals); exit only if docker hangs.
      if (force) setTimeout(() => process.exit(1), 10_000).unref()
    })
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    stopStreams()
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
    warnings.forEach(w => core.warning(w))
  }
}
