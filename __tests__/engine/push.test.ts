import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, docker, errorLines, makeApp, runAction, sideEffectCalls } from '../helpers/engine.js'
import { startFakeGitHub, startRegistry, type Registry } from '../helpers/registry.js'

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json'

describeEngine('push after a passing release (SPEC 6)', () => {
  let reg: Registry
  beforeAll(async () => {
    reg = await startRegistry()
  })
  afterAll(() => reg?.stop())

  it('pushes every tag only after the phases passed; digest and image match the registry', async () => {
    const repo = `${reg.host}/team/app`
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo built > /predeploy.txt"}}}',
      Procfile: 'release: cat /predeploy.txt\n'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: `${repo}:v1\n${repo}:latest`, push: 'true' }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code, r.stdout).toBe(0)
    const manifest = await reg.get('/v2/team/app/manifests/v1', MANIFEST_V2)
    expect(manifest.status).toBe(200)
    const registryDigest = manifest.headers['docker-content-digest']
    expect(r.outputs.digest).toBe(registryDigest)
    expect(r.outputs.image).toBe(`${repo}@${registryDigest}`)
    expect((await reg.get('/v2/team/app/manifests/latest', MANIFEST_V2)).headers['docker-content-digest']).toBe(registryDigest)
    expect(r.outputs.released).toBe('true')
    // The pushed config is the committed one: its digest is the image id after predeploy.
    expect(JSON.parse(manifest.body).config.digest).toBe(r.outputs['image-id'])
    // Push comes last: after the release task.
    const order = r.dockerCalls.map(c => c[0])
    expect(order.lastIndexOf('start')).toBeLessThan(order.indexOf('push'))
    // The deploy job can run exactly that reference.
    docker('image', 'rm', `${repo}:v1`, `${repo}:latest`)
    expect(JSON.stringify(r.outputs)).not.toContain(reg.password)
  })

  it('pushes nothing when the release fails', async () => {
    const repo = `${reg.host}/team/failing`
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: exit 1\n' })
    const r = await runAction({ workspace: ws, inputs: { tags: `${repo}:v1`, push: 'true' }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code).toBe(1)
    expect(r.outputs.digest).toBe('')
    // No tag names the image whose release failed (issue 33), so no image is claimed.
    expect(r.outputs.image).toBe('')
    expect(r.outputs.tags).toBe(`${repo}:v1`)
    expect(r.dockerCalls.some(c => c[0] === 'push' || c[0] === 'tag')).toBe(false)
    expect((await reg.get('/v2/team/failing/manifests/v1', MANIFEST_V2)).status).toBe(404)
    expect((await reg.get('/v2/team/failing/tags/list')).status).toBe(404)
  })

  it('a wrong password fails with the registry’s message', async () => {
    const config = fs.mkdtempSync(path.join(reg.dockerConfig, '..', 'wrong-'))
    fs.writeFileSync(
      path.join(config, 'config.json'),
      JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from(`${reg.user}:not-the-password`).toString('base64') } } })
    )
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: true\n' })
    const r = await runAction({ workspace: ws, inputs: { tags: `${reg.host}/team/denied:v1`, push: 'true' }, env: { DOCKER_CONFIG: config } })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(new RegExp(`^::error::docker push ${reg.host}/team/denied:v1 failed: .*(unauthorized|authentication required)`))
    expect(r.outputs.released).toBe('false')
    expect((await reg.get('/v2/team/denied/manifests/v1', MANIFEST_V2)).status).toBe(404)
  })

  it('retags and pushes a pre-built image without building', async () => {
    const ws = makeApp({ Procfile: 'release: echo checked\n' })
    const r = await runAction({
      workspace: ws,
      inputs: { image: BASE_IMAGE, phases: 'release', tags: `${reg.host}/team/prebuilt:v2`, push: 'true' },
      env: { DOCKER_CONFIG: reg.dockerConfig }
    })
    expect(r.code, r.stdout).toBe(0)
    expect(r.dockerCalls.some(c => c[0] === 'buildx')).toBe(false)
    const digest = (await reg.get('/v2/team/prebuilt/manifests/v2', MANIFEST_V2)).headers['docker-content-digest']
    expect(r.outputs.image).toBe(`${reg.host}/team/prebuilt@${digest}`)
  })

  it('pulls a pre-built image that is not local and names it by its registry digest', async () => {
    const ref = `${reg.host}/team/prebuilt:v2`
    docker('image', 'rm', ref)
    const r = await runAction({
      workspace: makeApp({ Procfile: 'release: echo pulled-and-checked\n' }),
      inputs: { image: ref, phases: 'release' },
      env: { DOCKER_CONFIG: reg.dockerConfig }
    })
    expect(r.code, r.stdout).toBe(0)
    expect(r.dockerCalls.some(c => c[0] === 'pull' && c[1] === ref)).toBe(true)
    expect(r.stdout).toMatch(/^pulled-and-checked$/m)
    const digest = (await reg.get('/v2/team/prebuilt/manifests/v2', MANIFEST_V2)).headers['docker-content-digest']
    expect(r.outputs.digest).toBe(digest)
    expect(r.outputs.image).toBe(`${reg.host}/team/prebuilt@${digest}`)
    expect(r.outputs['image-id']).toBe(docker('image', 'inspect', '--format', '{{.Id}}', ref).trim())
  })
})

