import { expect, it } from 'vitest'
import { describeEngine } from '../helpers/engine.js'
import { workflow } from './catalog.js'
import { DATABASE_URL, DIGEST_REF, expectGreen, lines, printOnFailure, stepsRunning } from './expect-run.js'
import { playWorkflow } from './player/workflow.js'
import { fixtureCopy, startWorld } from './player/world.js'

/** README.md's usage workflow, as a new user copies it: release (gated), push, deploy the digest. */
describeEngine("README's usage workflow", () => {
  it('releases inside the production environment, pushes, and deploys exactly outputs.image', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web'), environments: { production: { DATABASE_URL, SECRET_KEY_BASE: 'skb-secret-3Rk' } } })
    try {
      const run = await playWorkflow(workflow('readme').content, w, 'README usage')
      expectGreen(run)
      const release = stepsRunning(run, 'release')
      expect(
        release.map(s => [s.job.id, s.job.environment, s.ok]),
        printOnFailure(run)
      ).toEqual([['release', 'production', true]])
      expect(lines(release[0].stdout, /^release: migrated /)).toEqual(['release: migrated db.production.internal/app'])
      expect(run.jobs.release.outputs.image).toMatch(DIGEST_REF)
      expect(run.jobs.deploy.steps.at(-1)!.stdout.trim()).toBe(`deploying ${run.jobs.release.outputs.image}`)
    } finally {
      await w.stop()
    }
  })
})
