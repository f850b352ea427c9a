import * as path from 'node:path/posix'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import type { EngineApi } from '../docker/engine-api.js'
import { DockerError } from '../errors.js'
import { FileSearch, isWholeTar, namesHolding, pathsToRead, type Finding } from './scan.js'
import { GzipMembers } from './gzip-members.js'

/** Archives read side by side: enough to hide the engine's latency, few enough to stay light. */
const PARALLEL = 4

/**
 * design.md §4.6: reads back only what the predeploy task changed (its diff, then one archive per
 * changed subtree) and searches each archive's bytes as they stream for every masked form: the files'
 * contents, and also their names, link targets and attributes, all of which a commit keeps. An archive
 * is parsed only when a form is in it, to say which file (issue 22: parsing every entry of a large
 * change cost more than the engine's own read). Resolves to the files that hold one, each with whose
 * value it is.
 */
export async function scanChangedFiles(
  api: EngineApi,
  container: string,
  forms: Map<string, string>,
  initMounted: boolean
): Promise<{ findings: Finding[]; paths: number; bytes: number }> {
  if (forms.size === 0) return { findings: [], paths: 0, bytes: 0 }
  const changes = await api.changes(container)
  const roots = pathsToRead(changes, initMounted)
  // Every changed name, as the engine lists it in full (an archive splits a long one at a '/').
  const named = changes.filter(c => c.Kind !== 2).flatMap(c => nameFinding(forms, c.Path))
  const hits: { root: string; owner: string }[] = []
  const gzipped: Finding[] = []
  let bytes = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < roots.length) {
      const root = roots[next++]
      const tar = await api.archive(container, root)
      // The engine listed it as changed but cannot read it back: never a clean read.
      if (!tar) throw new DockerError(unreadable(root))
      const read = await searchArchive(tar, forms, root)
      bytes += read.bytes
      if (read.owner !== undefined) hits.push({ root, owner: read.owner })
      gzipped.push(...read.gzipped.map(g => ({ file: path.join(path.dirname(root), g.name), owner: g.owner })))
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, roots.length) }, worker))
  const located = (await Promise.all(hits.map(h => locate(api, container, h, forms)))).flat()
  const findings = [...named, ...[...located, ...gzipped].filter(f => !named.some(n => n.file === f.file))]
  findings.sort((a, b) => (a.file < b.file ? -1 : 1))
  return { findings, paths: roots.length, bytes }
}

function nameFinding(forms: Map<string, string>, file: string): Finding[] {
  const owner = namesHolding(forms, [file])
  return owner === undefined ? [] : [{ file, owner, part: 'name' }]
}

/**
 * The engine's change list is JSON, where a name that is not UTF-8 arrives with U+FFFD in place of its
 * bytes: the archive of that path is then not found.
 */
function unreadable(root: string): string {
  return (
    `the engine lists ${JSON.stringify(root)} among the predeploy task's changes but cannot read it back` +
    `${root.includes('\uFFFD') ? ' (a file name that is not UTF-8)' : ''}: the scan cannot say it holds no secret. Make the task write names in UTF-8`
  )
}

/**
 * One archive searched as it streams, its gzip files decompressed too (gzip-members.ts). One that does
 * not end as a tar ends is an error, never a clean read.
 */
async function searchArchive(
  tar: Readable,
  forms: Map<string, string>,
  root: string
): Promise<{ owner?: string; bytes: number; gzipped: { name: string; owner: string }[] }> {
  const search = new FileSearch(forms)
  const members = new GzipMembers(forms)
  let bytes = 0
  let end: Buffer = Buffer.alloc(0)
  for await (const chunk of tar as AsyncIterable<Buffer>) {
    bytes += chunk.length
    search.push(chunk)
    await members.push(chunk)
    end = chunk.length >= 1024 ? chunk.subarray(chunk.length - 1024) : Buffer.concat([end, chunk]).subarray(-1024)
  }
  if (!isWholeTar(bytes, end)) throw new DockerError(`the archive of ${root} the engine sent is cut short (${bytes} bytes): the scan cannot say it is clean`)
  await members.end()
  return { owner: search.found, bytes, gzipped: members.found }
}

/**
 * A form is in the archive of `hit.root`: read it again, parsed, to name the files whose content, name
 * or link target holds it. When no entry does (a form across an entry's end and the next header, or in
 * an attribute), the finding is the subtree itself.
 */
async function locate(api: EngineApi, container: string, hit: { root: string; owner: string }, forms: Map<string, string>): Promise<Finding[]> {
  const { extract: tarExtract } = await import('tar-stream')
  const found: Finding[] = []
  const tar = await api.archive(container, hit.root)
  if (tar) {
    const extract = tarExtract()
    extract.on('entry', (header, stream, done) => {
      const file = path.join(path.dirname(hit.root), header.name)
      const named = namesHolding(forms, [header.name, header.linkname ?? ''])
      if (named !== undefined) found.push({ file, owner: named, part: 'name' })
      if (header.type !== 'file') {
        stream.on('end', done).resume()
        return
      }
      const search = new FileSearch(forms)
      stream.on('data', b => search.push(b as Buffer))
      stream.on('end', () => {
        if (search.found !== undefined) found.push({ file, owner: search.found })
        done()
      })
    })
    await pipeline(tar, extract)
  }
  return found.length > 0 ? found : [{ file: hit.root, owner: hit.owner, part: 'archive' }]
}
