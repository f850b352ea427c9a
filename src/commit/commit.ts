import { DockerError, lastLine } from '../errors.js'
import { RUN_LABEL } from '../run-record.js'
import { rewriteSavedImage, type ArchiveEntry } from './archive.js'
import { saveTransformLoad, tarEntries } from './save-load.js'
import type { DockerClient } from '../docker/cli.js'
import { assembleCommitConfig, configOnlyArchive, type HistoryItem, type InspectedImage } from './classic.js'
import { engineApi, type EngineApi } from '../docker/engine-api.js'
import { startLoopbackRegistry } from './loopback-registry.js'
import { assembledArchive, probedArchive, proveRoute, pushConfig, pushManifest, type ProbeRoute } from './containerd.js'
import { formatRef, refName, tagOf, type TagRef } from '../image/ref.js'
import type { ImageInfo } from '../image/inspect.js'
import { fallback, isFallback, type Fallback } from './fallback.js'

/**
 * The temporary commit, the first half of `commitPredeploy`: the engine's own copy of the task's layer.
 * It holds the container's Env (every -e value), so it is labelled with the run id and the post step
 * removes it even when the runner is killed right here. (A commit also copies the container's own
 * labels, which include it; the change says so explicitly rather than relying on that.) The clean
 * image's config is the original's (restoredConfig), so it never carries this label. It names nothing
 * but the probe's reference (containerd store, `probe` open): it can be made while the predeploy scan
 * is still reading the same files.
 */
export function temporaryCommit(cli: DockerClient, container: string, runId: string, probe?: OpenProbe | Fallback): Promise<string> {
  const name = probe && !isFallback(probe) ? { repo: probe.route.repo, tag: probe.route.tag } : undefined
  return engineApi(cli).commit(container, [`LABEL ${RUN_LABEL}=${runId}`], name)
}

/**
 * The containerd store's manifest probe, opened while the predeploy task runs (issue 22: the registry's
 * start, its reach over SSH and the route check are then off the commit step). Close it once the
 * commit is done, whatever happened.
 */
export interface OpenProbe {
  route: ProbeRoute
  /** The temporary commit's manifest, through the registry (containerd.ts). */
  manifest(imageId: string): Promise<Buffer | Fallback>
  /** The config that manifest names, by a second push. */
  config(manifest: Buffer): Promise<Buffer | Fallback>
  /** Stops the registry (and its SSH forward); a second call waits for the first. */
  close(): Promise<void>
}

/** Never rejects: anything that goes wrong is why the commit takes the `docker save` path. */
export async function openProbe(cli: DockerClient, runId: string): Promise<OpenProbe | Fallback> {
  const why = (reason: string): Fallback => fallback(`the engine uses the containerd image store, and ${reason}`)
  const { request, expose } = engineApi(cli)
  if (!request) return why('is not on a local socket')
  const registry = await startLoopbackRegistry(`release-phase/probe-${runId}`).catch((e: Error) => e)
  if (registry instanceof Error) return why(`the probe's registry did not start (${registry.message})`)
  // A remote engine reaches the registry through the SSH connection, on a port of its own loopback.
  const reach = expose && (await expose(Number(registry.host.split(':')[1])).catch((e: Error) => fallback(e.message)))
  if (reach && isFallback(reach)) {
    await registry.close()
    return why(reach.reason)
  }
  let closed: Promise<void> | undefined
  const close = (): Promise<void> => (closed ??= Promise.all([registry.close(), reach?.close()]).then(() => undefined))
  const failed = (e: Error): Fallback => fallback(`the probe failed (${e.message})`)
  const route = await proveRoute(request, reach ? { ...registry, host: `127.0.0.1:${reach.port}` } : registry).catch(failed)
  if (isFallback(route)) {
    await close()
    return why(route.reason)
  }
  return {
    route,
    manifest: imageId => pushManifest(request, route, imageId).catch(failed),
    config: manifest => pushConfig(request, route, manifest).catch(failed),
    close
  }
}

/** What the commit needs from the run: a place for deferred work, and the log. */
export interface CommitHooks {
  /** Work the run must see finished before it ends (removals), started now. */
  later: (work: Promise<unknown>) => void
  log: (line: string) => void
  /** containerd store: the manifest probe opened while the task ran (`openProbe`), or why there is none. */
  probe?: OpenProbe | Fallback
}

/**
 * design.md §4.6: from the predeploy container's temporary commit (`temporaryCommit`), the image its
 * filesystem changes are kept in, with the original image config and no passed value in it.
 *
 * Why not plain `docker commit`: it copies the container's Env, where every `-e` value sits (this is how
 * Dokku bakes secrets into images), and neither `--change` nor the Engine API's commit body can remove
 * a variable: the daemon merges the container's Env back in. So the commit is temporary, and the image
 * the tags move to is loaded from a clean config:
 * - classic image store: the config is assembled from inspect + history and loaded with no layer at all
 *   (classic.ts);
 * - containerd image store: the engine pushes the commit's manifest to a registry the action runs on
 *   the loopback, which says it has every layer (containerd.ts); the manifest then names the config
 *   assembled as on the classic store (or, where it cannot be, the commit's own, by a second push,
 *   rewritten), and is loaded without its layers;
 * - otherwise (a containerd-store engine that cannot reach the action's loopback, such as tcp:// or
 *   rootless; on the classic store, a history that cannot be matched to layers): `docker save` →
 *   rewrite → `docker load` (archive.ts), whose cost grows with the image. Over SSH the registry is
 *   reached through the connection (engine/ssh.ts `expose`).
 * The first two cost the same whatever the image's size.
 * The temporary commit is removed, so the only image holding the filesystem change is the clean one.
 */
