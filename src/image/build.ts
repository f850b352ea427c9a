import * as path from 'node:path'
import type { Settings } from '../inputs/settings.js'
import { buildExtrasArgv } from './build-inputs.js'
import { splitPair } from '../inputs/grammar.js'
import { InputError } from '../errors.js'
import { formatRef, parseTagRef, type TagRef } from './ref.js'

export interface GitHubContext {
  repository?: string
  sha?: string
  serverUrl?: string
}

/**
 * The repository and commit the image is made from. `checkedOut` (image/git-head.ts) wins over GITHUB_SHA:
 * under `pull_request_target` the event's commit is the base branch's, while the workspace holds the
 * pull request's head (design.md §3.2).
 */
export function githubContext(env: NodeJS.ProcessEnv, checkedOut?: string): GitHubContext {
  return { repository: env.GITHUB_REPOSITORY, sha: checkedOut ?? env.GITHUB_SHA, serverUrl: env.GITHUB_SERVER_URL || 'https://github.com' }
}

/**
 * design.md §3: `<repository, lower-cased>:<sha>` in GitHub, `<folder>:local` outside; validated like a
 * given tag, before any side effect (`acme/.github` makes `acme/.github:<sha>`, which no engine accepts).
 */
export function defaultTags(s: Settings, gh: GitHubContext): TagRef[] {
  const text = gh.repository && gh.sha ? `${gh.repository.toLowerCase()}:${gh.sha}` : `${localName(s.workingDirectory)}:local`
  try {
    return [parseTagRef(text)]
  } catch {
    throw new InputError(
      `tags: the default tag ${JSON.stringify(text)} (made from ${gh.repository ? 'GITHUB_REPOSITORY and the commit' : 'the folder name'}) is not a valid image reference; set tags`
    )
  }
}

function localName(workingDirectory: string): string {
  const folder = path
    .basename(workingDirectory)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '')
  return folder || 'app'
}

/** OCI labels from the GitHub context; the user's `labels` win on the same key. */
export function buildLabels(s: Settings, gh: GitHubContext, now: Date): string[] {
  const labels = new Map<string, string>()
  if (gh.repository) {
    labels.set('org.opencontainers.image.source', `${gh.serverUrl}/${gh.repository}`)
    if (gh.sha) labels.set('org.opencontainers.image.revision', gh.sha)
    labels.set('org.opencontainers.image.created', now.toISOString())
  }
  for (const l of s.labels) {
    const { key, value } = splitPair(l)
    labels.set(key, value ?? '')
  }
  return [...labels].map(([k, v]) => `${k}=${v}`)
}

/**
 * The `docker buildx build` argv (design.md §3). Build secrets are `env=` references: values never appear.
 * `name` is the run-private name (run-record.ts runImageName): the requested tags move only once the release passed.
 */
export function buildArgv(s: Settings, opts: { name: string; labels: string[]; dockerfile: string; iidfile: string; metadataFile: string }): string[] {
  const argv = ['buildx', 'build']
  if (s.builder) argv.push('--builder', s.builder)
  argv.push('--load', '--iidfile', opts.iidfile, '--metadata-file', opts.metadataFile)
  argv.push('--file', opts.dockerfile)
  if (s.target) argv.push('--target', s.target)
  if (s.platform) argv.push('--platform', s.platform)
  if (s.pull) argv.push('--pull')
  if (s.noCache) argv.push('--no-cache')
  for (const a of s.buildArgs) argv.push('--build-arg', a)
  for (const l of opts.labels) argv.push('--label', l)
  argv.push('--tag', opts.name)
  for (const c of s.cacheFrom) argv.push('--cache-from', c)
  for (const c of s.cacheTo) argv.push('--cache-to', c)
  for (const b of s.buildSecrets) argv.push('--secret', `id=${b.name},env=${b.source}`)
  argv.push(...buildExtrasArgv(s))
  argv.push(s.context)
  return argv
}

// buildx 0.13: "Cache export is not supported for the docker driver."; older: "cache export feature is currently not supported for docker driver".
const CACHE_EXPORT_REFUSED = /cache export (feature )?is (currently )?not supported for (the )?docker driver/i

/**
 * The error for a failed build, from its last output lines: buildx's own words are not always a fix.
 * On a remote engine (`docker-host`) a builder made by docker/setup-buildx-action runs on the runner's
 * engine, not on the deploy host, so it is not suggested there.
 */
export function buildFailure(code: number, tail: string, remote = false): string {
  if (CACHE_EXPORT_REFUSED.test(tail)) {
    const builder = remote
      ? 'A docker/setup-buildx-action builder would build on the runner, not on that engine: '
      : 'Add a docker/setup-buildx-action step before this one (it creates and selects a docker-container builder), or '
    return `cache-to: the builder uses the docker driver, which cannot export build cache on this engine. ${builder}use cache-to: type=inline, or remove cache-to`
  }
  if (tail.includes('unsupported frontend capability moby.buildkit.frontend.contexts')) {
    const fix = remote
      ? 'Upgrade the Docker Engine on that host, or give the other images by reference in the Dockerfile'
      : 'Add a docker/setup-buildx-action step before this one to build with a docker-container builder'
    return `build-contexts: this engine's builtin BuildKit has no named contexts (Docker Engine 23 or later has them). ${fix}`
  }
  return `docker buildx build failed with exit code ${code}`
}

/**
 * buildx's metadata names the image it built (`image.name`, where the builder writes it): the run's own
 * name here. The output names the requested tags, as docker/build-push-action's does; text that is not
 * such an object is passed on as it is.
 */
export function namedMetadata(text: string, tags: readonly TagRef[]): string {
  try {
    const m = JSON.parse(text) as unknown
    if (typeof m !== 'object' || m === null || typeof (m as Record<string, unknown>)['image.name'] !== 'string') return text
    return JSON.stringify({ ...m, 'image.name': tags.map(formatRef).join(',') }, null, 2)
  } catch {
    return text
  }
}
