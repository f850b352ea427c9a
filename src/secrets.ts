import { parse as parseDotenv } from 'dotenv'
import { ActionError, InputError } from './errors.js'
import { VAR_NAME, type Mapping } from './inputs.js'
import type { AppEnvVar } from './manifests/app-json.js'
import type { VarValue } from './words.js'

/** The variables a task container gets, by name. `secret` values are masked and never expanded onto an argv. */
export type TaskEnv = Map<string, VarValue>

export interface EnvSources {
  secrets: Mapping[]
  env: { name: string; value: string }[]
  envFiles: { file: string; text: string }[]
  /** Names of step env variables whose values are dotenv text. */
  secretsDotenv?: string[]
  appEnv: AppEnvVar[]
  /** The workflow step's environment, where `secrets` sources are read. */
  processEnv: NodeJS.ProcessEnv
}

/**
 * SPEC 5.1 and 5.3: env-files < secrets-dotenv < env < secrets, then app.json defaults and requirements.
 * Raised here, before the build: missing sources, missing required variables, secret generators.
 */
export function resolveTaskEnv(src: EnvSources): { vars: TaskEnv; warnings: string[] } {
  const vars: TaskEnv = new Map()
  const warnings: string[] = []
  for (const { file, text } of src.envFiles) {
    for (const [name, value] of Object.entries(parseDotenv(text))) {
      if (!VAR_NAME.test(name)) throw new InputError(`env-files: ${file}: "${name}" is not a valid variable name`)
      vars.set(name, { value, secret: true })
    }
  }
  const missingDotenv = (src.secretsDotenv ?? []).filter(n => src.processEnv[n] === undefined)
  for (const source of src.secretsDotenv ?? []) {
    for (const [name, value] of Object.entries(parseDotenv(src.processEnv[source] ?? ''))) {
      if (!VAR_NAME.test(name)) throw new InputError(`secrets-dotenv: ${source}: "${name}" is not a valid variable name`)
      vars.set(name, { value, secret: true })
    }
  }
  for (const { name, value } of src.env) vars.set(name, { value, secret: false })

  const missing = src.secrets.filter(m => src.processEnv[m.source] === undefined)
  if (missing.length > 0 || missingDotenv.length > 0) {
    const names = [...missingDotenv, ...missing.map(m => (m.source === m.name ? m.source : `${m.source} (for ${m.name})`))]
    throw new InputError(`secrets: these variables are not set in the step's env: ${names.join(', ')}`)
  }
  for (const m of src.secrets) {
    const value = src.processEnv[m.source] as string
    if (value === '') warnings.push(`secrets: ${m.source} is set but empty`)
    vars.set(m.name, { value, secret: true })
  }

  const required: string[] = []
  const generated: string[] = []
  for (const v of src.appEnv) {
    if (vars.has(v.name)) continue
    if (v.generator === 'secret') generated.push(v.name)
    else if (v.value !== undefined) vars.set(v.name, { value: v.value, secret: false })
    else if (v.required) required.push(v.description ? `${v.name} (${v.description})` : v.name)
  }
  if (generated.length > 0) {
    throw new ActionError(
      `app.json env ${generated.join(', ')} ${generated.length > 1 ? 'have' : 'has'} generator "secret": a CI run cannot generate a secret that stays ` +
        'the same from one deploy to the next; create it once and pass it through the secrets input'
    )
  }
  if (required.length > 0) {
    throw new ActionError(`app.json env requires variables that no input provides: ${required.join('; ')}`)
  }
  if (vars.has('RELEASE_PHASE')) {
    warnings.push('RELEASE_PHASE is set by the action to the running phase; the value given is ignored')
    vars.delete('RELEASE_PHASE')
  }
  return { vars, warnings }
}

/** Every secret value, and each line of a multi-line one, so the runner masks it wherever it appears. */
export function maskValues(vars: TaskEnv, extra: string[], setSecret: (v: string) => void): string[] {
  const values = [...[...vars.values()].filter(v => v.secret).map(v => v.value), ...extra]
  const masked = new Set<string>()
  for (const value of values) {
    for (const part of [value, ...value.split(/\r?\n/)]) {
      const p = part.trim() === '' ? '' : part
      if (p !== '' && !masked.has(p)) {
        masked.add(p)
        setSecret(p)
      }
    }
  }
  return [...masked]
}

/** Replaces every known secret value with `***` (longest first, so a value containing another goes whole). */
export function redact(text: string, secrets: string[]): string {
  let out = text
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***')
  return out
}
