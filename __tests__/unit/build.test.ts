import { describe, expect, it } from 'vitest'
import { readSettings } from '../../src/inputs.js'
import { buildArgv, buildLabels, defaultTags, githubContext } from '../../src/docker/build.js'

const settings = (inputs: Record<string, string>) => readSettings(n => inputs[n] ?? '', { GITHUB_WORKSPACE: '/ws' })
const files = { dockerfile: '/ws/Dockerfile', iidfile: '/t/iid', metadataFile: '/t/meta.json' }

describe('buildx argv (SPEC 3)', () => {
  it('minimal', () => {
    expect(buildArgv(settings({}), { ...files, tags: ['app:local'], labels: [] })).toEqual([
      'buildx', 'build', '--load', '--iidfile', '/t/iid', '--metadata-file', '/t/meta.json', '--file', '/ws/Dockerfile', '--tag', 'app:local', '/ws'
    ])
  })
  it('every input, gha cache included (cannot run here: argv only)', () => {
    const s = settings({
      builder: 'b1', target: 'prod', platforms: 'linux/arm64', pull: 'true', 'no-cache': 'true',
      'build-args': 'A=1\nB', 'cache-from': 'type=gha', 'cache-to': 'type=gha,mode=max', 'build-secrets': 'NPM_TOKEN\nkey=DEPLOY_KEY'
    })
    expect(buildArgv(s, { ...files, tags: ['x:1', 'x:2'], labels: ['a=b'] })).toEqual([
      'buildx', 'build', '--builder', 'b1', '--load', '--iidfile', '/t/iid', '--metadata-file', '/t/meta.json', '--file', '/ws/Dockerfile',
      '--target', 'prod', '--platform', 'linux/arm64', '--pull', '--no-cache', '--build-arg', 'A=1', '--build-arg', 'B', '--label', 'a=b',
      '--tag', 'x:1', '--tag', 'x:2', '--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max',
      '--secret', 'id=NPM_TOKEN,env=NPM_TOKEN', '--secret', 'id=key,env=DEPLOY_KEY', '/ws'
    ])
  })
  it('default tags: repository lower-cased and sha in GitHub, folder:local outside', () => {
    expect(defaultTags(settings({}), githubContext({ GITHUB_REPOSITORY: 'Acme/Web', GITHUB_SHA: 'f00' }))).toEqual(['acme/web:f00'])
    expect(defaultTags(readSettings(() => '', { GITHUB_WORKSPACE: '/src/My App_' }), {})).toEqual(['my-app:local'])
  })
  it('OCI labels from the context, user labels win', () => {
    const gh = githubContext({ GITHUB_REPOSITORY: 'acme/web', GITHUB_SHA: 'f00', GITHUB_SERVER_URL: 'https://ghe.example' })
    expect(buildLabels(settings({ labels: 'org.opencontainers.image.revision=mine\nx=1' }), gh, new Date('2026-01-02T03:04:05Z'))).toEqual([
      'org.opencontainers.image.source=https://ghe.example/acme/web',
      'org.opencontainers.image.revision=mine',
      'org.opencontainers.image.created=2026-01-02T03:04:05.000Z',
      'x=1'
    ])
    expect(buildLabels(settings({}), githubContext({}), new Date())).toEqual([])
  })
})

describe('buildx download helpers (SPEC 8)', async () => {
  const { buildxUrl, parseChecksum } = await import('../../src/buildx-install.js')
  it('fills the template like the release assets are named', () => {
    expect(buildxUrl('', '0.13.1', 'linux', 'x64')).toBe('https://github.com/docker/buildx/releases/download/v0.13.1/buildx-v0.13.1.linux-amd64')
    expect(buildxUrl('', '0.13.1', 'win32', 'arm64')).toBe('https://github.com/docker/buildx/releases/download/v0.13.1/buildx-v0.13.1.windows-arm64.exe')
    expect(buildxUrl('http://mirror/{version}/{os}/{arch}/buildx', '1.2.3', 'darwin', 'arm')).toBe('http://mirror/1.2.3/darwin/arm-v7/buildx')
  })
  it('reads checksums.txt and .sha256 files', () => {
    const a = 'a'.repeat(64)
    const b = 'B'.repeat(64)
    expect(parseChecksum(`${a} *buildx-v1.linux-arm64\n${b} *buildx-v1.linux-amd64\n`, 'buildx-v1.linux-amd64')).toBe('b'.repeat(64))
    expect(parseChecksum(`${a}  dist/buildx-v1.linux-amd64`, 'buildx-v1.linux-amd64')).toBe(a)
    expect(parseChecksum(`${a}\n`, 'anything')).toBe(a)
    expect(parseChecksum(`${a} *other`, 'buildx')).toBeUndefined()
  })
})
