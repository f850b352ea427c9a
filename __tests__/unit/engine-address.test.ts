import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  chooseAddress,
  checkKnownHosts,
  parseDockerHost,
  readEngineSettings,
  type EngineSettings,
  engineSecrets,
  isRemote,
  resolveContext,
  checkEngineInputs,
  engineAddress
} from '../../src/engine/address.js'
import { openEngine } from '../../src/engine/connect.js'
import { connectError } from '../../src/engine/ssh.js'
import { endLeftovers } from '../../src/engine/leftovers.js'
import { runDirs } from '../../src/run-record.js'

const settings = (inputs: Record<string, string>): EngineSettings => readEngineSettings(n => inputs[n] ?? '')
const KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIHhBq7c1R6wW0a1cJm0bKq6c3Y0mXz1P6m7d8oQm0p1x'

describe('the engine address (docker-host, DOCKER_HOST, contexts)', () => {
  it('parses ssh://, tcp:// and unix:// as the docker CLI writes them', () => {
    expect(parseDockerHost('ssh://deploy@db-host.internal:2222', 'docker-host')).toEqual({
      kind: 'ssh',
      url: 'ssh://deploy@db-host.internal:2222',
      user: 'deploy',
      host: 'db-host.internal',
      port: 2222,
      socket: ''
    })
    expect(parseDockerHost('ssh://[fd00::2]/run/user/1000/docker.sock', 'x')).toMatchObject({
      host: '[fd00::2]',
      port: undefined,
      user: '',
      socket: '/run/user/1000/docker.sock'
    })
    expect(parseDockerHost('tcp://10.0.0.2:2376', 'x')).toMatchObject({ kind: 'tcp', host: '10.0.0.2', port: 2376 })
    expect(parseDockerHost('unix:///var/run/docker.sock', 'x')).toMatchObject({ kind: 'unix', path: '/var/run/docker.sock' })
  })

  it.each([
    ['ssh://-oProxyCommand=touch$IFS/tmp/x', /no valid host name/],
    ['ssh://deploy@-p2222', /no valid host name/],
    ['ssh://-l@host', /no valid user name/],
    ['ssh://host:0', /no valid port/],
    ['ssh://host:99999', /no valid port/],
    ['ssh://host/run/$(id).sock', /socket path/],
    ['ssh://host bad', /space or a control character/],
    ['tcp://user@host:2376', /user or a path/],
    ['http://host', /is not an engine address/],
    ['npipe:////./pipe/docker_engine', /is not an engine address/]
  ])('refuses %s before anything runs', (url, why) => {
    expect(() => parseDockerHost(url, 'docker-host')).toThrow(why)
  })

  it('the inputs win over the step env, which wins over the CLI configuration', () => {
    const env = { DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'other' }
    expect(chooseAddress(settings({ 'docker-host': 'ssh://h' }), env)).toMatchObject({ kind: 'ssh', host: 'h' })
    expect(chooseAddress(settings({ 'docker-context': 'ci' }), env)).toEqual({ kind: 'context', name: 'ci' })
    expect(chooseAddress(settings({}), env)).toMatchObject({ kind: 'tcp', host: '127.0.0.1' })
    expect(chooseAddress(settings({}), { DOCKER_CONTEXT: 'other' })).toEqual({ kind: 'context', name: 'other' })
    expect(chooseAddress(settings({}), {})).toEqual({ kind: 'default' })
  })

  it('checks the inputs that name values: variable names, pairs that go together, one engine', () => {
    expect(() => settings({ 'docker-ssh-key': '-----BEGIN OPENSSH PRIVATE KEY-----' })).toThrow(/docker-ssh-key: .* is not a variable name/)
    expect(() => settings({ 'docker-tls-cert': 'CERT' })).toThrow(/docker-tls-cert and docker-tls-key go together/)
    expect(() => settings({ 'docker-tls-cert': 'C', 'docker-tls-key': 'K' })).toThrow(/docker-tls-ca is needed/)
    expect(() => settings({ 'docker-host': 'ssh://h', 'docker-context': 'c' })).toThrow(/name two engines/)
    expect(settings({ 'docker-ssh-key': 'DEPLOY_KEY' }).sshKeyVar).toBe('DEPLOY_KEY')
  })

  it('known_hosts lines are checked line by line; markers and comments are allowed', () => {
    expect(() => checkKnownHosts(`# deploy host\n[10.0.0.2]:2222 ssh-ed25519 ${KEY}\n@cert-authority *.internal ssh-ed25519 ${KEY} ca\n`)).not.toThrow()
    expect(() => checkKnownHosts(`host ssh-ed25519 ${KEY}\nhost ssh-ed25519`)).toThrow(/line 2 is not "host keytype key"/)
    expect(() => checkKnownHosts(`host rsa ${KEY}`)).toThrow(/line 1 rsa is not an SSH key type/)
    expect(() => checkKnownHosts(`@trusted host ssh-ed25519 ${KEY}`)).toThrow(/@trusted is not a known_hosts marker/)
    expect(() => checkKnownHosts('host ssh-ed25519 not-base64!')).toThrow(/not base64/)
  })

  it('what is remote: ssh, a context, tcp off the loopback', () => {
    expect(isRemote(parseDockerHost('ssh://h', 'x'))).toBe(true)
    expect(isRemote(parseDockerHost('tcp://10.0.0.2:2376', 'x'))).toBe(true)
    expect(isRemote(parseDockerHost('tcp://localhost:2375', 'x'))).toBe(false)
    expect(isRemote(parseDockerHost('unix:///run/docker.sock', 'x'))).toBe(false)
  })

  it('a context is read from the CLI store: an ssh endpoint becomes an ssh address, a missing one an error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-ctx-'))
    const meta = (name: string, host: string): void => {
      const d = path.join(dir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'))
      fs.mkdirSync(d, { recursive: true })
      fs.writeFileSync(path.join(d, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }))
    }
    meta('deploy', 'ssh://deploy@app-host:2222')
    meta('tls', 'tcp://10.0.0.2:2376')
    meta('local', 'unix:///var/run/docker.sock')
    meta('dind', 'tcp://127.0.0.1:2375')
    const env = { DOCKER_CONFIG: dir }
    // A remote tcp:// context without TLS material is refused like docker-host without it; with it, kept.
    meta('plain', 'tcp://10.0.0.3:2375')
    expect(() => resolveContext({ kind: 'context', name: 'plain' }, env)).toThrow(
      /docker context plain: tcp:\/\/10\.0\.0\.3:2375 without a verified TLS connection/
    )
    fs.mkdirSync(path.join(dir, 'contexts', 'tls', createHash('sha256').update('tls').digest('hex'), 'docker'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'contexts', 'tls', createHash('sha256').update('tls').digest('hex'), 'docker', 'ca.pem'), 'PEM')
    expect(resolveContext({ kind: 'context', name: 'deploy' }, env)).toMatchObject({ kind: 'ssh', user: 'deploy', host: 'app-host', port: 2222 })
    expect(resolveContext({ kind: 'context', name: 'tls' }, env)).toEqual({ kind: 'context', name: 'tls', host: 'tcp://10.0.0.2:2376' })
    expect(isRemote(resolveContext({ kind: 'context', name: 'tls' }, env))).toBe(true)
    expect(resolveContext({ kind: 'context', name: 'default' }, env)).toEqual({ kind: 'default' })
    // A socket or loopback context is the CLI's to use (its own path), and not remote.
    expect(isRemote(resolveContext({ kind: 'context', name: 'local' }, env))).toBe(false)
    expect(isRemote(resolveContext({ kind: 'context', name: 'dind' }, env))).toBe(false)
    expect(() => resolveContext({ kind: 'context', name: 'gone' }, env)).toThrow(/docker context gone: not found/)
    // The CLI's current context counts when nothing else chooses.
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ currentContext: 'deploy' }))
    expect(resolveContext({ kind: 'default' }, env)).toMatchObject({ kind: 'ssh', host: 'app-host' })
  })

  it("a context's meta.json is read as the CLI's Go decoder reads it (issue 33): keys in any case, ſ and K folded", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-ctx-'))
    const hash = (name: string): string => createHash('sha256').update(name).digest('hex')
    const meta = (name: string, text: string, ca = false): void => {
      const d = path.join(dir, 'contexts', 'meta', hash(name))
      fs.mkdirSync(d, { recursive: true })
      fs.writeFileSync(path.join(d, 'meta.json'), text)
      if (!ca) return
      fs.mkdirSync(path.join(dir, 'contexts', 'tls', hash(name), 'docker'), { recursive: true })
      fs.writeFileSync(path.join(dir, 'contexts', 'tls', hash(name), 'docker', 'ca.pem'), 'PEM')
    }
    const env = { DOCKER_CONFIG: dir }
    const clear = /without a verified TLS connection would send every task value in clear/
    // Spelt as the CLI writes it, and spelt otherwise: the CLI connects to tcp:// either way.
    meta('lower', '{"name":"lower","endpoints":{"docker":{"host":"tcp://10.0.0.3:2375"}}}')
    meta('long-s', '{"Endpointſ":{"docker":{"Hoſt":"tcp://10.0.0.3:2375"}}}')
    meta('upper', '{"ENDPOINTS":{"docker":{"HOST":"tcp://10.0.0.3:2375"}}}')
    for (const name of ['lower', 'long-s', 'upper']) expect(() => resolveContext({ kind: 'context', name }, env), name).toThrow(clear)
    // SkipTLSVerify in any spelling is refused even with a CA, which it would ignore.
    meta('skip', '{"Endpoints":{"docker":{"Host":"tcp://10.0.0.3:2376","sKIPtlsverify":true}}}', true)
    meta('skip-kelvin', '{"Endpoints":{"docker":{"Host":"tcp://10.0.0.3:2376","S\u212aipTLSVerify":true}}}', true)
    for (const name of ['skip', 'skip-kelvin']) expect(() => resolveContext({ kind: 'context', name }, env), name).toThrow(/with SkipTLSVerify/)
    meta('verified', '{"endpoints":{"docker":{"host":"tcp://10.0.0.3:2376","skipTLSVerify":false}}}', true)
    expect(resolveContext({ kind: 'context', name: 'verified' }, env)).toEqual({ kind: 'context', name: 'verified', host: 'tcp://10.0.0.3:2376' })
    meta('ssh', '{"ENDPOINTS":{"docker":{"hOsT":"ssh://deploy@app-host"}}}')
    expect(resolveContext({ kind: 'context', name: 'ssh' }, env)).toMatchObject({ kind: 'ssh', host: 'app-host' })
    // Two spellings (JSON.parse keeps no order between them) or a value Go would not decode: refused.
    meta('twice', '{"Endpoints":{"docker":{"Host":"unix:///var/run/docker.sock","host":"tcp://10.0.0.3:2375"}}}')
    expect(() => resolveContext({ kind: 'context', name: 'twice' }, env)).toThrow(/spells an endpoint field two ways/)
    meta('typed', '{"Endpoints":{"docker":{"Host":"tcp://10.0.0.3:2376","SkipTLSVerify":"false"}}}', true)
    expect(() => resolveContext({ kind: 'context', name: 'typed' }, env)).toThrow(/SkipTLSVerify that is not true or false/)
    // The map key `docker` is matched exactly by Go: `Docker` is another endpoint, and no host at all.
    meta('map-key', '{"Endpoints":{"Docker":{"Host":"tcp://10.0.0.3:2375"}}}')
    expect(resolveContext({ kind: 'context', name: 'map-key' }, env)).toEqual({ kind: 'context', name: 'map-key', host: undefined })
    // Still the CLI's to open: any unix socket path, a compose-style host name, no Host at all.
    meta('spaced', JSON.stringify({ Endpoints: { docker: { Host: 'unix:///home/my user/.docker/run/docker.sock' } } }))
    expect(resolveContext({ kind: 'context', name: 'spaced' }, env)).toMatchObject({ kind: 'context', name: 'spaced' })
    meta('empty', JSON.stringify({ Endpoints: { docker: { Host: '' } } }))
    expect(resolveContext({ kind: 'context', name: 'empty' }, env)).toMatchObject({ kind: 'context', name: 'empty' })
    meta('dind', JSON.stringify({ Endpoints: { docker: { Host: 'tcp://dind_host:2376' } } }))
    expect(() => resolveContext({ kind: 'context', name: 'dind' }, env)).toThrow(clear)
    // config.json's currentContext, in another spelling, is the CLI's current context too.
    fs.writeFileSync(path.join(dir, 'config.json'), '{"CURRENTCONTEXT":"lower"}')
    expect(() => resolveContext({ kind: 'default' }, env)).toThrow(clear)
    fs.writeFileSync(path.join(dir, 'config.json'), '{"currentContext":"verified","currentcontext":"lower"}')
    expect(() => resolveContext({ kind: 'default' }, env)).toThrow(/spells currentContext two ways/)
  })

  it('the key and the TLS key are masked under their input and variable names, never others', () => {
    const s = settings({ 'docker-ssh-key': 'DEPLOY_KEY', 'docker-tls-ca': 'CA', 'docker-tls-cert': 'CERT', 'docker-tls-key': 'TLS_KEY' })
    expect(engineSecrets(s, { DEPLOY_KEY: 'k1-value', TLS_KEY: 'k2-value', CA: 'public', CERT: 'public' })).toEqual([
      { name: 'docker-ssh-key (DEPLOY_KEY)', value: 'k1-value' },
      { name: 'docker-tls-key (TLS_KEY)', value: 'k2-value' }
    ])
  })
})

