/**
 * How actions/runner reads a step's output, as strictly as it does (the stand-in the engine tests and the
 * journeys' player use for the step state and the obeyed commands). From actions/runner:
 * - lines: .NET's StreamReader.ReadLine splits at `\n`, `\r\n` and a lone `\r`, on stdout and stderr alike;
 * - ActionCommand.TryParseV2: `::name k=v,k=v::data` at a line's start, leading blanks trimmed;
 *   ActionCommand.TryParse: the legacy `##[name k=v;k=v]data` anywhere in a line;
 *   command names are matched without regard to case (ActionCommandManager._registeredCommands);
 * - `::stop-commands::TOKEN` stops every command until a line whose command is TOKEN (either form);
 * - save-state (and the GITHUB_STATE file, read after the step) write one dictionary with
 *   StringComparer.OrdinalIgnoreCase: a later write of `isPost` keeps the first spelling seen (`ISPOST`),
 *   and the post step gets `STATE_<that spelling>` (ActionRunner.cs).
 */
const COMMANDS = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning'
]

export interface Command {
  name: string
  properties: Record<string, string>
  data: string
  line: string
}

export function runnerLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')
/** The legacy form's Unescape: `%3B` (`;`), `%0D`, `%0A`, `%5D` (`]`), `%25`. */
const unescapeLegacy = (s: string): string => s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%')

function parse(line: string, registered: Set<string>): Command | undefined {
  const v2 = line.trimStart()
  if (v2.startsWith('::')) {
    const end = v2.indexOf('::', 2)
    if (end >= 0) {
      const info = v2.slice(2, end)
      const space = info.indexOf(' ')
      const name = space < 0 ? info : info.slice(0, space)
      if (registered.has(name.toLowerCase())) {
        const properties: Record<string, string> = {}
        if (space > 0) {
          for (const p of info
            .slice(space + 1)
            .trim()
            .split(',')
            .filter(Boolean)) {
            const eq = p.indexOf('=')
            if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq).toLowerCase()] = unescapeProperty(p.slice(eq + 1))
          }
        }
        return { name: name.toLowerCase(), properties, data: unescapeData(v2.slice(end + 2)), line }
      }
    }
  }
  const at = line.indexOf('##[')
  if (at < 0) return undefined
  const rb = line.indexOf(']', at)
  if (rb < 0) return undefined
  const info = line.slice(at + 3, rb)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!registered.has(name.toLowerCase())) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const p of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq).toLowerCase()] = unescapeLegacy(p.slice(eq + 1))
    }
  }
  return { name: name.toLowerCase(), properties, data: unescapeLegacy(line.slice(rb + 1)), line }
}

/** The commands the runner would obey in this output (stop-commands honoured), in order. */
export function obeyedCommands(output: string): Command[] {
  const registered = new Set(COMMANDS)
  const out: Command[] = []
  let token: string | undefined
  for (const line of runnerLines(output)) {
    const c = parse(line, registered)
    if (!c) continue
    if (token !== undefined) {
      if (c.name === token) {
        registered.delete(token)
        token = undefined
      }
      continue
    }
    if (c.name === 'stop-commands') {
      if (!c.data || registered.has(c.data.toLowerCase()) || c.data.toLowerCase() === 'pause-logging') {
        throw new Error(`the runner refuses this stop-commands token: ${c.data}`)
      }
      token = c.data.toLowerCase()
      registered.add(token)
      continue
    }
    out.push(c)
  }
  return out
}

/** A case-insensitive dictionary that keeps the first spelling of a key, as .NET's does. */
class IgnoreCaseMap {
  private readonly entries = new Map<string, [string, string]>()
  set(key: string, value: string): void {
    const k = key.toLowerCase()
    const had = this.entries.get(k)
    this.entries.set(k, [had ? had[0] : key, value])
  }
  record(): Record<string, string> {
    return Object.fromEntries(this.entries.values())
  }
}

/**
 * The step's state as the post step gets it: every obeyed `save-state` from the step's output, then the
 * GITHUB_STATE file's entries (FileCommandManager runs after the step ends), keys as first spelled.
 */
export function stepState(output: string, fileState: Record<string, string>): Record<string, string> {
  const state = new IgnoreCaseMap()
  for (const c of obeyedCommands(output)) if (c.name === 'save-state' && c.properties.name) state.set(c.properties.name, c.data)
  for (const [k, v] of Object.entries(fileState)) state.set(k, v)
  return state.record()
}
