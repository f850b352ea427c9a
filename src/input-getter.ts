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
