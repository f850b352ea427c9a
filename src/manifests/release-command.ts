import type { HerokuYml } from './heroku-yml.js'

import type { ProcfileEntry } from './procfile.js'

export type ReleaseSource = 'Procfile' | 'heroku.yml' | 'input' | 'none'

export interface ReleaseChoice {
  command?: string | string[]
  source: ReleaseSource
  /** The Procfile line of a Procfile command, for annotating later errors about it. */
  line?: number
  /** Set when more than one source defines it: names the one used. */
  warning?: string
}

/** design.md §2.7: Procfile > heroku.yml > input, as in Jets where the Procfile wins over configuration. */
export function chooseReleaseCommand(procfile: ProcfileEntry[] | undefined, heroku: HerokuYml | undefined, input: string): ReleaseChoice {
  const candidates: { source: ReleaseSource; command: string | string[]; line?: number }[] = []
  const fromProcfile = procfile?.find(e => e.name === 'release')
  if (fromProcfile) candidates.push({ source: 'Procfile', command: fromProcfile.command, line: fromProcfile.line })
  if (heroku?.releaseCommand !== undefined) candidates.push({ source: 'heroku.yml', command: heroku.releaseCommand })
  if (input.trim() !== '') candidates.push({ source: 'input', command: input.trim() })
  if (candidates.length === 0) return { source: 'none' }
  const [used, ...ignored] = candidates
  return {
    ...used,
    warning:
      ignored.length > 0
        ? `release command defined in ${candidates.map(c => c.source).join(' and ')}; using the ${used.source} one (${ignored.map(c => c.source).join(', ')} ignored)`
        : undefined
  }
}

/** A release command as one line for logs and outputs; exec form joined with spaces. */
export function commandText(command: string | string[] | undefined): string {
  if (command === undefined) return ''
  return Array.isArray(command) ? JSON.stringify(command) : command
}

/** A command that runs something: a blank one is no command (design.md §4.1, as in Dokku). */
export function hasCommand(c: string | string[] | undefined): boolean {
  return Array.isArray(c) ? c.length > 0 : (c ?? '').trim() !== ''
}
