import { createHash } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { extract as tarExtract, pack as tarPack, type Header } from 'tar-stream'
import { DockerError } from '../errors.js'
import { lastLine, type DockerCli } from './cli.js'
import type { ImageInfo } from './image.js'
import { removeLater } from './task.js'

export const PREDEPLOY_LABEL = 'release-phase.predeploy'

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
  note: string
): Promise<string> {
  const tmpId = (await cli.ok(['commit', '--pause=false', container], 'docker commit')).trim()
  try {
    // Every layer of a fresh commit is already in the engine, and `docker load` skips reading the
    // tar of a layer it has: sending only the config and manifest saves the load side the whole
    // untar-and-hash. An engine that wants the layers anyway gets the full archive on a second try.
    const fast = await saveRewriteLoad(cli, tmpId, original, tags, note, true)
    return fast.ok ? fast.id : (await saveRewriteLoad(cli, tmpId, original, tags, note, false)).id
  } finally {
    removeLater(cli.exec(['image', 'rm', '--no-prune', tmpId]))
  }
}

/** One `docker save | rewrite | docker load` pass; `ok` false when load refused a config-only archive. */
export async function saveRewriteLoad(
  cli: DockerCli,
  tmpId: string,
  original: ImageInfo,
  tags: string[],
  note: string,
  configOnly: boolean
): Promise<{ ok: boolean; id: string }> {
  const save = cli.spawnRaw(['save', tmpId])
  const load = cli.spawnRaw(['load', '--quiet'], 'pipe')
  let newId = ''
  let saveErr = ''
  let loadErr = ''
  save.stderr!.on('data', (b: Buffer) => (saveErr += b.toString()))
  load.stderr!.on('data', (b: Buffer) => (loadErr += b.toString()))
  load.stdout!.resume()
  const hex = tmpId.replace(/^sha256:/, '')
  const extract = tarExtract()
  const pack = tarPack()
  extract.on('entry', (header: Header, stream, next) => {
    const name = header.name.replace(/^\.\//, '')
    const isConfig = name === `${hex}.json` || name === `blobs/sha256/${hex}`
    const isLayer = /\/layer\.tar$/.test(name) || (name.startsWith('blobs/') && !isConfig)
    // The legacy per-layer v1 json holds the container config too; the loader ignores it.
    if (/^[0-9a-f]{64}\/(json|VERSION)$/.test(name) || name === 'repositories' || (configOnly && isLayer)) {
      stream.on('end', next)
      stream.resume()
      return
    }
    if (isConfig || name === 'manifest.json') {
      const parts: Buffer[] = []
      stream.on('data', (b: unknown) => void parts.push(b as Buffer))
      stream.on('end', () => {
        let body = Buffer.concat(parts).toString('utf8')
        if (isConfig) {
          body = rewriteImageConfig(body, original.config, note)
          newId = `sha256:${createHash('sha256').update(body).digest('hex')}`
        } else {
          const manifest = JSON.parse(body) as { RepoTags?: string[] | null }[]
          for (const m of manifest) m.RepoTags = tags
          body = JSON.stringify(manifest)
        }
        const buf = Buffer.from(body)
        pack.entry({ ...header, size: buf.length }, buf, next)
      })
      return
    }
    stream.pipe(pack.entry(header, next))
  })
  extract.on('finish', () => pack.finalize())
  const exited = (c: typeof save): Promise<number> => new Promise(r => c.on('close', code => r(code ?? 1)))
  const [, , saveCode, loadCode] = await Promise.all([pipeline(save.stdout!, extract), pipeline(pack, load.stdin!), exited(save), exited(load)])
  if (saveCode !== 0) throw new DockerError(`docker save of the predeploy commit failed: ${lastLine(saveErr)}`)
  if (!newId) throw new DockerError('docker save produced no image config for the predeploy commit')
  if (loadCode !== 0) {
    if (configOnly) return { ok: false, id: '' }
    // The containerd image store verifies every blob's digest on load, so a rewritten config is
    // refused there; only the classic store is supported for the predeploy commit so far.
    throw new DockerError(
      `docker load of the predeploy commit failed: ${lastLine(loadErr)} (the predeploy commit needs the engine's classic image store; ` +
        'engines using the containerd image store are not supported yet)'
    )
  }
  return { ok: true, id: newId }
}
