import { createHash } from 'node:crypto'
import * as net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { rewriteSavedImage } from '../../src/commit/archive.js'
import { startLoopbackRegistry, type LoopbackRegistry } from '../../src/commit/loopback-registry.js'
import { assembledArchive, probedArchive, proveRoute, type ProbeRoute, type RequestFn } from '../../src/commit/containerd.js'
import { bothPushes } from '../helpers/probe.js'
import { parseTagRef, refName, tagOf } from '../../src/image/ref.js'

/**
 * The probe's protocol, against the real loopback registry over HTTP, with a stand-in for the engine
 * that speaks to the registry as dockerd does (a pull asks for a manifest; a push HEADs each blob,
 * uploads the unknown ones, then PUTs the manifest). The real engine is in
 * __tests__/engine/containerd-store.test.ts.
 */

const digest = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const config = Buffer.from(
  JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Env: ['TOKEN=secret-Zq1'] }, rootfs: { type: 'layers', diff_ids: [] } })
)
const layer = Buffer.alloc(3 << 20, 7) // larger than the registry takes: uploading it would fail the probe
const manifestOf = (c: Buffer): Buffer =>
  Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digest(c), size: c.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digest(layer), size: layer.length }]
    })
  )
const manifest = manifestOf(config)

interface FakeEngine {
  request: RequestFn
  calls: string[]
}

/** `reach` false: the engine's loopback is not the action's (its pulls and pushes go nowhere). */
function fakeEngine(opts: { reach?: boolean; pushed?: Buffer } = {}): FakeEngine {
  const calls: string[] = []
  const request: RequestFn = async (method, apiPath) => {
    calls.push(`${method} ${apiPath.split('?')[0]}`)
    const url = new URL(apiPath, 'http://engine')
    if (apiPath.startsWith('/images/create')) {
      const [host, ...repo] = url.searchParams.get('fromImage')!.split('/')
      if (opts.reach !== false) await fetch(`http://${host}/v2/${repo.join('/')}/manifests/${url.searchParams.get('tag')}`, { method: 'HEAD' })
      return { status: 200, text: '{"error":"manifest unknown"}\n' }
    }
    if (url.pathname.endsWith('/tag')) return { status: 201, text: '' }
    const m = /^\/images\/(.+)\/push$/.exec(decodeURIComponent(url.pathname))
    if (!m) return { status: 404, text: '' }
    const [host, ...repo] = m[1].split('/')
    const base = `http://${host}/v2/${repo.join('/')}`
    for (const blob of [config, layer]) {
      if ((await fetch(`${base}/blobs/${digest(blob)}`, { method: 'HEAD' })).status === 200) continue
      const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST' })
      const put = await fetch(`http://${host}${start.headers.get('location')}?digest=${digest(blob)}`, { method: 'PUT', body: blob }).catch(() => undefined)
      if (put?.status !== 201) return { status: 200, text: `{"status":"Pushing"}\n{"error":"blob upload failed"}\n` }
    }
    const put = await fetch(`${base}/manifests/${url.searchParams.get('tag')}`, { method: 'PUT', body: new Uint8Array(opts.pushed ?? manifest) })
    return { status: 200, text: put.status === 201 ? '{"status":"pushed"}\n' : '{"error":"manifest refused"}\n' }
  }
  return { request, calls }
}

