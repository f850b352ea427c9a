/**
 * The runner's workflow-command and file-command protocol, for the few calls this action makes.
 *
 * Why not @actions/core here: its entry point statically imports its OIDC client, and with it
 * @actions/http-client and undici, none of which this action uses. Loading them cost ~107 ms of a
 * ~128 ms start-up overhead on the benchmark machine (BENCHMARKS.md), paid on every run. The formats
 * below are the documented ones; __tests__/unit/runner.test.ts checks them byte for byte against
 * @actions/core for the same calls. @actions/tool-cache and @actions/github (loaded lazily) still use
 * @actions/core internally.
 */
import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import { EOL } from 'node:os'
import { safeLine } from './untrusted.js'

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** `::name key=value,key=value::message`. */
export function command(name: string, properties: Record<string, string | number | undefined>, message: string): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '' && v !== 0)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  // Other control characters (ANSI escapes, U+2028) in untrusted text are shown, not obeyed (design.md §5.6).
  // eslint-disable-next-line no-control-regex
  const shown = message.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(shown)}${EOL}`)
}

function annotation(p: AnnotationProperties): Record<string, string | number | undefined> {
  return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn }
}

/** A plain log line; untrusted text in it can neither start a new line nor be read as a command. */
export const info = (message: string): void => void process.stdout.write(safeLine(message) + EOL)
export const debug = (message: string): void => command('debug', {}, message)
export const warning = (message: string, p: AnnotationProperties = {}): void => command('warning', annotation(p), message)
export const error = (message: string, p: AnnotationProperties = {}): void => command('error', annotation(p), message)
export const startGroup = (name: string): void => command('group', {}, name)
export const endGroup = (): void => command('endgroup', {}, '')
/**
 * `::add-mask::` takes the value as it is: only `%`, CR and LF are escaped (the runner unescapes exactly
 * those). Showing other control characters, as `command` does for log text, would register a mask of
 * the shown text (`\u001b`) while the real value printed unmasked.
 */
export const setSecret = (secret: string): void => void process.stdout.write(`::add-mask::${escapeData(secret)}${EOL}`)

/** A file command (`GITHUB_OUTPUT`, `GITHUB_STATE`): `name<<DELIM` value `DELIM`, or the legacy command. */
function keyValue(file: 'OUTPUT' | 'STATE', legacy: string, name: string, value: string): void {
  const path = process.env[`GITHUB_${file}`]
  if (!path) {
    if (file === 'OUTPUT') process.stdout.write(EOL)
    command(legacy, { name }, value)
    return
  }
  if (!fs.existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error('Unexpected input: contains the delimiter')
  fs.appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

export const setOutput = (name: string, value: string): void => keyValue('OUTPUT', 'set-output', name, value)
export const saveState = (name: string, value: string): void => keyValue('STATE', 'save-state', name, value)
/**
 * The runner keeps a step's state in a dictionary that ignores case and keeps the first spelling it saw
 * (actions/runner: IntraActionState, StringComparer.OrdinalIgnoreCase): a relayed `::save-state
 * name=RUN-ID::` would otherwise hide `STATE_run-id` from an exact lookup. So the lookup ignores case too.
 */
export function getState(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const want = `STATE_${name}`.toUpperCase()
  for (const [key, value] of Object.entries(env)) if (key.toUpperCase() === want) return value ?? ''
  return ''
}

/** Appends Markdown to the job summary file, when the runner provides one. */
export function appendSummary(markdown: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (path) fs.appendFileSync(path, markdown + EOL, { encoding: 'utf8' })
}
