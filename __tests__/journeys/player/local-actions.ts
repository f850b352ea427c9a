import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../../helpers/engine.js'
import type { World } from './world.js'

/**
 * Local equivalents of the actions that need the internet. Each says what it does instead
 * (the player logs it) and fails like the real one would on bad input.
 */
export interface JobEnv {
  workspace: string
  runnerTemp: string
  dockerConfig: string
  log(line: string): void
}

export interface LocalResult {
  ok: boolean
  outputs: Record<string, string>
}

type Local = (w: World, job: JobEnv, inputs: Record<string, string>) => Promise<LocalResult> | LocalResult

function run(cmd: string, args: string[], job: JobEnv, input?: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', cwd: job.workspace, env: { ...process.env, DOCKER_CONFIG: job.dockerConfig } })
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`
  for (const l of out.split('\n').filter(Boolean)) job.log(`  ${l}`)
  return { ok: r.status === 0, out: r.stdout ?? '' }
}

/** The app (the fixture), or this action itself (its action.yml: the player runs the bundle for it), into `path`. */
const checkout: Local = (w, job, inputs) => {
  const dest = path.resolve(job.workspace, inputs.path || '.')
  fs.mkdirSync(dest, { recursive: true })
  if (/^[^/]+\/release-phase$/.test(inputs.repository ?? '')) {
    job.log(`actions/checkout of ${inputs.repository}@${inputs.ref} → this repository's action.yml into ${inputs.path} (the player runs .test-dist/index.js for it)`)
    fs.copyFileSync(path.join(ROOT, 'action.yml'), path.join(dest, 'action.yml'))
    return { ok: true, outputs: {} }
  }
  if (inputs.repository && inputs.repository !== w.repository) {
    job.log(`actions/checkout of ${inputs.repository}: the player has no copy of that repository`)
    return { ok: false, outputs: {} }
  }
  job.log(`actions/checkout → local copy of the fixture app into ${inputs.path || 'the workspace'} (no network)`)
  fs.cpSync(w.fixture, dest, { recursive: true })
  return { ok: true, outputs: {} }
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
 * setup-buildx-action would create a docker-container builder. That builder cannot see the engine's
 * local images the fixtures build FROM (nothing can be pulled here), so the player keeps buildx's
 * docker driver and says so; what needs the other driver (cache export) then fails as it would for a
 * user who left setup-buildx-action out.
 */
const setupBuildx: Local = (_w, job) => {
  job.log("docker/setup-buildx-action → kept buildx's docker driver: a docker-container builder cannot see the engine's local base images (none can be pulled here)")
  return { ok: true, outputs: { name: 'default', driver: 'docker' } }
}

const DIGEST = /^sha256:[0-9a-f]{64}$/

/** The registry's answer for a manifest, by digest: the subject the attestation would name. */
const attest: Local = async (w, job, inputs): Promise<LocalResult> => {
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

const buildPush: Local = (_w, job, inputs): LocalResult => {
  const dropped = ['cache-from', 'cache-to'].filter(k => inputs[k])
  job.log(`docker/build-push-action → docker buildx build --load + docker push${dropped.length ? ` (${dropped.join(', ')} dropped: no cache service here)` : ''}`)
  const tags = (inputs.tags ?? '').split(/[\n,]/).map(t => t.trim()).filter(Boolean)
  const context = path.resolve(job.workspace, inputs.context || '.')
  const build = run('docker', ['buildx', 'build', '--load', ...tags.flatMap(t => ['--tag', t]), context], job)
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

/** `uses:` → its local equivalent, by action name (any ref). */
export const LOCAL_ACTIONS: Record<string, Local> = {
  'actions/checkout': checkout,
  'docker/login-action': login,
  'docker/setup-buildx-action': setupBuildx,
  'actions/attest-build-provenance': attest,
  'docker/build-push-action': buildPush
}