describe('the engine inputs, against the engine they go with (from a review)', () => {
  it('the default engine is pinned: docker-context default wins over DOCKER_HOST and a CLI current context', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-cfg-'))
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ currentContext: 'default' }))
    const env = { DOCKER_HOST: 'tcp://203.0.113.5:2375', DOCKER_CONFIG: dir }
    const s = settings({ 'docker-context': 'default' })
    const engine = await openEngine(engineAddress(s, env), s, dir, env)
    expect(engine.env).toEqual({ DOCKER_CONTEXT: 'default', DOCKER_HOST: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined })
    expect(engine.remote).toBe(false)
  })

  it('named key material must be set; SSH and TLS inputs only go with their engines; plain tcp:// off the loopback is refused', () => {
    const ssh = parseDockerHost('ssh://deploy@h', 'x')
    const tcp = parseDockerHost('tcp://10.0.0.2:2376', 'x')
    expect(() => checkEngineInputs(ssh, settings({ 'docker-ssh-key': 'KEY' }), {})).toThrow(/docker-ssh-key: KEY is not set in the step's env/)
    expect(() => checkEngineInputs(ssh, settings({ 'docker-ssh-key': 'KEY' }), { KEY: 'k' })).not.toThrow()
    expect(() => checkEngineInputs(ssh, settings({ 'docker-tls-ca': 'CA' }), { CA: 'pem' })).toThrow(/are for a tcp:\/\/ engine/)
    expect(() => checkEngineInputs(tcp, settings({ 'docker-known-hosts': `h ssh-ed25519 ${KEY}` }), {})).toThrow(/are for an ssh:\/\/ engine/)
    expect(() => checkEngineInputs(tcp, settings({}), {})).toThrow(/without TLS would send every task value in clear/)
    expect(() => checkEngineInputs(tcp, settings({ 'docker-tls-ca': 'CA' }), { CA: 'pem' })).not.toThrow()
    expect(() => checkEngineInputs(parseDockerHost('tcp://localhost:2375', 'x'), settings({}), {})).not.toThrow()
  })

  it('never quotes a value given where a name belongs, nor a password in an address', () => {
    const secret = 'sup3r-s3cret-value-Qz'
    expect(() => settings({ 'docker-ssh-key': secret })).toThrow(/not a variable name/)
    expect(() => settings({ 'docker-ssh-key': secret })).not.toThrow(new RegExp(secret))
    const caught = (() => {
      try {
        parseDockerHost(`ssh://deploy:${secret}@host`, 'DOCKER_HOST')
      } catch (e) {
        return (e as Error).message
      }
    })()
    expect(caught).toMatch(/no valid user name/)
    expect(caught).not.toContain(secret)
  })
})

