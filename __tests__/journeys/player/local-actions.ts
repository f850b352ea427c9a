import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../../helpers/engine.js'
import type { World } from './world.js'
import { allows, type Permissions } from './permissions.js'

/**
 * Local equivalents of the actions that need the internet. Each says what it does instead
 * (the player logs it) and fails like the real one would on bad input.
 */
export interface JobEnv {
  /** The job's GITHUB_TOKEN and what it may do (permissions.ts). */
  token: string
  permissions: Permissions
  workspace: string
  runnerTemp: string
  dockerConfig: string
  /** The runner's variables for every later step (DOCKER_CONFIG, and DOCKER_HOST after setup-buildx). */
  env: Record<string, string>
  log(line: string): void
}

export interface LocalResult {
  ok: boolean
  outputs: Record<string, string>
}

/** `ref`: what follows `@` in `uses:` (`v6`), for the actions whose behaviour changed between majors. */
type Local = (w: World, job: JobEnv, inputs: Record<string, string>, ref: string) => Promise<LocalResult> | LocalResult

function run(cmd: string, args: string[], job: JobEnv, input?: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', cwd: job.workspace, env: { ...process.env, ...job.env } })
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`
  for (const l of out.split('\n').filter(Boolean)) job.log(`  ${l}`)
  return { ok: r.status === 0, out: r.stdout ?? '' }
}

/** The app (the fixture), or this action itself (its action.yml: the player runs the bundle for it), into `path`. */
const checkout: Local = (w, job, inputs, ref) => {
  const dest = path.resolve(job.workspace, inputs.path || '.')
  fs.mkdirSync(dest, { recursive: true })
  if (/^[^/]+\/release-phase$/.test(inputs.repository ?? '')) {
    job.log(
      `actions/checkout of ${inputs.repository}@${inputs.ref} → this repository's action.yml into ${inputs.path} (the player runs .test-dist/index.js for it)`
    )
    fs.copyFileSync(path.join(ROOT, 'action.yml'), path.join(dest, 'action.yml'))
    return { ok: true, outputs: {} }
  }
  if (inputs.repository && inputs.repository !== w.repository) {
    job.log(`actions/checkout of ${inputs.repository}: the player has no copy of that repository`)
    return { ok: false, outputs: {} }
  }
  const persist = (inputs['persist-credentials'] ?? 'true') !== 'false'
  // v6 keeps persisted credentials in a file under RUNNER_TEMP, included from .git/config; older majors
  // write the header into .git/config itself.
  const separate = Number(/^v?(\d+)/.exec(ref)?.[1] ?? 0) >= 6
  const where = separate ? 'a file under RUNNER_TEMP included from .git/config (v6)' : '.git/config (before v6)'
  job.log(
    `actions/checkout → local copy of the fixture app into ${inputs.path || 'the workspace'} (no network), a .git at GITHUB_SHA` +
      (persist ? `, the job token persisted in ${where}` : '')
  )
  fs.cpSync(w.fixture, dest, { recursive: true })
  writeGitDir(dest, job, persist ? job.token : undefined, separate)
  return { ok: true, outputs: {} }
}

/**
 * The `.git` checkout leaves: HEAD at the commit checked out and, with persist-credentials (the default),
 * the token as actions/checkout's git-auth-helper writes it: `http.https://github.com/.extraheader` in
 * .git/config before v6; from v6 in `$RUNNER_TEMP/git-credentials-<uuid>.config`, which .git/config
 * includes for this repository's git directory.
 */
function writeGitDir(dest: string, job: JobEnv, token: string | undefined, separate: boolean): void {
  const gitDir = path.join(dest, '.git')
  fs.mkdirSync(gitDir, { recursive: true })
  fs.writeFileSync(path.join(gitDir, 'HEAD'), `${job.env.GITHUB_SHA}\n`)
  let config = '[core]\n\trepositoryformatversion = 0\n\tbare = false\n'
  if (token) {
    const header = `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}\n`
    if (separate) {
      const file = path.join(job.runnerTemp, `git-credentials-${randomUUID()}.config`)
      fs.writeFileSync(file, header)
      config += `[includeIf "gitdir:${gitDir}/"]\n\tpath = ${file}\n`
    } else config += header
  }
  fs.writeFileSync(path.join(gitDir, 'config'), config)
}

const login: Local = (w, job, inputs) => {
  const registry = inputs.registry || 'docker.io'
  job.log(`docker/login-action → docker login ${registry} (the loopback registry)`)
  if (registry !== w.registry.host) {
    job.log(`  ${registry} is not the loopback registry: the player has no equivalent for it`)
    return { ok: false, outputs: {} }
  }
  return { ok: run('docker', ['login', registry, '--username', inputs.username, '--password-stdin'], job, inputs.password).ok, outputs: {} }
}

/**
 * setup-buildx-action creates a builder that exports caches and selects it for the job's later steps.
 * Here that builder is the docker driver of the world's containerd-image-store engine (world.ts),
 * selected the way a runner's docker CLI is pointed at an engine: DOCKER_HOST in the job's env.
 * A fresh runner's builder holds no build cache: an earlier job's is pruned, so a cache hit comes from
 * cache-from.
 */
