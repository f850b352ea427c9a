import { afterEach, describe, expect, it, vi } from 'vitest'
import { createdByRun, isFirstDeploy } from '../../src/first-deploy.js'
import { startFakeGitHub, type FakeDeployment, type FakeGitHub } from '../helpers/registry.js'

const log = (run: number) => `https://github.com/acme/web/actions/runs/${run}/job/42`

describe('a deployment created by this workflow run (SPEC 7 amendment)', () => {
  it.each([
    ['its statuses link this run’s job log', {}, [{ state: 'success', log_url: log(7001), target_url: log(7001) }], true],
    ['an older status form: the run page only', {}, [{ state: 'success', target_url: 'https://github.com/acme/web/actions/runs/7001' }], true],
    ['payload.workflow_run_id', { workflow_run_id: 7001 }, [{ state: 'success' }], true],
    ['payload as JSON text', '{"workflow_run_id":"7001"}', [{ state: 'success' }], true],
    ['another run', {}, [{ state: 'success', log_url: log(70011), target_url: log(70011) }], false],
    ['a run id that is a prefix of ours', {}, [{ state: 'success', log_url: log(700) }], false],
    ['no link at all', '', [{ state: 'success', log_url: '', target_url: null }], false]
  ])('%s → %s', (_, payload, statuses, expected) => {
    expect(createdByRun(payload, statuses, '7001')).toBe(expected)
  })
})

describe('isFirstDeploy against a loopback GitHub API', () => {
  let gh: FakeGitHub | undefined
  afterEach(() => gh?.stop())
  const ask = (runId: string, attempt = '1') =>
    isFirstDeploy('ghs_fake', 'production', { GITHUB_REPOSITORY: 'acme/web', GITHUB_API_URL: gh!.url, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt })

  it('the deploy job’s own deployment (any attempt) is not an earlier one; the next run’s is', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const deployments: FakeDeployment[] = [{ id: 1, statuses: ['queued', 'in_progress', 'success'], runId: 7001 }]
    gh = await startFakeGitHub(deployments)
    expect(await ask('7001')).toBe(true)
    expect(await ask('7001', '2')).toBe(true)
    deployments.unshift({ id: 2, statuses: ['in_progress', 'success'], runId: 7002 })
    expect(await ask('7002')).toBe(false)
    // Outside GitHub (no run id) every successful deployment counts, as before.
    expect(await ask('')).toBe(false)
    vi.restoreAllMocks()
  })

  it('an earlier run’s failed deployment still does not count', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    gh = await startFakeGitHub([
      { id: 3, statuses: ['success'], runId: 7003 },
      { id: 2, statuses: ['failure'], runId: 7002 }
    ])
    expect(await ask('7003')).toBe(true)
    vi.restoreAllMocks()
  })
})
