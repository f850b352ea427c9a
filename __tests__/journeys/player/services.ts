import { execFileSync, spawnSync } from 'node:child_process'
import { docker } from '../../helpers/engine.js'
import { ensurePostgresImage, isPostgres, POSTGRES_IMAGE } from './postgres.js'

/**
 * A job's `services:` as the runner starts them: a user network for the job, each service on it
 * under its id as host name, `job.services.<id>.network` naming that network. Only postgres can be
 * provided here (no image can be pulled): a real PostgreSQL built from the host's Debian packages.
 */
export interface Service {
  image: string
  env?: Record<string, string>
  ports?: unknown[]
  options?: string
  credentials?: unknown
}

export interface StartedServices {
  context: Record<string, { id: string; network: string; ports: Record<string, string> }>
  stop(): void
}

export function startServices(services: Record<string, Service>, log: (l: string) => void): StartedServices {
  const network = `rp-journey-${process.pid}-${Date.now().toString(36)}`
  const started: string[] = []
  const context: StartedServices['context'] = {}
  docker('network', 'create', '--label', 'rp-journeys=1', network)
  const stop = () => {
    if (started.length) spawnSync('docker', ['rm', '-f', ...started], { stdio: 'ignore' })
    spawnSync('docker', ['network', 'rm', network], { stdio: 'ignore' })
  }
  try {
    for (const [id, svc] of Object.entries(services)) {
      if (!isPostgres(svc.image)) throw new Error(`services.${id}: the player can provide postgres only, not ${svc.image}`)
      ensurePostgresImage()
      log(
        `services.${id}: ${svc.image} → ${POSTGRES_IMAGE} (built from Debian's postgresql), network ${network}, host ${id}${svc.options ? '; options replaced by waiting for pg_isready' : ''}`
      )
      const envArgs = Object.keys(svc.env ?? {}).flatMap(k => ['-e', k])
      const cid = execFileSync('docker', ['run', '-d', '--label', 'rp-journeys=1', '--network', network, '--network-alias', id, ...envArgs, POSTGRES_IMAGE], {
        encoding: 'utf8',
        env: { ...process.env, ...svc.env }
      }).trim()
      started.push(cid)
      waitReady(cid)
      context[id] = { id: cid, network, ports: {} }
    }
  } catch (e) {
    stop()
    throw e
  }
  return { context, stop }
}

function waitReady(cid: string): void {
  for (let i = 0; i < 150; i++) {
    if (spawnSync('docker', ['exec', cid, 'pg_isready', '-h', '127.0.0.1', '-q'], { stdio: 'ignore' }).status === 0) return
    spawnSync('sleep', ['0.2'])
  }
  throw new Error(`service container ${cid} never became ready: ${spawnSync('docker', ['logs', cid], { encoding: 'utf8' }).stderr}`)
}
