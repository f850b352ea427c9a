export type InputGetter = (name: string) => string

/** `TARGET=SOURCE` of `secrets` and `build-secrets`: a name, and the step env variable holding its value. */
export interface Mapping {
  name: string
  source: string
}

/** The runner's contract: INPUT_<NAME>, upper-cased, spaces to `_`, hyphens kept. */
export function envInput(env: NodeJS.ProcessEnv = process.env): InputGetter {
  return name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Newline-separated list, blank lines and `#` comment lines dropped. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))
}

/** Comma- or newline-separated list. */
export function list(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map(l => l.trim())
    .filter(l => l !== '')
}

/**
 * `KEY=VALUE`, split at the first `=` (a value may hold more): the one rule of every such input, manifest
 * entry and image ENV line. `value` is undefined for a bare `KEY`; nothing is trimmed, callers decide.
 */
export function splitPair(text: string): { key: string; value: string | undefined } {
  const eq = text.indexOf('=')
  return eq < 0 ? { key: text, value: undefined } : { key: text.slice(0, eq), value: text.slice(eq + 1) }
}

/** A process environment variable name as the action accepts it everywhere: a letter or `_`, then letters, digits, `_`. */
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Whether the step's env holds a value under `name`. `empty` is its own answer: an unset repository or
 * environment secret expands to an empty string (design.md §5.3), which is never a usable value.
 * Whitespace alone counts as empty.
 */
export function inStepEnv(env: NodeJS.ProcessEnv, name: string): 'set' | 'unset' | 'empty' {
  const v = env[name]
  if (v === undefined) return 'unset'
  return v.trim() === '' ? 'empty' : 'set'
}
