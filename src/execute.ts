import * as core from './runner.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionError, DockerError, lastLine } from './errors.js'
import type { RunResult, PhaseResult } from './outputs.js'
import type { RunScope } from './run-scope.js'
import { bindPhases, planBuildArgv, taskSpec, type BoundPhase, type ReleasePlan } from './release-plan.js'
import { Tail, type DockerClient } from './docker/cli.js'
import { BUILDX_MISSING, imageEnv, inspectImage, isBuildxMissing, type ImageInfo } from './image/inspect.js'
import { removeContainer, runTask, type TaskOutcome } from './task/run.js'
import { initArgs } from './task/argv.js'
import { promoteIndex, pushTags } from './image/push.js'
import { acquireReference } from './image/acquire.js'
import { promotionWarning, registrySource, unpushedImage } from './image/prebuilt.js'
import { formatDuration } from './inputs/duration.js'
import { startSidecars } from './sidecars/pod.js'
import { formatRef, parseTagRef, refName, type ImageRef, type TagRef } from './image/ref.js'
import { runImageName } from './run-record.js'
import { buildFailure, namedMetadata } from './image/build.js'
import { repeatsEntrypoint } from './task/entrypoint.js'
import { cleanScanLine, findingMessage, scanForms } from './commit/scan.js'
import type { Masks } from './secrets.js'
import { fallback, isFallback, type Fallback } from './commit/fallback.js'
import type { OpenProbe } from './commit/commit.js'

/** What execute needs besides the plan; `engine` is the daemon check started beside the first command. */
export interface ExecuteContext {
  cli: DockerClient
  scope: RunScope
  engine: Promise<void>
  result: RunResult
  /** Every masked form and whose value it is: to redact sidecar logs, and to search predeploy's files. */
  masks: Masks
}

/**
 * Walks a resolved plan: acquire the image → bind the phases to it → run them in order (committing
 * predeploy) → publish. Fills `result` as it goes, so outputs are written whatever the outcome.
 */
export async function execute(plan: ReleasePlan, outer: ExecuteContext): Promise<void> {
  const ctx: RunContext = { ...outer, own: runName(outer) }
  const { result } = ctx
  let info = await acquireImage(plan, ctx)
  const acquired = info.id
  result.tags = plan.tags.map(formatRef)
  result.imageId = info.id

  // Bound before the first container starts: exec-mode errors must not leave half a release.
  const phases = bindPhases(plan, { entrypoint: info.entrypoint, env: imageEnv(info) })
  for (const [i, p] of phases.entries()) {
    info = await runPhase(plan, p, info, result.phases[i], ctx)
  }
  ctx.scope.throwIfCancelled()
  // Every phase passed: only now do the tags move, on the engine, then in the registry (design.md §9.3).
  await moveTags(plan, info.id, ctx)
  result.image = result.tags[0] ?? unpushedImage([], [], source(plan)).image
  await publish(plan, info, info.id === acquired, ctx)
  result.released = true
  core.info(`Released ${result.image} (${result.imageId})`)
}

/** The run's private name for its image until the release passed (run-record.ts), and whether it was given. */
interface RunName {
  ref: TagRef
  /** Called once the name is on an image: a run that ends before moveTags removes it then. */
  given(): void
  /** The tags moved: the name is removed now, and not again at the end. */
  release(): Promise<void>
}

interface RunContext extends ExecuteContext {
  own: RunName
}

/**
 * A failed or cancelled run leaves every tag where it was (issue 33). The image its phases ran in is
 * named only for the run; when the run ends short of moveTags, the name goes, and with it the image,
 * unless something else (an older tag of the same content, a container) still holds it.
 */
function runName(ctx: ExecuteContext): RunName {
  const name = runImageName(ctx.scope.runId)
  let state: 'none' | 'given' | 'released' = 'none'
  const remove = () => ctx.cli.exec(['image', 'rm', name])
  return {
    ref: parseTagRef(name),
    given: () => {
      if (state !== 'none') return
      state = 'given'
      ctx.scope.atClose(async () => {
        if (state !== 'given') return
        const r = await remove()
        const deleted = r.code === 0 ? /^Deleted: (\S+)/m.exec(r.stdout)?.[1] : undefined
        core.info(`no tag was moved${deleted ? `; removed the image whose phases did not all pass (${deleted})` : ''}`)
      })
    },
    release: async () => {
      if (state !== 'given') return
      state = 'released'
      const r = await remove()
      // The tags did move; a name left behind is said, and the post step removes it.
      if (r.code !== 0) core.warning(`could not remove the run's own name ${name} from the released image: ${lastLine(r.stderr)}`)
    }
  }
}

