import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { expect, it } from 'vitest'
import { containersOfRun, describeEngine, errorLines, namespaceOf, taskRecord } from '../helpers/engine.js'
import { workflow } from './catalog.js'
import { expectGreen, lines, printOnFailure } from './expect-run.js'
import { POSTGRES_IMAGE } from './player/postgres.js'
import { playWorkflow, type RunRecord, type StepRecord } from './player/workflow.js'
import { fixtureCopy, startWorld, type World } from './player/world.js'

/**
 * docs/workflows.md "Release rehearsal on pull requests", played on a pull request: the app's
 * migrations (fixtures/pgrehearsal) run in predeploy and release against a postgres sidecar, from the
 * image the step built, and nothing is pushed.
 */
async function rehearse(fixture: string, check: (run: RunRecord, step: StepRecord, w: World) => void | Promise<void>) {
  const w = await startWorld({ fixture })
  try {
    const run = await playWorkflow(workflow('rehearsal').content, w, 'rehearsal')
    const step = run.actionSteps()[0]
    try {
      await check(run, step, w)
    } finally {
      spawnSync('docker', ['image', 'rm', step.inputs.tags], { stdio: 'ignore' }) // the example's local tag
    }
  } finally {
    await w.stop()
  }
}

const creates = (s: StepRecord) => (s.dockerCalls ?? []).filter(c => c[0] === 'create')
const isSidecar = (argv: string[]) => argv.includes('release-phase.sidecar=db')

/** Nothing pushed: no `docker push` (nor buildx --push), the loopback registry holds no repository, no container left. */
async function expectNothingPushedOrLeft(run: RunRecord, step: StepRecord, w: World) {
  const pushes = (step.dockerCalls ?? []).filter(c => c[0] === 'push' || c.includes('--push') || c.some(a => /push=true/.test(a)))
  expect(pushes, printOnFailure(run)).toEqual([])
  const catalog = await w.registry.get('/v2/_catalog')
  expect([catalog.status, JSON.parse(catalog.body)]).toEqual([200, { repositories: [] }])
  expect(containersOfRun(step.post!.state['run-id'])).toEqual([])
  expect(w.api.deployments).toEqual([])
}

describeEngine('docs/workflows.md: release rehearsal on pull requests', () => {
  it('migrates a fresh postgres sidecar at localhost:5432 in predeploy and release, from the built image; the tasks under --init, the sidecar not; nothing pushed or left', () =>
    rehearse(fixtureCopy('pgrehearsal'), async (run, step, w) => {
      expectGreen(run)
      // Played as a pull request: the tag names the head commit, not the merge commit.
      expect(step.inputs.tags, printOnFailure(run)).toMatch(/^app:rehearsal-[0-9a-f]{40}$/)
      expect(step.inputs.tags).not.toContain(step.post!.env.GITHUB_SHA)
      expect(step.post!.env.GITHUB_EVENT_NAME).toBe('pull_request')
      // The substitution is said in the table and at the step, and is what the action ran.
      const log = run.log.join('\n')
      expect(log).toContain(`\`sidecars:\` image \`postgres:*\` (this action's input) → ${POSTGRES_IMAGE}`)
      expect(log).toContain(`sidecars: db: image postgres:16-alpine → ${POSTGRES_IMAGE}`)
      // Each task migrates its own empty database, reached at localhost through the sidecar's namespace.
      expect(lines(step.stdout, /^(predeploy|release): /), printOnFailure(run)).toEqual([
        'predeploy: applied 20260101_create_users',
        expect.stringMatching(/^predeploy: 1 migrations on database app at (127\.0\.0\.1|::1):5432$/),
        'release: applied 20260101_create_users',
        expect.stringMatching(/^release: 1 migrations on database app at (127\.0\.0\.1|::1):5432$/)
      ])
      expect(lines(step.stdout, /^sidecar db ready on port 5432 after \d+\.\ds$/)).toHaveLength(2)
      expect(step.stdout).toMatch(/^::group::sidecar db log \(release\)$/m)
      expect(JSON.parse(step.outputs.phases).map((p: { phase: string; status: string }) => `${p.phase} ${p.status}`)).toEqual([
        'predeploy succeeded',
        'release succeeded'
      ])
      // The sidecar: the stand-in image, the documented tmpfs, no --init (its server is PID 1, as in
      // `docker run` of the image). The tasks: the built image, --init, in the sidecar's namespace.
      const sidecars = creates(step).filter(isSidecar)
      expect(sidecars.map(c => [c.includes('--init'), c[c.indexOf('--tmpfs') + 1], c.includes(POSTGRES_IMAGE)])).toEqual([
        [false, '/var/lib/postgresql/data', true],
        [false, '/var/lib/postgresql/data', true]
      ])
      // Predeploy runs in the image the step built, release in the one predeploy committed, which the
      // local tag names (Dokku's order): both by id, never by a name that could move.
      const built = (JSON.parse(step.outputs.metadata) as Record<string, string>)['containerimage.digest']
      const tagged = spawnSync('docker', ['image', 'inspect', '--format', '{{.Id}}', step.inputs.tags], { encoding: 'utf8' }).stdout.trim()
      expect([tagged, step.outputs['image-id']]).toEqual([expect.stringMatching(/^sha256:/), tagged])
      const tasks = ['predeploy', 'release'].map(phase => taskRecord({ started: step.started! }, phase)!)
      expect(tasks.map(c => [c.HostConfig.Init, c.HostConfig.NetworkMode, c.Config.Image])).toEqual([
        [true, namespaceOf({ started: step.started! }, `release-phase-${step.post!.state['run-id']}-predeploy-sidecar-db`), built],
        [true, namespaceOf({ started: step.started! }, `release-phase-${step.post!.state['run-id']}-release-sidecar-db`), tagged]
      ])
      await expectNothingPushedOrLeft(run, step, w)
    }))

  it('a migration that fails fails the pull request: the job is red with the action ::error line, release never runs, nothing pushed or left', () => {
    const app = fixtureCopy('pgrehearsal')
    fs.writeFileSync(path.join(app, 'db/migrations/20260102_add_team.sql'), 'ALTER TABLE users ADD COLUMN team_id bigint NOT NULL REFERENCES teams (id);\n')
    return rehearse(app, async (run, step, w) => {
      expect(run.jobs.rehearse.result, printOnFailure(run)).toBe('failure')
      expect(step.ok).toBe(false)
      expect(errorLines(step.stdout), printOnFailure(run)).toEqual(['::error::predeploy task failed with exit code 3: /app/bin/migrate'])
      expect(step.stdout).toContain('ERROR:  relation "teams" does not exist')
      // The first migration was applied, the failing one rolled back, and release never started.
      expect(lines(step.stdout, /^(predeploy|release): /)).toEqual(['predeploy: applied 20260101_create_users'])
      expect(JSON.parse(step.outputs.phases).map((p: { phase: string; status: string }) => `${p.phase} ${p.status}`)).toEqual([
        'predeploy failed',
        'release not-run'
      ])
      await expectNothingPushedOrLeft(run, step, w)
    })
  })
})
