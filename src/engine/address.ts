import { sha256hex } from '../digest.js'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { InputError } from '../errors.js'
import { VAR_NAME, inStepEnv } from '../inputs/grammar.js'
import { AMBIGUOUS, goField } from '../docker/go-json.js'

/**
 * Which Docker engine the run uses (design.md §12): the `docker-host` or `docker-context` input, else
 * the step env's DOCKER_HOST or DOCKER_CONTEXT (how workflows point the CLI at an engine today), else
 * the CLI's own current context. Pure but for resolveContext, which reads a context's endpoint from the CLI's store.
 */
export type EngineAddress =
  | { kind: 'default' }
  | { kind: 'unix'; url: string; path: string }
  | { kind: 'ssh'; url: string; user: string; host: string; /** Undefined: the ssh config's Port, else 22. */ port?: number; socket: string }
  | { kind: 'tcp'; url: string; host: string; port: number }
  | { kind: 'context'; name: string; /** Its endpoint, when read from the CLI's store. */ host?: string }

/** The engine inputs, as written; values (key, TLS material) are named, never given (design.md §5.3). */
export interface EngineSettings {
  host: string
  context: string
  /** `docker-known-hosts`: known_hosts lines; empty: the runner's ~/.ssh/known_hosts. */
  knownHosts: string
  /** `docker-ssh-key`: the step env variable holding a private key; empty: the runner's ssh-agent. */
  sshKeyVar: string
  /** `docker-tls-ca`, `docker-tls-cert`, `docker-tls-key`: step env variables holding PEM text. */
  tls: { ca: string; cert: string; key: string }
}

/** A host name, an IPv4 address or a bracketed IPv6 address; never a leading `-` (an ssh option). */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])$/
const USER = /^[A-Za-z_][A-Za-z0-9_.-]*$/
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/

/** Reads the engine inputs; every name is checked here, before any side effect. */
export function readEngineSettings(get: (name: string) => string): EngineSettings {
  const named = (input: string, v: string): string => {
    if (v && !VAR_NAME.test(v)) {
      throw new InputError(
        `${input}: this is not a variable name (a value given where the name of a step env variable is expected?); name the step env variable that holds the value (env: { ${input.replace(/-/g, '_').toUpperCase()}: \${{ secrets.… }} })`
      )
    }
    return v
  }
  const s: EngineSettings = {
    host: get('docker-host'),
    context: get('docker-context'),
    knownHosts: get('docker-known-hosts'),
    sshKeyVar: named('docker-ssh-key', get('docker-ssh-key')),
    tls: {
      ca: named('docker-tls-ca', get('docker-tls-ca')),
      cert: named('docker-tls-cert', get('docker-tls-cert')),
      key: named('docker-tls-key', get('docker-tls-key'))
    }
  }
  if (s.host && s.context) throw new InputError('docker-host and docker-context name two engines; give one')
  if (s.context && !/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(s.context)) throw new InputError(`docker-context: "${s.context}" is not a context name`)
  if (!!s.tls.cert !== !!s.tls.key)
    throw new InputError('docker-tls-cert and docker-tls-key go together: the engine checks the client certificate with its key')
  if ((s.tls.cert || s.tls.key) && !s.tls.ca) throw new InputError('docker-tls-ca is needed with a client certificate: the engine is verified by it')
  checkKnownHosts(s.knownHosts)
  return s
}

/** The address chosen by the inputs, then the step env, then the CLI's own configuration. */
export function chooseAddress(s: EngineSettings, env: NodeJS.ProcessEnv): EngineAddress {
  if (s.host) return parseDockerHost(s.host, 'docker-host')
  if (s.context) return { kind: 'context', name: s.context }
  if (env.DOCKER_HOST) return parseDockerHost(env.DOCKER_HOST, 'DOCKER_HOST')
  if (env.DOCKER_CONTEXT) return { kind: 'context', name: env.DOCKER_CONTEXT }
  return { kind: 'default' }
}

