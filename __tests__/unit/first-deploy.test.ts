import { afterEach, describe, expect, it, vi } from 'vitest'
import { earlierSuccess, isFirstDeploy, thisRun } from '../../src/first-deploy.js'
import { startFakeGitHub, type FakeDeployment, type FakeGitHub } from '../helpers/registry.js'

const log = (run: number) => `https://github.com/acme/web/actions/runs/${run}/job/42`

const RUN = { id: '7001', url: 'https://github.com/acme/web/actions/runs/7001' }

describe('an earlier success: one not posted by this workflow run (design.md §7)', () => {
  it.each([
    ['its statuses link this run’s job log', {}, [{ state: 'success', log_url: log(7001), target_url: log(7001) }], false],
    ['an older status form: the run page only', {}, [{ state: 'success', target_url: 'https://github.com/acme/web/actions/runs/7001' }], false],
    ['payload.workflow_run_id', { workflow_run_id: 7001 }, [{ state: 'success' }], false],
    ['payload as JSON text', '{"workflow_run_id":"7001"}', [{ state: 'success' }], false],
    ['another run', {}, [{ state: 'success', log_url: log(70011), target_url: log(70011) }], true],
    ['a run id that is a prefix of ours', {}, [{ state: 'success', log_url: log(700) }], true],
    ['no link at all', '', [{ state: 'success', log_url: '', target_url: null }], true],
    // Issue 20: the shape of a URL is not proof; the server and repository are part of it.
    ['another host with this run’s path', {}, [{ state: 'success', log_url: 'https://deploy-bot.example/acme/web/actions/runs/7001/' }], true],
    ['another repository’s run 7001', {}, [{ state: 'success', log_url: 'https://github.com/acme/other/actions/runs/7001/job/1' }], true],
    ['this run’s path as a query', {}, [{ state: 'success', log_url: 'https://github.com/acme/web/x?u=https://github.com/acme/web/actions/runs/7001' }], true],
    // Issue 20: a later status (inactive, linking this run) never hides an earlier success.
    [
      'an earlier success under a later inactive status that links this run',
      {},
      [
        { state: 'inactive', log_url: 'https://github.com/acme/web/actions/runs/7001/' },
        { state: 'success', log_url: log(6900) }
      ],
      true
    ],
    ['no success at all', {}, [{ state: 'failure', log_url: log(6900) }], false]
  ])('%s → earlier success: %s', (_, payload, statuses, expected) => {
    expect(earlierSuccess(payload, statuses, RUN)).toBe(expected)
  })

  it('outside GitHub (no run) every success counts', () => {
    expect(earlierSuccess({ workflow_run_id: 7001 }, [{ state: 'success', log_url: log(7001) }], undefined)).toBe(true)
  })

  it('this run is the server, repository and id of the step env', () => {
    expect(thisRun({ GITHUB_RUN_ID: '9', GITHUB_REPOSITORY: 'a/b', GITHUB_SERVER_URL: 'https://ghe.example/' })).toEqual({
      id: '9',
      url: 'https://ghe.example/a/b/actions/runs/9'
    })
    expect(thisRun({ GITHUB_RUN_ID: '9/../1', GITHUB_REPOSITORY: 'a/b' })).toBeUndefined()
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
