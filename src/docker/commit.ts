import { createHash } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { extract as tarExtract, pack as tarPack, type Header } from 'tar-stream'
import { DockerError } from '../errors.js'
import { lastLine, type DockerCli } from './cli.js'
import type { ImageInfo } from './image.js'

export const PREDEPLOY_LABEL = 'release-phase.predeploy'
/** Containers and temporary images of one run (SPEC 4.1, 11 post). */
export const RUN_LABEL = 'release-phase.run'

/** The committed image's config: the original's exactly, plus the predeploy label. */
export function restoredConfig(original: Record<string, unknown>): Record<string, unknown> {
  const labels = { ...((original.Labels as Record<string, string> | null) ?? {}), [PREDEPLOY_LABEL]: 'true' }
  return { ...original, Labels: labels }
}

/**
 * Rewrites one image config JSON (from `docker save`) so that nothing the container had leaks:
 * `config` becomes the original image's, `container_config` (the container's own config, with every
 * `-e` value in it) and `container` go, and the commit's history line names the task, not its argv.
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

/**
 * SPEC 4.3: commit the predeploy container so its filesystem changes are kept, with the original
 * image config and no passed value in it.
 *
 * Why save → rewrite → load: `docker commit` copies the container's Env, where every `-e` value sits
 * (this is how Dokku bakes secrets into images), and neither `--change` nor the Engine API's commit body
 * can remove a variable: the daemon merges the container's Env back in. The image config is plain JSON
 * inside `docker save`'s archive, so the action streams that archive through, swaps the config, drops the
 * legacy per-layer v1 json copies (which hold the container config too and which `docker load` ignores
 * when manifest.json is present) and loads it back. Layers pass through as streams: memory stays flat.
 * The temporary commit is removed, so the only image holding the filesystem change is the clean one.
 */
export async function commitPredeploy(
  cli: DockerCli,
  container: string,
  original: ImageInfo,
  tags: string[],
  note: string,
  runId: string,
  defer: (work: Promise<unknown>) => void
): Promise<string> {
  // The temporary commit holds the container's Env (every -e value): labelled with the run id so the
  // post step removes it even when the runner is killed right here. (docker commit also copies the
  // container's own labels, which include it; the --change says so explicitly rather than relying on
  // that.) The clean image's config is the original's (restoredConfig), so it never carries this label.
  const tmpId = (await cli.ok(['commit', '--pause=false', '--change', `LABEL ${RUN_LABEL}=${runId}`, container], 'docker commit')).trim()
  let tmpRemoved = false
  try {
    // Every layer of a fresh commit is already in the engine, and `docker load` skips reading the
    // tar of a layer it has: sending only the config and manifest saves the load side the whole
    // untar-and-hash. An engine that wants the layers anyway gets the full archive on a second try.
    const fast = await saveRewriteLoad(cli, tmpId, original, tags, note, true)
    const result = fast.ok ? fast : await saveRewriteLoad(cli, tmpId, original, tags, note, false)
    if (result.containerdStore) {
      // In the containerd store the temporary commit owns the committed layer's snapshot; the new
      // image only claims it when it is next unpacked (the release container's create does that).
      // Removing the temporary image first makes that order certain instead of racing it.
      await cli.exec(['image', 'rm', '--no-prune', tmpId])
      tmpRemoved = true
    }
    return result.id
  } finally {
    if (!tmpRemoved) defer(cli.exec(['image', 'rm', '--no-prune', tmpId]))
  }
}

const sha256hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

/** Blobs at most this large are held in memory (configs, manifests, small layers); larger ones stream. */
const SMALL_BLOB = 1 << 20

interface Descriptor {
  mediaType?: string
  digest: string
  size: number
}

/**
 * The OCI-layout half of the rewrite (docker save from Engine 25+, and the containerd image store,
 * where every blob is named by its digest and checked on load): a new config blob, a manifest that
 * points at it, an index that points at that, and manifest.json. Returns the blobs to write and the
 * new config and manifest digests.
 */
