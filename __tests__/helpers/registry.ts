import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export interface Registry {
  host: string
  user: string
  password: string
  /** A DOCKER_CONFIG dir logged in to it. */
  dockerConfig: string
  /** GET on the registry HTTP API with basic auth. */
  get(pathname: string, accept?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>
  stop(): void
}

/** A real registry (distribution, Debian's docker-registry) on loopback with htpasswd auth. */
export async function startRegistry(): Promise<Registry> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-registry-'))
  const port = await freePort()
  const user = 'ci'
  const password = 'registry-pass-7Yt'
  fs.writeFileSync(path.join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', user, password]))
  fs.writeFileSync(
    path.join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\nauth:\n  htpasswd:\n    realm: release-phase-tests\n    path: ${dir}/htpasswd\n`
  )
  const proc: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'log'), 'w')]
  })
  const host = `127.0.0.1:${port}`
  const get: Registry['get'] = (pathname, accept) =>
    new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: pathname, auth: `${user}:${password}`, headers: accept ? { Accept: accept } : {} }, res => {
        let body = ''
        res.on('data', b => (body += b))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      req.on('error', reject)
    })
  for (let i = 0; i < 50; i++) {
    try {
      if ((await get('/v2/')).status === 200) break
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 200))
  }
  const dockerConfig = path.join(dir, 'docker-config')
  fs.mkdirSync(dockerConfig)
  execFileSync('docker', ['login', host, '--username', user, '--password-stdin'], {
    input: password,
    env: { ...process.env, DOCKER_CONFIG: dockerConfig },
    stdio: ['pipe', 'ignore', 'inherit']
  })
  return {
    host,
    user,
    password,
    dockerConfig,
    get,
    stop: () => {
      proc.kill()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

export interface FakeGitHub {
  url: string
  requests: string[]
  stop(): void
}

/**
 * A deployment as the fake serves it. `runId`: created by that workflow run's job `environment:`, as
 * GitHub does it: each status links the run's job log (`log_url`/`target_url` = …/actions/runs/<id>/job/<n>).
 * `payload`: the deployment's payload (API-created deployments may carry `workflow_run_id`).
 */
export interface FakeDeployment {
  id: number
  statuses: string[]
  runId?: number
  payload?: Record<string, unknown> | string
  /** Statuses posted later by something else (newest first), each with the URL it chose. */
  laterStatuses?: { state: string; log_url: string }[]
}

/**
 * A loopback server answering the two REST endpoints first-deploy detection calls, in GitHub's shapes.
 * The array is read at each request: a test may add the deployments a later job creates.
 */
export async function startFakeGitHub(deployments: FakeDeployment[] | { status: number; message: string }): Promise<FakeGitHub> {
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? ''}`)
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (!Array.isArray(deployments)) {
      return send(deployments.status, { message: deployments.message, documentation_url: 'https://docs.github.com/rest' })
    }
    const url = new URL(req.url ?? '/', 'http://x')
    let m = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(url.pathname)
    if (m) {
      return send(
        200,
        deployments.map(d => ({
          id: d.id,
          sha: 'abc',
          ref: 'main',
          task: 'deploy',
          payload: d.payload ?? {},
          environment: url.searchParams.get('environment'),
          url: `x/${d.id}`
        }))
      )
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/.exec(url.pathname)
    if (m) {
      const d = deployments.find(x => x.id === Number(m![3]))
      const log = (i: number) => (d?.runId ? `https://github.com/${m![1]}/${m![2]}/actions/runs/${d.runId}/job/${9000 + i}` : '')
      return send(200, [
        ...(d?.laterStatuses ?? []).map((st, i) => ({ id: 100 + i, state: st.state, log_url: st.log_url, target_url: st.log_url, environment_url: '' })),
        ...(d?.statuses ?? []).map((state, i) => ({ id: i + 1, state, log_url: log(i), target_url: log(i), environment_url: '' }))
      ])
    }
    send(404, { message: 'Not Found' })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  return { url: `http://127.0.0.1:${port}`, requests, stop: () => server.close() }
}