/** `ssh://[user@]host[:port][/socket]`, `tcp://host[:port]`, `unix:///path`: anything else is an error. */
export function parseDockerHost(url: string, what: string): EngineAddress {
  // A user part may hold a password (user:pw@host): it is never quoted back.
  const shown = url.slice(0, 200).replace(/^([a-z]+:\/\/)[^@/]*@/, '$1…@')
  const bad = (why: string): InputError => new InputError(`${what}: "${shown}" ${why}; use ssh://user@host[:port], tcp://host:port (TLS) or unix:///path`)
  if (/[\s\0]/.test(url)) throw bad('holds a space or a control character')
  const unix = /^unix:\/\/(\/.*)$/.exec(url)
  if (unix) return { kind: 'unix', url, path: unix[1] }
  const m = /^(ssh|tcp):\/\/(?:([^@/]+)@)?(\[[^\]]*\]|[^:/]+)(?::(\d+))?(\/.*)?$/.exec(url)
  if (!m) throw bad('is not an engine address')
  const [, scheme, user, host, port, rest] = m
  if (!HOST.test(host)) throw bad(`has no valid host name (${host})`)
  const portNumber = port ? Number(port) : scheme === 'ssh' ? 22 : 2376
  if (!(portNumber > 0 && portNumber < 65536)) throw bad('has no valid port')
  if (scheme === 'tcp') {
    if (user || (rest && rest !== '/')) throw bad('has a user or a path, which tcp:// takes neither of')
    return { kind: 'tcp', url, host, port: portNumber }
  }
  if (user !== undefined && !USER.test(user)) throw bad('has no valid user name (a password does not belong in the address: SSH takes a key)')
  if (rest && rest !== '/' && !/^\/[A-Za-z0-9_./-]+$/.test(rest)) throw bad('names a socket path with characters a path on the host should not have')
  // No port in the URL: ssh's own configuration decides, as for the docker CLI (connhelper/ssh).
  return { kind: 'ssh', url, user: user ?? '', host, port: port ? portNumber : undefined, socket: rest && rest !== '/' ? rest : '' }
}

/** True for an engine this machine reaches without a network (its loopback or a local socket). */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host)
}

/** One known_hosts line: `[@marker] patterns keytype base64 [comment]` (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT). */
export function checkKnownHosts(text: string): void {
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const fields = line.split(/\s+/)
    const at = fields[0].startsWith('@') ? 1 : 0
    if (at === 1 && !['@cert-authority', '@revoked'].includes(fields[0])) throw knownHostsError(i, `${fields[0]} is not a known_hosts marker`)
    const [patterns, type, key] = fields.slice(at)
    if (!patterns || !type || !key) throw knownHostsError(i, 'is not "host keytype key" (the output of ssh-keyscan)')
    if (!/^(?:ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+$/.test(type)) throw knownHostsError(i, `${type.slice(0, 40)} is not an SSH key type`)
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key)) throw knownHostsError(i, 'holds a key that is not base64')
  })
}

function knownHostsError(index: number, why: string): InputError {
  return new InputError(`docker-known-hosts: line ${index + 1} ${why}`)
}

/** An engine off this machine: what a runner-side probe cannot reach. */
export function isRemote(a: EngineAddress): boolean {
  if (a.kind === 'context') return !a.host?.startsWith('unix://') && !(a.host && isLoopback(hostOf(a.host)))
  return a.kind === 'ssh' || (a.kind === 'tcp' && !isLoopback(a.host))
}

/** The host of a `tcp://host:port` endpoint. */
function hostOf(url: string): string {
  return /^tcp:\/\/(\[[^\]]*\]|[^:/]+)/.exec(url)?.[1] ?? ''
}

