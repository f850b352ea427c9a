import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { containerdEngineBin, startPrivateDaemon, type PrivateDaemon } from '../../helpers/daemon.js'
import { BASE_IMAGE, docker, REAL_DOCKER } from '../../helpers/engine.js'
import { startRegistry, type Registry } from '../../helpers/registry.js'
import { startRemoteHost, type RemoteHost } from '../../helpers/remote-host.js'
import { startGitHubApi, type FakeGitHubApi } from './github-api.js'
import type { Permissions } from './permissions.js'
import { startTokenProxy } from './token-registry.js'
import { randomBytes } from 'node:crypto'
import { ensurePostgresImage, isPostgres, POSTGRES_IMAGE } from './postgres.js'
import { isMap, isScalar, isSeq, parseDocument } from 'yaml'

/**
 * What the documented workflows reach on GitHub, and what stands in for it here. The player prints
 * this table at the start of every run, and says so again at each step it replaces.
 */
export const SUBSTITUTIONS: [string, string][] = [
  ['registry host `ghcr.io`', 'a real htpasswd registry on loopback (helpers/registry.ts), behind a proxy that checks job tokens as ghcr.io does'],
  [
    '`github.actor` / `secrets.GITHUB_TOKEN` / `github.token`',
    "that registry's user / a token per job holding the job's permissions (job over workflow, else the restricted default contents: read, packages: read; a called workflow only narrows): a push needs packages: write, listing deployments deployments: read, an attestation id-token: write and attestations: write"
  ],
  ['GitHub REST API (deployments)', 'a loopback fake holding the deployments of every run (github-api.ts)'],
  ['`uses: <owner>/release-phase@<ref>`', '.test-dist/index.js, main then post, started as the runner starts it'],
  ['`uses: <owner>/release-phase/.github/workflows/<file>@<ref>`', "this repository's .github/workflows/<file>"],
  ['actions/checkout', "a copy of the journey's fixture app into the job's workspace"],
  ['docker/login-action', "`docker login` against the loopback registry, in the job's DOCKER_CONFIG"],
  [
    'docker/setup-buildx-action',
    "DOCKER_HOST for the job's later steps = a containerd-image-store engine (Docker >= 24, private to the world) whose docker driver exports caches; the fixture's base images loaded into it, the registry and API forwarded to it; later release-phase steps run in its network namespace (a runner's engine shares the runner's loopback)"
  ],
  ["`cache-from`/`cache-to` `type=gha` (the runner's cache service)", '`type=local` in a directory of the world, kept across its runs'],
  ['docker/build-push-action', '`docker buildx build --load` (cache-from/cache-to as above) + `docker push`'],
  ['actions/attest-build-provenance', 'a check that subject-digest is a sha256 digest the registry holds for subject-name'],
  ['docker/metadata-action', 'its tags, labels and manifest annotations computed from the job context (type=sha, ref/branch, raw)'],
  ['webfactory/ssh-agent', "a real ssh-agent holding ssh-private-key, SSH_AUTH_SOCK in the job's env, ended when the world stops"],
  [
    '`vars.DEPLOY_HOST`, `vars.DEPLOY_KNOWN_HOSTS`',
    'the deploy host of helpers/remote-host.ts (sshd and its own dockerd in a network namespace, the registry on its loopback), and its host key line'
  ],
  ['aws-actions/configure-aws-credentials', "a made-up session (AWS_ACCESS_KEY_ID, …, AWS_REGION) in the job's env; needs id-token: write"],
  ['`services:` image `postgres:*`', `${POSTGRES_IMAGE}, PostgreSQL built from the host's Debian packages (scripts/postgres-image.sh), on a user network`],
  [
    "`sidecars:` image `postgres:*` (this action's input)",
    `${POSTGRES_IMAGE}, the same image, started by the action itself as the sidecar (options and readiness as written)`
  ],
  [
    '`on: pull_request` (a workflow with no `push` trigger)',
    'played as pull request #1 from branch `feature` into main: github.event.pull_request (number, head.sha, head.ref, base.ref), GITHUB_REF refs/pull/1/merge'
  ],
  ['`environment:` approval', "granted; the job gets the environment's secrets and a deployment is recorded"]
]

