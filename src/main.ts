import * as core from './runner.js'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ActionError, DockerError, ManifestError } from './errors.js'
import { envInput, insidePath, readSettings, type Phase, type Settings } from './inputs.js'
import { loadManifests, type Manifests } from './manifests/load.js'
import { chooseReleaseCommand, commandText } from './manifests/release-command.js'
import { maskValues, resolveTaskEnv, type TaskEnv } from './secrets.js'
import { emptyResult, writeOutputs, writeSummary, type RunResult } from './outputs.js'
import { saveRun } from './state.js'
import { DockerCli, Tail, findDocker } from './docker/cli.js'
import { BUILDX_MISSING, checkEngine, imageEnv, inspectImage, isBuildxMissing, type ImageInfo } from './docker/image.js'
import { buildArgv, buildLabels, defaultTags, githubContext } from './docker/build.js'
import { dryRunPlan, planTasks, taskSpec, type PlannedPhase } from './plan.js'
import { cancelActiveTasks, isCancelled, removeContainer, removeLater, runTask, settleRemovals } from './docker/task.js'
import { pushTags, repositoryOf } from './docker/push.js'
import { formatDuration } from './duration.js'

/** The command of each phase (SPEC 4 table); the release one as chosen by SPEC 2.5. */
export function phaseCommands(m: Manifests, release: string | string[] | undefined): Record<Phase, string | string[] | undefined> {
  return {
    predeploy: m.appJson?.predeploy,
    release,
    postdeploy: m.appJson?.postdeploy,
    'first-deploy': m.appJson?.firstDeploy
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

function reportError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
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

export async function run(): Promise<void> {
  const result: RunResult = emptyResult()
  let masked: string[] = []
  let tempDir: string | undefined
  const cleanupSignals: (() => void)[] = []
  let removeAtEnd: (() => Promise<void>) | undefined
  try {
    const s = readSettings(envInput())
    const manifests = await loadManifests(s)
    core.info(manifests.found.length > 0 ? `Manifests found: ${manifests.found.join(', ')}` : 'Manifests found: none')
    const choice = chooseReleaseCommand(manifests.procfile, manifests.herokuYml, s.releaseCommand)
    if (choice.warning) core.warning(choice.warning)
    result.releaseCommand = commandText(choice.command)
    result.releaseSource = choice.source
    result.processes = Object.fromEntries((manifests.procfile ?? []).filter(e => e.name !== 'release').map(e => [e.name, e.command]))
    result.postdeployCommand = manifests.appJson?.postdeploy ?? ''
    result.firstDeployCommand = manifests.appJson?.firstDeploy ?? ''
    const commands = phaseCommands(manifests, choice.command)
    const planned: PlannedPhase[] = s.phases.map(phase => ({ phase, command: commands[phase], text: commandText(commands[phase]) }))
    result.phases = planned.map(p => ({ phase: p.phase, command: p.text, status: 'not-run', exitCode: null, durationSeconds: null }))

    const envFiles = s.envFiles.map(file => {
      if (!fs.existsSync(file)) throw new ActionError(`env-files: ${path.relative(s.workspace, file)} does not exist`)
      return { file: path.relative(s.workspace, file), text: fs.readFileSync(file, 'utf8') }
    })
    const { vars, warnings } = resolveTaskEnv({ secrets: s.secrets, env: s.env, envFiles, secretsDotenv: s.secretsDotenv, appEnv: manifests.appJson?.env ?? [], processEnv: process.env })
    masked = maskValues(vars, s.githubToken ? [s.githubToken] : [], v => core.setSecret(v))
    warnings.forEach(w => core.warning(w))
    const dockerfile = s.image ? '' : chooseDockerfile(s, manifests)
    if (dockerfile && !fs.existsSync(dockerfile)) throw new ActionError(`Dockerfile not found: ${path.relative(s.workspace, dockerfile)}`)

    if (planned.some(p => p.phase === 'first-deploy')) {
      if (s.firstDeploy !== 'auto') result.firstDeploy = s.firstDeploy === 'true'
      else if (!s.dryRun) result.firstDeploy = await (await import('./first-deploy.js')).isFirstDeploy(s.githubToken, s.environment)
      if (result.firstDeploy !== undefined) core.info(`First deploy: ${result.firstDeploy}`)
    }
    const gh = githubContext(process.env)
    if (s.dryRun) {
      await dryRun(s, planned, manifests, vars, result, dockerfile, gh)
      return
    }

    // Everything above is validation; Docker side effects start here.
    const runId = randomBytes(6).toString('hex')
    tempDir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'release-phase-'))
    saveRun(runId, tempDir)
    const cli = new DockerCli()
    cleanupSignals.push(installSignalHandlers(cli))
    // The daemon check runs beside the first command instead of before it; its verdict is awaited
    // before that command's result is used, so an unreachable engine still gets its own error.
    const engine = checkEngine(cli)
    engine.catch(() => undefined)
    if (s.buildxVersion && !s.image) {
      await engine
      await (await import('./buildx-install.js')).ensureBuildx(cli, s.buildxVersion, s.buildxDownloadUrl)
    }

    let info: ImageInfo
    let tags: string[]
    if (s.image) {
      await engine
      info = await useImage(cli, s.image)
      tags = s.tags.length > 0 ? s.tags : [s.image]
      for (const t of s.tags) await cli.ok(['tag', info.id, t], `docker tag ${t}`)
    } else {
      tags = s.tags.length > 0 ? s.tags : defaultTags(s, gh)
      const iidfile = path.join(tempDir, 'iid')
      const metadataFile = path.join(tempDir, 'metadata.json')
      const argv = buildArgv(s, { tags, labels: buildLabels(s, gh, new Date()), dockerfile, iidfile, metadataFile })
      checkCancelled()
      core.startGroup(`Building ${tags[0]}`)
      const tail = new Tail(5)
      const code = await cli.stream(argv, { cancellable: true, onChunk: b => tail.push(b) }).finally(() => core.endGroup())
      await engine
      checkCancelled()
      if (code !== 0 && isBuildxMissing(tail.text())) throw new DockerError(BUILDX_MISSING)
      if (code !== 0) throw new ActionError(`docker buildx build failed with exit code ${code}`)
      result.metadata = fs.existsSync(metadataFile) ? fs.readFileSync(metadataFile, 'utf8').trim() : ''
      const id = fs.readFileSync(iidfile, 'utf8').trim()
      const inspected = await inspectImage(cli, id)
      if (!inspected) throw new ActionError(`the built image ${id} is not in the local engine (was --load ignored by the builder?)`)
      info = inspected
    }
    result.tags = tags
    result.image = tags[0]
    result.imageId = info.id

    // Plan every task before the first container starts: exec-mode errors must not leave half a release.
    planTasks(planned, s, vars, { entrypoint: info.entrypoint, env: imageEnv(info) }, result.firstDeploy)

    for (let i = 0; i < planned.length; i++) {
      const p = planned[i]
      const r = result.phases[i]
      if (!p.invocation) {
        r.status = 'skipped'
        core.info(`${p.phase}: ${p.command === undefined ? 'no command' : 'not the first deploy'}, skipped`)
        continue
      }
      checkCancelled()
      core.info(`Running ${p.phase} task: ${p.text}`)
      core.startGroup(`${p.phase} output`)
      const outcome = await runTask(cli, taskSpec(s, p.phase, p.invocation, info.id, runId, vars)).finally(() => core.endGroup())
      Object.assign(r, { exitCode: outcome.exitCode, durationSeconds: outcome.durationSeconds })
      if (outcome.status !== 'succeeded') {
        r.status = outcome.status === 'timed-out' ? 'timed-out' : 'failed'
        result.failure = { phase: p.phase, tail: outcome.tail }
        if (outcome.status === 'cancelled') throw new ActionError(`${p.phase} task was cancelled; its container was stopped and removed`)
        if (outcome.status === 'timed-out') throw new ActionError(`${p.phase} task timed out after ${formatDuration(s.timeoutSeconds)}`)
        throw new ActionError(`${p.phase} task failed with exit code ${outcome.exitCode}: ${p.text}`)
      }
      if (p.phase === 'predeploy') {
        // [commit hook] the commit takes the run's deferred-work list and log; the image the action
        // built (never a given `image`) is removed once superseded and unreferenced (issue 12).
        const commit = await import('./docker/commit.js')
        const built = s.image ? undefined : info.id
        let tmpRemoved: Promise<unknown> = Promise.resolve()
        try {
          const committed = await commit.commitPredeploy(cli, outcome.container, info, tags, `release-phase predeploy: ${p.text}`, { later: removeLater, log: l => core.info(l) })
          // The commit carries the original config exactly: only the id (and the label) changed.
          info = { ...info, id: committed.id, repoDigests: [] }
          result.imageId = committed.id
          tmpRemoved = committed.tmpRemoved
          // containerd store: only after the run, so the removal cannot race the release's first unpack.
          if (built && committed.containerdStore) removeAtEnd = () => commit.removeSuperseded(cli, built, l => core.info(l))
        } finally {
          const gone = removeContainer(cli, outcome.container)
          removeLater(gone)
          if (built && result.imageId !== built && !removeAtEnd) {
            removeLater(Promise.all([gone, tmpRemoved]).then(() => commit.removeSuperseded(cli, built, l => core.info(l))))
          }
        }
      }
      r.status = 'succeeded'
    }

    checkCancelled()
    if (s.push) {
      core.startGroup(`Pushing ${tags.join(', ')}`)
      result.digest = await pushTags(cli, tags).finally(() => core.endGroup())
      result.image = `${repositoryOf(tags[0])}@${result.digest}`
    } else {
      // A pulled, unchanged image already has a registry digest: name it exactly for the deploy job.
      // (A predeploy commit makes a new image with none, so nothing is claimed then.)
      const repo = repositoryOf(tags[0])
      const known = info.repoDigests.find(d => d.startsWith(`${repo}@`))
      if (known) {
        result.digest = known.slice(repo.length + 1)
        result.image = known
      }
    }
    result.released = true
    core.info(`Released ${result.image} (${result.imageId})`)
  } catch (e) {
    result.error = reportError(e)
  } finally {
    writeOutputs(result)
    try {
      writeSummary(result, masked)
    } catch (e) {
      core.warning(`could not write the job summary: ${(e as Error).message}`)
    }
    // Removals run beside the next step; none may be left when the step ends.
    await settleRemovals()
    if (removeAtEnd) await removeAtEnd().catch(() => undefined)
    cleanupSignals.forEach(f => f())
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true })
  }
}

