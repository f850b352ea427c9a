import { ManifestError } from '../errors.js'
import { readRegularFile } from '../workspace-files.js'
import * as path from 'node:path'
import type { Settings } from '../inputs/settings.js'
import type { AppJson } from './app-json.js'
import type { HerokuYml } from './heroku-yml.js'
import { parseProcfile, type ProcfileEntry } from './procfile.js'

export interface Manifests {
  procfile?: ProcfileEntry[]
  appJson?: AppJson
  herokuYml?: HerokuYml
  /** The Procfile's workspace-relative name, for annotating later errors about its commands. */
  procfileName?: string
  /** Workspace-relative names of the files found, for the info line. */
  found: string[]
}

/**
 * A manifest, or undefined when it does not exist ("no tasks from it"). A regular file under the size
 * limit only (workspace-files.ts): a link to /dev/zero or a FIFO must fail, not hang.
 */
function readOptional(file: string, what: string): string | undefined {
  return readRegularFile(file, what)
}

/** A parser's stack overflow on pathological nesting becomes an annotated error, not a crash. */
function parseGuarded<T>(parse: () => T, file: string): T {
  try {
    return parse()
  } catch (e) {
    if (e instanceof RangeError) throw new ManifestError(`${file} is nested too deeply to be read`, file, 1)
    throw e
  }
}

/** Flow collections nested deeper than this are refused before parsing (no real heroku.yml comes close). */
export const MAX_YAML_DEPTH = 256

/**
 * The line of the first `[`/`{` nested deeper than `limit` in YAML text (quoted scalars and comments
 * skipped), or undefined. The yaml parser survives a 200000-deep document, but only after ~6 s and
 * ~300 MB, ending in a stack overflow it reports as a syntax error; this answers at once.
 */
export function deepYamlLine(text: string, limit = MAX_YAML_DEPTH): number | undefined {
  let depth = 0
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++
    } else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\n') line++
        if (c === '"' && text[i] === '\\') i++
      }
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return line
    } else if ((c === ']' || c === '}') && depth > 0) depth--
  }
  return undefined
}

/** The app.json and heroku.yml parsers (and jsonc-parser, yaml) load only when those files exist. */
export async function loadManifests(s: Settings): Promise<Manifests> {
  const rel = (f: string): string => path.relative(s.workspace, f) || f
  const m: Manifests = { found: [] }
  const procfile = readOptional(s.procfile, `procfile: ${rel(s.procfile)}`)
  if (procfile !== undefined) {
    m.procfile = parseProcfile(procfile, rel(s.procfile))
    m.procfileName = rel(s.procfile)
    m.found.push(rel(s.procfile))
  }
  const appJson = readOptional(s.appJson, `app-json: ${rel(s.appJson)}`)
  if (appJson !== undefined) {
    const { parseAppJson } = await import('./app-json.js')
    m.appJson = parseGuarded(() => parseAppJson(appJson, rel(s.appJson)), rel(s.appJson))
    m.found.push(rel(s.appJson))
  }
  const herokuYml = readOptional(s.herokuYml, `heroku-yml: ${rel(s.herokuYml)}`)
  if (herokuYml !== undefined) {
    const deep = deepYamlLine(herokuYml)
    if (deep !== undefined) throw new ManifestError(`heroku.yml nests collections deeper than ${MAX_YAML_DEPTH} levels`, rel(s.herokuYml), deep)
    const { parseHerokuYml } = await import('./heroku-yml.js')
    m.herokuYml = parseGuarded(() => parseHerokuYml(herokuYml, rel(s.herokuYml)), rel(s.herokuYml))
    m.found.push(rel(s.herokuYml))
  }
  return m
}
