import * as fs from 'node:fs'
import * as http from 'node:http'
import { DockerError, lastLine } from '../errors.js'
// A static import: ncc's bundle of `await import('node:stream')` had no `Readable` (issue 24: every
// predeploy on an engine that is not a local socket crashed with "reading 'from'").
import { PassThrough, Readable } from 'node:stream'
import type { DockerClient } from './cli.js'
import { localSocket, socketRequest } from './socket.js'

import { streamError, type Change } from './requests.js'
import type { Expose } from '../engine/address.js'

/**
 * A few Engine API calls for the predeploy commit, where the CLI either loses data (`docker history`
 * turns tabs into spaces and sizes into text) or costs a process start on the commit's critical path.
 * On a local engine (a unix socket the CLI would use too) node speaks HTTP to the socket itself;
 * anywhere else (TCP with TLS, ssh, a CLI context) GETs go through `docker system dial-stdio`, the
 * CLI's own connection, and a load through `docker load`. No endpoint or credential is handled here.
 */
export interface EngineApi {
  get(apiPath: string): Promise<unknown>
  /** `docker load` of a tar held in memory; resolves to the engine's error text, '' on success. */
  load(tar: Buffer): Promise<string>
  /** `docker commit --pause=false` with Dockerfile-instruction changes, named when `name` is given: the new image's id. */
  commit(container: string, changes: string[], name?: { repo: string; tag: string }): Promise<string>
  /**
   * Any call, on a local engine only (undefined elsewhere): the manifest probe needs the engine on this
   * machine's loopback, which a remote engine is not.
   */
  request?: (method: string, apiPath: string, headers?: Record<string, string>) => Promise<{ status: number; text: string }>
  /** The container's filesystem changes (`docker diff`, as the Engine API's JSON). */
  changes(container: string): Promise<Change[]>
  /** A tar of one path of the container (`docker cp container:path -`); undefined when it is gone. */
  archive(container: string, containerPath: string): Promise<Readable | undefined>
  /** A remote engine over SSH: a port of this machine's loopback, made reachable on the engine's. */
  expose?: Expose
}

const REQUEST_TIMEOUT_MS = 30_000

export function engineApi(cli: DockerClient, env: NodeJS.ProcessEnv = cli.baseEnv): EngineApi {
  const socket = localSocket(env)
  if (socket && fs.existsSync(socket))
    return {
      get: p => socketGet(socket, p),
      load: tar => socketLoad(socket, tar),
      commit: (c, ch, name) => socketCommit(socket, c, ch, name),
      // A pull or push that stalls (an engine retrying an unreachable registry) must not hold the run.
      request: (method, p, headers) => socketRequest(socket, method, p, undefined, headers, REQUEST_TIMEOUT_MS),
      changes: async c => ((await socketGet(socket, `/containers/${encodeURIComponent(c)}/changes`)) as Change[] | null) ?? [],
      archive: (c, p) => socketArchive(socket, c, p),
      expose: cli.expose
    }
  return {
    commit: async (c, ch, name) =>
      (
        await cli.ok(['commit', '--pause=false', ...ch.flatMap(x => ['--change', x]), c, ...(name ? [`${name.repo}:${name.tag}`] : [])], 'docker commit')
      ).trim(),
    get: p => dialGet(cli, p),
    // JSON, not `docker diff`'s lines: a file name may hold a line break (and then a line of its own).
    changes: async c => ((await dialGet(cli, `/containers/${encodeURIComponent(c)}/changes`)) as Change[] | null) ?? [],
    archive: (c, p) => cliArchive(cli, c, p),
    load: async tar => {
      const r = await cli.exec(['load', '--quiet'], { input: Readable.from(tar) })
      return r.code === 0 ? '' : lastLine(r.stderr) || `docker load exited with code ${r.code}`
    }
  }
}

async function socketCommit(socketPath: string, container: string, changes: string[], name?: { repo: string; tag: string }): Promise<string> {
  const named = name ? [`repo=${encodeURIComponent(name.repo)}`, `tag=${encodeURIComponent(name.tag)}`] : []
  const query = [`container=${encodeURIComponent(container)}`, 'pause=0', ...named, ...changes.map(c => `changes=${encodeURIComponent(c)}`)].join('&')
  const r = await socketRequest(socketPath, 'POST', `/commit?${query}`)
  if (r.status !== 201) throw new DockerError(`docker commit failed: ${lastLine(r.text)}`)
  return (JSON.parse(r.text) as { Id: string }).Id
}

