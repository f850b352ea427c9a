import { afterAll, expect, it } from 'vitest'
import { DockerCli } from '../../src/docker/cli.js'
import { saveRewriteLoad } from '../../src/commit/commit.js'
import { inspectImage } from '../../src/image/inspect.js'
import { parseTagRef } from '../../src/image/ref.js'
import { BASE_IMAGE, describeEngine, docker, uniqueTag } from '../helpers/engine.js'

describeEngine('predeploy commit rewrite, both archive forms (SPEC 4.3)', () => {
  const made: string[] = []
  afterAll(() => made.forEach(t => docker('image', 'rm', '--force', t)))

  it.each([
    ['config and manifest only (layers already in the engine)', true],
    ['the full archive (the fallback)', false]
  ])('%s', async (_, configOnly) => {
    const cli = new DockerCli()
    const original = (await inspectImage(cli, BASE_IMAGE))!
    const name = `rp-commit-test-${Date.now()}-${configOnly}`
    docker('run', '--name', name, '-e', 'LEAKY=value-Pq9', BASE_IMAGE, 'sh', '-c', 'echo kept > /kept')
    const tmp = docker('commit', name).trim()
    docker('rm', name)
    const tag = uniqueTag('commit')
    made.push(tag, tmp)
    const r = await saveRewriteLoad(cli, tmp, original, [parseTagRef(tag)], 'release-phase predeploy: test', configOnly)
    expect(r.ok).toBe(true)
    expect(docker('image', 'inspect', '--format', '{{.Id}}', tag).trim()).toBe(r.id)
    expect(docker('run', '--rm', tag, 'cat', '/kept').trim()).toBe('kept')
    const inspect = docker('image', 'inspect', tag)
    expect(inspect).not.toContain('value-Pq9')
    expect(JSON.parse(inspect)[0].Config.Env).toEqual(original.env)
  })
})