describeEngine('first deploy (SPEC 7) against a loopback GitHub API', () => {
  const app = () =>
    makeApp({ Procfile: 'release: true\n', 'app.json': '{"scripts":{"postdeploy":"echo seeding-first-deploy","dokku":{"postdeploy":"echo every-deploy"}}}' })
  const run = (url: string) =>
    runAction({
      workspace: app(),
      inputs: { image: BASE_IMAGE, phases: 'postdeploy,first-deploy', environment: 'production', 'github-token': 'ghs_fake-token-123' },
      env: { GITHUB_API_URL: url, GITHUB_REPOSITORY: 'acme/web' }
    })

  it.each([
    ['no deployments', true, [] as { id: number; statuses: string[] }[]],
    ['one successful', false, [{ id: 1, statuses: ['in_progress', 'success'] }]],
    [
      'only failed ones',
      true,
      [
        { id: 1, statuses: ['failure'] },
        { id: 2, statuses: ['error', 'inactive'] }
      ]
    ]
  ])('%s → first deploy: %s', async (_, first, deployments) => {
    const gh = await startFakeGitHub(deployments)
    try {
      const r = await run(gh.url)
      expect(r.code, r.stdout).toBe(0)
      expect(r.outputs['first-deploy']).toBe(String(first))
      expect(r.stdout).toMatch(/^every-deploy$/m)
      expect(/^seeding-first-deploy$/m.test(r.stdout)).toBe(first)
      const statuses = JSON.parse(r.outputs.phases).map((p: { phase: string; status: string }) => `${p.phase}:${p.status}`)
      expect(statuses).toEqual(['postdeploy:succeeded', `first-deploy:${first ? 'succeeded' : 'skipped'}`])
      expect(gh.requests[0]).toMatch(/^GET \/repos\/acme\/web\/deployments\?environment=production.* auth=token ghs_fake-token-123$/)
      const withoutMasks = r.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
      expect(r.stdout).toContain('::add-mask::ghs_fake-token-123')
      expect(withoutMasks + JSON.stringify(r.outputs) + r.summary).not.toContain('ghs_fake-token-123')
    } finally {
      gh.stop()
    }
  })

  it('an API failure fails the step with the API message, before any Docker side effect', async () => {
    const gh = await startFakeGitHub({ status: 403, message: 'Resource not accessible by integration' })
    try {
      const r = await run(gh.url)
      expect(r.code).toBe(1)
      expect(errorLines(r.stdout)).toEqual([
        '::error::first-deploy: the GitHub API refused to list deployments of "production" (HTTP 403): Resource not accessible by integration - https://docs.github.com/rest'
      ])
      expect(sideEffectCalls(r.dockerCalls)).toEqual([])
      expect(r.outputs.released).toBe('false')
    } finally {
      gh.stop()
    }
  })
})
