import { InputError } from '../errors.js'
import { parseDuration } from './duration.js'
import { splitWords } from '../task/words.js'
import { parseImageRef, parseTagRef, type ImageRef, type TagRef } from '../image/ref.js'
import { readBuildExtras, type BuildExtras } from '../image/build-inputs.js'
import { insidePath, realpathExisting } from '../workspace-files.js'
import { VAR_NAME } from './grammar.js'
import { lines, list, type InputGetter, type Mapping } from './grammar.js'
import { readEngineSettings, type EngineSettings } from '../engine/address.js'
import { splitPair } from './grammar.js'
import { createArgsProblem } from '../task/create-args.js'
import type { EntrypointMode } from '../task/entrypoint.js'
import { eventValues, guardLists } from './event-values.js'

export const PHASES = ['predeploy', 'release', 'postdeploy', 'first-deploy'] as const
export type Phase = (typeof PHASES)[number]

/** BuildExtras: the docker/build-push-action build inputs (image/build-inputs.ts). */
export interface Settings extends BuildExtras {
  workspace: string
  workingDirectory: string
  procfile: string
  appJson: string
  herokuYml: string
  releaseCommand: string
  context: string
  /** Empty: `<context>/Dockerfile` or heroku.yml's. */
  file: string
  target: string
  buildArgs: string[]
  labels: string[]
  /** Parsed once here and kept parsed to the push (image/ref.ts). */
  tags: TagRef[]
  builder: string
  platform: string
  pull: boolean
  noCache: boolean
  cacheFrom: string[]
  cacheTo: string[]
  image: string
  /** `image` parsed (any reference: name, name:tag, name@digest, name:tag@digest). */
  imageRef?: ImageRef
  phases: Phase[]
  entrypoint: EntrypointMode
  shell: string
  network: string
  runArgs: string[]
  init: boolean
  timeoutSeconds: number
  stopTimeoutSeconds: number
  secrets: Mapping[]
  env: { name: string; value: string }[]
  envFiles: string[]
  /** Step env variables holding dotenv text (one secret for a whole release.env, as in Jets). */
  secretsDotenv: string[]
  buildSecrets: Mapping[]
  push: boolean
  firstDeploy: 'auto' | 'true' | 'false'
  environment: string
  githubToken: string
  buildxVersion: string
  buildxDownloadUrl: string
  dryRun: boolean
  /** The `sidecars` YAML, parsed by sidecars/spec.ts only when given (yaml loads lazily: start-up time). */
  sidecars: string
  /** The Docker engine the run uses and how to reach it (engine/address.ts). */
  engine: EngineSettings
}

function bool(get: InputGetter, name: string, dflt: boolean): boolean {
  const v = get(name).toLowerCase()
  if (v === '') return dflt
  if (['true', 'yes', '1', 'on'].includes(v)) return true
  if (['false', 'no', '0', 'off'].includes(v)) return false
  throw new InputError(`${name}: "${get(name)}" is not a boolean; use true or false`)
}

function oneOf<T extends string>(get: InputGetter, name: string, allowed: readonly T[], dflt: T): T {
  const v = get(name) || dflt
  if (!(allowed as readonly string[]).includes(v)) {
    throw new InputError(`${name}: "${v}" is not one of ${allowed.join(', ')}`)
  }
  return v as T
}

/**
 * What follows `=` is not a variable name: most likely a value written build-push-action's way
 * (`secrets: ID=value`). Explain the difference without repeating it (design.md §5.3; issue 14).
 */
function notAVariable(input: string, target: string, key: 'NAME' | 'ID'): string {
  const example = `env: { ${target}: \${{ secrets.${target} }} }`
  const here =
    input === 'build-secrets'
      ? `here ${key}=SOURCE names a variable of the step's env that holds the secret, not the secret itself (docker/build-push-action's \`secrets: ID=value\` takes the value)`
      : `here NAME=SOURCE names a variable of the step's env that holds the value, not the value itself (docker/build-push-action's \`secrets\` input is build-secrets here)`
  return `${input}: what follows "=" for ${target} is not a variable name; ${here}. Put the value in the step's ${example} and write ${target} alone`
}

export function parseMappings(value: string, name: string, key: 'NAME' | 'ID'): Mapping[] {
  const seen = new Set<string>()
  return lines(value).map(line => {
    const pair = splitPair(line)
    const target = pair.key.trim()
    const source = (pair.value ?? pair.key).trim()
    const re = key === 'ID' ? /^[A-Za-z0-9_.-]+$/ : VAR_NAME
    if (!re.test(target)) throw new InputError(`${name}: "${target}" is not a valid ${key === 'ID' ? 'secret id' : 'variable name'}`)
    if (!VAR_NAME.test(source)) throw new InputError(notAVariable(name, target, key))
    if (seen.has(target)) throw new InputError(`${name}: ${target} is listed twice`)
    seen.add(target)
    return { name: target, source }
  })
}

