import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, makeApp, runAction, uniqueTag } from '../helpers/engine.js'
import { containerdEngineBin } from '../helpers/daemon.js'
import { startRemoteHost, type RemoteHost } from '../helpers/remote-host.js'

const MiB = 1 << 20

/**
 * Issue 24, item 3: on a remote engine the predeploy commit of a 1 GiB image moves no layer over the
 * network, on both image stores. Measured where it would show: the bytes that cross the link to the
 * host for the whole run (a `docker save`/`docker load` fallback would move the image twice).
 */
describeEngine.each([
  { store: 'classic', config: undefined as object | undefined, bin: undefined as string | undefined },
  { store: 'containerd', config: { features: { 'containerd-snapshotter': true } }, bin: 'containerd' }
])('a 1 GiB predeploy commit on a remote host over SSH ($store image store)', ({ config, bin }) => {
  let host: RemoteHost
  beforeAll(async () => {
    const path = bin ? containerdEngineBin() : undefined
    if (bin && !path) throw new Error('the containerd-store engine could not be had (scripts/containerd-engine.sh)')
    host = await startRemoteHost({ config, bin: path })
  }, 300_000)
  afterAll(() => host?.stop())

  it('is config-only: the run moves a few MiB over the link, not the image', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nRUN dd if=/dev/urandom of=/big bs=1M count=1024 2>/dev/null\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo compiled > /assets"}}}',
      Procfile: 'release: cat /assets && wc -c < /big\n'
    })
    const before = host.linkBytes()
    const r = await runAction({
      workspace: ws,
      inputs: { 'docker-host': host.url, 'docker-known-hosts': host.knownHosts, 'docker-ssh-key': 'DEPLOY_KEY', tags: uniqueTag('remote-gib') },
      env: { DEPLOY_KEY: host.clientKey }
    })
    expect(r.code, r.output).toBe(0)
    expect(r.stdout).toMatch(/^predeploy commit: config-only/m)
    expect(r.stdout).not.toContain('rewriting the saved image instead')
    expect(r.stdout).toMatch(/^compiled\n1073741824$/m)
    const moved = host.linkBytes() - before
    expect(moved, `${(moved / MiB).toFixed(1)} MiB crossed the link`).toBeLessThan(16 * MiB)
  }, 600_000)
})