export interface World {
  registry: Registry
  /** A GITHUB_TOKEN for one job, holding exactly these permissions (permissions.ts). */
  issueToken(permissions: Permissions): string
  api: FakeGitHubApi
  /** The app actions/checkout copies into each job's workspace. */
  fixture: string
  repository: string
  /** Repository secrets, and environment-scoped secrets by environment name. */
  secrets: Record<string, string>
  environments: Record<string, Record<string, string>>
  vars: Record<string, string>
  nextRunId: number
  /** Maps a documented value to its local equivalent (the registry host). */
  substitute(text: string): string
  /** Maps `type=gha` cache lines of a cache-from / cache-to input to a local cache directory. */
  substituteCache(input: 'cache-from' | 'cache-to', text: string): string
  /**
   * This action's `sidecars` input with each `postgres:*` image replaced by POSTGRES_IMAGE (built on
   * demand); `log` is told of each replacement. Any other image must be present on the engine already.
   */
  substituteSidecars(text: string, log: (line: string) => void): string
  /** That directory: the world's "cache service", kept across its runs. */
  cacheDir: string
  /** setup-buildx-action's builder: started on first use, one per world, stopped with it. */
  builder(): Promise<PrivateDaemon>
  /** The builder once started (steps.ts runs the action in its network namespace when a job uses it). */
  startedBuilder(): Promise<PrivateDaemon | undefined>
  /**
   * The deploy host of the remote-engine workflow (helpers/remote-host.ts): sshd and its own dockerd in a
   * network namespace, the fixture's base images loaded, the registry on its loopback. Started on first use.
   */
  deployHost(): Promise<RemoteHost>
  /** Work to do when the world stops (the processes local actions started, such as ssh-agent). */
  onStop(work: () => void): void
  stop(): Promise<void>
}

export interface WorldOptions {
  fixture: string
  secrets?: Record<string, string>
  environments?: Record<string, Record<string, string>>
}

export async function startWorld(opts: WorldOptions): Promise<World> {
  const tokens = new Map<string, Permissions>()
  const real = await startRegistry()
  const proxy = await startTokenProxy(real)
  const registry: Registry = { ...real, host: proxy.host, stop: () => (proxy.stop(), real.stop()) }
  const repository = `acme/web-${process.pid}-${Date.now().toString(36)}`
  const api = await startGitHubApi(repository, t => tokens.get(t))
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-journey-cache-'))
  let builder: Promise<PrivateDaemon> | undefined
  let host: Promise<RemoteHost> | undefined
  const stops: (() => void)[] = []
  // A fixture built FROM the postgres stand-in (pgapp, pgrehearsal) needs it before its first build.
  if (baseImages(opts.fixture).includes(POSTGRES_IMAGE)) ensurePostgresImage()
  return {
    registry,
    issueToken(permissions) {
      const token = `ghs_${randomBytes(18).toString('base64url')}`
      tokens.set(token, permissions)
      proxy.issue(token, permissions)
      return token
    },
    api,
    fixture: opts.fixture,
    repository,
    // GITHUB_TOKEN is each job's own (workflow.ts, issueToken).
    secrets: { ...opts.secrets },
    environments: opts.environments ?? {},
    vars: {},
    nextRunId: 7_000_001,
    substitute: text => text.replaceAll('ghcr.io', registry.host),
    substituteCache: (input, text) => {
      const attr = input === 'cache-from' ? 'src' : 'dest'
      return text
        .split('\n')
        .map(line => {
          const [type, ...attrs] = line.trim().split(',')
          if (type !== 'type=gha') return line
          const kept = attrs.filter(a => !/^(scope|url|token)=/.test(a))
          return [`type=local`, `${attr}=${cacheDir}`, ...kept].join(',')
        })
        .join('\n')
    },
    substituteSidecars,
    cacheDir,
    builder: () => (builder ??= startBuilder(opts.fixture, registry, api)),
    startedBuilder: async () => builder?.catch(() => undefined),
    deployHost: () => (host ??= startDeployHost(opts.fixture, registry)),
    onStop: work => void stops.push(work),
    async stop() {
      for (const work of stops.splice(0)) work()
      if (host) (await host.catch(() => undefined))?.stop()
      // The images the journeys built and pulled are named after the loopback registry.
      const refs = docker('image', 'ls', '--digests', '--format', '{{.Repository}} {{.Tag}} {{.Digest}}')
        .split('\n')
        .map(l => l.split(' '))
        .filter(([repo]) => repo.startsWith(`${registry.host}/`))
        .map(([repo, tag, digest]) => (tag === '<none>' ? `${repo}@${digest}` : `${repo}:${tag}`))
      if (refs.length) spawnSync('docker', ['image', 'rm', '-f', ...refs], { stdio: 'ignore' })
      if (builder) (await builder.catch(() => undefined))?.stop()
      registry.stop()
      fs.rmSync(cacheDir, { recursive: true, force: true })
      await api.stop()
    }
  }
}

