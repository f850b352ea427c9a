import { spawn, type ChildProcess } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DockerError, lastLine } from '../errors.js'

import { childEnv } from '../cli-env.js'
import { stopCommands } from '../relay.js'
import { localSocket, SocketCalls } from './socket.js'
import type { Engine, Expose } from '../engine/address.js'
import { cliConfig, cliConfigDir } from '../engine/address.js'
import { goFold } from './go-json.js'
import { buildxPlugin, executableFile, pluginEnv } from './buildx-plugin.js'
import type { CreateRequest } from './requests.js'

export interface ExecResult {
  code: number
  stdout: string
  stderr: string
}

export interface StreamOptions {
  /** Extra variables for the docker child only (task values live here, never on the argv). */
  env?: Record<string, string>
  /** Receives every chunk, for a bounded tail; output is also written live to our stdout. */
  onChunk?: (chunk: Buffer) => void
  /** A build or pull: killed when the action is cancelled (a task container is stopped instead). */
  cancellable?: boolean
}

/** A docker process whose output the caller consumes (docker save, cp, logs, dial-stdio). */
export interface RawProcess {
  stdout: Readable
  stderr: Readable
  /** Only when asked for (`stdin: 'pipe'`). */
  stdin: Writable | null
  /** The exit code, once the process has ended and its output streams closed; rejects when it could not start. */
  closed: Promise<number>
}

/**
 * Everything the action asks of Docker (design.md §12, issue 21): the seam a test drives with a fake
 * engine in milliseconds, and the one a backend other than the docker CLI would implement.
 */
export interface DockerClient {
  /** How errors name the engine (`the local engine`, or its address). */
  readonly engineName: string
  /** Off this machine: a lost engine is a lost connection, and errors name it. */
  readonly remote: boolean
  /** A remote engine's way to reach a port of this machine's loopback. */
  readonly expose?: Expose
  /** The environment the CLI runs with: where the engine is (engine-api.ts reads DOCKER_HOST from it). */
  readonly baseEnv: NodeJS.ProcessEnv
  exec(args: string[], opts?: { env?: Record<string, string>; input?: NodeJS.ReadableStream }): Promise<ExecResult>
  ok(args: string[], what: string, opts?: { env?: Record<string, string>; input?: NodeJS.ReadableStream }): Promise<string>
  combined(args: string[]): Promise<{ code: number; output: string }>
  attach(args: string[]): Promise<number>
  stream(args: string[], opts?: StreamOptions): Promise<number>
  cancelStreams(): void
  open(args: string[], stdin?: 'ignore' | 'pipe'): RawProcess
  /** `docker version --format '{{.Server.Version}}'`. */
  serverVersion(): Promise<ExecResult>
  /** `docker image inspect --format '{{json .}}' <ref>`; a missing image says `No such image`. */
  inspectImageJson(ref: string): Promise<ExecResult>
  /**
   * `docker create` of a task container (task/argv.ts): `argv` with the values in `env`, or, on an engine
   * behind a socket of this machine, `request` sent to it (one process start less per task, issue 22).
   */
  createContainer(argv: string[], env: Record<string, string>, request?: CreateRequest): Promise<ExecResult>
  /** `docker rm --force --volumes <names>`. */
  removeContainers(names: string[]): Promise<ExecResult>
  /** `docker image rm [--force] --no-prune <ids>`. */
  removeImages(ids: string[], opts?: { force?: boolean }): Promise<ExecResult>
}

/** A failed docker call as an error carrying docker's own last line: `<what> failed: <line>`. */
export function commandFailure(what: string, r: ExecResult): DockerError {
  return new DockerError(`${what} failed: ${lastLine(r.stderr) || `docker exited with code ${r.code}`}`)
}

/**
 * What in the CLI's own configuration would change the container `docker create` makes, which a request
 * of the action's would not carry (ADR 0013): config.json's `proxies` (variables of every container;
 * Go reads the key in any case), DOCKER_DEFAULT_PLATFORM (the create's platform), DOCKER_API_VERSION
 * (the API the request speaks). Undefined when there is none.
 */
export function cliShapesCreate(env: NodeJS.ProcessEnv): string | undefined {
  const config = cliConfig(cliConfigDir(env))
  if (Object.keys(config).some(k => goFold(k) === 'proxies')) return 'proxies in config.json'
  return ['DOCKER_DEFAULT_PLATFORM', 'DOCKER_API_VERSION'].find(n => env[n])
}

