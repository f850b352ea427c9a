import { randomBytes } from 'node:crypto'
import type { ArchiveEntry } from './archive.js'
import { sha256digest as sha256 } from '../digest.js'
import { streamError } from '../docker/requests.js'
import type { LoopbackRegistry } from './loopback-registry.js'
import { fallback, type Fallback } from './fallback.js'

/**
 * The containerd image store keeps an image's layers as blobs named by their compressed digest, and no
 * Engine API call reports those descriptors: only `docker save` (which reads every layer) and a push
 * write the manifest out. So the engine pushes the temporary commit to a registry the action runs on
 * the loopback, which answers "already exists" for every blob: the engine sends the manifest and reads
 * no layer. The clean config is assembled from inspect and history, as on the classic store; where
 * that is ambiguous, a second push, wanting the config blob alone, brings the commit's config. Both
 * are checked against their digests (the image id is the manifest's digest in that store), so what
 * comes back is exactly what `docker save` would have written, and the archive rewrite of a saved
 * image applies to it.
 *
 * The temporary commit's config holds every task value, so it is named and pushed only after the
 * route is proven: a pull of a random reference must reach this process's registry. An engine that
 * does not share this machine's loopback (remote, rootless, or the action in a job container) fails
 * that check, and the caller takes the `docker save` path.
 */

export type RequestFn = (method: string, apiPath: string, headers?: Record<string, string>) => Promise<{ status: number; text: string }>

/** The Engine API wants an X-Registry-Auth header on pull and push; `{}` is "no credentials". */
const NO_AUTH = { 'X-Registry-Auth': Buffer.from('{}').toString('base64url') }

/**
 * The registry as the engine reaches it, proven by a pull, and the name the temporary commit takes
 * there. In the containerd store an image whose last name goes is deleted, content and all: the commit
 * keeps this name until the caller removes it by id, names and all.
 */
export interface ProbeRoute {
  registry: LoopbackRegistry
  /** `<host>/<repo>` as the engine reaches the registry. */
  repo: string
  tag: string
}

/**
 * Proves that the engine's pulls reach `registry` (started by the caller, closed by it), before the
 * temporary commit is named there; or why the probe cannot be used. It names and pushes nothing, so
 * it runs while the predeploy task does (issue 22: off the commit step).
 */
export async function proveRoute(request: RequestFn, registry: LoopbackRegistry): Promise<ProbeRoute | Fallback> {
  const repo = `${registry.host}/${registry.repo}`
  const nonce = `route-${randomBytes(8).toString('hex')}`
  await request('POST', `/images/create?fromImage=${encodeURIComponent(repo)}&tag=${nonce}`, NO_AUTH)
  if (!registry.asked.includes(nonce)) return fallback("the engine does not share this machine's loopback (a remote or rootless engine, or a job container)")
  const tag = `commit-${randomBytes(6).toString('hex')}`
  registry.accept.add(tag)
  return { registry, repo, tag }
}

/**
 * The temporary commit's manifest, pushed by the engine under the route's name (which the commit was
 * given); or why not. The registry has every blob, so the engine reads no layer and sends only the
 * manifest, checked against the image id (in the containerd store, the manifest's digest).
 */
export async function pushManifest(request: RequestFn, route: ProbeRoute, imageId: string): Promise<Buffer | Fallback> {
  const failed = await pushProbe(request, route)
  const manifest = route.registry.manifests.get(route.tag)
  if (failed || !manifest) return fallback(`the probe push failed (${failed || 'no manifest arrived'})`)
  if (sha256(manifest) !== imageId) return fallback('the pushed manifest is not the commit (its digest differs from the image id)')
  return manifest
}

/** The config `manifest` names, brought by a second push with its digest now wanted; or why not. */
export async function pushConfig(request: RequestFn, route: ProbeRoute, manifest: Buffer): Promise<Buffer | Fallback> {
  const configDigest = (JSON.parse(manifest.toString('utf8')) as { config?: { digest?: string } }).config?.digest ?? ''
  route.registry.want.add(configDigest)
  const failed = await pushProbe(request, route)
  const config = route.registry.blobs.get(configDigest)
  if (failed || !config) return fallback(`the probe push of the config failed (${failed || 'no config arrived'})`)
  return config
}

/** One push of the route's reference; the engine's error, '' when it went through. */
async function pushProbe(request: RequestFn, { repo, tag }: ProbeRoute): Promise<string> {
  const r = await request('POST', `/images/${encodeURIComponent(repo)}/push?tag=${tag}`, NO_AUTH)
  return r.status === 200 ? streamError(r.text) : `HTTP ${r.status}`
}

/**
 * The clean image from the commit's manifest and a config assembled from inspect and history (as on
 * the classic store, classic.ts): the manifest with its config descriptor replaced, as the small
 * entries of an OCI archive, and the new image's id (its manifest's digest). Pure.
 */
export function assembledArchive(manifest: Buffer, config: string): { id: string; entries: ArchiveEntry[] } | Fallback {
  const m = JSON.parse(manifest.toString('utf8')) as { config: { digest: string; size: number }; layers?: unknown[] }
  const diffIds = (JSON.parse(config) as { rootfs: { diff_ids: string[] } }).rootfs.diff_ids
  if (m.layers?.length !== diffIds.length) return fallback(`the pushed manifest's layers (${m.layers?.length ?? 0}) are not the config's (${diffIds.length})`)
  const body = Buffer.from(config)
  const clean = Buffer.from(JSON.stringify({ ...m, config: { ...m.config, digest: sha256(body), size: body.length } }))
  const id = sha256(clean)
  return { id, entries: probedArchive(id, clean, body) }
}

/**
 * The probed manifest and config as the small entries of a saved OCI archive (index.json pointing at
 * the manifest), so that the rewrite of archive.ts, tested on real `docker save` output, applies as is.
 */
export function probedArchive(imageId: string, manifest: Buffer, config: Buffer): ArchiveEntry[] {
  const mediaType = (JSON.parse(manifest.toString('utf8')) as { mediaType?: string }).mediaType ?? 'application/vnd.oci.image.manifest.v1+json'
  const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ mediaType, digest: imageId, size: manifest.length }] }
  return [
    { name: `blobs/sha256/${imageId.replace(/^sha256:/, '')}`, body: manifest },
    { name: `blobs/sha256/${sha256(config).replace(/^sha256:/, '')}`, body: config },
    { name: 'index.json', body: Buffer.from(JSON.stringify(index)) },
    { name: 'oci-layout', body: Buffer.from('{"imageLayoutVersion":"1.0.0"}') }
  ]
}
