import { DockerError, lastLine } from '../errors.js'
import type { DockerClient } from '../docker/cli.js'
import { splitPair } from '../inputs/grammar.js'

/** The parts of `docker image inspect` the action uses; `config` is kept whole for the predeploy commit. */
export interface ImageInfo {
  id: string
  repoDigests: string[]
  entrypoint: string[] | null
  cmd: string[] | null
  env: string[]
  config: Record<string, unknown>
  /** The engine keeps images in the containerd image store (its inspect reports no graph driver data). */
  containerdStore: boolean
}

export const BUILDX_MISSING =
  'docker buildx is not installed; set the buildx-version input (e.g. 0.13.1) to install it, or use docker/setup-buildx-action before this step'

/** What the CLI prints when the buildx plugin is absent (checked on a failed build, not before every run). */
export function isBuildxMissing(output: string): boolean {
  return /'buildx' is not a docker command|unknown command:? "?(docker )?buildx/i.test(output)
}

/** The daemon answers (design.md §9). buildx is checked by the build itself: a pre-check costs every run a CLI start. */
export async function checkEngine(cli: DockerClient): Promise<void> {
  const info = await cli.serverVersion()
  if (info.code !== 0) {
    throw new DockerError(`cannot reach the Docker daemon (${lastLine(info.stderr) || 'no answer'}); start it, or set DOCKER_HOST to a reachable engine`)
  }
}

export async function inspectImage(cli: DockerClient, ref: string): Promise<ImageInfo | undefined> {
  const r = await cli.inspectImageJson(ref)
  if (r.code !== 0) {
    if (/no such image/i.test(r.stderr)) return undefined
    throw new DockerError(`docker image inspect ${ref} failed: ${lastLine(r.stderr)}`)
  }
  const raw = JSON.parse(r.stdout) as { Id: string; RepoDigests?: string[]; Config?: Record<string, unknown>; GraphDriver?: { Data?: unknown } }
  const config = raw.Config ?? {}
  return {
    id: raw.Id,
    repoDigests: raw.RepoDigests ?? [],
    entrypoint: (config.Entrypoint as string[] | null) ?? null,
    cmd: (config.Cmd as string[] | null) ?? null,
    env: (config.Env as string[] | null) ?? [],
    config,
    containerdStore: raw.GraphDriver != null && raw.GraphDriver.Data == null
  }
}

/** Image ENV as a map, for exec-mode `$NAME` expansion. */
export function imageEnv(info: ImageInfo): Map<string, string> {
  const m = new Map<string, string>()
  for (const kv of info.env) {
    const { key, value } = splitPair(kv)
    if (key && value !== undefined) m.set(key, value)
  }
  return m
}
