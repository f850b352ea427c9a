import * as http from 'node:http'
import type * as net from 'node:net'
import { allows, type Permissions } from './permissions.js'

/**
 * A loopback GitHub REST API holding the repository's deployments across workflow runs. The player
 * creates one when a job with `environment:` starts (statuses queued → in_progress) and ends it
 * (success / failure) when the job ends, as GitHub Actions does; the action reads them through
 * @actions/github (listDeployments, listDeploymentStatuses) with GITHUB_API_URL pointing here.
 * Shapes follow the REST API: newest first, statuses with log_url/target_url naming the run.
 */
export interface Deployment {
  id: number
  environment: string
  sha: string
  runId: string
  statuses: { state: string; created_at: string }[]
}

export interface FakeGitHubApi {
  url: string
  serverUrl: string
  repository: string
  deployments: Deployment[]
  requests: string[]
  createDeployment(environment: string, sha: string, runId: string): Deployment
  setStatus(d: Deployment, state: string): void
  stop(): Promise<void>
}

/**
 * `permissionsOf`: a job token's permissions (undefined for any other token, which is let through): the
 * deployments endpoints need `deployments: read`, and answer as GitHub does without it.
 */
export async function startGitHubApi(repository: string, permissionsOf: (token: string) => Permissions | undefined = () => undefined): Promise<FakeGitHubApi> {
  const deployments: Deployment[] = []
  const requests: string[] = []
  const serverUrl = 'https://github.com'
  const api = `https://api.github.com/repos/${repository}`
  const logUrl = (d: Deployment) => `${serverUrl}/${repository}/actions/runs/${d.runId}/job/${d.id}`
  const deploymentJson = (d: Deployment) => ({
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.sha,
    task: 'deploy',
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: { login: 'github-actions[bot]', type: 'Bot' },
    created_at: d.statuses[0].created_at,
    updated_at: d.statuses.at(-1)!.created_at,
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: false,
    production_environment: d.environment === 'production',
    performed_via_github_app: { slug: 'github-actions' }
  })
  const statusJson = (d: Deployment) =>
    d.statuses
      .map((s, i) => ({
        id: d.id * 100 + i,
        state: s.state,
        environment: d.environment,
        created_at: s.created_at,
        log_url: logUrl(d),
        target_url: logUrl(d),
        deployment_url: `${api}/deployments/${d.id}`
      }))
      .reverse()

  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const url = new URL(req.url ?? '/', 'http://x')
    const base = `/repos/${repository}/deployments`
    if (req.method !== 'GET') return send(405, { message: 'the fake API is read-only for the action' })
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const perms = token === undefined ? undefined : permissionsOf(token)
    if (perms && !allows(perms, 'deployments', 'read')) {
      return send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/deployments/deployments#list-deployments',
        status: '403'
      })
    }
    if (url.pathname === base) {
      const env = url.searchParams.get('environment')
      return send(
        200,
        [...deployments]
          .reverse()
          .filter(d => !env || d.environment === env)
          .map(deploymentJson)
      )
    }
    const m = new RegExp(`^${base}/(\\d+)/statuses$`).exec(url.pathname)
    const d = m && deployments.find(x => x.id === Number(m[1]))
    if (d) return send(200, statusJson(d))
    send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  const now = () => new Date().toISOString()
  return {
    url: `http://127.0.0.1:${port}`,
    serverUrl,
    repository,
    deployments,
    requests,
    createDeployment(environment, sha, runId) {
      const d = {
        id: deployments.length + 1,
        environment,
        sha,
        runId,
        statuses: [
          { state: 'queued', created_at: now() },
          { state: 'in_progress', created_at: now() }
        ]
      }
      deployments.push(d)
      return d
    },
    setStatus(d, state) {
      d.statuses.push({ state, created_at: now() })
    },
    stop: () => new Promise(r => server.close(() => r()))
  }
}
