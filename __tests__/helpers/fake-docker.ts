import { PassThrough } from 'node:stream'
import { DockerError } from '../../src/errors.js'
import type { DockerClient, ExecResult, RawProcess, StreamOptions } from '../../src/docker/cli.js'

/** What a fake docker call answers: exit code and output (all optional: 0 and nothing). */
export interface Reply {
  code?: number
  stdout?: string
  stderr?: string
}
export type Handler = (args: string[], env?: Record<string, string>) => Reply | Promise<Reply>

/**
 * A Docker engine in memory (issue 21): answers each call from the handler whose words begin its argv
 * (the longest such key wins: `image inspect` before `image`), records every argv, and does nothing
 * else. It drives execute, cancellation, timeouts, sidecars and the commit's order in milliseconds; the
 * real engine tests stay the proof that the argv does what the plan says.
 */
export class FakeDocker implements DockerClient {
  readonly engineName = 'the fake engine'
  readonly remote = false
  /** Not a local socket: the Engine API goes through `open` (engine-api.ts), which this fake answers too. */
  readonly baseEnv: NodeJS.ProcessEnv = { DOCKER_HOST: 'tcp://fake.invalid:2376' }
  readonly calls: string[][] = []
  /** The env each call got (task values travel there by name). */
  readonly envs: (Record<string, string> | undefined)[] = []
  cancelledStreams = 0

  constructor(private readonly handlers: Record<string, Handler> = {}) {}

  /** The calls whose argv begins with these words. */
  callsOf(...words: string[]): string[][] {
    return this.calls.filter(c => words.every((w, i) => c[i] === w))
  }

  private async reply(args: string[], env?: Record<string, string>): Promise<Required<Reply>> {
    this.calls.push(args)
    this.envs.push(env)
    const key = Object.keys(this.handlers)
      .filter(k => k.split(' ').every((w, i) => args[i] === w))
      .sort((a, b) => b.length - a.length)[0]
    const r = key ? await this.handlers[key](args, env) : {}
    return { code: r.code ?? 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' }
  }

  async exec(args: string[], opts: { env?: Record<string, string> } = {}): Promise<ExecResult> {
    return this.reply(args, opts.env)
  }

  async ok(args: string[], what: string, opts: { env?: Record<string, string> } = {}): Promise<string> {
    const r = await this.reply(args, opts.env)
    if (r.code !== 0) throw new DockerError(`${what} failed: ${r.stderr.trim() || `docker exited with code ${r.code}`}`)
    return r.stdout
  }

  async combined(args: string[]): Promise<{ code: number; output: string }> {
    const r = await this.reply(args)
    return { code: r.code, output: r.stdout + r.stderr }
  }

  async attach(args: string[]): Promise<number> {
    return (await this.reply(args)).code
  }

  async stream(args: string[], opts: StreamOptions = {}): Promise<number> {
    const r = await this.reply(args, opts.env)
    if (r.stdout) opts.onChunk?.(Buffer.from(r.stdout))
    return r.code
  }

  cancelStreams(): void {
    this.cancelledStreams++
  }

  // The typed calls answer as the argv the CLI would run, so handlers and assertions speak one language.
  serverVersion(): Promise<ExecResult> {
    return this.reply(['version', '--format', '{{.Server.Version}}'])
  }

  inspectImageJson(ref: string): Promise<ExecResult> {
    return this.reply(['image', 'inspect', '--format', '{{json .}}', ref])
  }

  /** As on an engine without a local socket: the argv is answered (unit/task.test.ts holds the request). */
  createContainer(argv: string[], env: Record<string, string>): Promise<ExecResult> {
    return this.reply(argv, env)
  }

  removeContainers(names: string[]): Promise<ExecResult> {
    return this.reply(['rm', '--force', '--volumes', ...names])
  }

  removeImages(ids: string[], opts: { force?: boolean } = {}): Promise<ExecResult> {
    return this.reply(['image', 'rm', ...(opts.force ? ['--force'] : []), '--no-prune', ...ids])
  }

  /**
   * A process with its output. `docker system dial-stdio` is answered once the first bytes arrive on its
   * stdin, and their first line (`GET /containers/x/changes HTTP/1.0`, the Engine API request) is
   * recorded and passed to the handler as one more word.
   */
  open(args: string[], stdin: 'ignore' | 'pipe' = 'ignore'): RawProcess {
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    const input = stdin === 'pipe' ? new PassThrough() : null
    const dial = input !== null && args[0] === 'system' && args[1] === 'dial-stdio'
    const asked = dial ? new Promise<string[]>(r => input.once('data', (b: Buffer) => r([...args, b.toString().split('\r\n')[0]]))) : Promise.resolve(args)
    const closed = asked
      .then(a => this.reply(a))
      .then(r => {
        stdout.end(r.stdout)
        stderr.end(r.stderr)
        return r.code
      })
    return { stdout, stderr, stdin: input, closed }
  }
}

/** What `docker system dial-stdio` relays back for an Engine API call answered 200 with this JSON. */
export function engineAnswer(body: unknown): Reply {
  const text = JSON.stringify(body)
  return { stdout: `HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}` }
}

/** `docker image inspect --format '{{json .}}'` of an image with this config. */
export function inspected(id: string, config: Record<string, unknown> = {}, repoDigests: string[] = []): Reply {
  return { stdout: JSON.stringify({ Id: id, RepoDigests: repoDigests, Config: { Entrypoint: null, Cmd: ['sh'], Env: ['PATH=/bin'], ...config } }) }
}
