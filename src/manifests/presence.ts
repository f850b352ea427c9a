import * as path from 'node:path'
import { InputError } from '../errors.js'
import type { Settings } from '../inputs/settings.js'
import type { Manifests } from './load.js'
import { hasCommand } from './release-command.js'

/**
 * design.md §2.8, issue 10 item 5: no manifest and no `release-command` is an error, before any side effect.
 * A job that forgot actions/checkout, or a wrong working-directory, would otherwise build, run nothing
 * and report released=true.
 */
export function requireManifests(s: Settings, m: Manifests): void {
  if (m.found.length > 0 || s.releaseCommand.trim() !== '') return
  const dir = path.relative(s.workspace, s.workingDirectory) || '.'
  const names = [s.procfile, s.appJson, s.herokuYml].map(f => path.relative(s.workingDirectory, f))
  throw new InputError(
    `no manifest found: none of ${names.join(', ')} is in "${dir}" (working-directory, relative to the workspace) and release-command is empty, so there is nothing to run. ` +
      'Check out the repository before this step (actions/checkout), or set working-directory to the folder of the app'
  )
}

/**
 * Manifests exist but no requested phase has a command: not an error (a build-and-push job may be
 * exactly that), but said in a warning and in the summary so it is never taken for a release.
 */
export function nothingToRun(phases: readonly { phase: string; command?: string | string[] }[], found: string[]): string | undefined {
  if (phases.some(p => hasCommand(p.command))) return undefined
  const requested = phases.map(p => p.phase).join(', ') || 'none'
  return `none of the requested phases (${requested}) has a command in ${found.join(', ') || 'the inputs'}: no task runs`
}
