import { sha256hex } from '../digest.js'
import { DockerError } from '../errors.js'

/**
 * The image-archive rewrite of the predeploy commit, as a pure transform: the small entries of a
 * `docker save` archive in, the entries to give `docker load` out. No I/O here: the save → transform
 * → load plumbing is in save-load.ts, the tests feed stored archives of both layouts.
 */

export const PREDEPLOY_LABEL = 'release-phase.predeploy'

/** One regular file of an image archive, held in memory (configs, manifests, small layers). */
export interface ArchiveEntry {
  name: string
  body: Buffer
}

export interface RewriteRequest {
  /** The id of the saved image (the temporary commit): names its config or manifest in the archive. */
  imageId: string
  /** The original image's `Config` (from `docker image inspect`). */
  original: Record<string, unknown>
  tags: string[]
  /** The commit's history line: names the task, never its argv or environment. */
  note: string
}

export interface RewriteResult {
  /** Entries to write, replacing every input entry (those left out are dropped). */
  entries: ArchiveEntry[]
  /** The loaded image's id: the config digest, or with the containerd image store the manifest digest. */
  id: string
  /** The archive came from the containerd image store (its images are tagged after loading). */
  containerdStore: boolean
  /** Entry names of the image's layers: a config-only load leaves them out (the engine has them). */
  layerNames: Set<string>
}

/** The committed image's config: the original's exactly, plus the predeploy label. */
export function restoredConfig(original: Record<string, unknown>): Record<string, unknown> {
  const labels = { ...((original.Labels as Record<string, string> | null) ?? {}), [PREDEPLOY_LABEL]: 'true' }
  return { ...original, Labels: labels }
}

/**
 * Rewrites one image config JSON so that nothing the container had leaks: `config` becomes the
 * original image's, `container_config` (the container's own config, with every `-e` value in it) and
 * `container` go, and the commit's history line names the task, not its argv.
 */
export function rewriteImageConfig(json: string, original: Record<string, unknown>, note: string): string {
  const cfg = JSON.parse(json) as Record<string, unknown>
  cfg.config = restoredConfig(original)
  delete cfg.container_config
  delete cfg.container
  const history = cfg.history as { created_by?: string; comment?: string }[] | undefined
  if (history && history.length > 0) {
    history[history.length - 1] = { ...history[history.length - 1], created_by: note, comment: 'release-phase' }
  }
  return JSON.stringify(cfg)
}

const hexOf = (digest: string): string => digest.replace(/^sha256:/, '')

/** Entries the loader never needs and that hold the container config: the legacy per-layer v1 json. */
const isLegacyV1 = (name: string): boolean => /^[0-9a-f]{64}\/(json|VERSION)$/.test(name) || name === 'repositories'

/**
 * Rewrites a saved image archive: either layout (legacy `<id>.json` + `<layer>/layer.tar`, where the
 * image id is the config digest; or OCI `blobs/sha256/…` + `index.json`, from Engine 25+ and the
 * containerd image store, where blobs are named by digest and checked on load).
 */