export function rewriteOciLayout(
  blobs: Map<string, Buffer>,
  indexJson: string,
  manifestJson: string | undefined,
  original: Record<string, unknown>,
  tags: string[],
  note: string
): { blobs: Map<string, Buffer>; index: string; manifestJson: string | undefined; configDigest: string; manifestDigest: string; layers: string[] } {
  const index = JSON.parse(indexJson) as { manifests: Descriptor[] }
  if (!index.manifests || index.manifests.length !== 1) throw new DockerError(`docker save wrote ${index.manifests?.length ?? 0} manifests for one commit`)
  const desc = index.manifests[0]
  const manifestBlob = blobs.get(desc.digest.replace(/^sha256:/, ''))
  if (!manifestBlob) throw new DockerError(`the image manifest ${desc.digest} is missing from docker save`)
  const manifest = JSON.parse(manifestBlob.toString('utf8')) as { config: Descriptor; layers: Descriptor[] }
  const oldConfigHex = manifest.config.digest.replace(/^sha256:/, '')
  const configBlob = blobs.get(oldConfigHex)
  if (!configBlob) throw new DockerError(`the image config ${manifest.config.digest} is missing from docker save`)
  const newConfig = Buffer.from(rewriteImageConfig(configBlob.toString('utf8'), original, note))
  const configDigest = `sha256:${sha256hex(newConfig)}`
  manifest.config = { ...manifest.config, digest: configDigest, size: newConfig.length }
  const newManifest = Buffer.from(JSON.stringify(manifest))
  const manifestDigest = `sha256:${sha256hex(newManifest)}`
  index.manifests[0] = { ...desc, digest: manifestDigest, size: newManifest.length }
  const out = new Map(blobs)
  out.delete(oldConfigHex)
  out.delete(desc.digest.replace(/^sha256:/, ''))
  out.set(configDigest.slice(7), newConfig)
  out.set(manifestDigest.slice(7), newManifest)
  let legacy: string | undefined
  if (manifestJson !== undefined) {
    const m = JSON.parse(manifestJson) as { Config: string; RepoTags?: string[] | null }[]
    for (const e of m) {
      e.Config = `blobs/sha256/${configDigest.slice(7)}`
      e.RepoTags = tags
    }
    legacy = JSON.stringify(m)
  }
  return { blobs: out, index: JSON.stringify(index), manifestJson: legacy, configDigest, manifestDigest, layers: manifest.layers.map(l => l.digest.slice(7)) }
}

/**
 * One `docker save | rewrite | docker load` pass; `ok` false when load refused a config-only archive.
 * Handles both archive layouts: the legacy one (`<id>.json` config, `<layer>/layer.tar`, where the
 * image id is the config digest) and the OCI one (`blobs/sha256/…` with `index.json`; with the
 * containerd image store the image id is the manifest digest, and images are tagged after loading).
 */