export async function commitPredeploy(
  cli: DockerClient,
  tmpId: string,
  original: ImageInfo,
  tags: readonly TagRef[],
  note: string,
  hooks: CommitHooks
): Promise<string> {
  const api = engineApi(cli)
  let tmpRemoved = false
  try {
    const fast = await fastCommit(api, { tmpId, original, tags, note, log: hooks.log }, hooks.probe)
    if (!isFallback(fast)) {
      if (fast.containerdStore) tmpRemoved = await tagBesideRemoval(api, cli, fast.id, tags, tmpId)
      hooks.log('predeploy commit: config-only (no layer read)')
      return fast.id
    }
    hooks.log(`predeploy commit: ${fast.reason}; rewriting the saved image instead (its cost grows with the image)`)
    // Every layer of a fresh commit is already in the engine: a config-only archive saves the load
    // side the untar-and-hash. An engine that wants the layers anyway gets the full archive.
    const first = await saveRewriteLoad(cli, tmpId, original, tags, note, true)
    const result = first.ok ? first : await saveRewriteLoad(cli, tmpId, original, tags, note, false)
    if (result.containerdStore) tmpRemoved = await removeFirst(cli, tmpId)
    return result.id
  } finally {
    // Otherwise beside the next step: hooks.later's work is awaited before the run ends.
    if (!tmpRemoved) hooks.later(cli.removeImages([tmpId]))
  }
}

/** What the fast paths work on: the temporary commit, the image it came from, and what to make of it. */
export interface CommitJob {
  tmpId: string
  original: ImageInfo
  tags: readonly TagRef[]
  note: string
  log: (line: string) => void
}

/**
 * In the containerd store the temporary commit owns the committed layer's snapshot; the new image only
 * claims it when it is next unpacked (the release container's create does that). Removing the
 * temporary image first makes that order certain instead of racing it.
 */
async function removeFirst(cli: DockerClient, tmpId: string): Promise<true> {
  await cli.removeImages([tmpId])
  return true
}

/**
 * containerd store, config-only: the loaded image is tagged beside the temporary commit's removal
 * (removeFirst), which needs only the load to have named the new image by its digest.
 */
async function tagBesideRemoval(api: EngineApi, cli: DockerClient, id: string, tags: readonly TagRef[], tmpId: string): Promise<true> {
  const removal = removeFirst(cli, tmpId)
  try {
    for (const tag of tags) {
      const r = await api.request!('POST', `/images/${id}/tag?repo=${encodeURIComponent(refName(tag))}&tag=${encodeURIComponent(tagOf(tag))}`)
      if (r.status !== 201) throw new DockerError(`tagging the predeploy commit ${id} as ${formatRef(tag)} failed: HTTP ${r.status} ${lastLine(r.text)}`)
    }
  } finally {
    await removal
  }
  return true
}

/**
 * The config-only commit: on the containerd store through the probe (`probe`); on the classic store
 * the clean config assembled from inspect + history, loaded alone. Returns the new id, or why not.
 */
async function fastCommit(
  api: EngineApi,
  job: CommitJob,
  probe: OpenProbe | Fallback | undefined
): Promise<{ id: string; containerdStore: boolean } | Fallback> {
  if (job.original.containerdStore) return containerdCommit(api, job, probe)
  const config = await assembleConfig(api, job)
  if (isFallback(config)) return config
  const archive = configOnlyArchive(config, job.tags.map(formatRef))
  const refused = await api.load(await tarEntries(archive.entries))
  if (refused) return fallback(`docker load refused the config-only archive (${refused})`)
  return { id: archive.id, containerdStore: false }
}

/** The clean config from what the engine reports of the commit and the original (classic.ts), or why not. */
export async function assembleConfig(api: EngineApi, job: Omit<CommitJob, 'tags' | 'log'>): Promise<string | Fallback> {
  const { tmpId, original, note } = job
  const facts = await Promise.all([api.get(`/images/${tmpId}/json`), api.get(`/images/${original.id}/json`), api.get(`/images/${tmpId}/history`)]).catch(
    (e: Error) => e
  )
  if (facts instanceof Error) return fallback(`the engine did not describe the commit (${facts.message})`)
  const [committed, before, history] = facts as [InspectedImage & { GraphDriver?: { Data?: unknown } }, InspectedImage, HistoryItem[]]
  // The containerd store reports no graph driver data; each store's archive layout is its own.
  const containerdStore = committed.GraphDriver != null && committed.GraphDriver.Data == null
  if (containerdStore !== original.containerdStore) return fallback("the commit's image store is not the one the built image's inspect showed")
  // That store's inspect reports the daemon's version, which its commits do not write into the config.
  return assembleCommitConfig(containerdStore ? { ...committed, DockerVersion: undefined } : committed, before, history, note)
}

