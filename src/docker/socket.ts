import * as http from 'node:http'
import { DockerError } from '../errors.js'
import { cliConfigDir, currentContext } from '../engine/address.js'
import type { CreateRequest } from './requests.js'

/** The unix socket the docker CLI would talk to, when that is certain; else undefined. */
export function localSocket(env: NodeJS.ProcessEnv): string | undefined {
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT === 'default' && !env.DOCKER_HOST ? '/var/run/docker.sock' : undefined
  if (env.DOCKER_HOST) return env.DOCKER_HOST.startsWith('unix://') ? env.DOCKER_HOST.slice('unix://'.length) : undefined
  const current = currentContext(cliConfigDir(env))
  return current && current !== 'default' ? undefined : '/var/run/docker.sock'
}

export function socketRequest(
  socketPath: string,
  method: string,
  apiPath: string,
  body?: Buffer,
  extra: Record<string, string> = {},
  timeoutMs = 0
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = body ? { 'Content-Type': 'application/x-tar', 'Content-Length': body.length, ...extra } : extra
    const req = http.request({ socketPath, method, path: apiPath, headers, timeout: timeoutMs || undefined }, res => {
      const parts: Buffer[] = []
      res.on('data', (b: Buffer) => parts.push(b))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new DockerError(`Engine API ${method} ${apiPath}: no answer in ${timeoutMs / 1000} s`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** A command's result in the CLI's shape (exit code, stdout, stderr), so callers read one kind of answer. */
export interface CliShaped {
  code: number
  stdout: string
  stderr: string
}

/**
 * The few calls every run makes around its tasks (engine check, image inspect, removals), on a local
 * engine answered through its socket instead of a docker process each (issue 22: a process start,
 * an API negotiation and a connection apiece), in the words the CLI would have used.
 */
export class SocketCalls {
  constructor(private readonly socket: string) {}

  version(): Promise<CliShaped> {
    return this.call('GET', '/version', (text: string) => `${(JSON.parse(text) as { Version?: string }).Version ?? ''}\n`)
  }

  /** `{{json .}}` of the image; a missing one is `Error: No such image: <ref>`, as the CLI says it. */
  async inspectImage(ref: string): Promise<CliShaped> {
    const r = await this.call('GET', `/images/${encodeURI(ref)}/json`, (text: string) => `${text.trim()}\n`)
    return r.code !== 0 && /no such image/i.test(r.stderr) ? { ...r, stderr: `Error: No such image: ${ref}\n` } : r
  }

  /** `docker rm --force --volumes <names>`: every one is tried; the exit code is 1 when any failed. */
  async removeContainers(names: string[]): Promise<CliShaped> {
    const all = await Promise.all(names.map(n => this.call('DELETE', `/containers/${encodeURIComponent(n)}?force=1&v=1`, () => `${n}\n`)))
    return merge(all)
  }

  /**
   * `docker create`: the container's id, as the CLI prints it. The body holds the task's values, as the
   * CLI's own request would: it goes to the engine's socket and nowhere else (no error quotes it).
   */
  createContainer(req: CreateRequest): Promise<CliShaped> {
    const body = Buffer.from(JSON.stringify(req.body))
    const apiPath = `/containers/create?name=${encodeURIComponent(req.name)}`
    // No time limit, as the CLI has none: on the containerd store a create is the image's first unpack.
    return this.call('POST', apiPath, text => `${(JSON.parse(text) as { Id: string }).Id}\n`, body, 0)
  }

  /** `docker image rm [--force] --no-prune <ids>`. */
  async removeImages(ids: string[], force: boolean): Promise<CliShaped> {
    const all = await Promise.all(ids.map(id => this.call('DELETE', `/images/${encodeURI(id)}?noprune=1${force ? '&force=1' : ''}`, () => `Deleted: ${id}\n`)))
    return merge(all)
  }

  private async call(method: string, apiPath: string, ok: (text: string) => string, body?: Buffer, timeoutMs = 30_000): Promise<CliShaped> {
    try {
      const json: Record<string, string> = body ? { 'Content-Type': 'application/json' } : {}
      const r = await socketRequest(this.socket, method, apiPath, body, json, timeoutMs)
      if (r.status >= 200 && r.status < 300) return { code: 0, stdout: ok(r.text), stderr: '' }
      return { code: 1, stdout: '', stderr: `Error response from daemon: ${daemonMessage(r.text)}\n` }
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code
      const down = why === 'ENOENT' || why === 'ECONNREFUSED' || why === 'ECONNRESET'
      return {
        code: 1,
        stdout: '',
        stderr: down ? `Cannot connect to the Docker daemon at unix://${this.socket}. Is the docker daemon running?\n` : `${(e as Error).message}\n`
      }
    }
  }
}

function daemonMessage(text: string): string {
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text.trim()
  } catch {
    return text.trim()
  }
}

function merge(all: CliShaped[]): CliShaped {
  return { code: all.some(r => r.code !== 0) ? 1 : 0, stdout: all.map(r => r.stdout).join(''), stderr: all.map(r => r.stderr).join('') }
}