/** Points each requested tag at the image whose phases passed, then drops the run's own name. */
async function moveTags(plan: ReleasePlan, id: string, ctx: RunContext): Promise<void> {
  for (const t of plan.tags.map(formatRef)) await ctx.cli.ok(['tag', id, t], `docker tag ${t}`)
  await ctx.own.release()
}

/** The image the tasks run in: built from the workspace, or the given reference (pulled when absent). */
async function acquireImage(plan: ReleasePlan, ctx: RunContext): Promise<ImageInfo> {
  const { cli, scope } = ctx
  const s = plan.settings
  // Before buildx is installed: nothing is done for a build that would drop them.
  if (s.annotations.length > 0 && plan.image.kind === 'build') await checkAnnotationsKept(plan, ctx)
  if (s.buildxVersion && plan.image.kind === 'build') {
    await ctx.engine
    await (await import('./image/buildx-install.js')).ensureBuildx(cli, s.buildxVersion, s.buildxDownloadUrl)
  }
  if (plan.image.kind === 'reference') {
    await ctx.engine
    return acquireReference(cli, plan.image.ref, plan.image.parsed, () => scope.throwIfCancelled())
  }
  const files = { iidfile: path.join(scope.tempDir, 'iid'), metadataFile: path.join(scope.tempDir, 'metadata.json') }
  scope.throwIfCancelled()
  core.startGroup(`Building ${formatRef(plan.tags[0])}`)
  const tail = new Tail(5)
  ctx.own.given()
  const code = await cli.stream(planBuildArgv(plan, files, scope.runId)!, { cancellable: true, onChunk: b => tail.push(b) }).finally(() => core.endGroup())
  await ctx.engine
  scope.throwIfCancelled()
  if (code !== 0 && isBuildxMissing(tail.text())) throw new DockerError(BUILDX_MISSING)
  if (code !== 0) throw new ActionError(buildFailure(code, tail.text(), cli.remote))
  ctx.result.metadata = fs.existsSync(files.metadataFile) ? namedMetadata(fs.readFileSync(files.metadataFile, 'utf8').trim(), plan.tags) : ''
  const id = fs.readFileSync(files.iidfile, 'utf8').trim()
  const inspected = await inspectImage(cli, id)
  if (!inspected) throw new ActionError(`the built image ${id} is not in the local engine (was --load ignored by the builder?)`)
  return inspected
}

/**
 * design.md §3.1: manifest annotations are never dropped in silence. The classic image store keeps no
 * manifest of a `--load`ed image (docker push then writes one without them), and the predeploy commit
 * writes a new manifest on either store: both are refused before the build, with what to do instead.
 */
async function checkAnnotationsKept(plan: ReleasePlan, ctx: ExecuteContext): Promise<void> {
  const commit = plan.phases.some(p => p.phase === 'predeploy' && !p.skip)
  const status = await ctx.cli.exec(['info', '--format', '{{json .DriverStatus}}'])
  await ctx.engine
  if (status.code !== 0) throw new DockerError(`annotations: could not tell this engine's image store (docker info: ${lastLine(status.stderr)})`)
  const containerdStore = status.stdout.includes('io.containerd.snapshotter')
  if (containerdStore && !commit) return
  const why = containerdStore
    ? 'the predeploy commit writes a new manifest, which keeps the config and labels but no manifest annotation'
    : "this engine's classic image store keeps no manifest for a loaded image, and docker push writes one without annotations"
  throw new ActionError(
    `annotations: ${why}, so they would be dropped. Use labels (LABEL in the Dockerfile or the labels input), ` +
      'or build and push with docker/build-push-action and give its digest as image'
  )
}

/** The pre-built image reference, parsed; undefined for a build. */
function source(plan: ReleasePlan): ImageRef | undefined {
  return plan.image.kind === 'reference' ? plan.image.parsed : undefined
}