export async function saveRewriteLoad(
  cli: DockerCli,
  tmpId: string,
  original: ImageInfo,
  tags: string[],
  note: string,
  configOnly: boolean
): Promise<{ ok: boolean; id: string; containerdStore: boolean }> {
  const save = cli.spawnRaw(['save', tmpId])
  const load = cli.spawnRaw(['load', '--quiet'], 'pipe')
  let saveErr = ''
  let loadErr = ''
  save.stderr!.on('data', (b: Buffer) => (saveErr += b.toString()))
  load.stderr!.on('data', (b: Buffer) => (loadErr += b.toString()))
  load.stdout!.resume()
  const hex = tmpId.replace(/^sha256:/, '')
  const extract = tarExtract()
  const pack = tarPack()
  const put = (header: Header, body: Buffer): Promise<void> =>
    new Promise((resolve, reject) => pack.entry({ ...header, size: body.length }, body, e => (e ? reject(e) : resolve())))
  const blobs = new Map<string, Buffer>()
  const held = new Map<string, Header>()
  const texts = new Map<string, string>()
  let legacyId = ''
  const collect = (stream: { on(event: string, fn: (b?: unknown) => void): unknown }, done: (b: Buffer) => void): void => {
    const parts: Buffer[] = []
    stream.on('data', (b: unknown) => void parts.push(b as Buffer))
    stream.on('end', () => done(Buffer.concat(parts)))
  }
  extract.on('entry', (header: Header, stream, next) => {
    const name = header.name.replace(/^\.\//, '')
    const drop = (): void => {
      stream.on('end', next)
      stream.resume()
    }
    // The legacy per-layer v1 json holds the container config too; the loader ignores it.
    if (/^[0-9a-f]{64}\/(json|VERSION)$/.test(name) || name === 'repositories') return drop()
    if (name === `${hex}.json`) {
      // Legacy layout: the config, rewritten on the spot; the image id is its digest.
      return collect(stream, b => {
        const body = Buffer.from(rewriteImageConfig(b.toString('utf8'), original.config, note))
        legacyId = `sha256:${sha256hex(body)}`
        put(header, body).then(() => next(), next)
      })
    }
    if (name === 'manifest.json' || name === 'index.json' || name === 'oci-layout') {
      held.set(name, header)
      return collect(stream, b => ((texts.set(name, b.toString('utf8')), next())))
    }
    if (name.startsWith('blobs/sha256/') && (header.size ?? 0) <= SMALL_BLOB) {
      held.set(name, header)
      return collect(stream, b => ((blobs.set(name.slice('blobs/sha256/'.length), b), next())))
    }
    if (configOnly && (/\/layer\.tar$/.test(name) || name.startsWith('blobs/'))) return drop()
    stream.pipe(pack.entry(header, next))
  })
  let newId = ''
  let containerdStore = false
  const finish = new Promise<void>((resolve, reject) => {
    extract.on('finish', () => {
      void (async () => {
        const blank = (name: string): Header => held.get(name) ?? ({ name, mode: 0o644, type: 'file', mtime: new Date(0) } as Header)
        const indexJson = texts.get('index.json')
        if (indexJson !== undefined && !legacyId) {
          const r = rewriteOciLayout(blobs, indexJson, texts.get('manifest.json'), original.config, tags, note)
          containerdStore = JSON.parse(indexJson).manifests[0].digest === tmpId
          newId = containerdStore ? r.manifestDigest : r.configDigest
          const layers = new Set(r.layers)
          for (const [digest, body] of r.blobs) {
            if (configOnly && layers.has(digest)) continue
            await put({ ...blank(`blobs/sha256/${digest}`), name: `blobs/sha256/${digest}` }, body)
          }
          await put(blank('index.json'), Buffer.from(r.index))
          if (r.manifestJson !== undefined) await put(blank('manifest.json'), Buffer.from(r.manifestJson))
        } else {
          newId = legacyId
          for (const [digest, body] of blobs) await put(blank(`blobs/sha256/${digest}`), body)
          if (indexJson !== undefined) await put(blank('index.json'), Buffer.from(indexJson))
          const manifestJson = texts.get('manifest.json')
          if (manifestJson !== undefined) {
            const m = JSON.parse(manifestJson) as { RepoTags?: string[] | null }[]
            for (const e of m) e.RepoTags = tags
            await put(blank('manifest.json'), Buffer.from(JSON.stringify(m)))
          }
        }
        const layout = texts.get('oci-layout')
        if (layout !== undefined) await put(blank('oci-layout'), Buffer.from(layout))
        pack.finalize()
      })().then(resolve, e => {
        pack.destroy(e)
        reject(e)
      })
    })
  })
  const exited = (c: typeof save): Promise<number> => new Promise(r => c.on('close', code => r(code ?? 1)))
  const [, , , saveCode, loadCode] = await Promise.all([pipeline(save.stdout!, extract), finish, pipeline(pack, load.stdin!), exited(save), exited(load)])
  if (saveCode !== 0) throw new DockerError(`docker save of the predeploy commit failed: ${lastLine(saveErr)}`)
  if (!newId) throw new DockerError('docker save produced no image config for the predeploy commit')
  if (loadCode !== 0) {
    if (configOnly) return { ok: false, id: '', containerdStore }
    throw new DockerError(`docker load of the predeploy commit failed: ${lastLine(loadErr)}`)
  }
  // The containerd store names loaded images from the index's annotations, not manifest.json: tag them.
  if (containerdStore) {
    for (const tag of tags) {
      const r = await cli.exec(['tag', newId, tag])
      if (r.code !== 0) {
        if (configOnly) return { ok: false, id: '', containerdStore }
        throw new DockerError(`tagging the predeploy commit ${newId} as ${tag} failed: ${lastLine(r.stderr)}`)
      }
    }
  }
  return { ok: true, id: newId, containerdStore }
}