/** Edits the image scalars of the YAML in place: the rest of the input (comments, layout) is kept. */
function substituteSidecars(text: string, log: (line: string) => void): string {
  const doc = parseDocument(text)
  if (doc.errors.length) return text // the action reports the input error itself
  // A list of sidecars (each names itself), or a mapping from name to sidecar.
  const entries: [unknown, unknown][] = isSeq(doc.contents)
    ? doc.contents.items.map(e => [isMap(e) ? e.get('name') : '', e])
    : isMap(doc.contents)
      ? doc.contents.items.map(p => [isScalar(p.key) ? p.key.value : p.key, p.value])
      : []
  for (const [name, entry] of entries) {
    const image = isMap(entry) ? entry.get('image', true) : undefined
    if (!isScalar(image) || typeof image.value !== 'string') continue
    if (isPostgres(image.value)) {
      ensurePostgresImage()
      log(`sidecars: ${String(name)}: image ${image.value} → ${POSTGRES_IMAGE} (built from Debian's postgresql; nothing can be pulled here)`)
      image.value = POSTGRES_IMAGE
    } else if (spawnSync('docker', ['image', 'inspect', image.value], { stdio: 'ignore' }).status !== 0) {
      throw new Error(`sidecars: ${String(name)}: the player can provide postgres only, not ${image.value}`)
    }
  }
  return doc.toString()
}

/**
 * What setup-buildx-action gives a user: a builder that exports caches. Here, the docker driver of an
 * engine using the containerd image store (Docker >= 24, unpacked by scripts/containerd-engine.sh), a
 * private daemon holding the images the fixture builds FROM (nothing can be pulled) and reaching the
 * loopback registry through a forwarded port.
 */
async function startBuilder(fixture: string, registry: Registry, api: FakeGitHubApi): Promise<PrivateDaemon> {
  const bin = containerdEngineBin()
  if (!bin) throw new Error('docker/setup-buildx-action: no containerd-store engine (scripts/containerd-engine.sh failed)')
  const daemon = await startPrivateDaemon({ bin, config: { features: { 'containerd-snapshotter': true } } })
  try {
    const bases = baseImages(fixture).filter(i => i !== BASE_IMAGE)
    const load = bases.length
      ? spawnSync('sh', ['-c', `'${REAL_DOCKER}' save "$@" | DOCKER_HOST=${daemon.host} '${REAL_DOCKER}' load -q`, 'sh', ...bases], { encoding: 'utf8' })
      : undefined
    if (load && load.status !== 0) throw new Error(`docker/setup-buildx-action: cannot load ${bases.join(', ')} into the builder: ${load.stderr}`)
    await daemon.forwardPort(Number(registry.host.split(':')[1]))
    // The action runs beside this engine (steps.ts), as it runs beside a runner's: it reaches the API there.
    await daemon.forwardPort(Number(new URL(api.url).port))
    return daemon
  } catch (e) {
    daemon.stop()
    throw e
  }
}

async function startDeployHost(fixture: string, registry: Registry): Promise<RemoteHost> {
  const host = await startRemoteHost()
  try {
    const bases = baseImages(fixture).filter(i => i !== BASE_IMAGE)
    if (bases.length) spawnSync('sh', ['-c', `'${REAL_DOCKER}' save "$@" | DOCKER_HOST=unix://${host.socket} '${REAL_DOCKER}' load -q`, 'sh', ...bases])
    await host.forwardPort(Number(registry.host.split(':')[1]))
    return host
  } catch (e) {
    host.stop()
    throw e
  }
}

/** The images the fixture's Dockerfiles build FROM (not `scratch`, not their own stages). */
function baseImages(dir: string): string[] {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => /(^|\/)Dockerfile[^/]*$/.test(f))
  const images = new Set<string>()
  for (const f of files) {
    const stages = new Set<string>()
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)) {
      if (m[1] !== 'scratch' && !stages.has(m[1].toLowerCase())) images.add(m[1])
      if (m[2]) stages.add(m[2].toLowerCase())
    }
  }
  return [...images]
}

/** A fixture app under __tests__/journeys/fixtures/, copied to a temp dir (tests may edit it). */
export function fixtureCopy(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rp-fixture-${name}-`))
  fs.cpSync(path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', name), dir, { recursive: true })
  return dir
}
