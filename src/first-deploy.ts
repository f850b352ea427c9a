import { ActionError } from './errors.js'
import { info } from './runner.js'

/** A deployment status as the REST API lists it (only what is read here). */
interface StatusView {
  state: string
  log_url?: string | null
  target_url?: string | null
}

/** This run's page, `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/<id>`; undefined outside GitHub. */
export interface ThisRun {
  id: string
  url: string
}

export function thisRun(env: NodeJS.ProcessEnv): ThisRun | undefined {
  const id = env.GITHUB_RUN_ID ?? ''
  if (!/^\d+$/.test(id) || !env.GITHUB_REPOSITORY) return undefined
  return { id, url: `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${id}` }
}

/** A status URL that is this run's page or a page under it (the job log), compared exactly, host included. */
function linksRun(url: string | null | undefined, run: ThisRun): boolean {
  if (!url) return false
  return url === run.url || ['/', '?', '#'].some(c => url.startsWith(run.url + c))
}

/**
 * design.md §7: whether this deployment holds a success from before this run. A deployment created
 * through the API by this run carries `payload.workflow_run_id` (immutable, the convention GitHub's UI
 * links by): none of its statuses is earlier. Otherwise each `success` status counts unless that status
 * itself links this run's page (a job with `environment:` posts `log_url`/`target_url` =
 * `<server>/<repo>/actions/runs/<id>/job/<job>`): a later status of any kind, whatever it links, never
 * hides an earlier success.
 */
export function earlierSuccess(payload: unknown, statuses: StatusView[], run: ThisRun | undefined): boolean {
  const p = typeof payload === 'string' ? safeJson(payload) : payload
  if (run && p && typeof p === 'object' && String((p as Record<string, unknown>).workflow_run_id) === run.id) return false
  return statuses.some(st => st.state === 'success' && !(run && (linksRun(st.log_url, run) || linksRun(st.target_url, run))))
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * design.md §7: a first deploy is one where the environment has no earlier deployment with a `success`
 * status; one created by this workflow run (GITHUB_RUN_ID) is not earlier: the deploy job's own
 * `environment:` deployment succeeds before the postdeploy job asks. `@actions/github` is loaded
 * here only, so runs that do not ask pay nothing for it. An API failure is an error with the API's
 * message: guessing could run a first-deploy script twice.
 */
export async function isFirstDeploy(token: string, environment: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!environment) throw new ActionError('first-deploy: auto needs the environment input (the GitHub environment deployed to)')
  if (!token) throw new ActionError('first-deploy: auto needs github-token to read the deployments')
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) throw new ActionError('first-deploy: auto needs GITHUB_REPOSITORY (owner/name)')
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com' })
  try {
    const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, { owner, repo, environment, per_page: 100 })
    const run = thisRun(env)
    for (const d of deployments) {
      const statuses = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, { owner, repo, deployment_id: d.id, per_page: 100 })
      if (earlierSuccess(d.payload, statuses, run)) return false
      if (statuses.some(s => s.state === 'success')) info(`deployment ${d.id} succeeded in this workflow run (${run?.id}): not an earlier deployment`)
    }
    return true
  } catch (e) {
    const err = e as { status?: number; message?: string }
    throw new ActionError(
      `first-deploy: the GitHub API refused to list deployments of "${environment}"${err.status ? ` (HTTP ${err.status})` : ''}: ${err.message ?? String(e)}`
    )
  }
}
