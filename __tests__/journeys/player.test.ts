import { describe, expect, it } from 'vitest'
import { asString, condition, interpolate } from './player/expressions.js'
import { playWorkflow, WorkflowRefused } from './player/workflow.js'
import { declared, effective, widening } from './player/permissions.js'
import { fixtureCopy, startWorld } from './player/world.js'
import { describeEngine } from '../helpers/engine.js'

/** The player itself: it evaluates as GitHub does, and refuses what it cannot run (a failing journey, never a skip). */
describe('expressions', () => {
  const ctx = { inputs: { 'runs-on': '["a","b"]', push: true }, needs: { build: { outputs: { image: 'r@sha256:1' } } }, secrets: { A: '', B: 'b' } }
  it('keeps the type of a lone expression and joins mixed text as strings', () => {
    expect(interpolate('${{ inputs.push }}', ctx).kind).toBe(interpolate('${{ true }}', {}).kind)
    expect(asString(interpolate("${{ startsWith(inputs.runs-on, '[') && fromJSON(inputs.runs-on) || inputs.runs-on }}", ctx))).toBe('["a","b"]')
    expect(asString(interpolate('img=${{ needs.build.outputs.image }}!', ctx))).toBe('img=r@sha256:1!')
    expect(asString(interpolate("${{ secrets.A || secrets.B }} ${{ 'a}}b' }}", ctx))).toBe('b a}}b')
  })
  it('adds success() to an if without a status function', () => {
    expect(condition('inputs.push', ctx, 'failure')).toBe(false)
    expect(condition('${{ always() }}', ctx, 'failure')).toBe(true)
    expect(condition(undefined, ctx, 'success')).toBe(true)
  })
  it('rejects a function it does not know', () => {
    expect(() => interpolate("${{ hashFiles('x') }}", ctx)).toThrow()
  })
})

describeEngine('the player refuses what it cannot run', () => {
  const cases: [string, string][] = [
    ['an unknown action', 'steps:\n      - uses: someone/deploy-to-mars@v1'],
    ['an input action.yml does not have', 'steps:\n      - uses: owner/release-phase@v1\n        with:\n          no-such-input: x'],
    ['a job key it does not know', 'container: node:24\n    steps:\n      - run: true'],
    ['a service other than postgres', 'services:\n      redis:\n        image: redis:7\n    steps:\n      - run: true'],
    [
      'a sidecar image other than postgres',
      'steps:\n      - uses: owner/release-phase@v1\n        with:\n          sidecars: "[{name: cache, image: redis:7}]"'
    ]
  ]
  it.each(cases)('%s', async (_, job) => {
    const w = await startWorld({ fixture: fixtureCopy('web') })
    try {
      await expect(playWorkflow(`on: push\njobs:\n  one:\n    runs-on: ubuntu-latest\n    ${job}\n`, w, 'refused')).rejects.toThrow(/player|not an input/)
    } finally {
      await w.stop()
    }
  })
  it('an event other than push and pull_request', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web') })
    try {
      await expect(
        playWorkflow('on: workflow_dispatch\njobs:\n  one:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n', w, 'refused')
      ).rejects.toThrow(/plays push and pull_request only, not on: workflow_dispatch/)
    } finally {
      await w.stop()
    }
  })
})