/** Runs one phase; returns the image later phases run in (a new one after a predeploy commit). */
async function runPhase(plan: ReleasePlan, p: BoundPhase, info: ImageInfo, r: PhaseResult, ctx: RunContext): Promise<ImageInfo> {
  const { cli, scope } = ctx
  if (p.skip || !p.invocation) {
    r.status = 'skipped'
    core.info(`${p.phase}: ${p.skip ?? 'no command'}, skipped`)
    return info
  }
  scope.throwIfCancelled()
  // Sidecars start and are ready before the task, which joins their namespace; removed after it.
  const pod = await startSidecars(
    cli,
    [...plan.sidecars],
    scope,
    { phase: p.phase, network: plan.settings.network, secrets: ctx.masks.forms },
    (ctx.result.sidecars ??= [])
  )
  // A Heroku user expects a shell: say when the words go to the image's ENTRYPOINT instead.
  const how = p.invocation.mode === 'exec' ? ` (as arguments of the image's ENTRYPOINT ${JSON.stringify(info.entrypoint)}, without a shell)` : ''
  const probe = p.phase === 'predeploy' ? openProbeBeside(info, ctx) : Promise.resolve(undefined)
  core.info(`Running ${p.phase} task: ${p.text}${how}`)
  core.startGroup(`${p.phase} output`)
  const outcome = await runTask(cli, taskSpec(plan, p.phase, p.invocation, info.id, scope.runId), scope)
    .finally(() => core.endGroup())
    .finally(() => pod?.stop())
  Object.assign(r, { exitCode: outcome.exitCode, durationSeconds: outcome.durationSeconds })
  if (outcome.status !== 'succeeded') {
    // A cancel is neither the task's failure nor a timeout: a later job must be able to tell them apart.
    r.status = outcome.status
    ctx.result.failure = { phase: p.phase, tail: outcome.tail }
    throw taskError(plan, p, outcome, info)
  }
  if (p.phase !== 'predeploy') {
    r.status = 'succeeded'
    return info
  }
  const tmpId = await scanBesideCommit(plan, p, outcome.container, r, ctx, probe)
  r.status = 'succeeded'
  return commit(plan, p, info, outcome, tmpId, ctx, await probe)
}

/**
 * While the predeploy task runs (issue 22: off the commit step), the commit's code loads and, on the
 * containerd store, its manifest probe opens (commit/commit.ts openProbe). The commit closes it; so
 * does the run's end, for a task that failed or a run that was cancelled.
 */
function openProbeBeside(info: ImageInfo, ctx: ExecuteContext): Promise<OpenProbe | Fallback | undefined> {
  const loaded = import('./commit/commit.js')
  if (!info.containerdStore)
    return loaded.then(
      () => undefined,
      () => undefined
    )
  // openProbe never rejects; the chunk's import might: a rejection here must not go unobserved while the task runs.
  const probe = loaded.then(
    m => m.openProbe(ctx.cli, ctx.scope.runId),
    (e: Error) => fallback(`the probe's code did not load (${e.message})`)
  )
  ctx.scope.atClose(async () => {
    const open = await probe
    if (open && !isFallback(open)) await open.close()
  })
  return probe
}

/**
 * Before anything is named or pushed, the files the predeploy task wrote are searched for secrets: a
 * value in a file would be pushed with the image, so such a predeploy has failed. The temporary commit
 * is made meanwhile (issue 22): both read the same layer, and it names nothing but the probe's
 * reference (containerd store). Returns its id once the scan has passed and the run was not cancelled
 * meanwhile.
 */
async function scanBesideCommit(
  plan: ReleasePlan,
  p: BoundPhase,
  container: string,
  r: PhaseResult,
  ctx: ExecuteContext,
  probe: Promise<OpenProbe | Fallback | undefined>
): Promise<string> {
  const { cli, scope } = ctx
  const { temporaryCommit } = await import('./commit/commit.js')
  // The scan need not wait for the probe's route check; only the commit, which is named after it.
  const made = probe
    .then(pr => temporaryCommit(cli, container, scope.runId, pr))
    .then(
      id => ({ id }),
      (error: unknown) => ({ error })
    )
  const found = await scanPredeployFiles(plan, p, container, ctx).catch((error: unknown) => ({ error }))
  const tmp = found === undefined ? await made : undefined
  if (tmp && 'id' in tmp && !scope.isCancelled) return tmp.id
  // Not to be committed: the temporary commit (it holds every task value) goes once it has settled,
  // then the container, in the background (the error is not held up by a slow commit).
  const discard = made.then(async t => ('id' in t ? cli.removeImages([t.id]) : undefined)).catch(() => undefined)
  scope.defer(discard.then(() => removeContainer(cli, container)))
  if (found === undefined) {
    // The task itself passed; what failed after it is the temporary commit, or the run was cancelled
    // (then the commit's outcome does not matter).
    r.status = 'succeeded'
    scope.throwIfCancelled()
    throw (tmp as { error: unknown }).error
  }
  if (typeof found !== 'string') throw found.error
  r.status = 'failed'
  throw new ActionError(found)
}