describe('the SSH connection: errors and leftovers', () => {
  it("the post step follows the run's ssh-dir link only to a directory connect.ts made", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-tmpdir-'))
    const run = fs.mkdtempSync(path.join(tmp, 'release-phase-'))
    const victim = fs.mkdtempSync(path.join(tmp, 'victim-'))
    fs.symlinkSync(victim, path.join(run, 'ssh-dir'))
    expect(runDirs(run, tmp)).toEqual([run])
    fs.rmSync(path.join(run, 'ssh-dir'))
    const short = fs.mkdtempSync(path.join(tmp, 'rp-'))
    fs.symlinkSync(short, path.join(run, 'ssh-dir'))
    expect(runDirs(run, tmp)).toEqual([run, short])
  })

  const a = parseDockerHost('ssh://deploy@app-host:2222', 'x') as Extract<ReturnType<typeof parseDockerHost>, { kind: 'ssh' }>
  it.each([
    ['@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.', /presented a host key other than the known one/],
    [
      'No ED25519 host key is known for [app-host]:2222 and you have requested strict checking.\nHost key verification failed.',
      /is not a known host .*ssh-keyscan -p 2222 app-host/
    ],
    ['deploy@app-host: Permission denied (publickey).', /refused the SSH key/],
    [
      'ssh: connect to host app-host port 2222: Connection refused',
      /cannot connect to the Docker host ssh:\/\/deploy@app-host:2222 over SSH: ssh: connect to host/
    ]
  ])('ssh said %j', (log, message) => {
    expect(connectError(a, log).message).toMatch(message)
  })

  it("ends only ssh and ssh-agent processes that name a file of the run's directory", () => {
    const proc = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-proc-'))
    const fake = (pid: number, argv: string[]): void => {
      fs.mkdirSync(path.join(proc, String(pid)))
      fs.writeFileSync(path.join(proc, String(pid), 'cmdline'), argv.join('\0') + '\0')
    }
    // Pids far beyond pid_max: a kill that reached the real system would fail, not end a process.
    fake(2_000_000_001, ['ssh', '-o', 'ControlPath=/tmp/run/release-phase-abc/ssh-mux', '-f', '-N', '-M', '--', 'h'])
    fake(2_000_000_002, ['/usr/bin/ssh-agent', '-D', '-a', '/tmp/run/release-phase-abc/agent.sock'])
    fake(2_000_000_003, ['bash', '-c', 'cat /tmp/run/release-phase-abc/x'])
    fake(2_000_000_004, ['ssh', '-o', 'ControlPath=/tmp/run/release-phase-abcdef/ssh-mux'])
    const killed: number[] = []
    const kill = process.kill
    process.kill = ((pid: number) => (killed.push(pid), true)) as typeof process.kill
    try {
      expect(endLeftovers(['/tmp/run/release-phase-abc'], proc)).toBe(2)
    } finally {
      process.kill = kill
    }
    expect(killed.sort()).toEqual([2_000_000_001, 2_000_000_002])
  })
})