/**
 * SPEC 10: resolve everything a real run would, print the plan, set `plan`; no build, container,
 * push or download. A pre-built image is inspected when the engine has it (reading changes nothing),
 * so its entrypoint mode is known; otherwise `auto` stays undecided.
 */
async function dryRun(
  s: Settings,
  planned: PlannedPhase[],
  manifests: Manifests,
  vars: TaskEnv,
  result: RunResult,
  dockerfile: string,
  gh: ReturnType<typeof githubContext>
): Promise<void> {
  let known: ImageInfo | undefined
  if (s.image && findDocker()) known = await inspectImage(new DockerCli(), s.image).catch(() => undefined)
  planTasks(planned, s, vars, { entrypoint: known ? known.entrypoint : undefined, env: known ? imageEnv(known) : new Map() }, result.firstDeploy)
  const tags = s.image ? (s.tags.length > 0 ? s.tags : [s.image]) : s.tags.length > 0 ? s.tags : defaultTags(s, gh)
  const sources = { predeploy: 'app.json', release: result.releaseSource, postdeploy: 'app.json', 'first-deploy': 'app.json' }
  const argv = s.image
    ? null
    : buildArgv(s, { tags, labels: buildLabels(s, gh, new Date()), dockerfile, iidfile: '<temp>/iid', metadataFile: '<temp>/metadata.json' })
  const plan = dryRunPlan({ s, planned, sources, vars, tags, buildArgv: argv, imageRef: known?.id ?? s.image, firstDeploy: result.firstDeploy })
  core.info('Dry run: nothing is built, run or pushed. The plan:')
  if (plan.build) core.info(`  build: ${plan.build.argv.join(' ')}`)
  for (const p of plan.phases) {
    core.info(`  ${p.phase}: ${p.willRun ? `${p.command} [${p.entrypointMode}]` : 'skipped'}`)
    if (p.argv) core.info(`    ${p.argv.join(' ')}`)
  }
  core.info(`  variables: ${[...plan.variables.secret.map(n => `${n} (secret)`), ...plan.variables.plain].join(', ') || 'none'}`)
  if (plan.push) core.info(`  push: ${plan.push.tags.join(', ')}`)
  result.tags = tags
  result.image = tags[0]
  result.plan = JSON.stringify(plan)
  for (const r of result.phases) r.status = planned.find(p => p.phase === r.phase)?.command === undefined ? 'skipped' : 'not-run'
}

