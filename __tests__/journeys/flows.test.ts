import { afterAll, beforeAll, expect, it } from 'vitest'
import { workflow } from './catalog.js'
import { playWorkflow, type RunRecord } from './player/workflow.js'
import { fixtureCopy, startWorld, type World } from './player/world.js'
import { describeEngine } from '../helpers/engine.js'
import { DATABASE_URL, DIGEST_REF, expectGreen, lines, printOnFailure, stepsRunning } from './expect-run.js'

/**
 * The two gated flows of docs/workflows.md (issue #10 items 2-4): the release runs only in a job
 * that names the production environment, with that environment's secret; the deploy job deploys the
 * pushed digest and runs postdeploy on it; scripts.postdeploy runs on the first deploy only.
 */
describeEngine('flow a: one gated job', () => {
  let w: World
  let first: RunRecord
  let second: RunRecord
  beforeAll(async () => {
    w = await startWorld({ fixture: fixtureCopy('web'), environments: { production: { DATABASE_URL } } })
    first = await playWorkflow(workflow('gatedJob').content, w, 'flow a, run 1')
    second = await playWorkflow(workflow('gatedJob').content, w, 'flow a, run 2')
  })
  afterAll(() => w?.stop())

  it('runs every job green, twice', () => {
    expectGreen(first)
    expectGreen(second)
  })

  it('runs the release task only inside the production environment, with its secret', () => {
    const release = stepsRunning(first, 'release')
    expect(
      release.map(s => s.job.environment),
      printOnFailure(first)
    ).toEqual(['production'])
    expect(lines(release[0].stdout, /^release: /)).toEqual(['release: assets from predeploy: yes', 'release: migrated db.production.internal/app'])
  })

  it('pushes, and the deploy job deploys exactly outputs.image, a digest reference', async () => {
    const image = first.jobs.release.outputs.image
    expect(image, printOnFailure(first)).toMatch(DIGEST_REF)
    const [name, digest] = image.split('@')
    expect(
      (await w.registry.get(`/v2/${name.slice(w.registry.host.length + 1)}/manifests/${digest}`, 'application/vnd.docker.distribution.manifest.v2+json')).status
    ).toBe(200)
    expect(first.jobs.deploy.steps[0].stdout.trim()).toBe(`deploying ${image}`)
  })

  it('runs postdeploy on the pushed digest, in the deploy job', () => {
    const post = stepsRunning(first, 'postdeploy')
    expect(
      post.map(s => [s.job.id, s.inputs.image]),
      printOnFailure(first)
    ).toEqual([['deploy', first.jobs.release.outputs.image]])
    expect(post[0].ok, printOnFailure(first)).toBe(true)
    expect(lines(post[0].stdout, /^postdeploy: /)).toEqual(['postdeploy: ran against db.production.internal/app'])
  })

  it('fires the first deploy exactly once across two runs, though each run creates production deployments before asking', () => {
    const created = w.api.deployments.map(d => [d.runId, d.environment, d.statuses.at(-1)!.state])
    expect(created).toEqual([
      [first.runId, 'production', 'success'],
      [first.runId, 'production', 'success'],
      [second.runId, 'production', 'success'],
      [second.runId, 'production', 'success']
    ])
    const seeded = [first, second].map(r => r.actionSteps().flatMap(s => lines(s.stdout, /^first-deploy: seeding the database$/)).length)
    expect(seeded, printOnFailure(first) + printOnFailure(second)).toEqual([1, 0])
    expect([first, second].map(r => stepsRunning(r, 'first-deploy')[0]?.outputs['first-deploy'])).toEqual(['true', 'false'])
  })
})

describeEngine('flow a without the environment secret', () => {
  let w: World
  let run: RunRecord
  beforeAll(async () => {
    w = await startWorld({ fixture: fixtureCopy('web'), environments: { staging: { DATABASE_URL } } })
    run = await playWorkflow(workflow('gatedJob').content, w, 'flow a, secret only in staging')
  })
  afterAll(() => w?.stop())

  it('fails the release: the production DATABASE_URL exists only in the production environment', async () => {
    expect(run.jobs.release.result, printOnFailure(run)).toBe('failure')
    expect(run.jobs.deploy).toBeUndefined()
    expect(run.log.join('\n')).not.toContain('release: migrated')
    expect(JSON.parse((await w.registry.get('/v2/_catalog')).body).repositories).toEqual([])
  })

  it('says so before the build, naming the variable (SPEC 11, 5.1: an unset repository secret expands to "")', () => {
    const [release] = stepsRunning(run, 'release')
    expect(release.stdout, printOnFailure(run)).toMatch(/^::error::.*DATABASE_URL/m)
    expect(release.stdout).not.toMatch(/^Running release task/m)
  })
})

