import { pipeline } from 'node:stream/promises'
import { extract as tarExtract, pack as tarPack, type Header } from 'tar-stream'
import { DockerError, lastLine } from '../errors.js'
import type { DockerClient, RawProcess } from '../docker/cli.js'
import type { ArchiveEntry, RewriteResult } from './archive.js'

/** Entries at most this large are held in memory (configs, manifests, small layers); larger ones stream. */
const SMALL_ENTRY = 1 << 20

/**
 * `docker save <image> | transform | docker load`: the archive's small entries go through `transform`
 * (archive.ts); large ones (layers) stream past it, or with `configOnly` are dropped, as are the layers
 * the transform names (`docker load` skips reading a layer the engine already has). Memory stays flat.
 * `ok` is false when load refused the archive in config-only mode (the caller retries in full).
 */
export async function saveTransformLoad(
  cli: DockerClient,
  imageId: string,
  transform: (entries: ArchiveEntry[]) => RewriteResult,
  configOnly: boolean
): Promise<{ ok: boolean; result: RewriteResult }> {
  const save = cli.open(['save', imageId])
  const load = cli.open(['load', '--quiet'], 'pipe')
  const saveErr = collectText(save)
  const loadErr = collectText(load)
  load.stdout.resume()
  const extract = tarExtract()
  const pack = tarPack()
  const small: ArchiveEntry[] = []
  let result: RewriteResult | undefined
  extract.on('entry', (header: Header, stream, next) => {
    const name = header.name.replace(/^\.\//, '')
    if (header.type === 'file' && (header.size ?? 0) <= SMALL_ENTRY) {
      const parts: Buffer[] = []
      stream.on('data', (b: unknown) => void parts.push(b as Buffer))
      stream.on('end', () => (small.push({ name, body: Buffer.concat(parts) }), next()))
      return
    }
    if (configOnly && header.type === 'file') {
      stream.on('end', next)
      stream.resume()
      return
    }
    stream.pipe(pack.entry(header, next))
  })
  const finish = new Promise<void>((resolve, reject) => {
    extract.on('finish', () => {
      void (async () => {
        result = transform(small)
        for (const e of result.entries) {
          if (configOnly && result.layerNames.has(e.name)) continue
          await putEntry(pack, e)
        }
        pack.finalize()
      })().then(resolve, e => {
        pack.destroy(e)
        reject(e)
      })
    })
  })
  const saveFailed = (): DockerError => new DockerError(`docker save of the predeploy commit failed: ${lastLine(saveErr())}`)
  const all = Promise.all([pipeline(save.stdout, extract), finish, pipeline(pack, load.stdin!), save.closed, load.closed])
  // A save that failed leaves the rewrite an empty archive: its own error is the news, not the rewrite's.
  const [, , , saveCode, loadCode] = await all.catch(async (e: unknown) => {
    throw (await save.closed.catch(() => 1)) !== 0 ? saveFailed() : e
  })
  if (saveCode !== 0) throw saveFailed()
  if (loadCode !== 0) {
    if (configOnly) return { ok: false, result: result! }
    throw new DockerError(`docker load of the predeploy commit failed: ${lastLine(loadErr())}`)
  }
  return { ok: true, result: result! }
}

function putEntry(pack: ReturnType<typeof tarPack>, e: ArchiveEntry): Promise<void> {
  const header = { name: e.name, size: e.body.length, mode: 0o644, type: 'file', mtime: new Date(0) } as Header
  return new Promise((resolve, reject) => pack.entry(header, e.body, err => (err ? reject(err) : resolve())))
}

/** Writes entries to a tar in memory (the tiny archives of the fast commit path). */
export async function tarEntries(entries: ArchiveEntry[]): Promise<Buffer> {
  const pack = tarPack()
  const parts: Buffer[] = []
  pack.on('data', (b: unknown) => void parts.push(b as Buffer))
  const ended = new Promise<void>((resolve, reject) => (pack.on('end', resolve), pack.on('error', reject)))
  for (const e of entries) await putEntry(pack, e)
  pack.finalize()
  await ended
  return Buffer.concat(parts)
}

function collectText(c: RawProcess): () => string {
  let text = ''
  c.stderr.on('data', (b: Buffer) => (text += b.toString()))
  return () => text
}
