import { randomBytes } from 'node:crypto'
import type { ArchiveEntry } from './archive.js'
import { sha256digest as sha256 } from '../digest.js'
import { streamError } from '../docker/engine-api.js'
import type { LoopbackRegistry } from './loopback-registry.js'
import { fallback, type Fallback } from '../fallback.js'

/**
 * The containerd image store keeps an image's layers as blobs named by their compressed digest, and no
 * Engine API call reports those descriptors: only `docker save` (which reads every layer) and a push
 * write the manifest out. So the engine pushes the temporary commit to a registry the action runs on
 * the loopback, which answers "already exists" for every blob: the engine sends the manifest and reads
 * no layer. A second push, wanting the config blob alone, brings the config. Both are checked against
 * their digests (the image id is the manifest's digest in that store), so what comes back is exactly
 * what `docker save` would have written, and the archive rewrite that follows is the same.
 *
 * The temporary commit's config holds every task value, so it is named and pushed only after the
 * route is proven: a pull of a random reference must reach this process's registry. An engine that
 * does not share this machine's loopback (remote, rootless, or the action in a job container) fails
 * that check, and the caller takes the `docker save` path.
 */

export type RequestFn = (method: string, apiPath: string, headers?: Record<string, string>) => Promise<{ status: number; text: string }>

export interface ProbedImage {
  manifest: Buffer
  config: Buffer
}

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
  return { registry, repo, tag: `commit-${randomBytes(6).toString('hex')}` }
}

/**
 * The temporary commit's manifest and config, pushed by the engine under the route's name (which the
 * commit was given); or why not. The first push brings the manifest (the registry has every blob); the
 * second, with the config's digest now wanted, the config.
 */
export async function probeCommit(request: RequestFn, route: ProbeRoute, imageId: string): Promise<ProbedImage | Fallback> {
  const { registry, repo, tag } = route
  const push = async (): Promise<string> => {
    const r = await request('POST', `/images/${encodeURIComponent(repo)}/push?tag=${tag}`, NO_AUTH)
    return r.status === 200 ? streamError(r.text) : `HTTP ${r.status}`
  }
  const first = await push()
  const manifest = registry.manifests.get(tag)
  if (first || !manifest) return fallback(`the probe push failed (${first || 'no manifest arrived'})`)
  if (sha256(manifest) !== imageId) return fallback('the pushed manifest is not the commit (its digest differs from the image id)')
  const configDigest = (JSON.parse(manifest.toString('utf8')) as { config?: { digest?: string } }).config?.digest ?? ''
  registry.want.add(configDigest)
  const second = await push()
  const config = registry.blobs.get(configDigest)
  if (second || !config) return fallback(`the probe push of the config failed (${second || 'no config arrived'})`)
  return { manifest, config }
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