describe('the manifest probe', () => {
  let registry: LoopbackRegistry | undefined
  afterEach(async () => registry?.close())

  /** The route check passed, as the probe is opened while the predeploy task runs. */
  async function provenRoute(engine: FakeEngine, r: LoopbackRegistry): Promise<ProbeRoute> {
    const route = await proveRoute(engine.request, r)
    if ('reason' in route) throw new Error(route.reason)
    return route
  }

  it('brings the manifest and the config, and no layer is uploaded', async () => {
    registry = await startLoopbackRegistry('release-phase/probe-abc')
    const engine = fakeEngine()
    const probed = await bothPushes(engine.request, await provenRoute(engine, registry), digest(manifest))
    expect(probed).toEqual({ manifest, config })
    expect([...registry.blobs.keys()]).toEqual([digest(config)])
    // The route check's pull, then two pushes: no tag call (the commit was named when it was made).
    const push = expect.stringMatching(/^POST \/images\/.*probe-abc\/push$/)
    expect(engine.calls).toEqual(['POST /images/create', push, push])
  })

  it('names the commit under its own repository and a tag of its own, once the route is proven', async () => {
    registry = await startLoopbackRegistry('release-phase/probe-abc')
    const route = await provenRoute(fakeEngine(), registry)
    expect(route.repo).toBe(`${registry.host}/release-phase/probe-abc`)
    expect(route.tag).toMatch(/^commit-[0-9a-f]{12}$/)
    expect(registry.asked).toEqual([expect.stringMatching(/^route-[0-9a-f]{16}$/)])
  })

  it('pushes nothing when a pull does not reach its registry (the engine has another loopback)', async () => {
    registry = await startLoopbackRegistry('release-phase/probe-abc')
    const engine = fakeEngine({ reach: false })
    const route = await proveRoute(engine.request, registry)
    expect(route).toEqual({ reason: expect.stringContaining("does not share this machine's loopback") })
    expect(engine.calls).toEqual(['POST /images/create'])
  })

  it('refuses a manifest that is not the image it asked for', async () => {
    registry = await startLoopbackRegistry('release-phase/probe-abc')
    const other = manifestOf(Buffer.from('{"other":true}'))
    const engine = fakeEngine({ pushed: other })
    const probed = await bothPushes(engine.request, await provenRoute(engine, registry), digest(manifest))
    expect(probed).toEqual({ reason: expect.stringContaining('digest differs from the image id') })
  })

  it('gives the rewrite of archive.ts what a saved archive gives it', () => {
    const result = rewriteSavedImage(probedArchive(digest(manifest), manifest, config), {
      imageId: digest(manifest),
      original: { Env: ['PATH=/bin'] },
      tags: ['app:1'],
      note: 'release-phase predeploy: test'
    })
    expect(result.containerdStore).toBe(true)
    expect([...result.layerNames]).toEqual([`blobs/sha256/${digest(layer).slice(7)}`])
    const written = Buffer.concat(result.entries.map(e => e.body)).toString()
    expect(written).not.toContain('secret-Zq1')
    const index = JSON.parse(result.entries.find(e => e.name === 'index.json')!.body.toString())
    expect(index.manifests[0].digest).toBe(result.id)
  })

  it('names an assembled config from the pushed manifest, every layer descriptor kept', () => {
    const clean = JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: ['sha256:' + 'a'.repeat(64)] } })
    const image = assembledArchive(manifest, clean)
    if ('reason' in image) throw new Error(image.reason)
    const blob = (d: string): Buffer => image.entries.find(e => e.name === `blobs/sha256/${d.slice(7)}`)!.body
    const written = JSON.parse(blob(image.id).toString())
    const pushed = JSON.parse(manifest.toString())
    expect(written).toEqual({ ...pushed, config: { ...pushed.config, digest: digest(Buffer.from(clean)), size: clean.length } })
    expect(blob(written.config.digest).toString()).toBe(clean)
    expect(image.id).toBe(digest(blob(image.id)))
    expect(JSON.parse(image.entries.find(e => e.name === 'index.json')!.body.toString()).manifests[0].digest).toBe(image.id)
  })

  it('refuses to pair a manifest with a config of another layer count', () => {
    const two = JSON.stringify({ rootfs: { type: 'layers', diff_ids: ['sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64)] } })
    expect(assembledArchive(manifest, two)).toEqual({ reason: "the pushed manifest's layers (1) are not the config's (2)" })
  })

  it.each([
    ['app:1', ['app', '1']],
    ['localhost:5000/team/app:v2', ['localhost:5000/team/app', 'v2']],
    ['localhost:5000/team/app', ['localhost:5000/team/app', 'latest']],
    ['ghcr.io/o/app', ['ghcr.io/o/app', 'latest']]
  ])('names %s by repository and tag (what the engine tag call takes)', (ref, parts) => {
    const parsed = parseTagRef(ref)
    expect([refName(parsed), tagOf(parsed)]).toEqual(parts)
  })
})

describe('the loopback registry', () => {
  let registry: LoopbackRegistry | undefined
  afterEach(async () => registry?.close())
  const blob = Buffer.from('{"a":1}')

  async function upload(r: LoopbackRegistry, body: Buffer, claimed: string, chunked = false): Promise<number> {
    const start = await fetch(`http://${r.host}/v2/${r.repo}/blobs/uploads/`, { method: 'POST' })
    let location = start.headers.get('location')!
    if (chunked) {
      const patch = await fetch(`http://${r.host}${location}`, { method: 'PATCH', body: new Uint8Array(body.subarray(0, 3)) })
      location = patch.headers.get('location')!
      body = body.subarray(3)
    }
    return (await fetch(`http://${r.host}${location}?digest=${claimed}`, { method: 'PUT', body: new Uint8Array(body) })).status
  }

  it('says it has every blob but the wanted ones, and keeps only those, checked', async () => {
    registry = await startLoopbackRegistry('release-phase/probe-x')
    const head = (d: string): Promise<number> => fetch(`http://${registry!.host}/v2/release-phase/probe-x/blobs/${d}`, { method: 'HEAD' }).then(r => r.status)
    expect(await head(digest(blob))).toBe(200)
    registry.want.add(digest(blob))
    expect(await head(digest(blob))).toBe(404)
    expect(await upload(registry, Buffer.from('{"a":2}'), digest(blob))).toBe(400) // the wrong bytes
    expect(await upload(registry, Buffer.from('{"b":1}'), digest(Buffer.from('{"b":1}')))).toBe(400) // not wanted
    expect(registry.blobs.size).toBe(0)
    expect(await upload(registry, blob, digest(blob), true)).toBe(201)
    expect(registry.blobs.get(digest(blob))).toEqual(blob)
  })

  it('closes at once, even with a connection the engine left half-sent (a hang here held a run for 120 s)', async () => {
    const r = await startLoopbackRegistry('release-phase/probe-x')
    const socket = net.connect(Number(r.host.split(':')[1]), '127.0.0.1')
    socket.on('error', () => undefined) // the registry resets it: that is the point
    await new Promise(resolve => socket.once('connect', resolve))
    socket.write('GET /v2/ HTTP/1.1\r\nHost: registry\r\n') // the headers never end
    const closed = new Promise(resolve => socket.once('close', resolve))
    await r.close()
    await closed
  })

  it('bounds what any local client can make it hold, and survives odd requests', async () => {
    registry = await startLoopbackRegistry('release-phase/probe-x')
    const base = `http://${registry.host}/v2/release-phase/probe-x`
    // It is open while the task runs: before it wants a blob, no upload starts.
    expect((await fetch(`${base}/blobs/uploads/`, { method: 'POST' })).status).toBe(404)
    registry.want.add(digest(blob))
    const starts = await Promise.all(Array.from({ length: 12 }, () => fetch(`${base}/blobs/uploads/`, { method: 'POST' }).then(r => r.status)))
    expect(starts.filter(s => s === 202)).toHaveLength(8)
    expect(starts.filter(s => s === 429)).toHaveLength(4)
    // A manifest is taken only under a reference it accepts (the commit's tag), and so many at most.
    expect((await fetch(`${base}/manifests/other`, { method: 'PUT', body: '{}' })).status).toBe(404)
    expect(registry.manifests.size).toBe(0)
    for (let i = 0; i < 10; i++) registry.accept.add(`t${i}`)
    for (let i = 0; i < 10; i++) await fetch(`${base}/manifests/t${i}`, { method: 'PUT', body: '{}' })
    expect(registry.manifests.size).toBe(8)
    // Pulls are recorded for the route check, a few only.
    for (let i = 0; i < 20; i++) await fetch(`${base}/manifests/route-${i}`)
    expect(registry.asked).toHaveLength(16)
    // Not a digest: no header echoes it.
    const odd = await fetch(`${base}/blobs/sha256:${'x'.repeat(64)}`, { method: 'HEAD' })
    expect([odd.status, odd.headers.get('docker-content-digest')]).toEqual([404, null])
    const raw = await new Promise<string>(resolve => {
      const socket = net.connect(Number(registry!.host.split(':')[1]), '127.0.0.1', () => socket.end('GET //[bad HTTP/1.1\r\nHost: x\r\n\r\n'))
      let text = ''
      socket.on('error', () => undefined)
      socket.on('data', b => (text += b))
      socket.on('close', () => resolve(text))
    })
    expect(raw).toMatch(/^HTTP\/1\.1 (404|500|400)/)
    expect((await fetch(`http://${registry.host}/v2/`)).status).toBe(200)
  })

  it('answers only for its repository, and takes no large body', async () => {
    registry = await startLoopbackRegistry('release-phase/probe-x')
    registry.accept.add('t')
    const base = `http://${registry.host}/v2`
    expect((await fetch(`${base}/`)).status).toBe(200)
    expect((await fetch(`${base}/other/manifests/t`, { method: 'PUT', body: '{}' })).status).toBe(404)
    expect(registry.manifests.size).toBe(0)
    const big = await fetch(`${base}/release-phase/probe-x/manifests/t`, { method: 'PUT', body: Buffer.alloc(5 << 20) }).catch(() => undefined)
    expect(big?.status ?? 413).toBe(413)
    expect(registry.manifests.size).toBe(0)
    const put = await fetch(`${base}/release-phase/probe-x/manifests/t`, { method: 'PUT', body: '{"m":1}' })
    expect(put.headers.get('docker-content-digest')).toBe(digest(Buffer.from('{"m":1}')))
    expect(registry.manifests.get('t')?.toString()).toBe('{"m":1}')
  })
})
