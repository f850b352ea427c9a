import { spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { describeEngine } from '../helpers/engine.js'
import { workflow } from './catalog.js'
import { DATABASE_URL, DIGEST_REF, expectGreen, lines, printOnFailure, stepsRunning } from './expect-run.js'
import { playWorkflow, type RunRecord } from './player/workflow.js'
import { fixtureCopy, startWorld, type WorldOptions } from './player/world.js'

/** The other examples of docs/workflows.md: attestation, services: postgres, gha cache, monorepo, build-push-action. */
async function play(key: Parameters<typeof workflow>[0], opts: WorldOptions, check: (run: RunRecord) => void | Promise<void>) {
  const w = await startWorld(opts)
  try {
    const run = await playWorkflow(workflow(key).content, w, key)
    await check(run)
  } finally {
    await w.stop()
  }
}

const production = { production: { DATABASE_URL } }

describeEngine('docs/workflows.md examples', () => {
  it('attests the released digest: subject-digest is the digest the registry holds', () =>
    play('attest', { fixture: fixtureCopy('web'), environments: production }, run => {
      expectGreen(run)
      const [release, attest] = run.jobs.release.steps.slice(-2)
      expect(release.outputs.digest, printOnFailure(run)).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(release.outputs.image).toMatch(DIGEST_REF)
      expect([attest.uses, attest.inputs['subject-digest'], attest.inputs['push-to-registry'], attest.ok]).toEqual(['actions/attest-build-provenance@v2', release.outputs.digest, 'true', true])
      expect(run.log.join('\n')).toContain('actions/attest-build-provenance → local check')
    }))

  it('runs the migration against the job\'s postgres service, reached by its id on the job network', () =>
    play('services', { fixture: fixtureCopy('pgapp') }, run => {
      expectGreen(run)
      const [release] = stepsRunning(run, 'release')
      expect(release.inputs.network, printOnFailure(run)).toMatch(/^rp-journey-/)
      expect(lines(release.stdout, /^migrations applied: /)).toEqual(['migrations applied: 1'])
      spawnSync('docker', ['image', 'rm', release.inputs.tags], { stdio: 'ignore' }) // the example's local tag, app:ci
    }))

  it('builds with the gha cache after docker/setup-buildx-action', () =>
    play('ghaCache', { fixture: fixtureCopy('web'), environments: production }, run => {
      // setup-buildx-action's docker-container builder is what exports the cache. The player's equivalent
      // keeps the docker driver (see local-actions.ts), which refuses the export: this journey fails
      // with buildx's own error until the player can provide that builder.
      expectGreen(run)
      const [release] = stepsRunning(run, 'release')
      expect([release.inputs['cache-from'], release.inputs['cache-to']]).toEqual(['type=gha', 'type=gha,mode=max'])
    }))

  it('releases each app of a monorepo with its dotenv secrets', () =>
    play('monorepo', { fixture: fixtureCopy('monorepo'), environments: { production: { RELEASE_ENV: `DATABASE_URL=${DATABASE_URL}\n` } } }, run => {
      expectGreen(run)
      const out = run.actionSteps().map(s => [s.job.id, s.job.environment, lines(s.stdout, /^release of /)[0]])
      expect(out, printOnFailure(run)).toEqual(
        ['api', 'worker', 'web'].map(app => [`release (${app})`, 'production', `release of ${app}: migrated db.production.internal/app`])
      )
    }))

  it('runs the release in an image pushed by docker/build-push-action, by digest', () =>
    play('buildPushAction', { fixture: fixtureCopy('web'), environments: production }, run => {
      expectGreen(run)
      const [build, release] = run.jobs.release.steps.slice(-2)
      expect(build.outputs.digest, printOnFailure(run)).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(release.inputs.image).toBe(`${release.inputs.image.split('@')[0]}@${build.outputs.digest}`)
      expect(lines(release.stdout, /^release: migrated /)).toEqual(['release: migrated db.production.internal/app'])
    }))
})
