/**
 * The `sidecars` input (issue 16): containers started beside each task, parsed and resolved here as
 * pure functions so every mistake is an input error before any Docker side effect. Starting, probing
 * and removing them is pod.ts.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml'
import { InputError } from '../errors.js'
import { parseDuration } from '../inputs/duration.js'
import { VAR_NAME, type Mapping, splitPair, inStepEnv } from '../inputs/grammar.js'
import { type TaskEnv, checkTaskEnv } from '../secrets.js'
import type { NamedSecret } from '../masking.js'
import { splitWords } from '../task/words.js'
import { isCliEnvName } from '../cli-env.js'
import { createArgsProblem, shortFlags } from '../task/create-args.js'
import { checkCommand } from '../untrusted.js'

export interface SidecarSpec {
  name: string
  image: string
  /** Replaces the image's CMD (its ENTRYPOINT is kept, as in Compose); undefined: the image's own. */
  command?: string[]
  /** `NAME=value`: plain configuration, as the `env` input. */
  literals: { name: string; value: string }[]
  /** `NAME` alone: the value the task gets (from secrets, env, env-files or app.json), secret or not. */
  fromTask: string[]
  /** `NAME` / `NAME=SOURCE`: read from the step's env and masked, as the `secrets` input. */
  secrets: Mapping[]
  /** Extra `docker create` options, split into words (never through a shell). */
  options: string[]
  ready?: { tcp: number[]; timeoutSeconds: number }
}

export const DEFAULT_READY_TIMEOUT = 30
const KEYS = ['name', 'image', 'command', 'env', 'secrets', 'options', 'ready']
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/
/**
 * Options that would break the shared network namespace (docker refuses them with `--network
 * container:`), or that the action owns (name, labels read by the post step, removal), or that make
 * the docker CLI itself read or write a file on the runner host (`--label-file` can also forge the
 * labels; `--cidfile` is written outside the workspace, and the next task's create fails on it).
 */
const OWNED = [
  '--network',
  '--net',
  '--name',
  '--label',
  '-l',
  '--rm',
  '--publish',
  '-p',
  '--publish-all',
  '-P',
  '--hostname',
  '-h',
  '--dns',
  '--dns-search',
  '--dns-option',
  '--add-host',
  '--mac-address',
  '--ip',
  '--ip6',
  '--network-alias',
  '--link',
  '--env',
  '-e',
  '--env-file',
  '--label-file',
  '--cidfile'
]
/** Run-args that conflict with the task joining the sidecars' namespace. */
const NET_OPTIONS = OWNED.filter(o => !['--name', '--label', '-l', '--rm', '--env', '-e', '--env-file', '--label-file', '--cidfile'].includes(o))

function optionUsed(words: string[], options: string[]): string | undefined {
  for (const w of words) {
    for (const o of options) {
      if (w === o || w.startsWith(`${o}=`) || (o.length === 2 && shortFlags(w).includes(o))) return o
    }
  }
  return undefined
}

/** Reads one YAML text into the specs; every error names its line and column in the input. */
export function parseSidecars(text: string, ctx: { network: string; runArgs: string[] }): SidecarSpec[] {
  if (text.trim() === '') return []
  const lc = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true })
  const fail = (node: Node | Pair | number | null | undefined, msg: string): never => {
    const off = typeof node === 'number' ? node : node && 'range' in node ? node.range?.[0] : node && 'key' in node ? (node.key as Node)?.range?.[0] : undefined
    const pos = off === undefined ? undefined : lc.linePos(off)
    throw new InputError(`sidecars: ${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${msg}`)
  }
  if (doc.errors.length > 0) fail(doc.errors[0].pos[0], `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`)
  const root = doc.contents as Node | null
  let entries: { name?: string; nameNode?: Node; node: Node }[]
  if (isSeq(root)) entries = root.items.map(item => ({ node: item as Node }))
  else if (isMap(root)) entries = root.items.map(p => ({ name: scalarText(p.key as Node), nameNode: p.key as Node, node: p.value as Node }))
  else return fail(root, 'give a list of sidecars (- name: db) or a mapping of names to sidecars (db: {image: …})')

  const specs = entries.map((e, i) => parseOne(e, i, fail))
  const seen = new Set<string>()
  for (const s of specs) {
    if (seen.has(s.name.toLowerCase())) fail(null, `two sidecars are named ${s.name}`)
    seen.add(s.name.toLowerCase())
  }
  if (specs.length > 0) {
    const clash = optionUsed(ctx.runArgs, NET_OPTIONS)
    if (clash) throw new InputError(`run-args: ${clash} cannot be used with sidecars: the task joins the first sidecar's network namespace`)
    if (ctx.network === 'none' && specs.some(s => s.ready)) {
      throw new InputError('sidecars: a readiness probe needs a network the runner can reach, and network "none" has none')
    }
  }
  return specs
}

