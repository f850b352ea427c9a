import { describe, expect, it } from 'vitest'
import { readSettings } from '../../src/inputs/settings.js'
import { buildArgv, buildLabels, defaultTags, githubContext, namedMetadata } from '../../src/image/build.js'
import { formatRef, parseTagRef } from '../../src/image/ref.js'

const settings = (inputs: Record<string, string>) => readSettings(n => inputs[n] ?? '', { GITHUB_WORKSPACE: '/ws' })
const files = { dockerfile: '/ws/Dockerfile', iidfile: '/t/iid', metadataFile: '/t/meta.json' }

describe('buildx argv (SPEC 3)', () => {
  it('minimal', () => {
    expect(buildArgv(settings({}), { ...files, name: 'release-phase/run-0123456789ab:image', labels: [] })).toEqual([
      'buildx',
      'build',
      '--load',
      '--iidfile',
      '/t/iid',
      '--metadata-file',
      '/t/meta.json',
      '--file',
      '/ws/Dockerfile',
      '--tag',
      'release-phase/run-0123456789ab:image',
      '/ws'
    ])
  })
  it('every input, gha cache included (cannot run here: argv only)', () => {
    const s = settings({
      builder: 'b1',
      target: 'prod',
      platforms: 'linux/arm64',
      pull: 'true',
      'no-cache': 'true',
      'build-args': 'A=1\nB',
      'cache-from': 'type=gha',
      'cache-to': 'type=gha,mode=max',
      'build-secrets': 'NPM_TOKEN\nkey=DEPLOY_KEY'
    })
    expect(buildArgv(s, { ...files, name: 'release-phase/run-0123456789ab:image', labels: ['a=b'] })).toEqual([
      'buildx',
      'build',
      '--builder',
      'b1',
      '--load',
      '--iidfile',
      '/t/iid',
      '--metadata-file',
      '/t/meta.json',
      '--file',
      '/ws/Dockerfile',
      '--target',
      'prod',
      '--platform',
      'linux/arm64',
      '--pull',
      '--no-cache',
      '--build-arg',
      'A=1',
      '--build-arg',
      'B',
      '--label',
      'a=b',
      // The run's own name only: the requested tags move once the release passed (issue 33).
      '--tag',
      'release-phase/run-0123456789ab:image',
      '--cache-from',
      'type=gha',
      '--cache-to',
      'type=gha,mode=max',
      '--secret',
      'id=NPM_TOKEN,env=NPM_TOKEN',
      '--secret',
      'id=key,env=DEPLOY_KEY',
      '/ws'
    ])
  })
  it('default tags: repository lower-cased and sha in GitHub, folder:local outside', () => {
    expect(defaultTags(settings({}), githubContext({ GITHUB_REPOSITORY: 'Acme/Web', GITHUB_SHA: 'f00' })).map(formatRef)).toEqual(['acme/web:f00'])
    expect(
      defaultTags(
        readSettings(() => '', { GITHUB_WORKSPACE: '/src/My App_' }),
        {}
      ).map(formatRef)
    ).toEqual(['my-app:local'])
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
  const { buildxUrl, parseChecksum } = await import('../../src/image/buildx-install.js')
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

describe('build-push-action build inputs, passed to buildx as it does (issue 14)', () => {
  const ws = { GITHUB_WORKSPACE: '/ws', SSH_AUTH_SOCK: '/tmp/agent.sock' }
  const extra = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = ws) => {
    const argv = buildArgv(
      readSettings(n => inputs[n] ?? '', env),
      { ...files, name: 'x:1', labels: [] }
    )
    return argv.slice(argv.indexOf('x:1') + 1, -1)
  }
  const bad =
    (inputs: Record<string, string>, env: NodeJS.ProcessEnv = ws) =>
    () =>
      readSettings(n => inputs[n] ?? '', env)

  it('add-hosts: comma or newline, one --add-host each', () => {
    expect(extra({ 'add-hosts': 'db:10.0.0.5,cache:10.0.0.6\nmq=10.0.0.7' })).toEqual([
      '--add-host',
      'db:10.0.0.5',
      '--add-host',
      'cache:10.0.0.6',
      '--add-host',
      'mq=10.0.0.7'
    ])
    expect(bad({ 'add-hosts': 'db 10.0.0.5' })).toThrow('add-hosts: "db 10.0.0.5" is not HOST:IP')
  })
  it('allow: comma or newline entitlements', () => {
    expect(extra({ allow: 'network.host, security.insecure' })).toEqual(['--allow', 'network.host', '--allow', 'security.insecure'])
    expect(bad({ allow: 'network host' })).toThrow('allow: "network host" is not an entitlement')
  })
  it('annotations: newline only (values keep their commas)', () => {
    expect(extra({ annotations: 'index:org.opencontainers.image.description=a, b\nk=v' })).toEqual([
      '--annotation',
      'index:org.opencontainers.image.description=a, b',
      '--annotation',
      'k=v'
    ])
    expect(bad({ annotations: 'no-equals' })).toThrow('annotations: "no-equals" is not KEY=value')
  })
  it('build-contexts: local folders resolved inside the workspace, images and URLs as given', () => {
    expect(
      extra({ 'build-contexts': 'shared=../ws/lib\nalpine=docker-image://alpine:3.19\nsrc=https://github.com/a/b.git#main\nlayout=oci-layout://vendor/oci:v1' })
    ).toEqual([
      '--build-context',
      'shared=/ws/lib',
      '--build-context',
      'alpine=docker-image://alpine:3.19',
      '--build-context',
      'src=https://github.com/a/b.git#main',
      '--build-context',
      'layout=oci-layout:///ws/vendor/oci:v1'
    ])
    expect(extra({ 'working-directory': 'app', 'build-contexts': 'shared=../lib' })).toEqual(['--build-context', 'shared=/ws/lib'])
    expect(bad({ 'build-contexts': 'up=../../etc' })).toThrow('build-contexts: "../../etc" resolves outside the workspace')
    expect(bad({ 'build-contexts': 'abs=/etc' })).toThrow('build-contexts: "/etc" is absolute')
    expect(bad({ 'build-contexts': 'oci=oci-layout://../x' })).toThrow('resolves outside the workspace')
    expect(bad({ 'build-contexts': 'lib' })).toThrow('build-contexts: "lib" is not NAME=PATH')
  })
  it('cgroup-parent: one value', () => {
    expect(extra({ 'cgroup-parent': 'ci.slice' })).toEqual(['--cgroup-parent', 'ci.slice'])
  })
  it('no-cache-filters: comma or newline stages', () => {
    expect(extra({ 'no-cache-filters': 'deps,assets\ntest' })).toEqual([
      '--no-cache-filter',
      'deps',
      '--no-cache-filter',
      'assets',
      '--no-cache-filter',
      'test'
    ])
  })
  it('secret-files: id=src path inside the workspace, never the content', () => {
    expect(extra({ 'secret-files': 'npmrc=config/.npmrc\nkey = keys/deploy' })).toEqual([
      '--secret',
      'id=npmrc,src=/ws/config/.npmrc',
      '--secret',
      'id=key,src=/ws/keys/deploy'
    ])
    expect(bad({ 'secret-files': 'npmrc=../.npmrc' })).toThrow('secret-files: "../.npmrc" resolves outside the workspace')
    expect(bad({ 'secret-files': 'npmrc=/home/runner/.npmrc' })).toThrow('is absolute')
    expect(bad({ 'secret-files': 'a,b=x' })).toThrow('secret-files: "a,b=x" is not ID=PATH')
    expect(bad({ 'secret-files': 'a=x,y' })).toThrow('a path with a comma')
  })
  it('shm-size: a docker size', () => {
    expect(extra({ 'shm-size': '2g' })).toEqual(['--shm-size', '2g'])
    expect(extra({ 'shm-size': '512MiB' })).toEqual(['--shm-size', '512MiB'])
    expect(bad({ 'shm-size': 'big' })).toThrow('shm-size: "big" is not a size')
  })
  it('ssh: the agent at SSH_AUTH_SOCK, or key files inside the workspace', () => {
    expect(extra({ ssh: 'default\ngithub=keys/id_ed25519' })).toEqual(['--ssh', 'default', '--ssh', 'github=/ws/keys/id_ed25519'])
    expect(bad({ ssh: 'default' }, { GITHUB_WORKSPACE: '/ws' })).toThrow('ssh: default forwards the agent at SSH_AUTH_SOCK, which is not set')
    expect(bad({ ssh: 'default=/tmp/agent.sock' })).toThrow('give "default" alone to forward the agent')
    expect(bad({ ssh: 'k=../id_rsa' })).toThrow('ssh: "../id_rsa" resolves outside the workspace')
    expect(bad({ ssh: 'bad id' })).toThrow('ssh: "bad id" is not a valid ssh id')
  })
  it('ulimit: newline only, NAME=SOFT[:HARD]', () => {
    expect(extra({ ulimit: 'nofile=1024:2048\nnproc=512' })).toEqual(['--ulimit', 'nofile=1024:2048', '--ulimit', 'nproc=512'])
    expect(bad({ ulimit: 'nofile 1024' })).toThrow('ulimit: "nofile 1024" is not NAME=SOFT[:HARD]')
  })
  it('all together, in build-push-action order, before the context', () => {
    const all = extra({
      'add-hosts': 'h:1.2.3.4',
      allow: 'network.host',
      annotations: 'a=b',
      'build-contexts': 'c=lib',
      'cgroup-parent': 'p',
      'no-cache-filters': 's',
      'secret-files': 'f=x',
      'shm-size': '1g',
      ssh: 'default',
      ulimit: 'nofile=1:2'
    })
    expect(all.filter(a => a.startsWith('--'))).toEqual([
      '--add-host',
      '--allow',
      '--annotation',
      '--build-context',
      '--cgroup-parent',
      '--no-cache-filter',
      '--secret',
      '--shm-size',
      '--ssh',
      '--ulimit'
    ])
  })
})

describe('a build failure explained (issue 14)', async () => {
  const { buildFailure } = await import('../../src/image/build.js')
  it('cache export refused by the docker driver names setup-buildx-action', () => {
    // buildx 0.13.1's words, as seen on Engine 20.10 with --cache-to type=local
    const tail =
      '#6 DONE 0.0s\nERROR: Cache export is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.'
    expect(buildFailure(1, tail)).toMatch(/^cache-to: .*docker\/setup-buildx-action.*docker-container builder/)
    expect(buildFailure(1, 'ERROR: cache export feature is currently not supported for docker driver. Please switch to a different driver')).toMatch(
      /setup-buildx-action/
    )
    expect(buildFailure(1, 'failed to solve with frontend dockerfile.v0: unsupported frontend capability moby.buildkit.frontend.contexts')).toMatch(
      /^build-contexts: .*Docker Engine 23.*setup-buildx-action/
    )
    // On a remote engine a builder made on the runner would not build there: not suggested.
    expect(buildFailure(1, tail, true)).toBe(
      'cache-to: the builder uses the docker driver, which cannot export build cache on this engine. ' +
        'A docker/setup-buildx-action builder would build on the runner, not on that engine: use cache-to: type=inline, or remove cache-to'
    )
    expect(buildFailure(1, 'unsupported frontend capability moby.buildkit.frontend.contexts', true)).not.toMatch(/setup-buildx-action/)
    expect(buildFailure(1, 'ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully')).toBe(
      'docker buildx build failed with exit code 1'
    )
  })
})

describe('build input files checked before any Docker side effect (issue 14)', async () => {
  const fs = await import('node:fs')
  const os = await import('node:os')
  const path = await import('node:path')
  const { checkSecretFiles, MAX_SECRET_FILE } = await import('../../src/image/build-inputs.js')
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-files-'))
  fs.mkdirSync(path.join(ws, 'lib'))
  fs.writeFileSync(path.join(ws, 'token'), 'tok-value\nline2')
  fs.writeFileSync(path.join(ws, 'big'), Buffer.alloc(MAX_SECRET_FILE + 1, 'a'))
  ;(await import('node:child_process')).execFileSync('mkfifo', [path.join(ws, 'pipe')])
  const check = (inputs: Record<string, string>) =>
    checkSecretFiles(
      readSettings(n => inputs[n] ?? '', { GITHUB_WORKSPACE: ws }),
      ws
    )

  it('returns each secret file content, for masking', () => {
    expect(check({ 'secret-files': 'a=token' })).toEqual([{ name: 'secret-files a', value: 'tok-value\nline2' }])
    expect(check({ 'build-contexts': 'l=lib', ssh: 'k=token' })).toEqual([])
  })
  it('refuses a missing, non-regular or over-large secret file, a context that is not a folder', () => {
    expect(() => check({ 'secret-files': 'a=nope' })).toThrow('secret-files: nope does not exist')
    // Type and size come from the opened file (fstat), as for manifests: the wording says which type.
    expect(() => check({ 'secret-files': 'a=lib' })).toThrow('secret-files: lib is a directory, not a regular file')
    expect(() => check({ 'secret-files': 'a=pipe' })).toThrow('secret-files: pipe is a FIFO, not a regular file')
    expect(() => check({ 'secret-files': 'a=big' })).toThrow(`secret-files: big is ${MAX_SECRET_FILE + 1} bytes; BuildKit takes secrets up to 500 KiB`)
    expect(() => check({ 'build-contexts': 'l=token' })).toThrow('build-contexts: token is not a folder')
    expect(() => check({ 'build-contexts': 'l=oci-layout://nope' })).toThrow('build-contexts: nope does not exist')
    expect(() => check({ ssh: 'k=lib' })).toThrow('ssh: lib is neither a key file nor an agent socket')
  })
})

describe("buildx's metadata, named as the requested tags (issue 33)", () => {
  it('replaces the run name in image.name, keeps the rest, and passes anything else on', () => {
    const tags = [parseTagRef('ghcr.io/acme/app:1'), parseTagRef('ghcr.io/acme/app:latest')]
    const built = JSON.stringify({ 'image.name': 'release-phase/run-0123456789ab:image', 'containerimage.digest': 'sha256:ab' })
    expect(JSON.parse(namedMetadata(built, tags))).toEqual({ 'image.name': 'ghcr.io/acme/app:1,ghcr.io/acme/app:latest', 'containerimage.digest': 'sha256:ab' })
    const plain = '{\n  "containerimage.digest": "sha256:ab"\n}'
    expect(namedMetadata(plain, tags)).toBe(plain)
    expect(namedMetadata('not json', tags)).toBe('not json')
  })
})