const setupBuildx: Local = async (w, job) => {
  const builder = await w.builder()
  builder.docker('builder', 'prune', '--all', '--force')
  job.env.DOCKER_HOST = builder.host
  const version = builder.docker('version', '--format', '{{.Server.Version}}').trim()
  job.log(
    `docker/setup-buildx-action → DOCKER_HOST for the later steps = a private Docker ${version} engine with the containerd image store (its docker driver exports caches; the fixture's base images loaded, the registry forwarded; build cache pruned)`
  )
  return { ok: true, outputs: { name: 'default', driver: 'docker' } }
}

const DIGEST = /^sha256:[0-9a-f]{64}$/

/** The registry's answer for a manifest, by digest: the subject the attestation would name. */
const attest: Local = async (w, job, inputs): Promise<LocalResult> => {
  // Without id-token: write the runner provides no OIDC request URL, and the attestation API needs
  // attestations: write: the action fails as the real one does.
  if (!allows(job.permissions, 'id-token', 'write')) {
    job.log('  Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable (the job lacks permissions: id-token: write)')
    return { ok: false, outputs: {} }
  }
  if (!allows(job.permissions, 'attestations', 'write')) {
    job.log('  Error: Failed to persist attestation: Resource not accessible by integration (the job lacks permissions: attestations: write)')
    return { ok: false, outputs: {} }
  }
  const name = inputs['subject-name']
  const digest = inputs['subject-digest']
  job.log(`actions/attest-build-provenance → local check: ${name}@${digest} is a sha256 digest held by the registry (no Sigstore, no attestation API)`)
  if (!DIGEST.test(digest ?? '')) {
    job.log(`  subject-digest "${digest}" is not a sha256 digest`)
    return { ok: false, outputs: {} }
  }
  const prefix = `${w.registry.host}/`
  if (!name?.startsWith(prefix) || name.includes('@') || /:[^/]*$/.test(name.slice(prefix.length))) {
    job.log(`  subject-name "${name}" must be an image name in the registry, without tag or digest`)
    return { ok: false, outputs: {} }
  }
  const accept = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json'
  const r = await w.registry.get(`/v2/${name.slice(prefix.length)}/manifests/${digest}`, accept)
  job.log(`  registry: HTTP ${r.status}${inputs['push-to-registry'] === 'true' ? ' (push-to-registry: the attestation would be stored beside it)' : ''}`)
  return { ok: r.status === 200, outputs: { 'attestation-id': `local-${digest.slice(7, 19)}` } }
}

const buildPush: Local = (w, job, inputs): LocalResult => {
  job.log('docker/build-push-action → docker buildx build --load + docker push')
  const tags = (inputs.tags ?? '')
    .split(/[\n,]/)
    .map(t => t.trim())
    .filter(Boolean)
  const context = path.resolve(job.workspace, inputs.context || '.')
  const caches = (['cache-from', 'cache-to'] as const).flatMap(k => {
    const lines = w
      .substituteCache(k, inputs[k] ?? '')
      .split('\n')
      .filter(l => l.trim())
    if (lines.length) job.log(`  ${k}: ${inputs[k]} → ${lines.join(' ')}`)
    return lines.flatMap(l => [`--${k}`, l.trim()])
  })
  const build = run('docker', ['buildx', 'build', '--load', ...tags.flatMap(t => ['--tag', t]), ...caches, context], job)
  if (!build.ok) return { ok: false, outputs: {} }
  let digest = ''
  if (inputs.push === 'true') {
    for (const t of tags) {
      const p = run('docker', ['push', t], job)
      if (!p.ok) return { ok: false, outputs: {} }
      digest = /digest: (sha256:[0-9a-f]{64})/.exec(p.out)?.[1] ?? digest
    }
  }
  const id = run('docker', ['image', 'inspect', '--format', '{{.Id}}', tags[0]], job).out.trim()
  return { ok: true, outputs: { digest, imageid: id } }
}

/**
 * aws-actions/configure-aws-credentials with `role-to-assume`: exchanges the job's OIDC token for a
 * session (so the job needs id-token: write, or the real action fails to get one) and exports the
 * session's variables to every later step, masked. Here: a made-up session, no AWS.
 */
const awsCredentials: Local = (_w, job, inputs): LocalResult => {
  if (!inputs['role-to-assume'] || !inputs['aws-region']) {
    job.log('  configure-aws-credentials: the player plays role-to-assume with aws-region only')
    return { ok: false, outputs: {} }
  }
  if (!allows(job.permissions, 'id-token', 'write')) {
    job.log('  Error: Credentials could not be loaded: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable (the job lacks id-token: write)')
    return { ok: false, outputs: {} }
  }
  const session = randomUUID().replace(/-/g, '')
  Object.assign(job.env, {
    AWS_ACCESS_KEY_ID: `ASIA${session.slice(0, 16).toUpperCase()}`,
    AWS_SECRET_ACCESS_KEY: `${session}${session}`.slice(0, 40),
    AWS_SESSION_TOKEN: `IQoJb3JpZ2luX2VjE${session}${session}`,
    AWS_REGION: inputs['aws-region'],
    AWS_DEFAULT_REGION: inputs['aws-region']
  })
  job.log(`aws-actions/configure-aws-credentials → a made-up session for ${inputs['role-to-assume']} in the job's env (no AWS; OIDC needs id-token: write)`)
  return { ok: true, outputs: { 'aws-account-id': inputs['role-to-assume'].split(':')[4] ?? '' } }
}

