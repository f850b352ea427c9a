import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, REAL_DOCKER, describeEngine, docker, imageConfig, imagesOfRun, makeApp, runAction, uniqueTag } from '../helpers/engine.js'

describeEngine('the run label on the temporary predeploy commit (SPEC 11, post)', () => {
  const tags: string[] = []
  // Through a Docker context, every engine call is a docker process, so the shim below sees the commit
  // and the removal (on the default socket they go to the engine's API, which no shim can stop at).
  const context = `rp-test-post-${process.pid}`
  beforeAll(() => void docker('context', 'create', context, '--docker', 'host=unix:///var/run/docker.sock'))
  afterAll(() => {
    tags.forEach(t => spawnRm(t))
    docker('context', 'rm', '--force', context)
  })

  it('a runner killed right after docker commit: the post step removes the commit image, which held the values', async () => {
    const secret = 'commit-secret-Hq3v'
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo kept > /kept"}}}',
      Procfile: 'release: true\n'
    })
    // A docker on PATH that SIGKILLs the action (its parent) the moment the temporary commit exists:
    // right after `docker commit` returns, or (when the commit goes over the engine's socket) as the
    // action starts to remove the temporary image. The worst moment, deterministically, not a poll.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-killshim-'))
    fs.writeFileSync(
      path.join(bin, 'docker'),
      `#!/bin/sh\nif [ "$1 $2" = 'image rm' ]; then kill -9 $PPID; exit 1; fi\n'${REAL_DOCKER}' "$@"\nrc=$?\nif [ "$1" = commit ]; then kill -9 $PPID; fi\nexit $rc\n`,
      { mode: 0o755 }
    )
    const tag = uniqueTag('killed-after-commit')
    tags.push(tag)
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
    const r = await runAction({
      workspace: ws,
      runnerTemp,
      path: `${bin}:${process.env.PATH}`,
      inputs: { tags: tag, secrets: 'TOKEN' },
      env: { TOKEN: secret, DOCKER_CONTEXT: context }
    })
    expect(r.signal).toBe('SIGKILL')
    const runId = r.state['run-id']
    expect(runId).toMatch(/^[0-9a-f]{12}$/)
    // The leftover: an image whose config holds the task's value (what the post step must remove).
    const left = imagesOfRun(runId)
    expect(left).toHaveLength(1)
    expect(docker('image', 'inspect', left[0])).toContain(secret)

    const post = await runAction({ workspace: ws, env: { DOCKER_CONTEXT: context }, post: { state: r.state, runnerTemp } })
    expect(post.code, post.stdout).toBe(0)
    expect(post.stdout).toMatch(/release-phase cleanup removed: .*image sha256:[0-9a-f]{64}/)
    expect(imagesOfRun(runId)).toEqual([])
    expect(docker('ps', '-a', '-q', '--filter', `label=release-phase.run=${runId}`).trim()).toBe('')
    expect(fs.readdirSync(runnerTemp)).toEqual([])
  })

  it('a finished run: the clean image carries the predeploy label but not the run label, and no run image is left', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nLABEL app.owner=team\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo kept > /kept"}}}',
      Procfile: 'release: cat /kept\n'
    })
    const tag = uniqueTag('run-label')
    tags.push(tag)
    const r = await runAction({ workspace: ws, inputs: { tags: tag } })
    expect(r.code, r.stdout).toBe(0)
    const labels = imageConfig(tag).Labels as Record<string, string>
    expect(labels).toEqual({ 'app.owner': 'team', 'release-phase.predeploy': 'true' })
    expect(imagesOfRun(r.state['run-id'])).toEqual([])
  })
})

function spawnRm(t: string): void {
  try {
    docker('image', 'rm', '--force', t)
  } catch {
    // not there
  }
}
