import { ActionError } from '../errors.js'
import { splitWords, type VarLookup } from './words.js'

/** How a command reaches the container (design.md §4.3): the `entrypoint` input. */
export type EntrypointMode = 'auto' | 'shell' | 'exec' | 'shell-through-entrypoint'

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

/**
 * design.md §4.4: shell-mode commands run under `set -e` and, where the shell has it, `pipefail`, as
 * Dokku does. Dokku writes `set -o pipefail || true`, but `set` is a special builtin: in dash (Debian's
 * /bin/sh, so most slim images) its error exits the shell before `|| true` is reached. Probing in a
 * subshell first is the portable form. The traps make a stopped task end after its current command
 * (exit 128+signal) instead of running the next one; with --init every process of the task gets the
 * signal (see run.ts), so that current command (the migration) is what receives it and rolls back.
 */
export const SHELL_PREAMBLE = "(set -o pipefail) 2>/dev/null && set -o pipefail; set -e; trap 'exit 143' TERM; trap 'exit 130' INT; "

export interface TaskInvocation {
  mode: 'shell' | 'exec' | 'exec-form'
  /** PID 1 is the image's own init wrapper (tini, dumb-init): no --init then. */
  wrapped: boolean
  /** `--entrypoint` override, when the image's must be replaced by the shell. */
  entrypoint?: string
  /** Arguments after the image: CMD replacement, passed to the (kept) ENTRYPOINT. */
  args: string[]
}

/**
 * design.md §4.3. A string command runs through `<shell> -c` unless the image has a real ENTRYPOINT
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
  // An init wrapper ENTRYPOINT is kept in every mode but one: a shell replacing a real ENTRYPOINT.
  const wrapped = isInitWrapper(imageEntrypoint)
  if (Array.isArray(command)) return { mode: 'exec-form', wrapped, args: [...command] }
  const hasEntrypoint = !!imageEntrypoint && imageEntrypoint.length > 0
  // The image's ENTRYPOINT runs first and then exec's the shell it is given (Rails' bin/docker-entrypoint
  // preloads jemalloc and prepares the database this way): nothing of the image is dropped.
  if (mode === 'shell-through-entrypoint') return { mode: 'shell', wrapped, args: [shell, '-c', SHELL_PREAMBLE + command] }
  const useShell = mode === 'shell' || (mode === 'auto' && (!hasEntrypoint || wrapped))
  if (useShell) {
    const script = SHELL_PREAMBLE + command
    // The shell replaces a real ENTRYPOINT; an init wrapper stays in front of it.
    if (hasEntrypoint && !wrapped) return { mode: 'shell', wrapped, entrypoint: shell, args: ['-c', script] }
    return { mode: 'shell', wrapped, args: [shell, '-c', script] }
  }
  const words = splitCommand(command, mode, imageEntrypoint, lookup, what)
  if (words.length === 0) throw new ActionError(`${what}: the command has no words after removing comments`)
  return { mode: 'exec', wrapped, args: words }
}

/**
 * A user who never chose exec mode (a Rails image's `docker-entrypoint`) must learn why the command is
 * not run by a shell: the error names the ENTRYPOINT that receives the words.
 */
function splitCommand(command: string, mode: EntrypointMode, imageEntrypoint: string[] | null, lookup: VarLookup, what: string): string[] {
  try {
    return splitWords(command, { lookup, what })
  } catch (e) {
    if (mode !== 'auto' || !(e instanceof ActionError)) throw e
    const ep = JSON.stringify(imageEntrypoint)
    throw new ActionError(`${e.message} (entrypoint: auto passes the command's words, without a shell, to the image's ENTRYPOINT ${ep}, as Dokku does)`)
  }
}

/**
 * An exec-mode command whose first word is the ENTRYPOINT itself (`/app/bin/shop eval …` with
 * `ENTRYPOINT ["/app/bin/shop"]`): the container ran the program with its own path as first argument.
 * Said in the error of a task that failed, as a likely cause (design.md §4.3).
 */
export function repeatsEntrypoint(invocation: TaskInvocation, imageEntrypoint: string[] | null): string | undefined {
  if (invocation.mode !== 'exec' || !imageEntrypoint?.length || invocation.args.length === 0) return undefined
  const program = imageEntrypoint[imageEntrypoint.length - 1]
  const first = invocation.args[0]
  const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1)
  if (first !== program && base(first) !== base(program)) return undefined
  return (
    `its first word repeats the image's ENTRYPOINT ${JSON.stringify(imageEntrypoint)}, which receives the command's words: ` +
    `the container ran ${[...imageEntrypoint, ...invocation.args].join(' ')}; leave ${first} out`
  )
}
