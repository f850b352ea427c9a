import { ActionError } from './errors.js'

/**
 * SPEC 7: a first deploy is one where the environment has no earlier deployment with a `success`
 * status. `@actions/github` is loaded here only, so runs that do not ask pay nothing for it.
 * An API failure is an error with the API's message: guessing could run a first-deploy script twice.
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
    for (const d of deployments) {
      const statuses = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, { owner, repo, deployment_id: d.id, per_page: 100 })
      if (statuses.some(s => s.state === 'success')) return false
    }
    return true
  } catch (e) {
    const err = e as { status?: number; message?: string }
    throw new ActionError(`first-deploy: the GitHub API refused to list deployments of "${environment}"${err.status ? ` (HTTP ${err.status})` : ''}: ${err.message ?? String(e)}`)
  }
}
