import { restoredConfig, type ArchiveEntry } from './archive.js'
import { sha256hex } from '../digest.js'
import { fallback, isFallback, type Fallback } from './fallback.js'

/**
 * The fast predeploy commit (classic image store): the clean image config is assembled from what the
 * engine reports about the temporary commit (`docker image inspect`, the history API), without reading
 * any layer, and loaded as a config-only archive. `docker load` looks each layer up by chain id before
 * it opens the layer's file (moby image/tarexport/load.go), and every layer of a fresh commit is in the
 * engine: so the archive is a few KiB whatever the image's size. Pure: the I/O is in commit.ts.
 */

/** The parts of `docker image inspect` used here. */
export interface InspectedImage {
  Id: string
  Created: string
  Author?: string
  DockerVersion?: string
  Architecture?: string
  Variant?: string
  Os?: string
  OsVersion?: string
  Config?: Record<string, unknown> | null
  RootFS?: { Type?: string; Layers?: string[] }
}

/** One entry of the Engine API's image history (`GET /images/{id}/history`), newest first. */
export interface HistoryItem {
  Created: number
  CreatedBy: string
  Comment: string
  Size: number
}

interface HistoryEntry {
  created: string
  created_by?: string
  comment?: string
  empty_layer?: boolean
}

/** Dockerfile instructions that only set metadata: never a layer, with either builder. */
const METADATA_ONLY = /^(\/bin\/sh -c #\(nop\)\s+)?(ENV|CMD|LABEL|EXPOSE|USER|ENTRYPOINT|ARG|VOLUME|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|MAINTAINER)\b/

/** Go's zero time marshals as year 1; the API reports it as that instant's Unix seconds. */
const isoSeconds = (unix: number): string => new Date(unix * 1000).toISOString().replace(/\.000Z$/, 'Z')

/**
 * Which of the parent's history entries carry a layer. The history API does not say: it reports each
 * entry's layer size, and an entry with a layer of zero bytes (say, only symlinks) looks like one with
 * none. Proof by counting: entries with a size have a layer; metadata-only instructions have none; the
 * rest must then all have one or all have none to add up to the layer count. Anything else is
 * ambiguous, and the caller falls back to reading the archive.
 */
export function layerFlags(parent: HistoryItem[], layerCount: number): boolean[] | Fallback {
  const sized = parent.filter(h => h.Size > 0).length
  const open = parent.filter(h => h.Size <= 0 && !METADATA_ONLY.test(h.CreatedBy)).length
  const need = layerCount - sized
  if (need !== 0 && need !== open) {
    return fallback(`${parent.length} history entries cannot be matched to ${layerCount} layers (${sized} with a size, ${open} undecided)`)
  }
  return parent.map(h => h.Size > 0 || (need > 0 && !METADATA_ONLY.test(h.CreatedBy)))
}

/**
 * The committed image's config, as the archive rewrite would make it from `docker save`: the temporary
 * commit's, with `config` the original's plus the predeploy label, no `container`/`container_config`,
 * and the commit's history line naming the task. Returns a reason instead when equivalence cannot be
 * shown. History times come from the API, to the second (the commit's own, from inspect, is exact).
 */
export function assembleCommitConfig(committed: InspectedImage, original: InspectedImage, history: HistoryItem[], note: string): string | Fallback {
  const before = original.RootFS?.Layers ?? []
  const after = committed.RootFS?.Layers ?? []
  if (before.some((l, i) => after[i] !== l) || after.length - before.length > 1) return fallback("the commit's layers do not extend the original's")
  if (committed.Os !== original.Os || committed.Architecture !== original.Architecture) return fallback('the commit changed the platform')
  // A history entry can carry an author the API does not report; images with one take the slow path.
  if (original.Author) return fallback('the original image has an author, which history entries may carry')
  const oldestFirst = [...history].reverse()
  const parent = oldestFirst.slice(0, -1)
  const flags = layerFlags(parent, before.length)
  if (isFallback(flags)) return flags
  const entries: HistoryEntry[] = parent.map((h, i) => ({
    created: isoSeconds(h.Created),
    ...(h.CreatedBy ? { created_by: h.CreatedBy } : {}),
    ...(h.Comment ? { comment: h.Comment } : {}),
    ...(flags[i] ? {} : { empty_layer: true })
  }))
  const own = after.length === before.length ? { empty_layer: true } : {}
  entries.push({ created: committed.Created, created_by: note, comment: 'release-phase', ...own })
  const config: Record<string, unknown> = {
    architecture: committed.Architecture,
    ...(committed.Variant ? { variant: committed.Variant } : {}),
    config: restoredConfig(original.Config ?? {}),
    created: committed.Created,
    ...(committed.DockerVersion ? { docker_version: committed.DockerVersion } : {}),
    history: entries,
    os: committed.Os,
    ...(committed.OsVersion ? { 'os.version': committed.OsVersion } : {}),
    rootfs: { type: committed.RootFS?.Type ?? 'layers', diff_ids: after }
  }
  return JSON.stringify(config)
}

/**
 * A legacy-layout archive with the config and manifest.json only. Each layer entry names a file that
 * is not there: the loader resolves layers by chain id first and opens the file only for one it lacks
 * (then the load fails, and the caller takes the slow path).
 */
export function configOnlyArchive(config: string, tags: string[]): { entries: ArchiveEntry[]; id: string } {
  const hex = sha256hex(config)
  const diffIds = (JSON.parse(config) as { rootfs: { diff_ids: string[] } }).rootfs.diff_ids
  const manifest = [{ Config: `${hex}.json`, RepoTags: tags, Layers: diffIds.map(d => `${d.replace(/^sha256:/, '')}/layer.tar`) }]
  return {
    entries: [
      { name: `${hex}.json`, body: Buffer.from(config) },
      { name: 'manifest.json', body: Buffer.from(JSON.stringify(manifest)) }
    ],
    id: `sha256:${hex}`
  }
}