/** Finds `docker` on PATH without a shell. */
export function findDocker(envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, 'docker')
    if (executableFile(candidate)) return candidate
  }
  return undefined
}

/**
 * The one place the action starts `docker`. Children get our environment minus the action's
 * inputs (INPUT_GITHUB-TOKEN must not reach a container's credential helper or a debug dump),
 * plus the task values the caller adds, never under a name the CLI reads (cli-env.ts). Children run in their own process group so that a Ctrl-C or the
 * runner's SIGINT reaches only us; we then stop the task container with its grace period.
 */
export class DockerCli implements DockerClient {
  readonly bin: string
  /** The environment every docker child starts from: the engine's address is in it (engine/connect.ts). */
  readonly baseEnv: NodeJS.ProcessEnv
  private readonly cancellable = new Set<ChildProcess>()
  /** On an engine behind a socket of this machine, these calls go to it directly (socket.ts). */
  private readonly socket?: SocketCalls

  /** How errors name the engine (`the local engine`, or its address). */
  readonly engineName: string
  /** Off this machine: a lost engine is a lost connection, and errors name it. */
  readonly remote: boolean
  /** A remote engine's way to reach a port of this machine's loopback (engine/ssh.ts). */
  readonly expose?: Expose

  /** `engine`: the variables that choose it (undefined removes one), its name, and `expose` (engine/connect.ts). */
  constructor(bin?: string, engine: Pick<Engine, 'env' | 'name' | 'expose' | 'remote'> = { env: {}, name: 'the local engine', remote: false }) {
    const found = bin ?? findDocker()
    if (!found) {
      throw new DockerError('the docker CLI was not found on PATH; install Docker (on GitHub-hosted Ubuntu runners it is preinstalled)')
    }
    this.bin = found
    this.engineName = engine.name
    this.remote = engine.remote
    this.expose = engine.expose
    const own = { ...process.env }
    for (const [k, v] of Object.entries(engine.env)) {
      if (v === undefined) delete own[k]
      else own[k] = v
    }
    this.baseEnv = childEnv(own)
    const socket = localSocket(this.baseEnv)
    if (socket && fs.existsSync(socket)) this.socket = new SocketCalls(socket)
  }

  serverVersion(): Promise<ExecResult> {
    return this.socket ? this.socket.version() : this.exec(['version', '--format', '{{.Server.Version}}'])
  }

  inspectImageJson(ref: string): Promise<ExecResult> {
    return this.socket ? this.socket.inspectImage(ref) : this.exec(['image', 'inspect', '--format', '{{json .}}', ref])
  }

  createContainer(argv: string[], env: Record<string, string>, request?: CreateRequest): Promise<ExecResult> {
    if (this.socket && request && !cliShapesCreate(this.baseEnv)) return this.socket.createContainer(request)
    return this.exec(argv, { env })
  }

  removeContainers(names: string[]): Promise<ExecResult> {
    return this.socket ? this.socket.removeContainers(names) : this.exec(['rm', '--force', '--volumes', ...names])
  }

  removeImages(ids: string[], opts: { force?: boolean } = {}): Promise<ExecResult> {
    if (this.socket) return this.socket.removeImages(ids, !!opts.force)
    return this.exec(['image', 'rm', ...(opts.force ? ['--force'] : []), '--no-prune', ...ids])
  }

  private start(args: string[], env: Record<string, string> | undefined, stdio: ('ignore' | 'pipe')[]): ChildProcess {
    // Task values join by name; the CLI's own configuration stays the action's (cli-env.ts).
    const childVars = env ? childEnv(this.baseEnv, env) : this.baseEnv
    // `docker buildx ...` is started as the CLI would start it, without the CLI (ADR 0014).
    const plugin = args[0] === 'buildx' ? buildxPlugin(this.bin, this.baseEnv) : undefined
    if (plugin) return spawn(plugin, args, { env: pluginEnv(childVars, this.bin), stdio, detached: true })
    return spawn(this.bin, args, { env: childVars, stdio, detached: true })
  }