/** A pre-built image (SPEC 3): used as is, pulled when absent. */
async function useImage(cli: DockerCli, ref: string): Promise<ImageInfo> {
  let info = await inspectImage(cli, ref)
  if (!info) {
    core.startGroup(`Pulling ${ref}`)
    const code = await cli.stream(['pull', ref], { cancellable: true }).finally(() => core.endGroup())
    checkCancelled()
    if (code !== 0) throw new ActionError(`docker pull ${ref} failed with exit code ${code}`)
    info = await inspectImage(cli, ref)
    if (!info) throw new ActionError(`image ${ref} is not in the local engine after pulling it`)
  }
  return info
}

function checkCancelled(): void {
  if (isCancelled()) throw new ActionError('cancelled by a signal before the next step started; nothing further was run or pushed')
}

/**
 * SIGINT/SIGTERM (a cancelled job): stop the running task container with its grace so a migration can
 * roll back, remove it, end a running build, and let run() fail with its outputs written. No later
 * step starts (checkCancelled). A second signal skips the grace but still removes, then exits.
 */
function installSignalHandlers(cli: DockerCli): () => void {
  let signals = 0
  const handler = (signal: NodeJS.Signals): void => {
    signals++
    const force = signals > 1
    core.warning(`received ${signal}: ${force ? 'removing the task container now' : 'stopping the running task container'}`)
    cli.cancelStreams()
    void cancelActiveTasks(cli, force).then(names => {
      if (names.length > 0) core.info(`removed ${names.join(', ')}`)
      if (force) process.exit(1)
    })
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}