/** The private key and the TLS key named by the inputs, to be masked like every secret. */
export function engineSecrets(s: EngineSettings, env: NodeJS.ProcessEnv): { name: string; value: string }[] {
  const named = [
    ['docker-ssh-key', s.sshKeyVar],
    ['docker-tls-key', s.tls.key]
  ]
  return named.filter(([, v]) => v && env[v]).map(([input, v]) => ({ name: `${input} (${v})`, value: env[v]! }))
}

/**
 * A context (named, or the CLI's current one) whose endpoint is ssh:// gets the SSH treatment; others
 * stay contexts. Read from the CLI's own store: `contexts/meta/<sha256 of the name>/meta.json`.
 */
export function resolveContext(address: EngineAddress, env: NodeJS.ProcessEnv): EngineAddress {
  const configDir = cliConfigDir(env)
  const name = address.kind === 'context' ? address.name : address.kind === 'default' ? currentContext(configDir) : undefined
  if (!name || name === 'default') return address.kind === 'context' ? { kind: 'default' } : address
  const meta = path.join(configDir, 'contexts', 'meta', sha256hex(name), 'meta.json')
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(meta, 'utf8'))
  } catch {
    throw new InputError(`docker context ${name}: not found in ${configDir} (docker context ls lists them)`)
  }
  const { host, skipTLSVerify } = dockerEndpoint(parsed, name)
  // Read as strictly as docker-host (a review: `TCP://`, `http://` or `tcp://localhost:1@evil` reached
  // an engine in clear that this reading took for another): ssh:// gets the SSH treatment, tcp:// the TLS rule.
  // A unix:// socket is the CLI's to open (any path); an empty Host is none.
  const endpoint = !host || host.startsWith('unix://') ? undefined : parseDockerHost(host, `docker context ${name}`)
  if (endpoint?.kind === 'ssh') return endpoint
  const context: EngineAddress = { kind: 'context', name, host }
  // A tcp:// context carries every task value too: the same rule as docker-host (design.md §12.3).
  const ca = path.join(configDir, 'contexts', 'tls', sha256hex(name), 'docker', 'ca.pem')
  if (isRemote(context) && host?.startsWith('tcp://') && (skipTLSVerify || !fs.existsSync(ca))) {
    const why = skipTLSVerify ? 'with SkipTLSVerify, which accepts any engine that answers,' : 'without a verified TLS connection'
    throw new InputError(
      `docker context ${name}: ${host} ${why} would send every task value in clear; create the context with ca=, cert= and key= (docker context create --docker "host=…,ca=…,cert=…,key=…")`
    )
  }
  return context
}

/**
 * The docker endpoint of a context's meta.json, as the CLI decodes it (go-json.ts): `Endpoints` and
 * the endpoint's fields in any case, the map key `docker` exactly. A field the CLI would not decode,
 * or one spelt two ways, is refused: the CLI would then fail, or connect where this reading does not.
 */
function dockerEndpoint(meta: unknown, name: string): { host?: string; skipTLSVerify: boolean } {
  const bad = (why: string): InputError => new InputError(`docker context ${name}: its meta.json ${why}; recreate it with docker context create`)
  const endpoints = goField(meta, 'Endpoints')
  if (endpoints === AMBIGUOUS) throw bad('spells Endpoints two ways')
  const docker = typeof endpoints === 'object' && endpoints !== null ? (endpoints as Record<string, unknown>).docker : undefined
  const host = goField(docker, 'Host')
  const skip = goField(docker, 'SkipTLSVerify')
  if (host === AMBIGUOUS || skip === AMBIGUOUS) throw bad('spells an endpoint field two ways')
  if (host != null && typeof host !== 'string') throw bad('has a Host that is not a string')
  if (skip != null && typeof skip !== 'boolean') throw bad('has a SkipTLSVerify that is not true or false')
  return { host: host ?? undefined, skipTLSVerify: skip === true }
}

