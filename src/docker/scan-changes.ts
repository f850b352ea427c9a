import * as path from 'node:path/posix'
import { pipeline } from 'node:stream/promises'
import { extract as tarExtract } from 'tar-stream'
import type { EngineApi } from './engine-api.js'
import { FileSearch, pathsToRead, type Finding } from '../predeploy-scan.js'

/** Archives read side by side: enough to hide the engine's latency, few enough to stay light. */
const PARALLEL = 4

/**
 * design.md §4.6: reads back only what the predeploy task changed (its diff, then one archive per
 * changed subtree) and searches every regular file for every masked form. Resolves to the files that
 * hold one, each with whose value it is.
 */
export async function scanChangedFiles(
  api: EngineApi,
  container: string,
  forms: Map<string, string>,
  initMounted: boolean
): Promise<{ findings: Finding[]; files: number }> {
  const findings: Finding[] = []
  let files = 0
  if (forms.size === 0) return { findings, files }
  const roots = pathsToRead(await api.changes(container), initMounted)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < roots.length) {
      const root = roots[next++]
      const tar = await api.archive(container, root)
      if (!tar) continue
      const extract = tarExtract()
      extract.on('entry', (header, stream, done) => {
        if (header.type !== 'file') {
          stream.on('end', done).resume()
          return
        }
        files++
        const search = new FileSearch(forms)
        stream.on('data', b => search.push(b as Buffer))
        stream.on('end', () => {
          if (search.found !== undefined) findings.push({ file: path.join(path.dirname(root), header.name), owner: search.found })
          done()
        })
      })
      await pipeline(tar, extract)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, roots.length) }, worker))
  findings.sort((a, b) => (a.file < b.file ? -1 : 1))
  return { findings, files }
}
