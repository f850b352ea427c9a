import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, makeApp, runAction } from '../helpers/engine.js'
import { containerdEngineBin, startPrivateDaemon, type PrivateDaemon } from '../helpers/daemon.js'

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

  it('keeps the filesystem change, restores the config, and leaks no value', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nENV FROM_IMAGE=1\nCMD ["/bin/sh", "-c", "echo serving"]\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo compiled > /app-assets"}}}',
      Procfile: 'release: cat /app-assets\n'
    })
    const secret = 'containerd-store-secret-Vb3'
    const r = await runAction({
      workspace: ws,
      inputs: { tags: 'rp-test/containerd:1\nrp-test/containerd:latest', secrets: 'TOKEN', env: 'MODE=plain-Vb3' },
      env: { DOCKER_HOST: daemon.host, TOKEN: secret }
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^compiled$/m)
    const id = daemon.docker('image', 'inspect', '--format', '{{.Id}}', 'rp-test/containerd:1').trim()
    expect(r.outputs['image-id']).toBe(id)
    expect(daemon.docker('image', 'inspect', '--format', '{{.Id}}', 'rp-test/containerd:latest').trim()).toBe(id)
    // The image built before predeploy is removed once superseded (issue 12): its config is the base
    // image's plus the Dockerfile's ENV and CMD.
    const built = JSON.parse(r.outputs.metadata)['containerimage.digest'] as string
    expect(() => daemon.docker('image', 'inspect', built)).toThrow(/No such image/)
    const base = JSON.parse(daemon.docker('image', 'inspect', '--format', '{{json .Config}}', BASE_IMAGE))
    const before = { ...base, Env: [...base.Env, 'FROM_IMAGE=1'], Cmd: ['/bin/sh', '-c', 'echo serving'] }
    expect(r.stdout).toContain('the engine uses the containerd image store')
    const after = JSON.parse(daemon.docker('image', 'inspect', '--format', '{{json .Config}}', id))
    for (const key of ['Env', 'Entrypoint', 'Cmd', 'WorkingDir', 'User', 'ExposedPorts']) expect(after[key], key).toEqual(before[key])
    expect(after.Labels).toEqual({ ...(before.Labels ?? {}), 'release-phase.predeploy': 'true' })
    expect(daemon.docker('run', '--rm', id, 'cat', '/app-assets').trim()).toBe('compiled')
    expect(daemon.docker('run', '--rm', id).trim()).toBe('serving')
    // Every blob the new manifest names is in the content store (a config-only load, or a save read
    // only up to the manifest and config, must not leave an image that cannot be saved or pushed).
    const saved = path.join(r.runnerTemp, '..', `saved-${Date.now()}.tar`)
    daemon.docker('save', '-o', saved, id)
    expect(fs.statSync(saved).size).toBeGreaterThan(1_000_000)
    fs.rmSync(saved)
    const everything = daemon.docker('image', 'inspect', id) + daemon.docker('history', '--no-trunc', id)
    expect(everything).not.toContain(secret)
    expect(everything).not.toContain('plain-Vb3')
    expect(fs.existsSync(r.runnerTemp)).toBe(true)
  })
})
