import { expect, it } from 'vitest'
import { describeEngine } from '../helpers/engine.js'
import { workflow } from './catalog.js'
import { DATABASE_URL, DIGEST_REF, expectGreen, lines, printOnFailure, stepsRunning } from './expect-run.js'
import { playWorkflow } from './player/workflow.js'
import { fixtureCopy, startWorld } from './player/world.js'

/**
 * .github/workflows/release.yml through the caller in docs/workflows.md: its release job runs in the
 * environment the caller names (the environment's RELEASE_ENV reaches the task), on `runs-on`.
 */
const environments = { production: { RELEASE_ENV: `DATABASE_URL=${DATABASE_URL}\n` } }

describeEngine('the reusable workflow', () => {
  it('runs the release in the named environment with its secret, and hands the digest to the deploy job', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web'), environments })
    try {
      const run = await playWorkflow(workflow('reusable').content, w, 'reusable workflow')
      expectGreen(run)
      const release = stepsRunning(run, 'release')
      expect(
        release.map(s => [s.job.id, s.job.environment, s.job.runsOn]),
        printOnFailure(run)
      ).toEqual([['release / release', 'production', 'ubuntu-latest']])
      expect(lines(release[0].stdout, /^release: migrated /)).toEqual(['release: migrated db.production.internal/app'])
      expect(run.jobs.deploy.steps[0].stdout.trim()).toMatch(new RegExp(`^deploying ${DIGEST_REF.source.slice(1, -1)}$`))
    } finally {
      await w.stop()
    }
  })

  it('takes runs-on as a JSON list of labels, and fails without the environment secret', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web'), environments: { staging: environments.production } })
    try {
      const caller = workflow('reusable').content.replace('runs-on: ubuntu-latest\n', `runs-on: '["self-hosted", "linux"]'\n`)
      expect(caller).toContain('["self-hosted", "linux"]')
      const run = await playWorkflow(caller, w, 'reusable workflow, JSON runs-on, secret only in staging')
      expect(run.jobs['release / release'].runsOn, printOnFailure(run)).toEqual(['self-hosted', 'linux'])
      expect(run.jobs['release / release'].result).toBe('failure')
      expect(run.jobs.deploy).toBeUndefined()
    } finally {
      await w.stop()
    }
  })
})
