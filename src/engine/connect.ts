import * as fs from 'node:fs'
import * as path from 'node:path'
import { socketDir } from '../run-record.js'
import { isRemote, type Engine, type EngineAddress, type EngineSettings } from './address.js'

/**
 * The runner's engine, pinned: the step env's DOCKER_HOST or a CLI current context would otherwise
 * still choose another engine for the docker children (`docker-context: default` with DOCKER_HOST set).
 */
const LOCAL: Engine = {
  env: { DOCKER_CONTEXT: 'default', DOCKER_HOST: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined },
  name: 'the local engine',
  remote: false,
  close: async () => undefined
}

/**
 * Opens the chosen engine (design.md §12), its address already checked (address.ts engineAddress): SSH
 * through one forwarded connection (ssh.ts), TCP with its TLS material (by name, written to the run's
 * private directory), a socket or context as the CLI would. `dir` is private to the run (0700) and
 * removed with it.
 */
export async function openEngine(address: EngineAddress, s: EngineSettings, dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Engine> {
  switch (address.kind) {
    case 'default':
      return LOCAL
    case 'context':
      // A context the CLI resolves itself (tcp with its stored TLS material, or a socket).
      return {
        env: { DOCKER_CONTEXT: address.name, DOCKER_HOST: undefined },
        name: `the Docker context ${address.name}`,
        remote: isRemote(address),
        close: LOCAL.close
      }
    case 'unix':
      return { env: { DOCKER_HOST: address.url, DOCKER_CONTEXT: undefined }, name: `the engine at ${address.url}`, remote: false, close: LOCAL.close }
    case 'tcp':
      return { env: tlsEnv(address.url, s, dir, env), name: `the Docker host ${address.url}`, remote: isRemote(address), close: LOCAL.close }
    case 'ssh': {
      const { openSsh } = await import('./ssh.js')
      const where = socketDir(dir)
      const done = (): void => void (where !== dir && fs.rmSync(where, { recursive: true, force: true }))
      const link = await openSsh(address, s, where, env).catch((e: unknown) => {
        done()
        throw e
      })
      const unset = { DOCKER_CONTEXT: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined }
      return {
        env: { ...unset, DOCKER_HOST: `unix://${link.socket}` },
        name: `the Docker host ${address.url}`,
        remote: true,
        expose: link.expose,
        close: () => link.close().finally(done)
      }
    }
  }
}

/**
 * tcp:// carries every task value of `docker create`, so it has TLS (checkEngineInputs refused it
 * otherwise, but on this machine's loopback): the material named by the inputs, written 0600 here, or
 * the step env's own DOCKER_TLS_VERIFY and DOCKER_CERT_PATH.
 */
function tlsEnv(url: string, s: EngineSettings, dir: string, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const base = { DOCKER_HOST: url, DOCKER_CONTEXT: undefined }
  if (!s.tls.ca) return env.DOCKER_TLS_VERIFY && env.DOCKER_CERT_PATH ? base : { ...base, DOCKER_TLS_VERIFY: undefined }
  const tls = path.join(dir, 'tls')
  fs.mkdirSync(tls, { mode: 0o700 })
  const files: [string, string][] = [
    ['ca.pem', s.tls.ca],
    ['cert.pem', s.tls.cert],
    ['key.pem', s.tls.key]
  ]
  for (const [file, name] of files) if (name) fs.writeFileSync(path.join(tls, file), env[name]!, { mode: 0o600 })
  return { ...base, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tls }
}
