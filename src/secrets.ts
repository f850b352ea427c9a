import { parse as parseDotenv } from 'dotenv'
import { ActionError, InputError } from './errors.js'
import { VAR_NAME, type Mapping, inStepEnv } from './inputs/grammar.js'
import type { AppEnvVar } from './manifests/app-json.js'
import type { VarValue } from './task/words.js'
import { reservedTaskNames } from './cli-env.js'
import { MIN_MASK, secretForms, type NamedSecret } from './masking.js'
import { MAX_ENV_ENTRY, MAX_TASK_ENV } from './untrusted.js'

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
 * design.md §5.1 and §5.2: env-files < secrets-dotenv < env < secrets, then app.json defaults and requirements.
 * Raised here, before the build: missing sources, missing required variables, secret generators.
 */
export function resolveTaskEnv(src: EnvSources): { vars: TaskEnv; warnings: string[] } {
  const vars: TaskEnv = new Map()
  const warnings: string[] = []
  for (const { file, text } of src.envFiles) {
    for (const [name, value] of Object.entries(parseDotenv(text))) {
      if (!VAR_NAME.test(name)) throw new InputError(`env-files: ${file}: "${name}" is not a valid variable name`)
      // A committed file is configuration, not a secret (design.md §5.5): masking `true` or `2` would
      // hide the outputs. A file decrypted at run time goes through secrets-dotenv instead.
      vars.set(name, { value, secret: false })
    }
  }
  const missingDotenv = (src.secretsDotenv ?? []).filter(n => inStepEnv(src.processEnv, n) === 'unset')
  for (const source of src.secretsDotenv ?? []) {
    for (const [name, value] of Object.entries(parseDotenv(src.processEnv[source] ?? ''))) {
      if (!VAR_NAME.test(name)) throw new InputError(`secrets-dotenv: ${source}: "${name}" is not a valid variable name`)
      vars.set(name, { value, secret: true })
    }
  }
  for (const { name, value } of src.env) vars.set(name, { value, secret: false })

  const missing = src.secrets.filter(m => inStepEnv(src.processEnv, m.source) === 'unset')
  if (missing.length > 0 || missingDotenv.length > 0) {
    const names = [...missingDotenv, ...missing.map(sourceLabel)]
    throw new InputError(
      `secrets: these variables are not set in the step's env: ${names.join(', ')}${missing.some(m => m.source !== m.name) ? MAPPING_HINT : ''}`
    )
  }
  // design.md §5.3: an unset repository secret expands to "" (for secrets-dotenv too, where it would
  // otherwise silently give no variable at all).
  const emptyDotenv = (src.secretsDotenv ?? []).filter(n => inStepEnv(src.processEnv, n) === 'empty')
  const empty = src.secrets.filter(m => inStepEnv(src.processEnv, m.source) === 'empty')
  if (empty.length > 0 || emptyDotenv.length > 0) {
    const names = [...emptyDotenv.map(n => `secrets-dotenv ${n}`), ...empty.map(sourceLabel)]
    throw new InputError(
      `secrets: ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} set but empty in the step's env. ` +
        "An unset repository or environment secret expands to an empty string: check that the secret exists and that this job can read it (environment secrets need the job's environment)"
    )
  }
  for (const m of src.secrets) vars.set(m.name, { value: src.processEnv[m.source] as string, secret: true })

  const required: string[] = []
  const generated: string[] = []
  const emptyRequired: string[] = []
  for (const v of src.appEnv) {
    const given = vars.get(v.name)
    if (given) {
      if (given.value === '' && v.required && v.value === undefined) emptyRequired.push(v.name)
      // A required variable without a default is deployment configuration the app cannot ship with
      // (SECRET_KEY_BASE, DATABASE_URL): masked even when given through the plain `env` input.
      if (v.required && v.value === undefined) vars.set(v.name, { ...given, secret: true })
      continue
    }
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
  if (emptyRequired.length > 0) {
    throw new ActionError(
      `app.json env requires ${emptyRequired.join(', ')}, and the value given is empty. ` +
        'An unset repository or environment secret expands to an empty string: check that the secret exists and that this job can read it'
    )
  }
  if (vars.has('RELEASE_PHASE')) {
    warnings.push('RELEASE_PHASE is set by the action to the running phase; the value given is ignored')
    vars.delete('RELEASE_PHASE')
  }
  checkTaskEnv(vars, src.appEnv)
  return { vars, warnings }
}

/**
 * A missing `NAME=SOURCE` source is often a value written build-push-action's way (`ID=value`, which
 * can look like a variable name): say what SOURCE is, without repeating it (issue 14).
 */
const MAPPING_HINT =
  ' (after "=" comes the name of a step env variable holding the value, not the value itself: put the value in the step\'s env: and map it by name)'

/** `NAME` or, for `NAME=SOURCE`, the target only: what follows `=` is never repeated (design.md §5.3). */
function sourceLabel(m: Mapping): string {
  return m.source === m.name ? m.source : `the variable named after "=" for ${m.name}`
}

/**
 * Raised before any side effect: names the docker CLI reads (cli-env.ts), NUL bytes (no process
 * environment can hold one) and sizes the kernel refuses with E2BIG. Errors name variables, never values.
 */
export function checkTaskEnv(vars: TaskEnv, appEnv: AppEnvVar[] = []): void {
  const reserved = reservedTaskNames(new Set([...vars.keys(), ...appEnv.map(v => v.name)]))
  if (reserved.length > 0) {
    throw new InputError(
      `task variable${reserved.length > 1 ? 's' : ''} ${reserved.join(', ')}: the docker CLI or buildx read${reserved.length > 1 ? '' : 's'} ` +
        'this name from its own environment (where it connects, how it builds, whom it trusts), and task values pass through that environment; ' +
        "rename the variable (set it in the image's ENV if the app needs that exact name)"
    )
  }
  let total = 0
  for (const [name, v] of vars) {
    if (v.value.includes('\0')) throw new InputError(`task variable ${name}: the value contains a NUL byte, which no process environment can hold`)
    const size = Buffer.byteLength(name) + Buffer.byteLength(v.value) + 2
    if (size > MAX_ENV_ENTRY) {
      throw new InputError(`task variable ${name}: the value is ${size} bytes; one environment entry holds at most ${MAX_ENV_ENTRY} bytes on Linux (E2BIG)`)
    }
    total += size
  }
  if (total > MAX_TASK_ENV)
    throw new InputError(`task variables: ${total} bytes in all; at most ${MAX_TASK_ENV} fit beside the runner's own environment (E2BIG)`)
}

/**
 * design.md §5.1 build-secrets: the values, read from the step env for masking (buildx reads them itself).
 * A missing or empty source fails before the build, naming the id only.
 */
export function buildSecretValues(mappings: Mapping[], processEnv: NodeJS.ProcessEnv): NamedSecret[] {
  const bad = mappings.filter(m => inStepEnv(processEnv, m.source) !== 'set')
  if (bad.length > 0) {
    throw new InputError(
      `build-secrets: ${bad.map(m => (m.source === m.name ? m.name : `the variable named after "=" for id ${m.name}`)).join(', ')} ` +
        `${bad.length > 1 ? 'are' : 'is'} not set or empty in the step's env (an unset repository secret expands to an empty string)` +
        (bad.some(m => m.source !== m.name) ? MAPPING_HINT : '')
    )
  }
  return mappings.map(m => ({ name: `build-secrets ${m.name}`, value: processEnv[m.source] as string }))
}

/** A secret value and what it is called in messages (a variable, `github-token`, a build secret id). */

/** The task's secret variables, by name (plain `env` and committed env files are configuration). */
export function taskSecrets(vars: TaskEnv): NamedSecret[] {
  return [...vars].filter(([, v]) => v.secret).map(([name, v]) => ({ name, value: v.value }))
}

/** The masks registered so far: whose value each form is, in the order registered; `forms` for `redact`. */
export class Masks {
  readonly owners = new Map<string, string>()
  get forms(): string[] {
    return [...this.owners.keys()]
  }
}

export function noMasks(): Masks {
  return new Masks()
}

/**
 * Every secret value in each form the runner masks (masking.ts), each one registered with the runner
 * (add-mask) so no form of it shows in the log, added to `masks`. A value shorter than MIN_MASK is not
 * registered: a warning names it, never its value.
 */
export function maskValues(secrets: NamedSecret[], setSecret: (v: string) => void, warn: (message: string) => void, masks: Masks = noMasks()): Masks {
  for (const { name, value } of secrets) {
    if (value.trim().length < MIN_MASK) {
      if (value.trim() !== '') {
        warn(
          `${name}: the value is shorter than ${MIN_MASK} characters, so it is not masked in the log (a mask that short would hide unrelated text and the outputs)`
        )
      }
      continue
    }
    for (const form of secretForms(value)) {
      if (masks.owners.has(form)) continue
      masks.owners.set(form, name)
      setSecret(form)
    }
  }
  return masks
}

/**
 * The outputs the runner will not pass to other jobs because they hold a masked form (it skips such an
 * output with a warning of its own): each named, with the secret it holds, never the value.
 */
export function hiddenOutputs(outputs: Record<string, string>, masks: Masks): string[] {
  const out: string[] = []
  for (const [output, value] of Object.entries(outputs)) {
    const form = masks.forms.find(f => value.includes(f))
    if (form) out.push(`output ${output} holds the value of ${masks.owners.get(form)}, so the runner will not pass it to other jobs`)
  }
  return out
}

/**
 * The values for a docker child's environment (the argv carries only the names: design.md §5.4), or for
 * a create request's body (ADR 0013).
 */
export function valuesOf(vars: TaskEnv): Record<string, string> {
  return Object.fromEntries([...vars].map(([k, v]) => [k, v.value]))
}
