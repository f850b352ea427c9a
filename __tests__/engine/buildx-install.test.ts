import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, errorLines, makeApp, runAction } from '../helpers/engine.js'

const SYSTEM_PLUGINS = '/usr/libexec/docker/cli-plugins'
const REAL_BUILDX = path.join(SYSTEM_PLUGINS, 'docker-buildx')
const VERSION = '0.13.1'
const ARCH = ({ x64: 'amd64', arm64: 'arm64' } as Record<string, string>)[process.arch] ?? process.arch

/** Hides the system's buildx: a private mount namespace with an empty dir over the plugin dir. */
const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-empty-'))
const hideDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'hide-dir.mjs')
const withoutBuildx = ['unshare', '--mount', '--propagation', 'private', process.execPath, hideDir, empty, SYSTEM_PLUGINS]

describeEngine('buildx on demand through the tool cache (SPEC 8)', () => {
  let server: http.Server
  let base = ''
  const requests: string[] = []
  let checksums = ''
  beforeAll(async () => {
    const binary = fs.readFileSync(REAL_BUILDX)
    const asset = `buildx-v${VERSION}.linux-${ARCH}`
    checksums = `${createHash('sha256').update(binary).digest('hex')} *${asset}\n${'0'.repeat(64)} *buildx-v${VERSION}.darwin-arm64\n`
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '')
      const [, release, file] = /^\/(good|bad)\/v[\d.]+\/(.+)$/.exec(req.url ?? '') ?? []
      if (file === asset) return res.end(binary)
      if (file === 'checksums.txt') return res.end(release === 'good' ? checksums : checksums.replace(/^[0-9a-f]{64}/, 'f'.repeat(64)))
      res.statusCode = 404
      res.end('not found')
    })
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => server?.close())

  const app = () => makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo built-with-installed-buildx > /proof\n`, Procfile: 'release: cat /proof\n' })
  const dirs = () => ({
    dockerConfig: fs.mkdtempSync(path.join(os.tmpdir(), 'rp-dockercfg-')),
    toolCache: fs.mkdtempSync(path.join(os.tmpdir(), 'rp-toolcache-'))
  })

  it('installs the asked version where buildx is absent, then builds; a second run hits the cache', async () => {
    const { dockerConfig, toolCache } = dirs()
    const inputs = { 'buildx-version': VERSION, 'buildx-download-url': `${base}/good/v{version}/buildx-v{version}.{os}-{arch}` }
    const first = await runAction({ workspace: app(), inputs, env: { DOCKER_CONFIG: dockerConfig, RUNNER_TOOL_CACHE: toolCache }, wrap: withoutBuildx })
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(first.stdout).toContain(`buildx is not installed; installing ${VERSION}`)
    expect(first.stdout).toMatch(/^built-with-installed-buildx$/m)
    expect(requests).toEqual([`/good/v${VERSION}/buildx-v${VERSION}.linux-${ARCH}`, `/good/v${VERSION}/checksums.txt`])
    expect(fs.statSync(path.join(dockerConfig, 'cli-plugins', 'docker-buildx')).mode & 0o111).toBeTruthy()
    expect(fs.existsSync(path.join(toolCache, 'buildx', VERSION))).toBe(true)

    // Fresh Docker config, same tool cache: installed from the cache, the server sees nothing.
    const second = await runAction({ workspace: app(), inputs, env: { DOCKER_CONFIG: dirs().dockerConfig, RUNNER_TOOL_CACHE: toolCache }, wrap: withoutBuildx })
    expect(second.code, second.stdout).toBe(0)
    expect(second.stdout).toContain(`buildx ${VERSION} found in the tool cache`)
    expect(requests).toHaveLength(2)
  })

  it('a wrong checksum fails clearly and installs nothing', async () => {
    const { dockerConfig, toolCache } = dirs()
    const url = `${base}/bad/v{version}/buildx-v{version}.{os}-{arch}`
    const r = await runAction({
      workspace: app(),
      inputs: { 'buildx-version': VERSION, 'buildx-download-url': url },
      env: { DOCKER_CONFIG: dockerConfig, RUNNER_TOOL_CACHE: toolCache },
      wrap: withoutBuildx
    })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      new RegExp(
        `^::error::buildx: checksum mismatch for ${base}/bad/v${VERSION}/buildx-v${VERSION}.linux-${ARCH}: expected f{64} \\(from ${base}/bad/v${VERSION}/checksums.txt\\), got [0-9a-f]{64}; nothing was installed$`
      )
    )
    expect(fs.existsSync(path.join(dockerConfig, 'cli-plugins', 'docker-buildx'))).toBe(false)
    expect(fs.existsSync(path.join(toolCache, 'buildx'))).toBe(false)
    expect(r.dockerCalls.some(c => c[0] === 'buildx' && c[1] === 'build')).toBe(false)
  })

  it('downloads nothing when the installed buildx already matches', async () => {
    const before = requests.length
    const { dockerConfig, toolCache } = dirs()
    const r = await runAction({
      workspace: app(),
      inputs: { 'buildx-version': VERSION, 'buildx-download-url': `${base}/good/v{version}/buildx-v{version}.{os}-{arch}` },
      env: { DOCKER_CONFIG: dockerConfig, RUNNER_TOOL_CACHE: toolCache }
    })
    expect(r.code, r.stdout).toBe(0)
    expect(requests.length).toBe(before)
    expect(fs.existsSync(path.join(dockerConfig, 'cli-plugins'))).toBe(false)
  })
})
