/**
 * Untrusted text (commands from manifests, names, paths, docker's stderr) in the lines the action writes
 * itself (design.md §5.6). The runner reads a line as a workflow command when, leading blanks trimmed, it
 * starts with `::`, or (the legacy form) when it holds `##[` anywhere; a CR or LF inside the text would
 * start such a line. In the job summary the same text must not be read as Markdown or HTML.
 */
import { InputError } from './errors.js'

// Kernel limits the action checks before any side effect. Here, not in secrets.ts: runner.ts (on the
// start-up path) needs them through this module, and must not load secrets.ts and dotenv to get them.

/** Linux MAX_ARG_STRLEN: one `NAME=value` string of a process environment (or argv) holds at most 128 KiB. */
export const MAX_ENV_ENTRY = 32 * 4096
/** All task values together; the rest of ARG_MAX (2 MiB by default) is left to the runner's own environment. */
export const MAX_TASK_ENV = 1024 * 1024

/** One log line: control characters shown escaped, never a command (runner.info applies it to every line). */
export function safeLine(text: string): string {
  // Control characters are exactly what this must find; U+0085 too: .NET's TrimStart (the runner's,
  // before it looks for `::`) strips it as blank.
  // eslint-disable-next-line no-control-regex
  let out = text.replace(/[\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\n\r]/g, c => {
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
  out = out.replace(/##\[/g, '##\\[')
  if (out.trimStart().startsWith('::')) out = `\\${out.trimStart()}`
  return out
}

/** Plain text for Markdown (table cells, paragraphs): HTML entities and Markdown punctuation escaped. */
export function mdText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, c => `\\${c}`)
    .replace(/\r\n|\r|\n/g, ' ')
}

/** A fenced block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(r => r.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}text\n${text}\n${fence}`
}

/**
 * A task command (any phase, any source) must fit one argv string and hold no NUL byte: both would
 * otherwise fail only when the container is created, after the build (spawn's E2BIG / invalid argument).
 */
export function checkCommand(what: string, command: string | string[] | undefined, noun = 'the command'): void {
  if (command === undefined) return
  for (const word of Array.isArray(command) ? command : [command]) {
    if (word.includes('\0')) throw new InputError(`${what}: ${noun} contains a NUL byte`)
    if (Buffer.byteLength(word) + 64 > MAX_ENV_ENTRY) {
      throw new InputError(
        `${what}: ${noun} ${Array.isArray(command) && noun !== 'the command' ? 'holds a word of' : 'is'} ${Buffer.byteLength(word)} bytes; one process argument holds at most ${MAX_ENV_ENTRY} bytes on Linux (E2BIG)`
      )
    }
  }
}
