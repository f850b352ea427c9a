export type InputGetter = (name: string) => string

/** The runner's contract: INPUT_<NAME>, upper-cased, spaces to `_`, hyphens kept. */
export function envInput(env: NodeJS.ProcessEnv = process.env): InputGetter {
  return name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}
