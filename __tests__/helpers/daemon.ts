import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { BASE_IMAGE, REAL_DOCKER, ROOT } from './machine.js'

export interface PrivateDaemon {
  host: string
  env: NodeJS.ProcessEnv
  process: ChildProcess
  docker(...args: string[]): string
  /** Makes a TCP port of the host's loopback (a test registry) reachable on the daemon's own loopback. */
  forwardPort(port: number): Promise<void>
  /** A command prefix that runs a program in the daemon's network namespace (its loopback is the daemon's). */
  inNetns: string[]
  stop(): void
}

/**
 * The PATH prefix of the Docker Engine >= 24 (with its containerd) that scripts/containerd-engine.sh
 * unpacks; undefined when it cannot be had, which CI=true turns into a failure.
 */
export function containerdEngineBin(): string | undefined {
  try {
    const dir = execFileSync('bash', [path.join(ROOT, 'scripts/containerd-engine.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
    return `${dir}/root/usr/bin:${dir}/root/usr/sbin`
  } catch (e) {
    if (process.env.CI === 'true') throw e
    return undefined
  }
}

/**
 * One end of a forwarded port, as its own process (the test's own process blocks in spawnSync while
 * `docker login`/`push` need the forward): `listen` is a TCP port or a unix socket, `target` the other.
 * Started in the daemon's network namespace for its loopback TCP side, in the host's for the other.
 */
const FORWARDER = `
const net = require('node:net')
const [listen, target, lo] = process.argv.slice(1)
if (lo) require('node:child_process').execFileSync('ip', ['link', 'set', 'lo', 'up'])
const to = t => (/^\\d+$/.test(t) ? net.connect(Number(t), '127.0.0.1') : net.connect(t))
const server = net.createServer(c => { const u = to(target); c.pipe(u).pipe(c); c.on('error', () => u.destroy()); u.on('error', () => c.destroy()) })
if (/^\\d+$/.test(listen)) server.listen(Number(listen), '127.0.0.1')
else server.listen(listen)
`

/**
 * Every mount under the daemon's root (data-root's bind mount, exec/netns/*), deepest first. The killed
 * daemon and its containerd take a moment to let go (EBUSY): retry, then detach lazily, then remove.
 */
const UNMOUNT_AND_REMOVE = `
mounts() { awk -v r="$1/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r; }
for i in $(seq 50); do
  m=$(mounts "$1"); [ -z "$m" ] && break
  for p in $m; do umount "$p" 2>/dev/null; done
  sleep 0.1
done
for p in $(mounts "$1"); do umount -l "$p"; done
rm -rf "$1"
`

/**
 * A dockerd of the test's own, in its own network namespace (so it cannot touch the host's docker0
 * or iptables) with its own data and exec roots, loaded with the base image. `bin` prefixes PATH,
 * to run another engine version (and its containerd) than the machine's.
 */
export async function startPrivateDaemon(opts: { bin?: string; config?: object } = {}): Promise<PrivateDaemon> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-dockerd-'))
  const host = `unix://${root}/docker.sock`
  const args = ['--host', host, '--data-root', `${root}/data`, '--exec-root', `${root}/exec`, '--pidfile', `${root}/pid`]
  if (opts.config) {
    fs.writeFileSync(`${root}/daemon.json`, JSON.stringify(opts.config))
    args.push('--config-file', `${root}/daemon.json`)
  }
  const log = fs.openSync(`${root}/log`, 'w')
  const daemonPath = opts.bin ? `${opts.bin}:${process.env.PATH}` : process.env.PATH
  const proc = spawn('unshare', ['--net', '--fork', '--kill-child', 'dockerd', ...args], {
    stdio: ['ignore', log, log],
    env: { ...process.env, PATH: daemonPath }
  })
  const env = { ...process.env, DOCKER_HOST: host }
  const docker = (...a: string[]): string => execFileSync(REAL_DOCKER, a, { env, encoding: 'utf8', timeout: 60_000 })
  for (let i = 0; ; i++) {
    try {
      docker('info')
      break
    } catch {
      if (i > 60 || proc.exitCode !== null) throw new Error(`private dockerd did not start:\n${fs.readFileSync(`${root}/log`, 'utf8').slice(-2000)}`)
      await new Promise(r => setTimeout(r, 500))
    }
  }
  execFileSync('sh', ['-c', `'${REAL_DOCKER}' save ${BASE_IMAGE} | DOCKER_HOST=${host} '${REAL_DOCKER}' load -q`], { stdio: 'ignore' })
  // `unshare --fork` is itself in the new network namespace (net is not a pid namespace): enter it.
  const inNetns = ['nsenter', '-t', String(proc.pid), '-n']
  // A new namespace's loopback starts down; a runner's is up (the manifest probe listens on it).
  execFileSync(inNetns[0], [...inNetns.slice(1), 'ip', 'link', 'set', 'lo', 'up'])
  const forwarders: ChildProcess[] = []
  const forwardPort = async (port: number): Promise<void> => void forwarders.push(...(await forwardInto(inNetns, root, port)))
  return {
    host,
    env,
    process: proc,
    docker,
    forwardPort,
    inNetns,
    stop: () => {
      for (const f of forwarders) f.kill('SIGKILL')
      proc.kill('SIGKILL')
      // The daemon's managed containerd and shims live under its exec-root: end them too.
      try {
        execFileSync('pkill', ['-9', '-f', root])
      } catch {
        // none left
      }
      removeDaemonRoot(root)
    }
  }
}

/** Unmounts what a killed daemon left under `root` and removes it (best effort). */
export function removeDaemonRoot(root: string): void {
  try {
    execFileSync('sh', ['-c', UNMOUNT_AND_REMOVE, 'sh', root])
  } catch {
    // best effort
  }
}

/**
 * Makes TCP `port` of this machine's loopback reachable on the loopback of the network namespace that
 * `inNetns` (an nsenter prefix) enters: one forwarder here, one there, joined by a unix socket in `root`.
 */
export async function forwardInto(inNetns: string[], root: string, port: number): Promise<ChildProcess[]> {
  const sock = `${root}/port-${port}.sock`
  const outside = spawn(process.execPath, ['-e', FORWARDER, sock, String(port)], { stdio: 'ignore' })
  const inside = spawn(inNetns[0], [...inNetns.slice(1), process.execPath, '-e', FORWARDER, String(port), sock, 'lo'], { stdio: 'ignore' })
  for (let i = 0; ; i++) {
    const probe = spawnSync(inNetns[0], [...inNetns.slice(1), 'bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`], { stdio: 'ignore' })
    if (probe.status === 0 && fs.existsSync(sock)) return [outside, inside]
    if (i > 40 || inside.exitCode !== null) throw new Error(`could not forward port ${port} into the network namespace`)
    await new Promise(r => setTimeout(r, 250))
  }
}
