import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { BASE_IMAGE, REAL_DOCKER } from './machine.js'
import { forwardInto, removeDaemonRoot } from './daemon.js'

/**
 * A Docker host of the test's own on this machine (shared/ENGINE.md "A remote engine"): a network
 * namespace with its own loopback and a veth address, Debian's sshd in it (key authentication only,
 * a host key made here, so `knownHosts` is exact), a second dockerd with its own roots listening on a
 * unix socket (what the SSH user's docker CLI uses, through sshd's SetEnv) and on tcp:// with TLS
 * (a CA, server and client certificates made by openssl).
 */
export interface RemoteHost {
  address: string
  /** ssh://rpdeploy@ADDRESS:PORT: an unprivileged user in the group that owns the engine's socket. */
  url: string
  sshPort: number
  /** One known_hosts line for the host's key. */
  knownHosts: string
  /** A private key the host accepts (its public half is in authorized_keys). */
  clientKey: string
  /** tcp://ADDRESS:2376, verified with `tls`. */
  tcpUrl: string
  tls: { ca: string; cert: string; key: string }
  /** The engine's own socket, for the test's direct looks (not through SSH). */
  socket: string
  env: NodeJS.ProcessEnv
  docker(...args: string[]): string
  /** Connections sshd accepted so far (its VERBOSE log's "Accepted publickey" lines). */
  accepted(): number
  /** Ends every SSH connection (the per-connection sshd processes): a dropped link. */
  dropConnections(): void
  /** Makes a TCP port of this machine's loopback (a test registry) reachable on the host's own loopback. */
  forwardPort(port: number): Promise<void>
  /** Bytes that crossed the link between this machine and the host so far, both ways. */
  linkBytes(): number
  /** Every process running in the host's network namespace, with its environment readable (the sweeps). */
  pids(): number[]
  root: string
  stop(): void
}

function sh(cmd: string, args: string[], opts: { cwd?: string } = {}): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts })
}

