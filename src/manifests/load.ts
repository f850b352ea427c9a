import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Settings } from '../inputs.js'
import type { AppJson } from './app-json.js'
import type { HerokuYml } from './heroku-yml.js'
import { parseProcfile, type ProcfileEntry } from './procfile.js'

export interface Manifests {
  procfile?: ProcfileEntry[]
  appJson?: AppJson
  herokuYml?: HerokuYml
  /** Workspace-relative names of the files found, for the info line. */
  found: string[]
}

/** Reads a file, or undefined when it does not exist: a missing manifest means "no tasks from it". */
function readOptional(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/** The app.json and heroku.yml parsers (and jsonc-parser, yaml) load only when those files exist. */
export async function loadManifests(s: Settings): Promise<Manifests> {
  const rel = (f: string): string => path.relative(s.workspace, f) || f
  const m: Manifests = { found: [] }
  const procfile = readOptional(s.procfile)
  if (procfile !== undefined) {
    m.procfile = parseProcfile(procfile, rel(s.procfile))
    m.found.push(rel(s.procfile))
  }
  const appJson = readOptional(s.appJson)
  if (appJson !== undefined) {
    m.appJson = (await import('./app-json.js')).parseAppJson(appJson, rel(s.appJson))
    m.found.push(rel(s.appJson))
  }
  const herokuYml = readOptional(s.herokuYml)
  if (herokuYml !== undefined) {
    m.herokuYml = (await import('./heroku-yml.js')).parseHerokuYml(herokuYml, rel(s.herokuYml))
    m.found.push(rel(s.herokuYml))
  }
  return m
}
