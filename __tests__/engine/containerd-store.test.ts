import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { rewriteSavedImage } from '../../src/commit/archive.js'
import { DockerCli } from '../../src/docker/cli.js'
import { engineApi } from '../../src/docker/engine-api.js'
import { startLoopbackRegistry } from '../../src/commit/loopback-registry.js'
import { assembledArchive, probedArchive, proveRoute } from '../../src/commit/containerd.js'
import { bothPushes } from '../helpers/probe.js'
import { assembleConfig } from '../../src/commit/commit.js'
import { inspectImage } from '../../src/image/inspect.js'
import { BASE_IMAGE, describeEngine, makeApp, runAction } from '../helpers/engine.js'
import { containerdEngineBin, startPrivateDaemon, type PrivateDaemon } from '../helpers/daemon.js'
import { startRegistry } from '../helpers/registry.js'

/**
 * The containerd image store (the default of fresh Docker 29 installs) names blobs by digest and checks
 * them on load, and an image's id is its manifest digest. The predeploy commit must still restore the
 * original config there. The engine is unpacked from the distribution's packages by
 * scripts/containerd-engine.sh (provisioned by .ci/run); under CI=true its absence is a failure.
 */

const bin = containerdEngineBin()
const describeStore = bin ? describeEngine : describeEngine.skip

