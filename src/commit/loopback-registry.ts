import { randomUUID } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { sha256digest as sha256 } from '../digest.js'

/**
 * A one-repository registry on the loopback, for as long as one predeploy commit takes: the engine
 * pushes the temporary commit to it, and it answers "already exists" for every blob except the ones
 * it is asked to want. It is how the action learns an image's manifest from the containerd image store
 * without reading a layer (see containerd.ts). It never serves content, keeps only what it wants,
 * and checks every digest it is given.
 */
export interface LoopbackRegistry {
  /** `127.0.0.1:<port>`: a loopback registry, which the engine speaks plain HTTP to. */
  host: string
  /** The one repository it answers for. */
  repo: string
  /** Manifest references asked for by a pull (the route check), in order; the first few only. */
  asked: string[]
  /** The references a manifest may be pushed under (the temporary commit's tag, once the route is proven). */
  accept: Set<string>
  /** Manifests pushed, by the reference they were pushed under. */
  manifests: Map<string, Buffer>
  /** Blobs uploaded (only those in `want`), by digest. */
  blobs: Map<string, Buffer>
  /** Digests whose HEAD answers "unknown", so that the next push uploads them. */
  want: Set<string>
  close(): Promise<void>
}

/** Configs and manifests are a few KiB; anything near this is not what the registry asked for. */
const MAX_BODY = 4 << 20
/** A probe makes one upload (the config) and two manifest pushes; a client making many is not the engine. */
const MAX_UPLOADS = 8
/** The route check asks for one reference; the registry is open while the task runs, and keeps no more. */
const MAX_ASKED = 16
const DIGEST = /^sha256:[0-9a-f]{64}$/

export async function startLoopbackRegistry(repo: string): Promise<LoopbackRegistry> {
  const state = {
    asked: [] as string[],
    accept: new Set<string>(),
    manifests: new Map<string, Buffer>(),
    blobs: new Map<string, Buffer>(),
    want: new Set<string>(),
    uploadsStarted: 0
  }
  const uploads = new Map<string, Buffer[]>()
  const server = http.createServer((req, res) => {
    readBody(req).then(
      body => {
        try {
          answer(req, res, body, repo, state, uploads)
        } catch {
          if (!res.headersSent) reply(res, 500) // never a crash of the action: a client's bytes caused it
        }
      },
      () => reply(res, 413)
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    host: `127.0.0.1:${port}`,
    repo,
    asked: state.asked,
    accept: state.accept,
    manifests: state.manifests,
    blobs: state.blobs,
    want: state.want,
    // The engine keeps its connections alive; close() alone would wait for them to time out (120 s).
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    let size = 0
    req.on('data', (b: Buffer) => {
      size += b.length
      if (size > MAX_BODY) {
        req.destroy()
        reject(new Error('too large'))
      } else parts.push(b)
    })
    req.on('end', () => resolve(Buffer.concat(parts)))
    req.on('error', reject)
  })
}

function reply(res: http.ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Length': '0', ...headers })
  res.end()
}

type State = Pick<LoopbackRegistry, 'asked' | 'accept' | 'manifests' | 'blobs' | 'want'> & { uploadsStarted: number }

/** The few calls of the distribution API a push and a failing pull make; anything else is refused. */
function answer(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, repo: string, s: State, uploads: Map<string, Buffer[]>): void {
  const url = new URL(req.url ?? '/', 'http://registry')
  const m = /^\/v2\/(.+)\/(manifests|blobs\/uploads|blobs)\/?([^/]*)$/.exec(url.pathname)
  if (url.pathname === '/v2/' || url.pathname === '/v2') return reply(res, 200)
  if (!m || m[1] !== repo) return reply(res, 404)
  const [, , kind, ref] = m
  if (kind === 'manifests' && (req.method === 'GET' || req.method === 'HEAD')) {
    if (s.asked.length < MAX_ASKED) s.asked.push(ref)
    return reply(res, 404)
  }
  if (kind === 'manifests' && req.method === 'PUT') {
    if (!s.accept.has(ref)) return reply(res, 404)
    if (s.manifests.size >= MAX_UPLOADS && !s.manifests.has(ref)) return reply(res, 429)
    s.manifests.set(ref, body)
    return reply(res, 201, { 'Docker-Content-Digest': sha256(body), Location: `/v2/${repo}/manifests/${sha256(body)}` })
  }
  if (kind === 'blobs' && req.method === 'HEAD') {
    if (!DIGEST.test(ref) || s.want.has(ref)) return reply(res, 404)
    return reply(res, 200, { 'Docker-Content-Digest': ref })
  }
  if (kind === 'blobs/uploads' && req.method === 'POST') {
    // Only a blob the registry asked for is uploaded; nothing is, before it asks.
    if (s.want.size === 0) return reply(res, 404)
    if (++s.uploadsStarted > MAX_UPLOADS) return reply(res, 429)
    const id = randomUUID()
    uploads.set(id, [])
    return reply(res, 202, { Location: `/v2/${repo}/blobs/uploads/${id}`, 'Docker-Upload-UUID': id, Range: '0-0' })
  }
  const parts = kind === 'blobs/uploads' ? uploads.get(ref) : undefined
  if (!parts) return reply(res, 404)
  parts.push(body)
  const size = parts.reduce((n, p) => n + p.length, 0)
  if (size > MAX_BODY) return (uploads.delete(ref), reply(res, 413))
  if (req.method === 'PATCH') return reply(res, 202, { Location: `/v2/${repo}/blobs/uploads/${ref}`, 'Docker-Upload-UUID': ref, Range: `0-${size - 1}` })
  if (req.method !== 'PUT') return reply(res, 405)
  uploads.delete(ref)
  const blob = Buffer.concat(parts)
  const digest = url.searchParams.get('digest') ?? ''
  if (!s.want.has(digest) || sha256(blob) !== digest) return reply(res, 400)
  s.blobs.set(digest, blob)
  return reply(res, 201, { 'Docker-Content-Digest': digest, Location: `/v2/${repo}/blobs/${digest}` })
}
