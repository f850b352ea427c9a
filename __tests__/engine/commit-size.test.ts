import { spawn } from 'node:child_process'
import { afterAll, expect, it } from 'vitest'
import { BASE_IMAGE, REAL_DOCKER, describeEngine, docker, imageConfig, makeApp, runAction, uniqueTag } from '../helpers/engine.js'

/** True when `needle` occurs anywhere in the output of `docker <args>` (streamed: the archive is large). */
function streamContains(args: string[], needle: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(REAL_DOCKER, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    const target = Buffer.from(needle)
    let carry = Buffer.alloc(0)
    let found = false
    child.stdout.on('data', (b: Buffer) => {
      const chunk = Buffer.concat([carry, b])
      if (chunk.includes(target)) found = true
      carry = chunk.subarray(Math.max(0, chunk.length - target.length + 1))
    })
    child.on('error', reject)
    child.on('close', code => (code === 0 ? resolve(found) : reject(new Error(`docker ${args.join(' ')} exited ${code}`))))
  })
}

describeEngine('the predeploy commit of a large image reads no layer (issue 12)', () => {
  const made: string[] = []
  afterAll(() => made.forEach(t => docker('image', 'rm', '--force', t)))

  it('takes the config-only path, keeps the change, restores the config, leaks nothing, removes the build', async () => {
    const ws = makeApp({
      // 240 MiB of incompressible layer: reading it would show in the time and the log.
      Dockerfile: `FROM ${BASE_IMAGE}\nRUN dd if=/dev/urandom of=/big bs=1M count=240 2>/dev/null\nENV FROM_IMAGE=1\nWORKDIR /srv\nCMD ["/bin/sh", "-c", "echo serving"]\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo compiled > /srv/assets && echo \\"$TOKEN $MODE\\" | wc -c"}}}',
      Procfile: 'release: cat /srv/assets\n'
    })
    const witness = uniqueTag('large-built')
    made.push(witness)
    docker('buildx', 'build', '--load', '-q', '-t', witness, ws) // the same build, under the test's tag
    const t = uniqueTag('large')
    made.push(t)
    const secret = 'large-image-secret-Hx4'
    const r = await runAction({ workspace: ws, inputs: { tags: t, secrets: 'TOKEN', env: 'MODE=plain-Hx4' }, env: { TOKEN: secret } })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^predeploy commit: config-only/m)
    expect(r.stdout).not.toContain('rewriting the saved image instead')
    expect(r.stdout).toMatch(/^compiled$/m)
    const id = docker('image', 'inspect', '--format', '{{.Id}}', t).trim()
    expect(r.outputs['image-id']).toBe(id)
    const before = imageConfig(witness)
    const after = imageConfig(t)
    expect(after).toEqual({ ...before, Labels: { ...((before.Labels as object) ?? {}), 'release-phase.predeploy': 'true' } })
    expect(docker('run', '--rm', t, 'cat', '/srv/assets').trim()).toBe('compiled')
    expect(docker('run', '--rm', t, 'wc', '-c', '/big').trim()).toBe('251658240 /big')
    const history = docker('history', '--no-trunc', t)
    expect(history).toContain('release-phase predeploy: echo compiled')
    for (const value of [secret, 'plain-Hx4']) {
      expect(docker('image', 'inspect', t) + history).not.toContain(value)
      expect(await streamContains(['save', t], value), `docker save holds ${value}`).toBe(false)
    }
    // The image as built is gone unless the witness tag holds it (the same build cache gives the same id).
    const built = JSON.parse(r.outputs.metadata)['containerimage.digest'] as string
    const witnessId = docker('image', 'inspect', '--format', '{{.Id}}', witness).trim()
    if (built !== witnessId) expect(() => docker('image', 'inspect', built)).toThrow(/No such image/)
    else expect(r.stdout).toContain(`kept the image built before predeploy (${built}): it is still tagged`)
  })

  it('never removes a pre-built `image:` the user gave, even when its only tag moved to the commit', async () => {
    const given = uniqueTag('given')
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nLABEL unique=${given}\n`, 'app.json': '{"scripts":{"dokku":{"predeploy":"touch /given"}}}' })
    docker('buildx', 'build', '--load', '-q', '-t', given, ws)
    made.push(given)
    const originalId = docker('image', 'inspect', '--format', '{{.Id}}', given).trim()
    const r = await runAction({ workspace: ws, inputs: { image: given, phases: 'predeploy' } })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(docker('image', 'inspect', '--format', '{{.Id}}', given).trim()).toBe(r.outputs['image-id'])
    expect(docker('image', 'inspect', '--format', '{{.Id}}', originalId).trim()).toBe(originalId)
    made.push(originalId)
  })
})