function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined
  const v = (node as Scalar).value
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined
}

type Fail = (node: Node | Pair | number | null | undefined, msg: string) => never

function parseOne(e: { name?: string; nameNode?: Node; node: Node }, index: number, fail: Fail): SidecarSpec {
  if (!isMap(e.node)) return fail(e.node ?? e.nameNode, `${e.name ?? `sidecar ${index + 1}`}: must be a mapping with at least image`)
  const map = e.node
  const where = e.name ?? scalarText(map.get('name', true) as Node) ?? `sidecar ${index + 1}`
  const field = (key: string): Node | undefined => {
    const v = map.get(key, true) as Node | undefined
    return v === undefined || (isScalar(v) && v.value === null) ? undefined : v
  }
  for (const p of map.items) {
    const k = scalarText(p.key as Node)
    if (!k || !KEYS.includes(k)) fail(p, `${where}: unknown key ${k ?? '(not a string)'}; the keys are ${KEYS.join(', ')}`)
  }
  const str = (key: string): string | undefined => {
    const v = field(key)
    if (v === undefined) return undefined
    const t = scalarText(v)
    if (t === undefined || t.trim() === '') fail(v, `${where}: ${key} must be a non-empty string`)
    return t!.trim()
  }
  const inner = str('name')
  if (e.name !== undefined && inner !== undefined && inner !== e.name) fail(field('name'), `${where}: name ${inner} differs from its key ${e.name}`)
  const name = e.name ?? inner
  if (name === undefined) return fail(map, `${where}: name is required (it names the container and the log group)`)
  if (!NAME_RE.test(name)) fail(e.nameNode ?? field('name'), `${where}: name must be letters, digits, _ . - (at most 63), starting with a letter or digit`)
  const image = str('image')
  if (image === undefined) return fail(map, `${name}: image is required`)
  // A reference's own characters only: a word starting with '-' would be read by docker as an option,
  // and the image is printed in the action's own lines (no '##[' or control characters).
  if (!/^[A-Za-z0-9][A-Za-z0-9._/:@+-]*$/.test(image)) fail(field('image'), `${name}: image "${image}" is not an image reference`)

  const spec: SidecarSpec = { name, image, literals: [], fromTask: [], secrets: [], options: [] }
  const command = field('command')
  if (command !== undefined) spec.command = argvWords(command, parseCommand(command, name, fail), name, 'the command', fail)
  const options = str('options')
  if (options !== undefined) {
    spec.options = argvWords(field('options')!, splitWords(options, { what: `sidecars: ${name}: options` }), name, 'options', fail)
    const owned = optionUsed(spec.options, OWNED)
    if (owned) fail(field('options'), `${name}: options cannot set ${owned}: the action sets the network, name, labels and variables of a sidecar`)
    const problem = createArgsProblem(spec.options, 'put the image in image and its arguments in command')
    if (problem) fail(field('options'), `${name}: options: ${problem}`)
  }
  parseEnv(field('env'), spec, fail)
  parseSecrets(field('secrets'), spec, fail)
  const ready = field('ready')
  if (ready !== undefined) spec.ready = parseReady(ready, name, fail)
  return spec
}