  /** Runs a short command and returns its output (for inspect, version, commit, ...). */
  exec(args: string[], opts: { env?: Record<string, string>; input?: NodeJS.ReadableStream } = {}): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      const child = this.start(args, opts.env, [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'])
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout!.on('data', (b: Buffer) => out.push(b))
      child.stderr!.on('data', (b: Buffer) => err.push(b))
      if (opts.input) opts.input.pipe(child.stdin!)
      child.on('error', reject)
      child.on('close', code => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }))
    })
  }

  /** The combined stdout and stderr of a short command, in arrival order (docker logs). */
  combined(args: string[]): Promise<{ code: number; output: string }> {
    return new Promise((resolve, reject) => {
      const child = this.start(args, undefined, ['ignore', 'pipe', 'pipe'])
      const parts: Buffer[] = []
      child.stdout!.on('data', (b: Buffer) => parts.push(b))
      child.stderr!.on('data', (b: Buffer) => parts.push(b))
      child.on('error', reject)
      child.on('close', code => resolve({ code: code ?? 1, output: Buffer.concat(parts).toString('utf8') }))
    })
  }

  /**
   * Runs a command whose output goes straight to our own stdout descriptor, its stderr too: no byte of it
   * passes through this process, so memory stays flat however much a task prints, and nothing is
   * buffered or reordered. One pipe, because the runner reads stdout and stderr on two readers: a
   * line left open on stderr would be read (and obeyed) only when that stream ends, after commands were
   * resumed (design.md §5.6). Resolves to the exit code.
   */
  attach(args: string[]): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.bin, args, { env: this.baseEnv, stdio: ['ignore', 1, 1], detached: true })
      child.on('error', reject)
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)))
    })
  }

  /** Like exec, but a non-zero exit is an error carrying docker's own message. */
  async ok(args: string[], what: string, opts: { env?: Record<string, string>; input?: NodeJS.ReadableStream } = {}): Promise<string> {
    const r = await this.exec(args, opts)
    if (r.code !== 0) throw commandFailure(what, r)
    return r.stdout
  }

  /**
   * Runs a long command (a build, a pull) with its output written live to our stdout, unbuffered, shown
   * and never obeyed: buildx echoes Dockerfile lines and RUN output as they are (relay.ts). Resolves to
   * the exit code.
   */
  stream(args: string[], opts: StreamOptions = {}): Promise<number> {
    const resume = stopCommands()
    let open = false
    return new Promise<number>((resolve, reject) => {
      const child = this.start(args, opts.env, ['ignore', 'pipe', 'pipe'])
      if (opts.cancellable) this.cancellable.add(child)
      const forward = (b: Buffer): void => {
        if (b.length === 0) return
        process.stdout.write(b)
        open = b[b.length - 1] !== 0x0a
        opts.onChunk?.(b)
      }
      child.stdout!.on('data', forward)
      child.stderr!.on('data', forward)
      child.on('error', reject)
      child.on('close', (code, signal) => {
        this.cancellable.delete(child)
        resolve(code ?? (signal ? 128 + 15 : 1))
      })
    }).finally(() => {
      if (open) process.stdout.write('\n')
      resume()
    })
  }

  /** Ends a running build or pull (SIGTERM: buildx cancels the build cleanly). */
  cancelStreams(): void {
    for (const child of this.cancellable) child.kill('SIGTERM')
  }

  /** Starts a child whose output the caller consumes (docker save, cp, logs, dial-stdio). */
  open(args: string[], stdin: 'ignore' | 'pipe' = 'ignore'): RawProcess {
    const child = this.start(args, undefined, [stdin, 'pipe', 'pipe'])
    const closed = new Promise<number>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', code => resolve(code ?? 1))
    })
    closed.catch(() => undefined)
    return { stdout: child.stdout!, stderr: child.stderr!, stdin: child.stdin, closed }
  }
}

/** Keeps the last `max` lines of a stream in bounded memory. */
export class Tail {
  private lines: string[] = []
  private partial = ''
  constructor(
    private readonly max = 30,
    private readonly maxLine = 2000
  ) {}
  push(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8')
    const parts = text.split('\n')
    this.partial = parts.pop()!.slice(-this.maxLine)
    for (const p of parts.slice(-this.max)) this.lines.push(p.length > this.maxLine ? p.slice(0, this.maxLine) + '…' : p)
    if (this.lines.length > this.max) this.lines = this.lines.slice(-this.max)
  }
  text(): string {
    const all = this.partial ? [...this.lines, this.partial] : this.lines
    return all.slice(-this.max).join('\n')
  }
}
