import * as core from '../runner.js'
import { sha256hex } from '../digest.js'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ActionError, DockerError } from '../errors.js'
import type { DockerClient } from '../docker/cli.js'

export const DEFAULT_BUILDX_URL = 'https://github.com/docker/buildx/releases/download/v{version}/buildx-v{version}.{os}-{arch}'

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm-v7', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' }

/** Fills the download template the way buildx names its release assets. */
export function buildxUrl(template: string, version: string, platform: string = process.platform, arch: string = process.arch): string {
  const osName = platform === 'win32' ? 'windows' : platform
  const url = (template || DEFAULT_BUILDX_URL)
    .replace(/\{version\}/g, version)
    .replace(/\{os\}/g, osName)
    .replace(/\{arch\}/g, ARCH[arch] ?? arch)
  return osName === 'windows' && !template && !url.endsWith('.exe') ? `${url}.exe` : url
}

/** A checksum for `fileName` from a `checksums.txt` (`<sha256> [*]name` lines) or a bare `.sha256` file. */
export function parseChecksum(text: string, fileName: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64})(?:\s+\*?(\S+))?\s*$/.exec(line.trim())
    if (m && (!m[2] || m[2] === fileName || path.basename(m[2]) === fileName)) return m[1].toLowerCase()
  }
  return undefined
}

/** The installed buildx's version, or undefined when `docker buildx` does not answer. */
export async function installedBuildx(cli: DockerClient): Promise<string | undefined> {
  const r = await cli.exec(['buildx', 'version'])
  if (r.code !== 0) return undefined
  return /\bv?(\d+\.\d+\.\d+)/.exec(r.stdout)?.[1] ?? 'unknown'
}

/**
 * The release's checksum for the asset: `checksums.txt` beside it (what buildx releases publish),
 * else `<url>.sha256`. Undefined when neither is published; a server error is an error.
 */
async function publishedChecksum(url: string): Promise<{ sum: string; from: string } | undefined> {
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '')
  for (const candidate of [new URL('checksums.txt', url).toString(), `${url}.sha256`]) {
    const res = await fetch(candidate)
    if (res.status === 404) continue
    if (!res.ok) throw new ActionError(`buildx: fetching the checksums ${candidate} failed: HTTP ${res.status}`)
    const sum = parseChecksum(await res.text(), name)
    if (!sum) throw new ActionError(`buildx: ${candidate} lists no checksum for ${name}`)
    return { sum, from: candidate }
  }
  return undefined
}

const sha256 = (file: string): string => sha256hex(fs.readFileSync(file))

/**
 * design.md §8: make `docker buildx` the asked version. Nothing is downloaded when it already is, or when
 * the tool cache holds it; otherwise it is downloaded, its checksum verified, cached under `buildx`,
 * and placed as a CLI plugin under $DOCKER_CONFIG/cli-plugins (or ~/.docker/cli-plugins).
 * @actions/tool-cache is loaded here only: runs that do not ask pay nothing for it.
 */
export async function ensureBuildx(cli: DockerClient, version: string, template: string): Promise<void> {
  const have = await installedBuildx(cli)
  if (have === version) return
  core.info(have ? `buildx ${have} is installed; installing ${version}` : `buildx is not installed; installing ${version}`)
  // Outside a runner the tool cache has no home by default.
  process.env.RUNNER_TOOL_CACHE ||= path.join(os.homedir(), '.cache', 'release-phase', 'tool-cache')
  process.env.RUNNER_TEMP ||= os.tmpdir()
  const tc = await import('@actions/tool-cache')
  let dir = tc.find('buildx', version)
  if (dir) {
    core.info(`buildx ${version} found in the tool cache`)
  } else {
    const url = buildxUrl(template, version)
    const downloaded = await tc.downloadTool(url).catch((e: Error) => {
      throw new ActionError(`buildx: downloading ${url} failed: ${e.message}`)
    })
    try {
      const expected = await publishedChecksum(url)
      const actual = sha256(downloaded)
      if (!expected) core.warning(`buildx: no checksums file is published beside ${url}; installed without a checksum check`)
      else if (expected.sum !== actual) {
        throw new ActionError(`buildx: checksum mismatch for ${url}: expected ${expected.sum} (from ${expected.from}), got ${actual}; nothing was installed`)
      } else core.info(`buildx: sha256 ${actual} matches ${expected.from}`)
      dir = await tc.cacheFile(downloaded, 'docker-buildx', 'buildx', version)
    } finally {
      fs.rmSync(downloaded, { force: true })
    }
  }
  const pluginDir = path.join(process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'cli-plugins')
  fs.mkdirSync(pluginDir, { recursive: true })
  const target = path.join(pluginDir, process.platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx')
  // Copy then rename: a half-written plugin is never visible to a concurrent docker.
  fs.copyFileSync(path.join(dir, 'docker-buildx'), `${target}.tmp`)
  fs.chmodSync(`${target}.tmp`, 0o755)
  fs.renameSync(`${target}.tmp`, target)
  const now = await installedBuildx(cli)
  if (now !== version) throw new DockerError(`buildx ${version} was installed to ${target}, but docker buildx reports ${now ?? 'nothing'}`)
  core.info(`buildx ${version} installed as ${target}`)
}
