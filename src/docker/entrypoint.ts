import { ActionError } from '../errors.js'
import type { EntrypointMode } from '../inputs.js'
import { splitWords, type VarLookup } from '../words.js'

/** Init wrappers that pass their arguments on (Dokku's list, plus common variants). */
export const INIT_WRAPPERS: string[][] = [
  ['/tini', '--'],
  ['/bin/tini', '--'],
  ['/usr/bin/tini', '--'],
  ['/usr/local/bin/tini', '--'],
  ['tini', '--'],
  ['/sbin/tini', '--'],
  ['dumb-init', '--'],
  ['/usr/bin/dumb-init', '--']
]

export function isInitWrapper(entrypoint: string[] | null): boolean {
  return !!entrypoint && INIT_WRAPPERS.some(w => w.length === entrypoint.length && w.every((x, i) => x === entrypoint[i]))
}

export interface TaskInvocation {
  mode: 'shell' | 'exec' | 'exec-form'
  /** `--entrypoint` override, when the image's must be replaced by the shell. */
  entrypoint?: string
  /** Arguments after the image: CMD replacement, passed to the (kept) ENTRYPOINT. */
  args: string[]
}

/**
 * SPEC 4.2. A string command runs through `<shell> -c` unless the image has a real ENTRYPOINT
 * (Phoenix's `bin/my_app`), which then receives the command's words, as Dokku does. Everything that
 * can go wrong is raised here, before any container starts, so the image's CMD never runs by accident.
 */
export function planInvocation(
  command: string | string[],
  mode: EntrypointMode,
  imageEntrypoint: string[] | null,
  shell: string,
  lookup: VarLookup,
  what: string
): TaskInvocation {
  if (Array.isArray(command)) return { mode: 'exec-form', args: [...command] }
  const hasEntrypoint = !!imageEntrypoint && imageEntrypoint.length > 0
  const wrapper = isInitWrapper(imageEntrypoint)
  const useShell = mode === 'shell' || (mode === 'auto' && (!hasEntrypoint || wrapper))
  if (useShell) {
    const args = [shell, '-c', command]
    // The shell replaces a real ENTRYPOINT; an init wrapper stays in front of it.
    if (hasEntrypoint && !wrapper) return { mode: 'shell', entrypoint: shell, args: ['-c', command] }
    return { mode: 'shell', args }
  }
  const words = splitWords(command, { lookup, what })
  if (words.length === 0) throw new ActionError(`${what}: the command has no words after removing comments`)
  return { mode: 'exec', args: words }
}
