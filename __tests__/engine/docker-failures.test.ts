import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { BASE_IMAGE, REAL_DOCKER, describeEngine, errorLines, makeApp, runAction, whenLine } from '../helpers/engine.js'
import { startPrivateDaemon, type PrivateDaemon } from '../helpers/daemon.js'

const app = () => makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo never-runs\n' })

describeEngine('Docker failures end the step quickly with one clear error (SPEC 9)', () => {
  it('docker CLI missing', async () => {
    const r = await runAction({ workspace: app(), path: '/nonexistent' })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual(['::error::the docker CLI was not found on PATH; install Docker (on GitHub-hosted Ubuntu runners it is preinstalled)'])
    expect(r.stdout + r.stderr).not.toMatch(/\bat .*\.js:\d+/) // no stack trace
  })

  it('daemon unreachable', async () => {
    const r = await runAction({ workspace: app(), env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::cannot reach the Docker daemon \(.+\); start it, or set DOCKER_HOST to a reachable engine$/)
  })

  it('buildx missing', async () => {
    // A docker that answers everything but has no buildx plugin, as on a bare engine install.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-nobuildx-'))
    fs.writeFileSync(
      path.join(bin, 'docker'),
      `#!/bin/sh\nif [ "$1" = buildx ]; then echo "docker: 'buildx' is not a docker command." >&2; exit 1; fi\nexec '${REAL_DOCKER}' "$@"\n`,
      { mode: 0o755 }
    )
    const r = await runAction({ workspace: app(), path: `${bin}:/usr/bin:/bin` })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([
      '::error::docker buildx is not installed; set the buildx-version input (e.g. 0.13.1) to install it, or use docker/setup-buildx-action before this step'
    ])
  })
})

/** A second, private daemon that the test may kill without touching the one the other tests use. */
describeEngine('the daemon dying during a task', () => {
  let daemon: PrivateDaemon | undefined
  afterAll(() => daemon?.stop())

  it('fails the step within 30 s, never hangs or succeeds', async () => {
    daemon = await startPrivateDaemon()
    const sock = daemon.host
    const ws = makeApp({ Procfile: 'release: echo task-started; sleep 600\n' })
    let killedAt = 0
    const r = await runAction({
      workspace: ws,
      inputs: { image: BASE_IMAGE, phases: 'release' },
      env: { DOCKER_HOST: sock },
      onStart: whenLine(/task-started/, () => {
        killedAt = Date.now()
        daemon!.process.kill('SIGKILL')
      })
    })
    expect(killedAt).toBeGreaterThan(0)
    expect((Date.now() - killedAt) / 1000).toBeLessThan(30)
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::release task: lost the Docker engine while it ran/)
    expect(r.outputs.released).toBe('false')
    // The engine the other tests use is untouched (networking included).
    expect(execFileSync(REAL_DOCKER, ['run', '--rm', BASE_IMAGE, 'echo', 'main-engine-ok']).toString().trim()).toBe('main-engine-ok')
  })
})