/** The CLI's current context from its config file, when one is set. */
export function currentContext(configDir: string): string | undefined {
  const current = goField(cliConfig(configDir), 'currentContext')
  if (current === AMBIGUOUS) throw new InputError(`${path.join(configDir, 'config.json')} spells currentContext two ways; keep one`)
  return typeof current === 'string' ? current : undefined
}

/** The docker CLI's config.json, the parts the action reads; {} when there is none or it is unreadable. */
export function cliConfig(configDir: string): Record<string, unknown> {
  return readCliConfig(configDir) ?? {}
}

/**
 * config.json as it is: `{}` when there is none; undefined when it cannot be read or is not one JSON
 * object (Go's decoder keeps what it decoded before an error, and reads past a first object: where the
 * difference matters, ADR 0014, the CLI decides then).
 */
export function readCliConfig(configDir: string): Record<string, unknown> | undefined {
  let text: string
  try {
    text = fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? {} : undefined
  }
  try {
    const config = JSON.parse(text) as unknown
    return typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The CLI's configuration directory, as the CLI finds it. */
export const cliConfigDir = (env: NodeJS.ProcessEnv): string => env.DOCKER_CONFIG || path.join(os.homedir(), '.docker')

/** The engine this run uses, its inputs checked (resolve.ts before any side effect, and the post step). */
export function engineAddress(s: EngineSettings, env: NodeJS.ProcessEnv): EngineAddress {
  const address = resolveContext(chooseAddress(s, env), env)
  checkEngineInputs(address, s, env)
  return address
}

/**
 * The engine inputs checked against the address they go with, before any side effect (and in a dry
 * run): key material named but missing, TLS where it cannot apply, plain tcp:// off the loopback.
 */
export function checkEngineInputs(a: EngineAddress, s: EngineSettings, env: NodeJS.ProcessEnv): void {
  const tls = [s.tls.ca, s.tls.cert, s.tls.key].filter(Boolean)
  if ((s.sshKeyVar || s.knownHosts) && a.kind !== 'ssh') {
    throw new InputError('docker-ssh-key and docker-known-hosts are for an ssh:// engine; this one is not reached over SSH')
  }
  if (tls.length > 0 && a.kind !== 'tcp') throw new InputError('docker-tls-ca, docker-tls-cert and docker-tls-key are for a tcp:// engine')
  for (const [input, name] of [
    ['docker-ssh-key', s.sshKeyVar],
    ['docker-tls-ca', s.tls.ca],
    ['docker-tls-cert', s.tls.cert],
    ['docker-tls-key', s.tls.key]
  ]) {
    if (name && inStepEnv(env, name) !== 'set')
      throw new InputError(`${input}: ${name} is not set in the step's env (or is empty); put the value there: env: { ${name}: \${{ secrets.${name} }} }`)
  }
  if (a.kind === 'tcp' && !s.tls.ca && !(env.DOCKER_TLS_VERIFY && env.DOCKER_CERT_PATH) && !isLoopback(a.host)) {
    throw new InputError(
      `${s.host ? 'docker-host' : 'DOCKER_HOST'}: ${a.url} without TLS would send every task value in clear; give docker-tls-ca, docker-tls-cert and docker-tls-key (names of step env variables holding the PEM text)`
    )
  }
}

/** The engine a run talks to, as the docker CLI's environment, and how to let go of it. */
export interface Engine {
  /** Set on every docker child; `undefined` removes the variable (a context the address replaces). */
  env: Record<string, string | undefined>
  /** How messages name it: `the local engine`, or the address. */
  name: string
  /** Not on this machine: probes from the runner cannot reach its networks. */
  remote: boolean
  /** Over SSH: a port of this machine's loopback made reachable on the engine's loopback (the manifest probe). */
  expose?: Expose
  close(): Promise<void>
}

/** Makes a TCP port of this machine's loopback reachable on the engine's loopback; the port it got there. */
export type Expose = (port: number) => Promise<{ port: number; close(): Promise<void> }>
