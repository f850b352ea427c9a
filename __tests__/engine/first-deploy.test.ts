import { expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, makeApp, runAction } from '../helpers/engine.js'
import { startFakeGitHub, type FakeDeployment } from '../helpers/registry.js'

/**
 * Issue 10 item 3, SPEC 7 amendment: in the documented flow the deploy job has `environment: production`,
 * so GitHub creates a deployment for it that succeeds before the postdeploy job asks. That deployment,
 * created by the same workflow run, must not make the first deploy look like a later one.
 */
describeEngine('first deploy means first, across two workflow runs', () => {
  it('scripts.postdeploy runs on the first run only, though the run’s own deploy job already succeeded', async () => {
    const deployments: FakeDeployment[] = []
    const gh = await startFakeGitHub(deployments)
    const postdeployJob = (runId: number, attempt = 1) =>
      runAction({
        workspace: makeApp({
          Procfile: 'release: true\n',
          'app.json': '{"scripts":{"postdeploy":"echo seeding-first-deploy","dokku":{"postdeploy":"echo every-deploy"}}}'
        }),
        inputs: { image: BASE_IMAGE, phases: 'postdeploy,first-deploy', environment: 'production', 'github-token': 'ghs_fake-token-456' },
        env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/web', GITHUB_RUN_ID: String(runId), GITHUB_RUN_ATTEMPT: String(attempt) }
      })
    const seeded: boolean[] = []
    try {
      // Run 7001: the deploy job (environment: production) made deployment 1, which succeeded.
      deployments.unshift({ id: 1, statuses: ['queued', 'in_progress', 'success'], runId: 7001 })
      const first = await postdeployJob(7001)
      expect(first.code, first.stdout).toBe(0)
      expect(first.outputs['first-deploy']).toBe('true')
      expect(first.stdout).toContain('deployment 1 succeeded in this workflow run (7001): not an earlier deployment')
      seeded.push(/^seeding-first-deploy$/m.test(first.stdout))

      // Run 7002: its deploy job made deployment 2; deployment 1 (run 7001) is an earlier success.
      deployments.unshift({ id: 2, statuses: ['queued', 'in_progress', 'success'], runId: 7002 })
      const second = await postdeployJob(7002)
      expect(second.code, second.stdout).toBe(0)
      expect(second.outputs['first-deploy']).toBe('false')
      expect(second.stdout).toMatch(/^every-deploy$/m)
      seeded.push(/^seeding-first-deploy$/m.test(second.stdout))
      const statuses = JSON.parse(second.outputs.phases).map((p: { phase: string; status: string }) => `${p.phase}:${p.status}`)
      expect(statuses).toEqual(['postdeploy:succeeded', 'first-deploy:skipped'])

      expect(seeded).toEqual([true, false])
    } finally {
      gh.stop()
    }
  })
})