/**
 * The containerd store: the commit's manifest from the loopback probe (containerd.ts) and the config
 * assembled as on the classic store, side by side; where the config cannot be assembled, the commit's
 * own, by a second push, through the rewrite of a saved archive. Loaded without the layers (then
 * tagged, tagBesideRemoval).
 */
async function containerdCommit(
  api: EngineApi,
  job: CommitJob,
  probe: OpenProbe | Fallback | undefined
): Promise<{ id: string; containerdStore: true } | Fallback> {
  if (!probe || isFallback(probe)) return probe ?? fallback('the engine uses the containerd image store, and its probe was not opened')
  const [manifest, config] = await Promise.all([probe.manifest(job.tmpId), assembleConfig(api, job)])
  if (isFallback(manifest)) return fallback(`the engine uses the containerd image store, and ${manifest.reason}`)
  const assembled = isFallback(config) ? config : assembledArchive(manifest, config)
  if (isFallback(assembled)) job.log(`predeploy commit: the config could not be assembled (${assembled.reason}); a second push brings the commit's own`)
  const image = isFallback(assembled) ? await exactArchive(probe, manifest, job) : assembled
  if (isFallback(image)) return fallback(`the engine uses the containerd image store, and ${image.reason}`)
  const refused = await api.load(await tarEntries(image.entries))
  if (refused) return fallback(`docker load refused the config-only archive (${refused})`)
  return { id: image.id, containerdStore: true }
}

/** The commit's own config by a second push, rewritten as a saved archive is (archive.ts); its small entries. */
async function exactArchive(probe: OpenProbe, manifest: Buffer, job: CommitJob): Promise<{ id: string; entries: ArchiveEntry[] } | Fallback> {
  const config = await probe.config(manifest)
  if (isFallback(config)) return config
  const result = rewriteSavedImage(probedArchive(job.tmpId, manifest, config), {
    imageId: job.tmpId,
    original: job.original.config,
    tags: job.tags.map(formatRef),
    note: job.note
  })
  return { id: result.id, entries: result.entries.filter(e => !result.layerNames.has(e.name)) }
}

/**
 * One `docker save | rewrite | docker load` pass; `ok` false when load refused a config-only archive.
 * With the containerd image store images are named from the index's annotations, not manifest.json:
 * they are tagged after loading.
 */
export async function saveRewriteLoad(
  cli: DockerClient,
  tmpId: string,
  original: ImageInfo,
  tags: readonly TagRef[],
  note: string,
  configOnly: boolean
): Promise<{ ok: boolean; id: string; containerdStore: boolean }> {
  const names = tags.map(formatRef)
  const { ok, result } = await saveTransformLoad(
    cli,
    tmpId,
    entries => rewriteSavedImage(entries, { imageId: tmpId, original: original.config, tags: names, note }),
    configOnly
  )
  if (!ok) return { ok: false, id: '', containerdStore: result.containerdStore }
  if (result.containerdStore) {
    for (const tag of names) {
      const r = await cli.exec(['tag', result.id, tag])
      if (r.code !== 0) {
        if (configOnly) return { ok: false, id: '', containerdStore: true }
        throw new DockerError(`tagging the predeploy commit ${result.id} as ${tag} failed: ${lastLine(r.stderr)}`)
      }
    }
  }
  return { ok: true, id: result.id, containerdStore: result.containerdStore }
}

/**
 * The image the action built, superseded by the predeploy commit, is removed once nothing refers to
 * it: one per deploy would fill a self-hosted runner's disk. Never by force: a tag, a digest, a child
 * image or a container keeps it (the engine refuses, or the check below skips it).
 */
export async function removeSuperseded(cli: DockerClient, id: string, log: (line: string) => void): Promise<void> {
  const refs = await cli.inspectImageJson(id)
  if (refs.code !== 0) return
  const { RepoTags, RepoDigests } = JSON.parse(refs.stdout) as { RepoTags?: string[]; RepoDigests?: string[] }
  if ((RepoTags ?? []).length + (RepoDigests ?? []).length > 0) return log(`kept the image built before predeploy (${id}): it is still tagged`)
  const r = await cli.removeImages([id])
  log(r.code === 0 ? `removed the image built before predeploy (${id})` : `kept the image built before predeploy (${id}): ${keptBecause(r.stderr)}`)
}

/** The engine's refusal in the user's terms: it is expected, not an error of the run. */
function keptBecause(stderr: string): string {
  if (stderr.includes('dependent child images')) return 'other images are built on it (the engine keeps their parent)'
  const container = /being used by (?:running|stopped) container (\w+)/.exec(stderr)
  if (container) return `container ${container[1]} uses it`
  return lastLine(stderr)
}