/** design.md §4.6: the files the predeploy task changed, searched for secrets; the error, when one holds any. */
async function scanPredeployFiles(plan: ReleasePlan, p: BoundPhase, container: string, ctx: ExecuteContext): Promise<string | undefined> {
  const { scanChangedFiles } = await import('./commit/scan-changes.js')
  const { engineApi } = await import('./docker/engine-api.js')
  const initMounted = initArgs({ init: plan.settings.init, invocation: p.invocation! }).includes('--init')
  const scan = await scanChangedFiles(engineApi(ctx.cli), container, scanForms(ctx.masks.owners), initMounted)
  if (scan.findings.length > 0) return findingMessage(scan.findings)
  if (scan.paths > 0) core.info(cleanScanLine(scan.paths, scan.bytes))
  return undefined
}

function taskError(plan: ReleasePlan, p: BoundPhase, outcome: TaskOutcome, info: ImageInfo): ActionError {
  if (outcome.status === 'cancelled') return new ActionError(`${p.phase} task was cancelled; its container was stopped and removed`)
  if (outcome.status === 'timed-out') return new ActionError(`${p.phase} task timed out after ${formatDuration(plan.settings.timeoutSeconds)}`)
  const repeated = p.invocation ? repeatsEntrypoint(p.invocation, info.entrypoint) : undefined
  return new ActionError(`${p.phase} task failed with exit code ${outcome.exitCode}: ${p.text}${repeated ? ` (${repeated})` : ''}`)
}

/**
 * The predeploy container's filesystem becomes the image every later phase and tag uses. The image
 * the action built (never a given `image`) is removed once superseded and unreferenced.
 */
async function commit(
  plan: ReleasePlan,
  p: BoundPhase,
  info: ImageInfo,
  outcome: TaskOutcome,
  tmpId: string,
  ctx: RunContext,
  probe: OpenProbe | Fallback | undefined
): Promise<ImageInfo> {
  const { cli, scope } = ctx
  const { commitPredeploy, removeSuperseded } = await import('./commit/commit.js')
  const log = (line: string): void => core.info(line)
  const built = plan.image.kind === 'build' ? info.id : undefined
  try {
    const note = `release-phase predeploy: ${p.text}`
    // The commit is named for the run only: the tags move once every phase passed.
    ctx.own.given()
    const id = await commitPredeploy(cli, tmpId, info, [ctx.own.ref], note, { later: w => scope.defer(w), log, probe })
    ctx.result.imageId = id
    // After the removals started so far (the temporary commit is its child, the predeploy container
    // uses it) and once the release container exists (containerd store: its first unpack is done),
    // beside the release task; its line is held until the run ends, never inside a task's output.
    if (built) {
      const lines: string[] = []
      scope.afterNextCreate(() => removeSuperseded(cli, built, line => lines.push(line)))
      scope.atClose(async () => lines.forEach(log))
    }
    // The commit carries the original config exactly: only the id (and the label) changed.
    return { ...info, id, repoDigests: [] }
  } finally {
    scope.defer(removeContainer(cli, outcome.container))
    if (probe && !isFallback(probe)) scope.defer(probe.close())
  }
}

/**
 * Pushes the tags when asked (a promotion, for a pre-built image); otherwise names an unchanged pulled
 * image by its registry digest. (A predeploy commit makes a new image with none: nothing is claimed then.)
 */
async function publish(plan: ReleasePlan, info: ImageInfo, unchanged: boolean, ctx: ExecuteContext): Promise<void> {
  const { result } = ctx
  if (plan.settings.push) {
    core.startGroup(`Pushing ${plan.tags.map(formatRef).join(', ')}`)
    result.digest = await pushOrPromote(plan, info, unchanged, ctx).finally(() => core.endGroup())
    result.image = `${refName(plan.tags[0])}@${result.digest}`
    const changed = promotionWarning(source(plan), result.digest, unchanged)
    if (changed) core.warning(changed)
    return
  }
  const named = unpushedImage(plan.tags, info.repoDigests, unchanged ? source(plan) : undefined)
  if (named.digest) Object.assign(result, named)
}

/** An unchanged image whose registry manifest is an index is promoted registry-side; anything else pushed. */
async function pushOrPromote(plan: ReleasePlan, info: ImageInfo, unchanged: boolean, ctx: ExecuteContext): Promise<string> {
  const cancelled = (): void => ctx.scope.throwIfCancelled()
  const from = unchanged ? registrySource(source(plan), info.repoDigests) : undefined
  const promoted = from && (await promoteIndex(ctx.cli, from.ref, from.digest, plan.tags, cancelled, line => core.info(line)))
  return promoted || pushTags(ctx.cli, plan.tags, info.id, cancelled)
}