async function socketGet(socketPath: string, apiPath: string): Promise<unknown> {
  const r = await socketRequest(socketPath, 'GET', apiPath)
  if (r.status !== 200) throw new DockerError(`Engine API GET ${apiPath}: HTTP ${r.status} ${lastLine(r.text)}`)
  return JSON.parse(r.text)
}

/** The load endpoint answers 200 and reports a failure inside its JSON message stream. */
async function socketLoad(socketPath: string, tar: Buffer): Promise<string> {
  const r = await socketRequest(socketPath, 'POST', '/images/load?quiet=1', tar)
  return r.status === 200 ? streamError(r.text) : `HTTP ${r.status} ${lastLine(r.text)}`
}

/** A path's tar, streamed from the socket; a 404 (the path is gone) is undefined. */
function socketArchive(socketPath: string, container: string, containerPath: string): Promise<Readable | undefined> {
  const apiPath = `/containers/${encodeURIComponent(container)}/archive?path=${encodeURIComponent(containerPath)}`
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method: 'GET', path: apiPath }, res => {
      if (res.statusCode === 200) return resolve(res)
      res.resume()
      if (res.statusCode === 404) resolve(undefined)
      else reject(new DockerError(`Engine API GET ${apiPath}: HTTP ${res.statusCode}`))
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * `docker cp container:path -` writes the path's tar to stdout: the same archive, through the CLI. The
 * stream ends only when docker has exited, and fails when docker did: a copy that broke off must never
 * read as a file with no secret in it.
 */
async function cliArchive(cli: DockerClient, container: string, containerPath: string): Promise<Readable | undefined> {
  const child = cli.open(['cp', `${container}:${containerPath}`, '-'])
  const out = new PassThrough()
  let stderr = ''
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  child.stdout.pipe(out, { end: false })
  child.closed.then(
    code => {
      if (code === 0) out.end()
      else out.destroy(new DockerError(`docker cp ${container}:${containerPath} failed: ${lastLine(stderr) || `exit code ${code}`}`))
    },
    (e: Error) => out.destroy(e)
  )
  return out
}

/**
 * One GET through `docker system dial-stdio`. HTTP/1.0 keeps the response plain (no chunking); stdin
 * stays open until the response has been read, because a half-closed connection can make the server
 * drop the request.
 */
export function dialGet(cli: DockerClient, apiPath: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = cli.open(['system', 'dial-stdio'], 'pipe')
    const parts: Buffer[] = []
    let stderr = ''
    let settled = false
    const done = (err: Error | undefined, value?: unknown): void => {
      if (settled) return
      settled = true
      child.stdin!.end()
      if (err) reject(err)
      else resolve(value)
    }
    // Without a Content-Length (a large body), an HTTP/1.0 response ends when the server closes.
    const parse = (ended: boolean): void => {
      const raw = Buffer.concat(parts)
      const split = raw.indexOf('\r\n\r\n')
      if (split < 0) return
      const head = raw.subarray(0, split).toString('latin1')
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)
      const body = raw.subarray(split + 4)
      if (length ? body.length < Number(length[1]) : !ended) return
      const status = Number(/^HTTP\/\d\.\d (\d+)/.exec(head)?.[1] ?? 0)
      const text = (length ? body.subarray(0, Number(length[1])) : body).toString('utf8')
      if (status !== 200) return done(new DockerError(`Engine API GET ${apiPath}: HTTP ${status} ${lastLine(text)}`))
      try {
        done(undefined, JSON.parse(text))
      } catch (e) {
        done(e as Error)
      }
    }
    child.stdout.on('data', (b: Buffer) => (parts.push(b), parse(false)))
    child.stdout.on('end', () => parse(true))
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    child.closed.then(
      code => done(new DockerError(`docker system dial-stdio ended (${code}) before the Engine API answered: ${lastLine(stderr)}`)),
      (e: Error) => done(e)
    )
    child.stdin!.on('error', () => undefined)
    child.stdin!.write(`GET ${apiPath} HTTP/1.0\r\nHost: docker\r\n\r\n`)
  })
}
