import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  BASE_IMAGE,
  REAL_DOCKER,
  noContainerCreated,
  containersOfRun,
  describeEngine,
  docker,
  errorLines,
  makeApp,
  runAction,
  sideEffectCalls
} from '../helpers/engine.js'
import { startRegistry, type Registry } from '../helpers/registry.js'

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json'
const present = (ref: string): boolean => spawnSync(REAL_DOCKER, ['image', 'inspect', ref], { stdio: 'ignore' }).status === 0
const rmi = (...refs: string[]): void => void spawnSync(REAL_DOCKER, ['image', 'rm', ...refs], { stdio: 'ignore' })

/**
 * The hand-off between jobs (issue 10 item 1, SPEC 3 / 6 amendment): a release job pushes and hands
 * over `outputs.image` (repo@sha256:…); later jobs take that exact reference as `image`.
 */
describeEngine('a digest reference handed from job to job', () => {
  let reg: Registry
  let repo: string
  const mine: string[] = []
  /** The release job's outputs, shared by the later "jobs" below. */
  let release: Record<string, string>
  const app = () =>
    makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      Procfile: 'release: echo released-$(cat /predeploy.txt)\n',
      'app.json': '{"scripts":{"dokku":{"predeploy":"echo committed > /predeploy.txt","postdeploy":"echo postdeploy-on-$(cat /predeploy.txt)"}}}'
    })

  beforeAll(async () => {
    reg = await startRegistry()
    repo = `${reg.host}/team/handoff`
  })
  afterAll(() => {
    rmi(...mine)
    reg?.stop()
  })

  it('the release job pushes and outputs repo@digest, the registry’s manifest digest', async () => {
    const r = await runAction({ workspace: app(), inputs: { tags: `${repo}:v1`, push: 'true' }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code, r.stdout).toBe(0)
    const digest = (await reg.get('/v2/team/handoff/manifests/v1', MANIFEST_V2)).headers['docker-content-digest']
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(r.outputs.image).toBe(`${repo}@${digest}`)
    release = r.outputs
    mine.push(`${repo}:v1`, release.image)
  })

  it('a postdeploy job on outputs.image pulls it by digest from a clean engine and runs there', async () => {
    rmi(`${repo}:v1`)
    expect(present(release.image)).toBe(false) // nothing local: the run must pull
    const r = await runAction({ workspace: app(), inputs: { image: release.image, phases: 'postdeploy' }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code, r.stdout).toBe(0)
    expect(r.dockerCalls.filter(c => c[0] === 'pull')).toEqual([['pull', release.image]])
    // The committed image (predeploy's file is in it), the same image id, named by the same digest.
    expect(r.stdout).toMatch(/^postdeploy-on-committed$/m)
    expect(r.outputs['image-id']).toBe(release['image-id'])
    expect(r.outputs.image).toBe(release.image)
    expect(r.outputs.digest).toBe(release.digest)
    expect(r.outputs.tags).toBe('')
    expect(r.dockerCalls.some(c => c[0] === 'push' || c[0] === 'tag' || c[0] === 'buildx')).toBe(false)
    expect(r.outputs.released).toBe('true')
  })

  it('runs on a local image found by its digest without pulling', async () => {
    expect(present(release.image)).toBe(true)
    const r = await runAction({ workspace: app(), inputs: { image: release.image, phases: 'postdeploy' }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code, r.stdout).toBe(0)
    expect(r.dockerCalls.some(c => c[0] === 'pull')).toBe(false)
    expect(r.stdout).toMatch(/^postdeploy-on-committed$/m)
  })

  it('a digest the registry does not have fails with a clear error before any container', async () => {
    const wrong = `${repo}@sha256:${'0'.repeat(64)}`
    const since = Date.now()
    const r = await runAction({ workspace: app(), inputs: { image: wrong, phases: 'postdeploy' }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      new RegExp(
        `^::error::image: docker pull ${wrong} failed: .*(manifest unknown|not found).*; the registry has no image with that digest in ${repo}: pass a registry manifest digest`
      )
    )
    noContainerCreated(r, since)
    expect(sideEffectCalls(r.dockerCalls).map(c => c[0])).toEqual(['pull'])
    expect(r.outputs.released).toBe('false')
    // This run's own containers only: other suites share the engine.
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('an image id passed as the digest fails with a hint, never runs the local image of that id', async () => {
    // Some engines resolve repo@sha256:<image id> to the local image of that id (Docker 20.10 here does
    // not); either way only a RepoDigests entry proves the manifest (unit-tested in prebuilt.test.ts).
    const byId = `${repo}@${release['image-id']}`
    const since = Date.now()
    const r = await runAction({ workspace: app(), inputs: { image: byId, phases: 'postdeploy' }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toHaveLength(1)
    expect(errorLines(r.stdout)[0]).toMatch(new RegExp(`^::error::image: docker pull ${byId} failed: .*not an image id$`))
    noContainerCreated(r, since)
    expect(r.stdout).not.toMatch(/^postdeploy-on-committed$/m)
  })

  it('promotes the released image under new tags without a rebuild: same manifest digest', async () => {
    rmi(release.image)
    const tags = `${repo}:prod\n${reg.host}/team/live:prod`
    const r = await runAction({
      workspace: app(),
      inputs: { image: release.image, tags, push: 'true', phases: 'release' },
      env: { DOCKER_CONFIG: reg.dockerConfig }
    })
    mine.push(`${repo}:prod`, `${reg.host}/team/live:prod`)
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toMatch(/^released-committed$/m)
    // No rebuild (a look at the registry manifest, to promote an index registry-side, is no build).
    expect(r.dockerCalls.some(c => c[0] === 'buildx' && c[1] === 'build')).toBe(false)
    // An unchanged image keeps its digest: the registry's prod tags point at the very manifest released.
    expect(r.outputs.digest).toBe(release.digest)
    expect(r.outputs.image).toBe(`${repo}@${release.digest}`)
    expect((await reg.get('/v2/team/handoff/manifests/prod', MANIFEST_V2)).headers['docker-content-digest']).toBe(release.digest)
    expect((await reg.get('/v2/team/live/manifests/prod', MANIFEST_V2)).headers['docker-content-digest']).toBe(release.digest)
    expect(r.outputs.tags).toBe(tags)
    expect(r.stdout).not.toContain('::warning::')
  })

  it('a tag+digest reference is pulled by its digest', async () => {
    rmi(release.image, `${repo}:prod`, `${reg.host}/team/live:prod`)
    const tagged = `${repo}:v1@${release.digest}`
    const r = await runAction({ workspace: app(), inputs: { image: tagged, phases: 'postdeploy' }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code, r.stdout).toBe(0)
    expect(r.dockerCalls.filter(c => c[0] === 'pull')).toEqual([['pull', release.image]])
    expect(r.outputs.image).toBe(release.image)
  })

  it.each([
    [
      'push with no tags',
      { push: 'true', phases: 'release' },
      /^::error::push: image .* is a digest reference: it is already in its registry and a digest cannot be pushed to; give tags/
    ],
    [
      'predeploy with no tags',
      { phases: 'predeploy,release' },
      /^::error::image: .* is a digest reference and predeploy would commit a new image under no name/
    ],
    [
      'a digest in tags',
      { tags: 'TAGS_DIGEST', phases: 'release' },
      /^::error::tags: ".*@sha256:.*" is not a valid image reference: a tag cannot carry a digest/
    ]
  ])('%s is refused before any Docker side effect', async (_, inputs, error) => {
    const withDigest = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v === 'TAGS_DIGEST' ? release.image : v]))
    const r = await runAction({ workspace: app(), inputs: { image: release.image, ...withDigest }, env: { DOCKER_CONFIG: reg.dockerConfig } })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(error)
    expect(sideEffectCalls(r.dockerCalls)).toEqual([])
    expect(r.outputs.released).toBe('false')
  })

  it('a dry run on a digest reference pulls nothing and names the digest', async () => {
    const r = await runAction({
      workspace: app(),
      inputs: { image: release.image, phases: 'postdeploy', 'dry-run': 'true' },
      env: { DOCKER_CONFIG: reg.dockerConfig }
    })
    expect(r.code, r.stdout).toBe(0)
    expect(sideEffectCalls(r.dockerCalls)).toEqual([])
    expect(r.outputs.image).toBe(release.image)
    expect(JSON.parse(r.outputs.plan).tags).toEqual([])
  })

  it('cleans up after itself', () => {
    rmi(...mine)
    expect(docker('image', 'ls', '-q', `${repo}`).trim()).toBe('')
  })
})