/** Words for docker's argv: a NUL byte or an oversized word would fail the spawn only after the build. */
function argvWords(node: Node, words: string[], name: string, noun: string, fail: Fail): string[] {
  try {
    checkCommand(name, words, noun)
  } catch (e) {
    fail(node, (e as Error).message)
  }
  return words
}

function parseCommand(node: Node, name: string, fail: Fail): string[] {
  if (isSeq(node)) {
    const words = node.items.map(item => scalarText(item as Node) ?? fail(item as Node, `${name}: command items must be strings`))
    if (words.length === 0) fail(node, `${name}: command must not be an empty list`)
    return words
  }
  const text = scalarText(node)
  if (text === undefined) return fail(node, `${name}: command must be a string (split into words, no shell) or a list of strings`)
  // A string is split like Compose does, without a shell: quotes group, `$` stays literal.
  const words = splitWords(text, { what: `sidecars: ${name}: command` })
  if (words.length === 0) fail(node, `${name}: command is empty`)
  return words
}

function checkName(spec: SidecarSpec, varName: string, node: Node, what: string, fail: Fail): void {
  if (!VAR_NAME.test(varName)) fail(node, `${spec.name}: ${what}: "${varName}" is not a valid variable name`)
  if (isCliEnvName(varName)) {
    fail(node, `${spec.name}: ${what}: ${varName} is a name the docker CLI reads from its own environment, where sidecar values pass; rename it`)
  }
  const taken = [...spec.literals.map(l => l.name), ...spec.fromTask, ...spec.secrets.map(m => m.name)]
  if (taken.includes(varName)) fail(node, `${spec.name}: ${varName} is given twice (env and secrets share one namespace)`)
}

/** `env`: a list of `NAME=value` / `NAME`, or a mapping NAME: value (no value: from the task). */
function parseEnv(node: Node | undefined, spec: SidecarSpec, fail: Fail): void {
  if (node === undefined) return
  if (isMap(node)) {
    for (const p of node.items) {
      const key = scalarText(p.key as Node) ?? ''
      checkName(spec, key, p.key as Node, 'env', fail)
      const v = p.value as Node | null
      if (v === null || (isScalar(v) && v.value === null)) spec.fromTask.push(key)
      else spec.literals.push({ name: key, value: scalarText(v) ?? fail(v, `${spec.name}: env ${key} must be a string, number or boolean`) })
    }
    return
  }
  if (!isSeq(node)) return fail(node, `${spec.name}: env must be a list (NAME=value, or NAME for the task's variable) or a mapping`)
  for (const item of node.items as Node[]) {
    const text = scalarText(item) ?? fail(item, `${spec.name}: env items must be strings`)
    const { key, value } = splitPair(text)
    const varName = key.trim()
    checkName(spec, varName, item, 'env', fail)
    if (value === undefined) spec.fromTask.push(varName)
    else spec.literals.push({ name: varName, value })
  }
}

/** `secrets`: a list of `NAME` / `NAME=SOURCE`, the step env variable SOURCE (default NAME). */
function parseSecrets(node: Node | undefined, spec: SidecarSpec, fail: Fail): void {
  if (node === undefined) return
  if (!isSeq(node)) return fail(node, `${spec.name}: secrets must be a list of NAME or NAME=SOURCE`)
  for (const item of node.items as Node[]) {
    const text = scalarText(item) ?? fail(item, `${spec.name}: secrets items must be strings`)
    const { key, value } = splitPair(text)
    const target = key.trim()
    const source = (value ?? key).trim()
    checkName(spec, target, item, 'secrets', fail)
    if (!VAR_NAME.test(source)) fail(item, `${spec.name}: secrets: the source of ${target} is not a valid variable name`)
    spec.secrets.push({ name: target, source })
  }
}