describe('GITHUB_TOKEN permissions as GitHub computes them (issue 23)', () => {
  it('job over workflow, the restricted default when neither declares, shorthands, and no id-token: read', () => {
    expect(effective(undefined, undefined, 'x')).toMatchObject({ contents: 'read', packages: 'read', deployments: 'none', 'id-token': 'none' })
    expect(effective({ packages: 'write' }, undefined, 'x')).toMatchObject({ contents: 'none', packages: 'write' })
    // A job's permissions replace the workflow's whole: what it leaves out is none.
    expect(effective({ packages: 'write', contents: 'read' }, { deployments: 'read' }, 'x')).toMatchObject({
      contents: 'none',
      packages: 'none',
      deployments: 'read'
    })
    expect(effective('read-all', undefined, 'x')).toMatchObject({ packages: 'read', 'id-token': 'none' })
    expect(effective({}, undefined, 'x').contents).toBe('none')
    expect(() => declared({ 'id-token': 'read' }, 'x')).toThrow(/id-token takes write or none/)
    expect(() => declared({ package: 'write' }, 'x')).toThrow(/unknown scope package/)
  })
  it('a called workflow may only narrow its caller’s token', () => {
    const caller = effective(undefined, undefined, 'caller')
    expect(widening({ ...caller, packages: 'write' }, caller, 'release')).toEqual([
      "The nested job 'release' is requesting 'packages: write', but is only allowed 'packages: read'."
    ])
    expect(widening(caller, caller, 'release')).toEqual([])
  })
})

describeEngine('the player enforces the job token as GitHub does (issue 23)', () => {
  const release = (permissions: string) => `on: push
${permissions}
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
        with:
          persist-credentials: false
      - uses: docker/login-action@v4
        with:
          registry: ghcr.io
          username: \${{ github.actor }}
          password: \${{ secrets.GITHUB_TOKEN }}
      - id: release
        uses: owner/release-phase@v1
        with:
          tags: ghcr.io/acme/web:\${{ github.sha }}
          push: true
          secrets: DATABASE_URL
        env:
          DATABASE_URL: postgres://app:pw@db/app
`
  it('without permissions (the restricted default) the push is denied and the step fails; with packages: write it lands', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web') })
    try {
      const denied = await playWorkflow(release(''), w, 'no permissions declared')
      const step = denied.jobs.release.steps.at(-1)!
      expect(denied.jobs.release.result).toBe('failure')
      expect(step.stdout).toMatch(/^::error::docker push \S+ failed: denied: installation not allowed to Write organization package$/m)
      expect(JSON.parse((await w.registry.get('/v2/_catalog')).body).repositories).toEqual([])
      const granted = await playWorkflow(release('permissions:\n  contents: read\n  packages: write'), w, 'packages: write')
      expect(granted.jobs.release.result, granted.log.join('\n')).toBe('success')
      expect(granted.jobs.release.steps.at(-1)!.outputs.released).toBe('true')
    } finally {
      await w.stop()
    }
  })
  it('a caller whose token lacks packages: write cannot call the reusable workflow: the run is refused before any job', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web') })
    try {
      const call =
        'on: push\njobs:\n  release:\n    uses: owner/release-phase/.github/workflows/release.yml@v1\n    with:\n      tags: ghcr.io/acme/web:1\n      environment: production\n'
      await expect(playWorkflow(call, w, 'caller without permissions')).rejects.toThrow(
        /GitHub refuses to start this run: The nested job 'release' is requesting 'packages: write', but is only allowed 'packages: read'\./
      )
      await expect(playWorkflow(call, w, 'caller without permissions')).rejects.toBeInstanceOf(WorkflowRefused)
    } finally {
      await w.stop()
    }
  })
  it('first-deploy auto without deployments: read fails with the API’s 403, naming the environment', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web') })
    try {
      const run = await playWorkflow(
        `on: push
permissions:
  contents: read
jobs:
  post:
    runs-on: ubuntu-latest
    steps:
      - uses: owner/release-phase@v1
        with:
          image: release-phase-base:busybox
          phases: first-deploy
          environment: production
          release-command: 'true'
`,
        w,
        'first-deploy without deployments: read'
      )
      expect(run.jobs.post.result).toBe('failure')
      expect(run.jobs.post.steps.at(-1)!.stdout).toMatch(
        /^::error::first-deploy: the GitHub API refused to list deployments of "production" \(HTTP 403\): Resource not accessible by integration/m
      )
    } finally {
      await w.stop()
    }
  })
})
