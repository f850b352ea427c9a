import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { BASE_IMAGE, REAL_DOCKER } from './engine.js'

export interface PrivateDaemon {
  host: string
  env: NodeJS.ProcessEnv
  process: ChildProcess
  docker(...args: string[]): string
  stop(): void
}

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
  const proc = spawn('unshare', ['--net', '--fork', '--kill-child', 'dockerd', ...args], { stdio: ['ignore', log, log], env: { ...process.env, PATH: daemonPath } })
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
  return {
    host,
    env,
    process: proc,
    docker,
    stop: () => {
      proc.kill('SIGKILL')
      // The daemon's managed containerd and shims live under its exec-root: end them too.
      try {
        execFileSync('pkill', ['-9', '-f', root])
      } catch {
        // none left
      }
      try {
        execFileSync('sh', ['-c', `umount -R ${root}/data 2>/dev/null; umount -R ${root}/exec 2>/dev/null; rm -rf ${root}`])
      } catch {
        // best effort
      }
    }
  }
}