/**
 * docker/metadata-action (v6) for `images` and `tags` of `type=sha`, `type=ref,event=branch` and
 * `type=raw,value=…` (anything else is refused): its outputs `tags`, `labels` and `annotations` (level
 * `manifest`, its default) one per line, as it writes them. Repository facts it would ask the API for
 * (description, licenses) are empty here; the rest comes from the job's context.
 */
const metadata: Local = (_w, job, inputs) => {
  const env = job.env
  const images = (inputs.images ?? '')
    .split(/[\n,]/)
    .map(s => s.trim().toLowerCase())
    .filter(Boolean)
  const values: string[] = []
  for (const spec of (inputs.tags || 'type=ref,event=branch')
    .split('\n')
    .map(s => s.trim())
    .filter(Boolean)) {
    const attrs = Object.fromEntries(spec.split(',').map(kv => kv.split('=') as [string, string]))
    if (attrs.type === 'sha') values.push(`sha-${env.GITHUB_SHA.slice(0, 7)}`)
    else if (attrs.type === 'ref' && attrs.event === 'branch' && env.GITHUB_REF.startsWith('refs/heads/'))
      values.push(env.GITHUB_REF.slice(11).replace(/[^a-zA-Z0-9._-]+/g, '-'))
    else if (attrs.type === 'raw' && attrs.value) values.push(attrs.value)
    else if (!(attrs.type === 'ref' && attrs.event === 'branch')) {
      job.log(`  docker/metadata-action: the player plays type=sha, type=ref,event=branch and type=raw only, not ${spec}`)
      return { ok: false, outputs: {} }
    }
  }
  const url = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
  const oci: [string, string][] = [
    ['created', new Date().toISOString()],
    ['description', ''],
    ['licenses', ''],
    ['revision', env.GITHUB_SHA],
    ['source', url],
    ['title', env.GITHUB_REPOSITORY.split('/')[1]],
    ['url', url],
    ['version', values[0] ?? '']
  ]
  const labels = oci.map(([k, v]) => `org.opencontainers.image.${k}=${v}`)
  const outputs = {
    tags: images.flatMap(i => values.map(v => `${i}:${v}`)).join('\n'),
    labels: labels.join('\n'),
    annotations: labels.map(l => `manifest:${l}`).join('\n'),
    version: values[0] ?? ''
  }
  job.log(`docker/metadata-action → tags ${outputs.tags.replace(/\n/g, ', ')}; OCI labels and manifest annotations from the job's context`)
  return { ok: true, outputs }
}

/**
 * webfactory/ssh-agent: starts ssh-agent, adds `ssh-private-key` (one or more keys), and puts
 * SSH_AUTH_SOCK and SSH_AGENT_PID in the env of every later step. Its post step kills the agent: here the world does.
 */
const sshAgent: Local = (w, job, inputs) => {
  const key = inputs['ssh-private-key'] ?? ''
  if (!key.includes('PRIVATE KEY')) {
    job.log(
      '  Error: The ssh-private-key argument is empty. Maybe the secret has not been configured, or you are using a wrong secret name in your workflow file.'
    )
    return { ok: false, outputs: {} }
  }
  const socket = path.join(job.runnerTemp, 'ssh-agent.sock')
  const agent = spawnSync('ssh-agent', ['-a', socket], { encoding: 'utf8' })
  const pid = /SSH_AGENT_PID=(\d+)/.exec(agent.stdout)?.[1]
  if (agent.status !== 0 || !pid) return { ok: false, outputs: {} }
  w.onStop(() => spawnSync('kill', [pid]))
  const added = spawnSync('ssh-add', ['-'], { input: key.replace(/\n?$/, '\n'), env: { ...process.env, SSH_AUTH_SOCK: socket }, encoding: 'utf8' })
  if (added.status !== 0) {
    job.log(`  ssh-add: ${added.stderr.trim()}`)
    return { ok: false, outputs: {} }
  }
  Object.assign(job.env, { SSH_AUTH_SOCK: socket, SSH_AGENT_PID: pid })
  job.log(`webfactory/ssh-agent → ssh-agent ${pid} holding the key; SSH_AUTH_SOCK for later steps`)
  return { ok: true, outputs: {} }
}

/** `uses:` → its local equivalent, by action name (any ref). */
export const LOCAL_ACTIONS: Record<string, Local> = {
  'actions/checkout': checkout,
  'docker/login-action': login,
  'docker/setup-buildx-action': setupBuildx,
  'actions/attest-build-provenance': attest,
  'docker/build-push-action': buildPush,
  'aws-actions/configure-aws-credentials': awsCredentials,
  'docker/metadata-action': metadata,
  'webfactory/ssh-agent': sshAgent
}
