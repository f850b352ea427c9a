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