/** CA, server (SAN: the address) and client certificates, as `openssl` makes them. */
function makeTls(dir: string, address: string): void {
  const o = (...a: string[]): string => sh('openssl', a, { cwd: dir })
  o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=rp-test-ca')
  for (const [name, ext] of [
    ['server', `subjectAltName=IP:${address}\nextendedKeyUsage=serverAuth`],
    ['client', 'extendedKeyUsage=clientAuth']
  ]) {
    fs.writeFileSync(path.join(dir, `${name}.ext`), ext + '\n')
    o('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`)
    o(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-out',
      `${name}-cert.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`
    )
  }
}

export const DEPLOY_USER = 'rpdeploy'
const DEPLOY_GROUP = 'rp-docker'

/** The host's deploy user and docker group, made once on this machine (the tests run as root). */
function ensureDeployUser(): void {
  if (spawnSync('getent', ['group', DEPLOY_GROUP]).status !== 0) sh('groupadd', ['--system', DEPLOY_GROUP])
  if (spawnSync('id', [DEPLOY_USER]).status !== 0)
    sh('useradd', ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--gid', DEPLOY_GROUP, '--shell', '/bin/sh', DEPLOY_USER])
  // No password, but not locked: sshd without PAM refuses a locked account even for a key.
  sh('usermod', ['--password', '*', DEPLOY_USER])
}

async function until(what: string, ok: () => boolean, log: () => string): Promise<void> {
  for (let i = 0; !ok(); i++) {
    if (i > 120) throw new Error(`remote host: ${what} did not come up:\n${log().slice(-2000)}`)
    await new Promise(r => setTimeout(r, 250))
  }
}

/** `sshEnv`: variables sshd sets for the SSH user's sessions (SetEnv), e.g. a PATH without docker. */
export async function startRemoteHost(opts: { config?: object; bin?: string; sshEnv?: string[] } = {}): Promise<RemoteHost> {
  const id = randomBytes(3).toString('hex')
  const ns = `rp-host-${id}`
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-host-'))
  const octet = 16 + (parseInt(id, 16) % 200)
  const third = (parseInt(id, 16) >> 8) % 250
  const [here, address] = [`10.${octet}.${third}.1`, `10.${octet}.${third}.2`]
  const veth = [`rp${id}a`, `rp${id}b`]
  const ip = (...a: string[]): string => sh('ip', a)
  ip('netns', 'add', ns)
  ip('link', 'add', veth[0], 'type', 'veth', 'peer', 'name', veth[1])
  ip('link', 'set', veth[1], 'netns', ns)
  ip('addr', 'add', `${here}/30`, 'dev', veth[0])
  ip('link', 'set', veth[0], 'up')
  const inNetns = ['nsenter', `--net=/var/run/netns/${ns}`]
  for (const a of [
    ['addr', 'add', `${address}/30`, 'dev', veth[1]],
    ['link', 'set', veth[1], 'up'],
    ['link', 'set', 'lo', 'up']
  ])
    sh(inNetns[0], [inNetns[1], 'ip', ...a])

  // Keys: the host's, a client's, and the TLS material.
  sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'rp-host', '-f', path.join(root, 'host_key')])
  sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'rp-client', '-f', path.join(root, 'client_key')])
  fs.copyFileSync(path.join(root, 'client_key.pub'), path.join(root, 'authorized_keys'))
  makeTls(root, address)

  // The documented deploy user: not root, in the group the engine gives its socket (dockerd --group).
  // The host's files stay unlistable to it; it can reach the socket's path.
  ensureDeployUser()
  fs.chmodSync(root, 0o711)
  const socket = path.join(root, 'docker.sock')
  const daemonArgs = ['--group', DEPLOY_GROUP, '--host', `unix://${socket}`, '--host', `tcp://${address}:2376`, '--tlsverify']
  daemonArgs.push('--tlscacert', `${root}/ca.pem`, '--tlscert', `${root}/server-cert.pem`, '--tlskey', `${root}/server-key.pem`)
  daemonArgs.push('--data-root', `${root}/data`, '--exec-root', `${root}/exec`, '--pidfile', `${root}/docker.pid`)
  if (opts.config) {
    fs.writeFileSync(`${root}/daemon.json`, JSON.stringify(opts.config))
    daemonArgs.push('--config-file', `${root}/daemon.json`)
  }
  const dlog = fs.openSync(`${root}/dockerd.log`, 'w')
  const daemonPath = opts.bin ? `${opts.bin}:${process.env.PATH}` : process.env.PATH
  // Only the network namespace: `ip netns exec` would also remount /sys, and dockerd then finds no cgroups.
  const dockerd = spawn(inNetns[0], [inNetns[1], 'dockerd', ...daemonArgs], { stdio: ['ignore', dlog, dlog], env: { ...process.env, PATH: daemonPath } })
  const env = { ...process.env, DOCKER_HOST: `unix://${socket}` }
  const docker = (...a: string[]): string => execFileSync(REAL_DOCKER, a, { env, encoding: 'utf8', timeout: 120_000 })
  await until(
    'dockerd',
    () => spawnSync(REAL_DOCKER, ['info'], { env, stdio: 'ignore' }).status === 0 || dockerd.exitCode !== null,
    () => fs.readFileSync(`${root}/dockerd.log`, 'utf8')
  )
  if (dockerd.exitCode !== null) throw new Error(`remote host: dockerd exited:\n${fs.readFileSync(`${root}/dockerd.log`, 'utf8').slice(-2000)}`)
  execFileSync('sh', ['-c', `'${REAL_DOCKER}' save ${BASE_IMAGE} | DOCKER_HOST=unix://${socket} '${REAL_DOCKER}' load -q`], { stdio: 'ignore' })

  const sshPort = 2222
  fs.mkdirSync('/run/sshd', { recursive: true })
  fs.writeFileSync(
    path.join(root, 'sshd_config'),
    [
      `Port ${sshPort}`,
      `ListenAddress ${address}`,
      `HostKey ${root}/host_key`,
      `PidFile ${root}/sshd.pid`,
      `AuthorizedKeysFile ${root}/authorized_keys`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin no',
      'StrictModes no',
      'UsePAM no',
      'LogLevel VERBOSE',
      // The SSH user's docker CLI talks to this host's engine, as a deploy user's would to its own.
      `SetEnv DOCKER_HOST=unix://${socket} ${(opts.sshEnv ?? []).join(' ')}`,
      ''
    ].join('\n')
  )
  const sshdLog = path.join(root, 'sshd.log')
  fs.writeFileSync(sshdLog, '')
  const sshd: ChildProcess = spawn(inNetns[0], [inNetns[1], '/usr/sbin/sshd', '-D', '-f', `${root}/sshd_config`, '-E', sshdLog], { stdio: 'ignore' })
  const reachable = (): boolean => spawnSync('bash', ['-c', `exec 3<>/dev/tcp/${address}/${sshPort}`], { stdio: 'ignore' }).status === 0
  await until(
    'sshd',
    () => reachable() || sshd.exitCode !== null,
    () => fs.readFileSync(sshdLog, 'utf8')
  )
  if (sshd.exitCode !== null) throw new Error(`remote host: sshd exited:\n${fs.readFileSync(sshdLog, 'utf8')}`)

  const hostKey = fs.readFileSync(path.join(root, 'host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ')
  const forwarders: ChildProcess[] = []
  const read = (f: string): string => fs.readFileSync(path.join(root, f), 'utf8')
  const sshdPid = Number(fs.readFileSync(path.join(root, 'sshd.pid'), 'utf8').trim())
  const netnsPids = (): number[] =>
    fs
      .readdirSync('/proc')
      .filter(p => /^\d+$/.test(p))
      .filter(p => {
        try {
          return fs.readlinkSync(`/proc/${p}/ns/net`) === fs.readlinkSync(`/proc/${sshdPid}/ns/net`)
        } catch {
          return false
        }
      })
      .map(Number)
  return {
    address,
    url: `ssh://${DEPLOY_USER}@${address}:${sshPort}`,
    sshPort,
    knownHosts: `[${address}]:${sshPort} ${hostKey}`,
    clientKey: read('client_key'),
    tcpUrl: `tcp://${address}:2376`,
    tls: { ca: read('ca.pem'), cert: read('client-cert.pem'), key: read('client-key.pem') },
    socket,
    env,
    docker,
    root,
    linkBytes: () => ['rx_bytes', 'tx_bytes'].reduce((n, f) => n + Number(fs.readFileSync(`/sys/class/net/${veth[0]}/statistics/${f}`, 'utf8')), 0),
    accepted: () => (fs.readFileSync(sshdLog, 'utf8').match(/Accepted publickey/g) ?? []).length,
    dropConnections: () => {
      // Every per-connection sshd process (the privileged monitor and the user's child), not the listener.
      for (const pid of netnsPids()) {
        let argv0: string
        try {
          argv0 = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]
        } catch {
          continue // gone meanwhile
        }
        if (pid !== sshdPid && argv0.startsWith('sshd:')) spawnSync('kill', ['-KILL', String(pid)])
      }
    },
    forwardPort: async port => void forwarders.push(...(await forwardInto(inNetns, root, port))),
    pids: netnsPids,
    stop: () => {
      for (const f of forwarders) f.kill('SIGKILL')
      sshd.kill('SIGKILL')
      spawnSync('pkill', ['-KILL', '-P', String(sshdPid)])
      spawnSync('kill', ['-KILL', String(sshdPid)])
      dockerd.kill('SIGKILL')
      spawnSync('pkill', ['-9', '-f', root])
      spawnSync('ip', ['link', 'del', veth[0]])
      spawnSync('ip', ['netns', 'del', ns])
      removeDaemonRoot(root)
    }
  }
}
