import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, docker, imageConfig, makeApp, runAction, uniqueTag } from '../helpers/engine.js'

/**
 * Issue 24: with a Docker context other than `default` (a self-hosted runner's CLI, or DOCKER_HOST=ssh://),
 * the Engine API goes through the CLI (`docker system dial-stdio`, `docker load`, `docker cp`), never the local socket. Through the bundle: its dynamic import of node:stream once lost
 * `Readable`, and every predeploy crashed with "Cannot read properties of undefined (reading 'from')".
 */
describeEngine('a non-default Docker context: the CLI path of every engine call, through the bundle', () => {
  const context = `rp-test-ctx-${process.pid}`
  const tags: string[] = []
  beforeAll(() => {
    docker('context', 'create', context, '--docker', 'host=unix:///var/run/docker.sock')
  })
  afterAll(() => {
    for (const t of tags) docker('image', 'rm', '--force', t)
    docker('context', 'rm', '--force', context)
  })

  it("commits predeploy (config-only load through `docker load`), scans its files through the Engine API's change list and `docker cp`, releases", async () => {
    const tag = uniqueTag('context')
    tags.push(tag)
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nENV KEEP=1\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"mkdir -p /app && echo built > /app/asset.css"}}}',
      Procfile: 'release: cat /app/asset.css\n'
    })
    const r = await runAction({
      workspace: ws,
      inputs: { tags: tag, secrets: 'DATABASE_URL' },
      env: { DOCKER_CONTEXT: context, DATABASE_URL: 'postgres://u:ctx-secret-Yq81@db/app' }
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).not.toMatch(/unexpected failure/)
    expect(r.stdout).toMatch(/^predeploy: what the task wrote holds no secret \(1 changed path, \d+ KiB read back\)$/m)
    expect(r.stdout).toMatch(/^built$/m)
    expect(r.outputs.released).toBe('true')
    // The engine calls went through the CLI: no local-socket shortcut was taken.
    const subcommands = r.dockerCalls.map(c => c.slice(0, 2).join(' '))
    expect(subcommands).toEqual(expect.arrayContaining(['load --quiet', 'system dial-stdio']))
    expect(r.dockerCalls.filter(c => c[0] === 'cp').map(c => c[2])).toEqual(['-'])
    expect(imageConfig(r.outputs['image-id']).Env).toEqual(expect.arrayContaining(['KEEP=1']))
    expect(JSON.stringify(imageConfig(r.outputs['image-id']))).not.toContain('ctx-secret-Yq81')
  })

  it('a secret the predeploy wrote is found through the CLI path too', async () => {
    const tag = uniqueTag('context-secret')
    tags.push(tag)
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"mkdir -p /app/tmp && env > /app/tmp/env.txt"}}}',
      Procfile: 'release: true\n'
    })
    const r = await runAction({
      workspace: ws,
      inputs: { tags: tag, secrets: 'DATABASE_URL' },
      env: { DOCKER_CONTEXT: context, DATABASE_URL: 'postgres://u:ctx-secret-Yq81@db/app' }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^::error::predeploy wrote the value of DATABASE_URL into \/app\/tmp\/env\.txt;/m)
    expect(r.dockerCalls.filter(c => c[0] === 'push' || c[0] === 'load')).toEqual([])
  })

  it('a file name with a line break cannot pass for two clean ones (the change list is JSON, not docker diff lines)', async () => {
    const tag = uniqueTag('context-newline')
    tags.push(tag)
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nRUN mkdir -p /app\nCOPY predeploy.sh /predeploy.sh\n`,
      // `docker diff` prints the secret file "/app/x<newline>z" as "A /app/x" and "z": it was never read.
      'predeploy.sh': 'echo clean > /app/x; env > "$(printf \'/app/x\\nz\')"\n',
      'app.json': '{"scripts":{"dokku":{"predeploy":"sh /predeploy.sh"}}}',
      Procfile: 'release: true\n'
    })
    const r = await runAction({
      workspace: ws,
      inputs: { tags: tag, secrets: 'DATABASE_URL' },
      env: { DOCKER_CONTEXT: context, DATABASE_URL: 'postgres://u:ctx-secret-Yq81@db/app' }
    })
    expect(r.code, r.stdout).toBe(1)
    expect(r.stdout).toMatch(/^::error::predeploy wrote the value of DATABASE_URL into \/app\/x%0Az;/m)
    expect(r.dockerCalls.filter(c => c[0] === 'push' || c[0] === 'load')).toEqual([])
  })
})