function parseEnvPairs(value: string): { name: string; value: string }[] {
  return lines(value).map(line => {
    const { key, value } = splitPair(line)
    if (value === undefined) throw new InputError(`env: "${line}" is not NAME=value`)
    const name = key.trim()
    if (!VAR_NAME.test(name)) throw new InputError(`env: "${name}" is not a valid variable name`)
    return { name, value }
  })
}

/** Reads and validates every input (design.md §2–§10). Pure but for the getter and `env` (GitHub context). */
export function readSettings(input: InputGetter, env: NodeJS.ProcessEnv = process.env): Settings {
  // An event value (a branch name, a title) that would add a list item is refused (ADR 0015).
  const get = guardLists(input, () => eventValues(env))
  // Real path: every path below is compared with it once its links are followed (workspace-files.ts).
  const workspace = realpathExisting(env.GITHUB_WORKSPACE || process.cwd())
  const workingDirectory = insidePath(workspace, workspace, get('working-directory') || '.', 'working-directory')
  const manifest = (name: string, dflt: string): string => insidePath(workspace, workingDirectory, get(name) || dflt, name)

  const phaseNames = list(get('phases') || 'predeploy,release')
  for (const p of phaseNames) {
    if (!(PHASES as readonly string[]).includes(p)) throw new InputError(`phases: "${p}" is not a phase; use ${PHASES.join(', ')}`)
  }
  const phases = PHASES.filter(p => phaseNames.includes(p))

  const platforms = list(get('platforms'))
  if (platforms.length > 1) {
    throw new InputError(`platforms: ${platforms.join(', ')}: the image is loaded into the local engine to run its tasks, and --load takes one platform`)
  }
  const tags = list(get('tags')).map(t => parseTagRef(t))
  const image = get('image')
  const imageRef = image ? parseImageRef(image) : undefined

  const context = get('context') ? insidePath(workspace, workingDirectory, get('context'), 'context') : workingDirectory
  const file = get('file') ? insidePath(workspace, workingDirectory, get('file'), 'file') : ''
  const envFiles = lines(get('env-files')).map(f => insidePath(workspace, workingDirectory, f, 'env-files'))

  const shell = get('shell') || '/bin/sh'
  const buildxVersion = get('buildx-version').replace(/^v/, '')
  if (buildxVersion && !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(buildxVersion)) {
    throw new InputError(`buildx-version: "${buildxVersion}" is not an exact version such as 0.13.1`)
  }
  const timeoutSeconds = parseDuration(get('timeout') || '60m', 'timeout')
  const stopTimeoutSeconds = parseDuration(get('stop-timeout') || '10s', 'stop-timeout')
  if (!Number.isInteger(stopTimeoutSeconds)) throw new InputError('stop-timeout: use whole seconds')
  const runArgs = splitWords(get('run-args'), { what: 'run-args' })
  // The same grammar as sidecar options: a misspelt flag is an input error, not a failed create after the build.
  const runArgsProblem = createArgsProblem(runArgs, 'run-args hold options only: the image and the command come from the plan')
  if (runArgsProblem) throw new InputError(`run-args: ${runArgsProblem}`)

  return {
    workspace,
    workingDirectory,
    procfile: manifest('procfile', 'Procfile'),
    appJson: manifest('app-json', 'app.json'),
    herokuYml: manifest('heroku-yml', 'heroku.yml'),
    releaseCommand: get('release-command'),
    context,
    file,
    target: get('target'),
    buildArgs: lines(get('build-args')),
    labels: lines(get('labels')),
    tags,
    builder: get('builder'),
    platform: platforms[0] ?? '',
    pull: bool(get, 'pull', false),
    noCache: bool(get, 'no-cache', false),
    cacheFrom: lines(get('cache-from')),
    cacheTo: lines(get('cache-to')),
    image,
    imageRef,
    phases,
    entrypoint: oneOf(get, 'entrypoint', ['auto', 'shell', 'exec', 'shell-through-entrypoint'] as const, 'auto'),
    shell,
    network: get('network'),
    runArgs,
    init: bool(get, 'init', true),
    timeoutSeconds,
    stopTimeoutSeconds,
    secrets: parseMappings(get('secrets'), 'secrets', 'NAME'),
    env: parseEnvPairs(get('env')),
    envFiles,
    secretsDotenv: lines(get('secrets-dotenv')).map(n => {
      if (!VAR_NAME.test(n)) throw new InputError(`secrets-dotenv: "${n}" is not a valid variable name`)
      return n
    }),
    buildSecrets: parseMappings(get('build-secrets'), 'build-secrets', 'ID'),
    push: bool(get, 'push', false),
    firstDeploy: oneOf(get, 'first-deploy', ['auto', 'true', 'false'] as const, 'auto'),
    environment: get('environment'),
    githubToken: get('github-token'),
    buildxVersion,
    buildxDownloadUrl: get('buildx-download-url'),
    dryRun: bool(get, 'dry-run', false),
    ...readBuildExtras(get, workspace, workingDirectory, env),
    sidecars: get('sidecars'),
    engine: readEngineSettings(get)
  }
}