describeStore('the predeploy commit on an engine using the containerd image store', () => {
  let daemon: PrivateDaemon
  beforeAll(async () => {
    daemon = await startPrivateDaemon({ bin, config: { features: { 'containerd-snapshotter': true } } })
    expect(daemon.docker('info', '--format', '{{json .DriverStatus}}')).toContain('io.containerd.snapshotter.v1')
  })
  afterAll(() => daemon?.stop())
  const secret = 'containerd-store-secret-Vb3'

  /** A workspace whose predeploy writes a file, and a run with a secret and a plain value. */
  async function runPredeploy(wrap: string[] | undefined) {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nENV FROM_IMAGE=1\nCMD ["/bin/sh", "-c", "echo serving"]\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo compiled > /app-assets"}}}',
      Procfile: 'release: cat /app-assets\n'
    })
    const tags = wrap ? ['rp-test/containerd:1', 'localhost:5000/rp-test/containerd:latest'] : ['rp-test/containerd-save:1']
    const r = await runAction({
      workspace: ws,
      inputs: { tags: tags.join('\n'), secrets: 'TOKEN', env: 'MODE=plain-Vb3' },
      env: { DOCKER_HOST: daemon.host, TOKEN: secret },
      wrap
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^compiled$/m)
    return { r, tags }
  }

  /** What every path must give: the change kept, the original config, every blob present, no value. */
  function expectCleanCommit(r: Awaited<ReturnType<typeof runAction>>, tags: string[]): void {
    const id = daemon.docker('image', 'inspect', '--format', '{{.Id}}', tags[0]).trim()
    expect(r.outputs['image-id']).toBe(id)
    for (const t of tags) expect(daemon.docker('image', 'inspect', '--format', '{{.Id}}', t).trim()).toBe(id)
    // The image built before predeploy is removed once superseded (issue 12): its config is the base
    // image's plus the Dockerfile's ENV and CMD.
    const built = JSON.parse(r.outputs.metadata)['containerimage.digest'] as string
    expect(() => daemon.docker('image', 'inspect', built)).toThrow(/No such image/)
    const base = JSON.parse(daemon.docker('image', 'inspect', '--format', '{{json .Config}}', BASE_IMAGE))
    const before = { ...base, Env: [...base.Env, 'FROM_IMAGE=1'], Cmd: ['/bin/sh', '-c', 'echo serving'] }
    const after = JSON.parse(daemon.docker('image', 'inspect', '--format', '{{json .Config}}', id))
    for (const key of ['Env', 'Entrypoint', 'Cmd', 'WorkingDir', 'User', 'ExposedPorts']) expect(after[key], key).toEqual(before[key])
    expect(after.Labels).toEqual({ ...(before.Labels ?? {}), 'release-phase.predeploy': 'true' })
    expect(daemon.docker('run', '--rm', id, 'cat', '/app-assets').trim()).toBe('compiled')
    expect(daemon.docker('run', '--rm', id).trim()).toBe('serving')
    // Every blob the new manifest names is in the content store (a config-only load must not leave an
    // image that cannot be saved or pushed).
    const saved = path.join(r.runnerTemp, '..', `saved-${Date.now()}.tar`)
    daemon.docker('save', '-o', saved, id)
    expect(fs.statSync(saved).size).toBeGreaterThan(1_000_000)
    fs.rmSync(saved)
    const everything = daemon.docker('image', 'inspect', id) + daemon.docker('history', '--no-trunc', id)
    expect(everything).not.toContain(secret)
    expect(everything).not.toContain('plain-Vb3')
    // Neither the temporary commit nor the probe's name for it is left.
    expect(daemon.docker('image', 'ls', '--format', '{{.Repository}}')).not.toMatch(/probe/)
    expect(daemon.docker('image', 'ls', '--quiet', '--filter', 'label=release-phase.run')).toBe('')
    expect(fs.existsSync(r.runnerTemp)).toBe(true)
  }

  /** What the engine pushed since a moment (its event log, to the second). */
  function pushedSince(since: number): string[] {
    const until = String(Math.ceil(Date.now() / 1000))
    const events = daemon.docker('events', '--since', String(since), '--until', until, '--filter', 'event=push', '--format', '{{.Actor.ID}}')
    return events.trim().split('\n').filter(Boolean)
  }

  it('keeps the filesystem change and restores the config without reading a layer (the loopback probe)', async () => {
    const since = Math.floor(Date.now() / 1000)
    const { r, tags } = await runPredeploy(daemon.inNetns)
    expect(r.stdout).toContain('predeploy commit: config-only (no layer read)')
    expect(r.dockerCalls.map(c => c[0])).not.toContain('save')
    // One push brings the manifest; the config is assembled from inspect and history (issue 22).
    const pushes = pushedSince(since)
    expect(pushes).toEqual([expect.stringMatching(/\/release-phase\/probe-[0-9a-f]+:commit-[0-9a-f]+$/)])
    expectCleanCommit(r, tags)
  })

  it("where the config cannot be assembled (an image with an author), a second push brings the commit's own", async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nMAINTAINER someone <someone@example.com>\nENV FROM_IMAGE=1\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo compiled > /app-assets"}}}',
      Procfile: 'release: cat /app-assets\n'
    })
    const since = Math.floor(Date.now() / 1000)
    const r = await runAction({
      workspace: ws,
      inputs: { tags: 'rp-test/containerd-author:1', secrets: 'TOKEN' },
      env: { DOCKER_HOST: daemon.host, TOKEN: secret },
      wrap: daemon.inNetns
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toContain('the config could not be assembled (the original image has an author')
    expect(r.stdout).toContain('predeploy commit: config-only (no layer read)')
    const pushes = pushedSince(since)
    expect(pushes).toHaveLength(2)
    const image = JSON.parse(daemon.docker('image', 'inspect', 'rp-test/containerd-author:1'))[0]
    expect(image.Author).toBe('someone <someone@example.com>')
    expect(image.Config.Labels).toEqual({ 'release-phase.predeploy': 'true' })
    expect(JSON.stringify(image) + daemon.docker('history', '--no-trunc', image.Id)).not.toContain(secret)
    expect(daemon.docker('run', '--rm', image.Id, 'cat', '/app-assets').trim()).toBe('compiled')
  })

  it('takes the docker save path, and says why, when the engine does not share the loopback', async () => {
    // The action in the host's network namespace, the engine in its own: the route check fails.
    const { r, tags } = await runPredeploy(undefined)
    expect(r.stdout).toContain("the engine uses the containerd image store, and the engine does not share this machine's loopback")
    expect(
      r.dockerCalls.map(c => c[0]),
      r.stdout + JSON.stringify(r.dockerCalls)
    ).toContain('save')
    expectCleanCommit(r, tags)
  })

  it('a failed predeploy ends the run, the probe it opened beside the task closed, and leaves nothing', async () => {
    /** Ports listening on the engine namespace's 127.0.0.1, from /proc/net/tcp lines. */
    const listening = (table: string): Set<string> => new Set([...table.matchAll(/^\s*\d+: 0100007F:([0-9A-F]{4}) 00000000:0000 0A /gm)].map(m => m[1]))
    const netTcp = (): string => execFileSync(daemon.inNetns[0], [...daemon.inNetns.slice(1), 'cat', '/proc/net/tcp'], { encoding: 'utf8' })
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nCMD ["/bin/sh", "-c", "echo serving"]\n`,
      // On the engine's own network the task sees the registry the action opened beside it.
      'app.json': '{"scripts":{"dokku":{"predeploy":"sleep 1; cat /proc/net/tcp; exit 3"}}}',
      Procfile: 'release: echo never\n'
    })
    const before = listening(netTcp())
    const r = await runAction({
      workspace: ws,
      inputs: { tags: 'rp-test/containerd-failed:1', secrets: 'TOKEN', network: 'host' },
      env: { DOCKER_HOST: daemon.host, TOKEN: secret },
      wrap: daemon.inNetns
    })
    expect(r.code, r.stdout + r.stderr).toBe(1)
    expect(r.stdout).toContain('::error::predeploy task failed with exit code 3')
    expect(r.stdout).not.toMatch(/^never$/m)
    const opened = [...listening(r.stdout)].filter(p => !before.has(p))
    expect(opened).toHaveLength(1)
    expect(listening(netTcp()).has(opened[0])).toBe(false)
    expect(daemon.docker('image', 'ls', '--format', '{{.Repository}}')).not.toMatch(/probe/)
    expect(daemon.docker('image', 'ls', '--quiet', '--filter', 'label=release-phase.run')).toBe('')
    expect(daemon.docker('ps', '--all', '--quiet', '--filter', 'label=release-phase.run')).toBe('')
  }, 60_000)

  it('commits a pulled image: (`image:` from a registry), and the clean image pushes', async () => {
    const reg = await startRegistry()
    try {
      await daemon.forwardPort(Number(reg.host.split(':')[1]))
      const env = { ...daemon.env, DOCKER_CONFIG: reg.dockerConfig }
      const source = `${reg.host}/team/pulled:v1`
      execFileSync('docker', ['tag', BASE_IMAGE, source], { env })
      execFileSync('docker', ['push', '--quiet', source], { env })
      execFileSync('docker', ['image', 'rm', source], { env })
      const ws = makeApp({ 'app.json': '{"scripts":{"dokku":{"predeploy":"echo pulled-and-compiled > /assets"}}}', Procfile: 'release: cat /assets\n' })
      const target = `${reg.host}/team/pulled:predeployed`
      const r = await runAction({
        workspace: ws,
        inputs: { image: source, tags: target, push: 'true', secrets: 'TOKEN' },
        env: { DOCKER_HOST: daemon.host, DOCKER_CONFIG: reg.dockerConfig, TOKEN: secret },
        wrap: daemon.inNetns
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.dockerCalls.map(c => c[0])).toContain('pull')
      expect(r.stdout).toContain('predeploy commit: config-only (no layer read)')
      expect(r.stdout).toMatch(/^pulled-and-compiled$/m)
      // What the registry now holds is the clean image: its config has no value, its layers are all there.
      const manifest = await reg.get('/v2/team/pulled/manifests/predeployed', 'application/vnd.oci.image.manifest.v1+json')
      expect(manifest.status).toBe(200)
      expect(r.outputs.digest).toBe(manifest.headers['docker-content-digest'])
      const { config, layers } = JSON.parse(manifest.body) as { config: { digest: string }; layers: { digest: string }[] }
      const blob = await reg.get(`/v2/team/pulled/blobs/${config.digest}`)
      expect(JSON.parse(blob.body).config.Labels).toEqual({ 'release-phase.predeploy': 'true' })
      expect(blob.body).not.toContain(secret)
      for (const l of layers) expect((await reg.get(`/v2/team/pulled/blobs/${l.digest}`)).status, l.digest).toBe(200)
    } finally {
      reg.stop()
    }
  })

  it('annotations (issue 23): kept in the pushed manifest without a predeploy commit; refused before the build with one', async () => {
    const reg = await startRegistry()
    try {
      await daemon.forwardPort(Number(reg.host.split(':')[1]))
      const target = `${reg.host}/team/annotated:v1`
      const run = (files: Record<string, string>) =>
        runAction({
          workspace: makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo ok\n', ...files }),
          inputs: { tags: target, push: 'true', annotations: 'manifest:org.opencontainers.image.title=app' },
          env: { DOCKER_HOST: daemon.host, DOCKER_CONFIG: reg.dockerConfig },
          wrap: daemon.inNetns
        })
      const kept = await run({})
      expect(kept.code, kept.stdout + kept.stderr).toBe(0)
      const manifest = await reg.get('/v2/team/annotated/manifests/v1', 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json')
      expect(manifest.status).toBe(200)
      // The engine stores (and pushes) an index: the manifest annotation sits on the image manifest in it.
      const top = JSON.parse(manifest.body) as { manifests?: { digest: string }[]; annotations?: Record<string, string> }
      const image = top.manifests
        ? (JSON.parse((await reg.get(`/v2/team/annotated/manifests/${top.manifests[0].digest}`, 'application/vnd.oci.image.manifest.v1+json')).body) as {
            annotations?: Record<string, string>
          })
        : top
      expect(image.annotations?.['org.opencontainers.image.title']).toBe('app')
      const refused = await run({ 'app.json': '{"scripts":{"dokku":{"predeploy":"true"}}}' })
      expect(refused.code).toBe(1)
      expect(refused.stdout).toMatch(
        /^::error::annotations: the predeploy commit writes a new manifest, which keeps the config and labels but no manifest annotation/m
      )
      expect(refused.dockerCalls.filter(c => c[0] === 'buildx' && c[1] === 'build')).toEqual([])
    } finally {
      reg.stop()
    }
  })

  /** A container committed with a value in its Env, as the predeploy commit starts. */
  function dirtyCommit(): string {
    const name = `rp-probe-${Date.now()}`
    daemon.docker('run', '--name', name, '-e', `LEAKY=${secret}`, BASE_IMAGE, 'sh', '-c', 'echo kept > /kept')
    const id = daemon.docker('commit', name).trim()
    daemon.docker('rm', name)
    return id
  }

  it('brings exactly the manifest and config that docker save holds, and the same rewrite', async () => {
    const tmp = dirtyCommit()
    const registry = await startLoopbackRegistry('release-phase/probe-equivalence')
    try {
      await daemon.forwardPort(Number(registry.host.split(':')[1]))
      const request = engineApi(new DockerCli(), daemon.env).request!
      const route = await proveRoute(request, registry)
      if ('reason' in route) throw new Error(route.reason)
      daemon.docker('tag', tmp, `${route.repo}:${route.tag}`)
      const probed = await bothPushes(request, route, tmp)
      if ('reason' in probed) throw new Error(probed.reason)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-saved-'))
      execFileSync('sh', ['-c', `docker save '${tmp}' | tar -x -C '${dir}'`], { env: daemon.env })
      const blob = (d: string): Buffer => fs.readFileSync(path.join(dir, 'blobs/sha256', d.replace('sha256:', '')))
      expect(probed.manifest.equals(blob(tmp))).toBe(true)
      const configDigest = JSON.parse(probed.manifest.toString()).config.digest as string
      expect(probed.config.equals(blob(configDigest))).toBe(true)
      const req = { imageId: tmp, original: { Env: ['PATH=/bin'] }, tags: ['x:1'], note: 'release-phase predeploy: test' }
      const saved = fs.readdirSync(path.join(dir, 'blobs/sha256')).map(h => ({ name: `blobs/sha256/${h}`, body: blob(h) }))
      saved.push({ name: 'index.json', body: fs.readFileSync(path.join(dir, 'index.json')) })
      expect(rewriteSavedImage(probedArchive(tmp, probed.manifest, probed.config), req).id).toBe(rewriteSavedImage(saved, req).id)
      fs.rmSync(dir, { recursive: true })
    } finally {
      await registry.close()
      daemon.docker('image', 'rm', '--force', tmp)
    }
  })

  it('assembles from inspect and history the config the commit would give, to the second (one push)', async () => {
    // A built image with the history BuildKit writes (layers, metadata-only steps, comments), committed
    // with a value in its Env as the predeploy commit is.
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nENV A=1\nRUN echo one > /one\nWORKDIR /app\nRUN ln -s /one /app/link\nCMD ["sh"]\n` })
    daemon.docker('buildx', 'build', '--load', '--tag', 'rp-test/assembled:1', ws)
    const name = `rp-assembled-${Date.now()}`
    daemon.docker('run', '--name', name, '-e', `LEAKY=${secret}`, 'rp-test/assembled:1', 'sh', '-c', 'echo kept > /kept')
    const tmp = daemon.docker('commit', name).trim()
    daemon.docker('rm', name)
    const registry = await startLoopbackRegistry('release-phase/probe-assembled')
    try {
      await daemon.forwardPort(Number(registry.host.split(':')[1]))
      const api = engineApi(new DockerCli(), daemon.env)
      const route = await proveRoute(api.request!, registry)
      if ('reason' in route) throw new Error(route.reason)
      daemon.docker('tag', tmp, `${route.repo}:${route.tag}`)
      const probed = await bothPushes(api.request!, route, tmp)
      if ('reason' in probed) throw new Error(probed.reason)
      const original = JSON.parse(daemon.docker('image', 'inspect', 'rp-test/assembled:1'))[0]
      const note = 'release-phase predeploy: test'
      const exact = rewriteSavedImage(probedArchive(tmp, probed.manifest, probed.config), { imageId: tmp, original: original.Config, tags: [], note })
      const exactManifest = JSON.parse(exact.entries.find(e => e.name === `blobs/sha256/${exact.id.slice(7)}`)!.body.toString())
      const exactConfig = JSON.parse(exact.entries.find(e => e.name === `blobs/sha256/${exactManifest.config.digest.slice(7)}`)!.body.toString())
      const cli = new DockerCli(undefined, { env: daemon.env, name: 'the containerd-store engine', remote: false })
      const built = await inspectImage(cli, 'rp-test/assembled:1')
      expect(built?.containerdStore).toBe(true)
      const assembled = await assembleConfig(engineApi(cli), { tmpId: tmp, original: built!, note })
      if (typeof assembled !== 'string') throw new Error(assembled.reason)
      const toSecond = (h: { created: string }) => ({ ...h, created: h.created.replace(/\.\d+Z$/, 'Z') })
      const parsed = JSON.parse(assembled)
      // The commit's own history line keeps its exact time (inspect reports it to the nanosecond).
      expect({ ...parsed, history: parsed.history.slice(0, -1) }).toEqual({ ...exactConfig, history: exactConfig.history.slice(0, -1).map(toSecond) })
      expect(parsed.history.at(-1)).toEqual(exactConfig.history.at(-1))
      expect(assembled).not.toContain(secret)
      // The manifest keeps every layer descriptor and names the assembled config.
      const image = assembledArchive(probed.manifest, assembled)
      if ('reason' in image) throw new Error(image.reason)
      const manifest = JSON.parse(image.entries.find(e => e.name === `blobs/sha256/${image.id.slice(7)}`)!.body.toString())
      expect(manifest.layers).toEqual(exactManifest.layers)
      expect(manifest.config.digest).toBe(`sha256:${createHash('sha256').update(assembled).digest('hex')}`)
    } finally {
      await registry.close()
      daemon.docker('image', 'rm', '--force', tmp, 'rp-test/assembled:1')
    }
  })

  it("pushes nothing to another server on the engine's loopback port (the route check)", async () => {
    const tmp = dirtyCommit()
    const registry = await startLoopbackRegistry('release-phase/probe-foreign')
    const port = registry.host.split(':')[1]
    // A registry of someone else's, on the same port of the engine's loopback: it would take any upload.
    const foreign = spawn(daemon.inNetns[0], [...daemon.inNetns.slice(1), process.execPath, '-e', FOREIGN_REGISTRY, port], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let seen = ''
    foreign.stdout.on('data', b => (seen += b))
    try {
      await new Promise(resolve => foreign.stdout.once('data', resolve))
      const probed = await proveRoute(engineApi(new DockerCli(), daemon.env).request!, registry)
      expect(probed).toEqual({ reason: expect.stringContaining("does not share this machine's loopback") })
      // It saw the route check's pull, and nothing of the commit.
      expect(seen).toMatch(/(GET|HEAD) \/v2\/release-phase\/probe-foreign\/manifests\/route-/)
      expect(seen).not.toMatch(/blobs|PUT|POST|PATCH/)
      expect(daemon.docker('image', 'ls', '--format', '{{.Repository}}')).not.toMatch(/probe/)
    } finally {
      foreign.kill()
      await registry.close()
      daemon.docker('image', 'rm', '--force', tmp)
    }
  })
})

/** Logs each request and answers like a registry that wants everything. */
const FOREIGN_REGISTRY = `
require('node:http').createServer((req, res) => {
  console.log(req.method, req.url)
  req.resume()
  res.writeHead(req.method === 'HEAD' && req.url.includes('/blobs/') ? 404 : req.url === '/v2/' ? 200 : 404, { 'Docker-Distribution-API-Version': 'registry/2.0' })
  res.end()
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('listening'))
`