export function rewriteSavedImage(input: ArchiveEntry[], req: RewriteRequest): RewriteResult {
  const byName = new Map(input.map(e => [e.name.replace(/^\.\//, ''), e.body]))
  const legacyConfig = `${hexOf(req.imageId)}.json`
  if (byName.has(legacyConfig)) return rewriteLegacy(byName, legacyConfig, req)
  if (byName.has('index.json')) return rewriteOci(byName, req)
  throw new DockerError('docker save produced no image config for the predeploy commit')
}

function rewriteLegacy(byName: Map<string, Buffer>, configName: string, req: RewriteRequest): RewriteResult {
  const config = Buffer.from(rewriteImageConfig(byName.get(configName)!.toString('utf8'), req.original, req.note))
  const manifest = JSON.parse(byName.get('manifest.json')?.toString('utf8') ?? '[]') as { Config: string; RepoTags?: string[] | null; Layers?: string[] }[]
  if (manifest.length !== 1) throw new DockerError(`docker save wrote ${manifest.length} manifests for one commit`)
  // The config is named by its new digest, as docker save names it (the loader reads whichever is named).
  const newName = `${sha256hex(config)}.json`
  manifest[0] = { ...manifest[0], Config: newName, RepoTags: req.tags }
  const entries: ArchiveEntry[] = []
  for (const [name, body] of byName) {
    if (isLegacyV1(name) || name === configName || name === 'manifest.json') continue
    entries.push({ name, body })
  }
  entries.push({ name: newName, body: config }, { name: 'manifest.json', body: Buffer.from(JSON.stringify(manifest)) })
  return { entries, id: `sha256:${sha256hex(config)}`, containerdStore: false, layerNames: new Set(manifest[0].Layers ?? []) }
}

interface Descriptor {
  mediaType?: string
  digest: string
  size: number
}

/** A new config blob, a manifest that points at it, an index that points at that, and manifest.json. */
function rewriteOci(byName: Map<string, Buffer>, req: RewriteRequest): RewriteResult {
  const blob = (digest: string): Buffer | undefined => byName.get(`blobs/sha256/${hexOf(digest)}`)
  const index = JSON.parse(byName.get('index.json')!.toString('utf8')) as { manifests?: Descriptor[] }
  if (!index.manifests || index.manifests.length !== 1) throw new DockerError(`docker save wrote ${index.manifests?.length ?? 0} manifests for one commit`)
  const desc = index.manifests[0]
  const manifestBlob = blob(desc.digest)
  if (!manifestBlob) throw new DockerError(`the image manifest ${desc.digest} is missing from docker save`)
  const manifest = JSON.parse(manifestBlob.toString('utf8')) as { config: Descriptor; layers: Descriptor[] }
  const configBlob = blob(manifest.config.digest)
  if (!configBlob) throw new DockerError(`the image config ${manifest.config.digest} is missing from docker save`)
  const newConfig = Buffer.from(rewriteImageConfig(configBlob.toString('utf8'), req.original, req.note))
  const configDigest = `sha256:${sha256hex(newConfig)}`
  const newManifest = Buffer.from(JSON.stringify({ ...manifest, config: { ...manifest.config, digest: configDigest, size: newConfig.length } }))
  const manifestDigest = `sha256:${sha256hex(newManifest)}`
  const newIndex = { ...index, manifests: [{ ...desc, digest: manifestDigest, size: newManifest.length }] }
  const dropped = new Set([`blobs/sha256/${hexOf(desc.digest)}`, `blobs/sha256/${hexOf(manifest.config.digest)}`, 'index.json', 'manifest.json'])
  const entries: ArchiveEntry[] = []
  for (const [name, body] of byName) if (!dropped.has(name) && !isLegacyV1(name)) entries.push({ name, body })
  entries.push({ name: `blobs/sha256/${hexOf(configDigest)}`, body: newConfig }, { name: `blobs/sha256/${hexOf(manifestDigest)}`, body: newManifest })
  entries.push({ name: 'index.json', body: Buffer.from(JSON.stringify(newIndex)) })
  const legacy = byName.get('manifest.json')
  if (legacy !== undefined) {
    const m = JSON.parse(legacy.toString('utf8')) as { Config: string; RepoTags?: string[] | null }[]
    for (const e of m) {
      e.Config = `blobs/sha256/${hexOf(configDigest)}`
      e.RepoTags = req.tags
    }
    entries.push({ name: 'manifest.json', body: Buffer.from(JSON.stringify(m)) })
  }
  // With the containerd image store an image's id is its manifest digest; elsewhere its config digest.
  const containerdStore = desc.digest === req.imageId
  return {
    entries,
    id: containerdStore ? manifestDigest : configDigest,
    containerdStore,
    layerNames: new Set(manifest.layers.map(l => `blobs/sha256/${hexOf(l.digest)}`))
  }
}
