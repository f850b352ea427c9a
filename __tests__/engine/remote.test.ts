import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, docker, errorLines, makeApp, runAction, uniqueTag, whenLine } from '../helpers/engine.js'
import { startRegistry, type Registry } from '../helpers/registry.js'
import { startRemoteHost, type RemoteHost } from '../helpers/remote-host.js'
import { REAL_DOCKER } from '../helpers/machine.js'
import { REAL_PATH, recordingPlugin } from '../helpers/buildx-plugin.js'

/**
 * Issue 24: the whole release on a remote engine, through the bundle, against a real sshd and a second
 * dockerd in a network namespace of their own (helpers/remote-host.ts), and the same engine over
 * tcp:// with TLS. The key, the host key and the TLS material come from the step env by name.
 */
describeEngine('a remote Docker host over SSH and TLS', () => {
  let host: RemoteHost
  let registry: Registry
  const secret = 'remote-secret-Qw7Zp3xK'

  beforeAll(async () => {
    host = await startRemoteHost()
    registry = await startRegistry()
    // The registry is on this machine's loopback; the host's engine pushes to its own loopback.
    await host.forwardPort(Number(registry.host.split(':')[1]))
  })
  afterAll(() => {
    host?.stop()
    registry?.stop()
  })

  const sshInputs = (): Record<string, string> => ({ 'docker-host': host.url, 'docker-known-hosts': host.knownHosts, 'docker-ssh-key': 'DEPLOY_KEY' })
  const sshEnv = (): Record<string, string> => ({ DEPLOY_KEY: host.clientKey, DATABASE_URL: `postgres://app:${secret}@db/app` })
  const app = (procfile = 'release: echo released on $(hostname)\n'): string =>
    makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nENV KEEP=1\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"mkdir -p /app && echo built > /app/asset.css"}}}',
      Procfile: procfile
    })
  /** The output but for the runner's mask registrations (which the runner consumes, never shows). */
  const shown = (output: string): string =>
    output
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
  /** Processes whose command line names a file under `dir` (the pgrep itself excluded). */
  const leftovers = (dir: string): string => execFileSync('sh', ['-c', `pgrep -af '${dir}/' | grep -v pgrep || true`], { encoding: 'utf8' })
  const remoteContainers = (runId: string): string => host.docker('ps', '-a', '-q', '--filter', `label=release-phase.run=${runId}`).trim()
  const onHost = (tag: string): boolean => {
    try {
      host.docker('image', 'inspect', tag)
      return true
    } catch {
      return false
    }
  }

  it('builds, commits predeploy, releases and pushes on the host over one SSH connection; the post step adds one', async () => {
    const tag = `${registry.host}/remote/app:${Date.now().toString(36)}`
    const before = host.accepted()
    const ws = app()
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
    const r = await runAction({
      workspace: ws,
      runnerTemp,
      inputs: { ...sshInputs(), tags: tag, push: 'true', secrets: 'DATABASE_URL' },
      env: { ...sshEnv(), DOCKER_CONFIG: registry.dockerConfig }
    })
    expect(r.code, r.output).toBe(0)
    expect(r.stdout).toMatch(/^predeploy commit: config-only/m)
    expect(r.stdout).toMatch(/^released on [0-9a-f]{12}$/m)
    expect(r.outputs.released).toBe('true')
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    // Built and run on the host: the image is there, and not in this machine's engine.
    expect(onHost(r.outputs['image-id'])).toBe(true)
    expect(() => docker('image', 'inspect', r.outputs['image-id'])).toThrow()
    expect((await registry.get(`/v2/remote/app/manifests/${tag.split(':').pop()}`, 'application/vnd.docker.distribution.manifest.v2+json')).status).toBe(200)
    expect(host.accepted() - before).toBe(1)
    const post = await runAction({ workspace: ws, inputs: sshInputs(), env: sshEnv(), post: { state: r.state, runnerTemp } })
    expect(post.code, post.output).toBe(0)
    expect(host.accepted() - before).toBe(2)
    expect(remoteContainers(r.state['run-id'])).toBe('')
    // Nothing of the connection is left: no ssh, no agent, no directory.
    expect(leftovers(runnerTemp)).toBe('')
    expect(fs.readdirSync(runnerTemp)).toEqual([])
    // The committed image carries no value.
    expect(host.docker('image', 'inspect', r.outputs['image-id'])).not.toContain(secret)
  })

  it('buildx started without the CLI (ADR 0014) builds on the host, over the same one connection', async () => {
    const before = host.accepted()
    const plugin = recordingPlugin()
    const tag = uniqueTag('remote-plugin')
    const r = await runAction({ workspace: app(), path: REAL_PATH, inputs: { ...sshInputs(), tags: tag }, env: { ...sshEnv(), DOCKER_CONFIG: plugin.config } })
    expect(r.code, r.output).toBe(0)
    expect(plugin.starts().map(s => [s[0], s[1], s.at(-1)])).toEqual([['buildx', 'build', `ORIGINAL=${REAL_DOCKER}`]])
    expect(onHost(r.outputs['image-id'])).toBe(true)
    expect(() => docker('image', 'inspect', r.outputs['image-id'])).toThrow()
    expect(host.accepted() - before).toBe(1)
    const post = await runAction({ workspace: app(), inputs: sshInputs(), env: sshEnv(), post: { state: r.state, runnerTemp: r.runnerTemp } })
    expect(post.code, post.output).toBe(0)
  })

  it('no value reaches an argv on either side, a process outside the task, the host disk outside Docker, or the image', async () => {
    const tag = uniqueTag('remote-sweep')
    const ws = app('release: echo sweep-ready && sleep 4\n')
    const seen: string[] = []
    // The task's own processes run in the container's pid namespace; the action's own process got the
    // value from the runner (the step env). Everything else, on either side, must not hold it.
    const inContainer = (pid: number): boolean => {
      try {
        return fs.readlinkSync(`/proc/${pid}/ns/pid`) !== fs.readlinkSync('/proc/self/ns/pid')
      } catch {
        return false
      }
    }
    let action = 0
    const sweep = (): void => {
      for (const pid of [
        ...host.pids(),
        ...fs
          .readdirSync('/proc')
          .filter(p => /^\d+$/.test(p))
          .map(Number)
      ]) {
        for (const f of ['cmdline', 'environ']) {
          try {
            const text = fs.readFileSync(`/proc/${pid}/${f}`, 'utf8')
            const argv0 = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]
            // The task's own processes (in the container) and the docker child that sends `create` hold it.
            if (text.includes(secret) && !(f === 'environ' && (/docker$/.test(argv0) || inContainer(pid) || pid === action))) seen.push(`${pid} ${f} ${argv0}`)
          } catch {
            // gone
          }
        }
      }
    }
    let swept = false
    const r = await runAction({
      workspace: ws,
      inputs: { ...sshInputs(), tags: tag, secrets: 'DATABASE_URL' },
      env: sshEnv(),
      onStart: child => {
        action = child.pid!
        whenLine(/sweep-ready/, () => {
          sweep()
          swept = true
        })(child)
      }
    })
    expect(r.code, r.output).toBe(0)
    expect(swept).toBe(true)
    expect(seen).toEqual([])
    // The host's disk, its layers included: nothing but Docker's own container records holds the value.
    // (An --exclude-dir after `--` was read as a file name: the layers were always searched.)
    const hits = execFileSync('sh', ['-c', `grep -rl -- '${secret}' '${host.root}' || true`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
    // Docker's own records of the container: its config, and containerd's copy of the runtime spec.
    const records = /\/data\/(containers\/[0-9a-f]{64}\/config\.v2\.json|containerd\/daemon\/io\.containerd\.metadata\.v1\.bolt\/meta\.db)$/
    expect(hits.filter(f => !records.test(f))).toEqual([])
    expect(host.docker('image', 'inspect', r.outputs['image-id'])).not.toContain(secret)
    expect(shown(r.output)).not.toContain(secret)
    expect(shown(r.output)).not.toContain(host.clientKey.split('\n')[1])
  })

  it('an unknown host key is one clear error before the build; nothing is made on the host', async () => {
    const wrong = host.knownHosts.replace(/ssh-ed25519 \S+/, `ssh-ed25519 ${fs.readFileSync(path.join(host.root, 'client_key.pub'), 'utf8').split(' ')[1]}`)
    const before = host.docker('image', 'ls', '-q', '--all')
    const r = await runAction({ workspace: app(), inputs: { ...sshInputs(), 'docker-known-hosts': wrong, tags: uniqueTag('remote-hostkey') }, env: sshEnv() })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toHaveLength(1)
    expect(errorLines(r.stdout)[0]).toMatch(
      new RegExp(`^::error::the Docker host ${host.url.replace(/[.]/g, '\\.')} presented a host key other than the known one`)
    )
    expect(r.stdout).not.toMatch(/::group::Building/)
    expect(host.docker('image', 'ls', '-q', '--all')).toBe(before)
  })

  it('no known_hosts at all is an error, never trust on first use', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-home-'))
    const inputs = { ...sshInputs(), tags: uniqueTag('remote-tofu') } as Record<string, string>
    delete inputs['docker-known-hosts']
    const r = await runAction({ workspace: app(), inputs, env: { ...sshEnv(), HOME: home } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)[0]).toMatch(/is not a known host .*docker-known-hosts/)
    expect(fs.existsSync(path.join(home, '.ssh', 'known_hosts'))).toBe(false)
  })

  it('a key the host refuses is one clear error', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-key-'))
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(other, 'k')])
    const r = await runAction({
      workspace: app(),
      inputs: { ...sshInputs(), tags: uniqueTag('remote-key') },
      env: { ...sshEnv(), DEPLOY_KEY: fs.readFileSync(path.join(other, 'k'), 'utf8') }
    })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([expect.stringMatching(/^::error::the Docker host .* refused the SSH key \(.*Permission denied/)])
  })

  it('an unreachable host is one clear error before the build', async () => {
    const inputs = { ...sshInputs(), 'docker-host': `ssh://rpdeploy@${host.address}:2223`, tags: uniqueTag('remote-port') }
    const r = await runAction({ workspace: app(), inputs, env: sshEnv() })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([
      expect.stringMatching(/^::error::cannot connect to the Docker host ssh:\/\/rpdeploy@[0-9.]+:2223 over SSH: .*Connection refused/)
    ])
    expect(r.stdout).not.toMatch(/::group::Building/)
    expect(r.dockerCalls).toEqual([])
  })

  it("a host without docker on the SSH user's PATH is one clear error before the build", async () => {
    const bare = await startRemoteHost({ sshEnv: ['PATH=/usr/local/nothing'] })
    try {
      const inputs = { 'docker-host': bare.url, 'docker-known-hosts': bare.knownHosts, 'docker-ssh-key': 'DEPLOY_KEY', tags: uniqueTag('remote-nodocker') }
      const r = await runAction({ workspace: app(), inputs, env: { DEPLOY_KEY: bare.clientKey } })
      expect(r.code).toBe(1)
      expect(errorLines(r.stdout)).toEqual([expect.stringMatching(/^::error::the Docker host ssh:\/\/\S+ has no docker CLI on the SSH user's PATH/)])
      expect(r.dockerCalls).toEqual([])
    } finally {
      bare.stop()
    }
  })

  it('a connection dropped mid-task fails with the host and the phase; nothing pushed; the post step removes the container', async () => {
    const tag = `${registry.host}/remote/dropped:${Date.now().toString(36)}`
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
    const ws = app('release: echo drop-now && sleep 30\n')
    const r = await runAction({
      workspace: ws,
      runnerTemp,
      inputs: { ...sshInputs(), tags: tag, push: 'true' },
      env: { ...sshEnv(), DOCKER_CONFIG: registry.dockerConfig },
      onStart: whenLine(/drop-now/, () => host.dropConnections())
    })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('release task')
    expect(errors[0]).toContain(host.url)
    expect((await registry.get(`/v2/remote/dropped/tags/list`)).status).toBe(404)
    const post = await runAction({ workspace: ws, inputs: sshInputs(), env: sshEnv(), post: { state: r.state, runnerTemp } })
    expect(post.code, post.output).toBe(0)
    expect(remoteContainers(r.state['run-id'])).toBe('')
  })

  it('a cancel stops and removes the remote task container within its grace period', async () => {
    const ws = app('release: echo cancel-now && sleep 60\n')
    const r = await runAction({
      workspace: ws,
      inputs: { ...sshInputs(), tags: uniqueTag('remote-cancel'), 'stop-timeout': '2s' },
      env: sshEnv(),
      onStart: whenLine(/cancel-now/, child => child.kill('SIGTERM'))
    })
    const run = r.state['run-id']
    expect(r.code).toBe(1)
    expect(r.outputs['release-exit-code']).toMatch(/^(137|143)$/)
    expect(remoteContainers(run)).toBe('')
  })

  it('SIGKILL, then the post step: the remote container is removed and the connection and agent ended', async () => {
    // Short: the killed action's stdout stays open in its `docker start --attach` child until the task ends.
    const ws = app('release: echo kill-now && sleep 6\n')
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
    const r = await runAction({
      workspace: ws,
      runnerTemp,
      inputs: { ...sshInputs(), tags: uniqueTag('remote-kill') },
      env: sshEnv(),
      onStart: whenLine(/kill-now/, child => child.kill('SIGKILL'))
    })
    expect(r.signal).toBe('SIGKILL')
    const run = r.state['run-id']
    expect(remoteContainers(run)).not.toBe('')
    expect(leftovers(runnerTemp)).toMatch(/ssh/)
    const post = await runAction({ workspace: ws, inputs: sshInputs(), env: sshEnv(), post: { state: r.state, runnerTemp } })
    expect(post.code, post.output).toBe(0)
    expect(post.stdout).toMatch(/ssh process(es)? of the interrupted run/)
    expect(remoteContainers(run)).toBe('')
    expect(leftovers(runnerTemp)).toBe('')
  })

  it("a failed release leaves the host's tag on its live image; a passed one moves it (issue 33)", async () => {
    const tag = uniqueTag('remote-live')
    const live = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nLABEL live=${tag}\n` })
    execFileSync('sh', ['-c', `'${REAL_DOCKER}' build -q -t '${tag}' '${live}' >/dev/null`], { env: host.env })
    const liveId = host.docker('image', 'inspect', '--format', '{{.Id}}', tag).trim()
    const failed = await runAction({ workspace: app('release: exit 5\n'), inputs: { ...sshInputs(), tags: tag }, env: sshEnv() })
    expect(failed.code).toBe(1)
    expect(host.docker('image', 'inspect', '--format', '{{.Id}}', tag).trim()).toBe(liveId)
    expect(onHost(failed.outputs['image-id'])).toBe(false)
    expect(onHost(`release-phase/run-${failed.state['run-id']}:image`)).toBe(false)
    const passed = await runAction({ workspace: app(), inputs: { ...sshInputs(), tags: tag }, env: sshEnv() })
    expect(passed.code, passed.output).toBe(0)
    expect(host.docker('image', 'inspect', '--format', '{{.Id}}', tag).trim()).toBe(passed.outputs['image-id'])
  })

  it('tcp:// with TLS material by name runs the release on the host; without TLS it is refused before any side effect', async () => {
    const tag = uniqueTag('remote-tls')
    const tlsInputs = { 'docker-host': host.tcpUrl, 'docker-tls-ca': 'ENGINE_CA', 'docker-tls-cert': 'ENGINE_CERT', 'docker-tls-key': 'ENGINE_KEY' }
    const tlsEnv = { ENGINE_CA: host.tls.ca, ENGINE_CERT: host.tls.cert, ENGINE_KEY: host.tls.key }
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
    const r = await runAction({ workspace: app(), runnerTemp, inputs: { ...tlsInputs, tags: tag }, env: tlsEnv })
    expect(r.code, r.output).toBe(0)
    expect(onHost(r.outputs['image-id'])).toBe(true)
    expect(fs.readdirSync(runnerTemp)).toEqual([])
    expect(shown(r.output)).not.toContain(host.tls.key.split('\n')[1])

    const plain = await runAction({ workspace: app(), inputs: { 'docker-host': host.tcpUrl, tags: tag } })
    expect(plain.code).toBe(1)
    expect(errorLines(plain.stdout)).toEqual([expect.stringMatching(/^::error::docker-host: tcp:\/\/.* without TLS would send every task value in clear/)])
    expect(plain.dockerCalls).toEqual([])
  })

  it("cache-to refused by the host's docker driver: the fix named is one that builds on that host", async () => {
    const inputs = { ...sshInputs(), tags: uniqueTag('remote-cache'), 'cache-to': 'type=local,dest=/tmp/rp-remote-cache' }
    const r = await runAction({ workspace: app(), inputs, env: sshEnv() })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([
      '::error::cache-to: the builder uses the docker driver, which cannot export build cache on this engine. ' +
        'A docker/setup-buildx-action builder would build on the runner, not on that engine: use cache-to: type=inline, or remove cache-to'
    ])
  })

  it('a readiness probe on a remote engine is refused before any side effect', async () => {
    const r = await runAction({
      workspace: app(),
      inputs: {
        ...sshInputs(),
        tags: uniqueTag('remote-sidecar'),
        sidecars: `- name: db\n  image: ${BASE_IMAGE}\n  command: sleep 30\n  ready: {tcp: 5432}\n`
      },
      env: sshEnv()
    })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([
      expect.stringMatching(/^::error::sidecars: a readiness probe .* cannot reach the networks of a remote Docker engine/)
    ])
    expect(r.dockerCalls).toEqual([])
  })
})