function port(node: Node, name: string, fail: Fail): number {
  const t = scalarText(node)
  const n = t !== undefined && /^\d+$/.test(t) ? Number(t) : NaN
  if (!(n >= 1 && n <= 65535)) fail(node, `${name}: ready.tcp: ${t ?? 'this'} is not a TCP port (1-65535)`)
  return n
}

/** `ready: {tcp: 5432 | [5432, 6432], timeout: 30s}`: every port must accept a connection in time. */
function parseReady(node: Node, name: string, fail: Fail): { tcp: number[]; timeoutSeconds: number } {
  if (!isMap(node)) return fail(node, `${name}: ready must be a mapping such as {tcp: 5432, timeout: 30s}`)
  for (const p of node.items) {
    const k = scalarText(p.key as Node)
    if (k !== 'tcp' && k !== 'timeout') fail(p, `${name}: ready: unknown key ${k}; the keys are tcp, timeout`)
  }
  const tcpNode = node.get('tcp', true) as Node | undefined
  if (tcpNode === undefined) return fail(node, `${name}: ready.tcp is required (the port that must accept connections)`)
  const tcp = isSeq(tcpNode) ? (tcpNode.items as Node[]).map(i => port(i, name, fail)) : [port(tcpNode, name, fail)]
  if (tcp.length === 0) fail(tcpNode, `${name}: ready.tcp must name at least one port`)
  const timeoutNode = node.get('timeout', true) as Node | undefined
  let timeoutSeconds = DEFAULT_READY_TIMEOUT
  if (timeoutNode !== undefined) {
    try {
      timeoutSeconds = parseDuration(scalarText(timeoutNode) ?? '', `sidecars: ${name}: ready.timeout`)
    } catch (e) {
      fail(timeoutNode, (e as Error).message.replace(/^sidecars: /, ''))
    }
    if (timeoutSeconds <= 0) fail(timeoutNode, `${name}: ready.timeout must be more than 0`)
  }
  return { tcp: [...new Set(tcp)], timeoutSeconds }
}

/** A sidecar with the values it receives, ready to start. */
export interface ResolvedSidecar extends SidecarSpec {
  vars: TaskEnv
}

/**
 * The values each sidecar receives: literals (plain), task variables by name (secret stays secret),
 * step env secrets (masked). Missing or empty sources fail here, before the build, all named at once.
 */
export function resolveSidecars(specs: SidecarSpec[], task: TaskEnv, processEnv: NodeJS.ProcessEnv): ResolvedSidecar[] {
  const problems: string[] = []
  const resolved = specs.map(spec => {
    const vars: TaskEnv = new Map()
    for (const l of spec.literals) vars.set(l.name, { value: l.value, secret: false })
    for (const n of spec.fromTask) {
      const v = task.get(n)
      if (v) vars.set(n, v)
      else problems.push(`${spec.name}: env ${n} is not one of the task's variables (secrets, env, env-files, secrets-dotenv, app.json env)`)
    }
    for (const m of spec.secrets) {
      const label = m.source === m.name ? m.name : `the variable named after "=" for ${m.name}`
      const presence = inStepEnv(processEnv, m.source)
      if (presence === 'unset') problems.push(`${spec.name}: secrets: ${label} is not set in the step's env`)
      else if (presence === 'empty')
        problems.push(`${spec.name}: secrets: ${label} is set but empty in the step's env (an unset repository secret expands to "")`)
      else vars.set(m.name, { value: processEnv[m.source]!, secret: true })
    }
    return { ...spec, vars }
  })
  if (problems.length > 0) throw new InputError(`sidecars: ${problems.join('; ')}`)
  // The same limits as the task's own variables: no NUL byte, nothing the kernel refuses (E2BIG).
  for (const sc of resolved) checkTaskEnv(sc.vars)
  return resolved
}

/** The secret values sidecars receive, for masking beside the task's. */
export function sidecarSecretValues(sidecars: ResolvedSidecar[]): NamedSecret[] {
  return sidecars.flatMap(s => [...s.vars].filter(([, v]) => v.secret).map(([name, v]) => ({ name: `sidecar ${s.name}: ${name}`, value: v.value })))
}