describeEngine('flow b: build, then approve, then release', () => {
  let w: World
  let run: RunRecord
  beforeAll(async () => {
    w = await startWorld({ fixture: fixtureCopy('web'), environments: { production: { DATABASE_URL } } })
    run = await playWorkflow(workflow('buildApproveRelease').content, w, 'flow b')
  })
  afterAll(() => w?.stop())

  it('runs every job green', () => expectGreen(run))

  it('builds and pushes the candidate by digest outside the environment, with no production secret', () => {
    expect(run.jobs.build.environment).toBeUndefined()
    const build = stepsRunning(run, 'predeploy')
    expect(build.map(s => [s.job.id, s.inputs.phases, s.inputs.secrets])).toEqual([['build', 'predeploy', '']])
    expect(build[0].stdout).toMatch(/^predeploy: assets compiled$/m)
    expect(run.jobs.build.outputs.image, printOnFailure(run)).toMatch(DIGEST_REF)
  })

  it('runs only the release, in the production environment, on that digest, and promotes it without a rebuild', async () => {
    const candidate = run.jobs.build.outputs.image
    const release = stepsRunning(run, 'release')
    expect(
      release.map(s => [s.job.id, s.job.environment, s.inputs.image]),
      printOnFailure(run)
    ).toEqual([['release', 'production', candidate]])
    expect(lines(release[0].stdout, /^release: /)).toEqual(['release: assets from predeploy: yes', 'release: migrated db.production.internal/app'])
    const [name, digest] = candidate.split('@')
    const tag = await w.registry.get(
      `/v2/${name.slice(w.registry.host.length + 1)}/manifests/production`,
      'application/vnd.docker.distribution.manifest.v2+json'
    )
    expect(tag.headers['docker-content-digest']).toBe(digest)
    expect(run.jobs.release.outputs.image).toBe(candidate)
  })

  it('deploys the promoted digest and runs postdeploy and the first deploy on it', () => {
    const post = stepsRunning(run, 'postdeploy')
    expect(
      post.map(s => [s.job.id, s.inputs.image, s.ok]),
      printOnFailure(run)
    ).toEqual([['deploy', run.jobs.release.outputs.image, true]])
    expect(post[0].stdout).toMatch(/^postdeploy: ran against db\.production\.internal\/app$/m)
    expect(post[0].stdout).toMatch(/^first-deploy: seeding the database$/m)
  })
})

describeEngine('flow a, as a user who forgot actions/checkout in the release job', () => {
  it('fails the release step with an error that names the fix, and pushes nothing (issue #10: no silent success)', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web'), environments: { production: { DATABASE_URL } } })
    try {
      const doc = workflow('gatedJob').content
      const forgot = doc.replace('    steps:\n      - uses: actions/checkout@v6\n        with:\n          persist-credentials: false\n', '    steps:\n')
      expect(forgot).not.toBe(doc)
      const run = await playWorkflow(forgot, w, 'flow a without checkout in the release job')
      expect(run.jobs.release.result, printOnFailure(run)).toBe('failure')
      const [release] = run.jobs.release.steps.filter(s => s.post)
      expect(lines(release.stdout, /^::error/).join('\n')).toMatch(/actions\/checkout/)
      expect(release.outputs.released).toBe('false')
      expect(JSON.parse((await w.registry.get('/v2/_catalog')).body).repositories).toEqual([])
    } finally {
      await w.stop()
    }
  })
})

describeEngine('flow a, as a user whose checkout persists the job token (actions/checkout@v4 default)', () => {
  it('refuses the build context before the build, naming persist-credentials: false, and pushes nothing (issue 20)', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web'), environments: { production: { DATABASE_URL } } })
    try {
      const doc = workflow('gatedJob').content
      // An older major with its default: the token in .git/config (v6 keeps it under RUNNER_TEMP).
      const persisted = doc.replaceAll('actions/checkout@v6\n        with:\n          persist-credentials: false\n', 'actions/checkout@v4\n')
      expect(persisted).not.toBe(doc)
      const run = await playWorkflow(persisted, w, 'flow a with the checkout token persisted')
      expect(run.jobs.release.result, printOnFailure(run)).toBe('failure')
      const [release] = run.jobs.release.steps.filter(s => s.post)
      expect(lines(release.stdout, /^::error/)).toEqual([
        expect.stringMatching(/^::error::context \.: \.git\/config holds an http extraheader .*persist-credentials: false on actions\/checkout/)
      ])
      expect(release.dockerCalls!.filter(c => c[0] === 'buildx')).toEqual([])
      expect(JSON.parse((await w.registry.get('/v2/_catalog')).body).repositories).toEqual([])
    } finally {
      await w.stop()
    }
  })
})
