import { execFileSync } from 'node:child_process'

/**
 * Engine tests need a reachable daemon and the base image. Under CI=true an unreachable engine is a
 * failure, never a skip; locally the engine files skip themselves (see engine.ts) with the reason.
 */
export default function setup(): void {
  let ok = true
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 })
  } catch {
    ok = false
  }
  if (!ok) {
    if (process.env.CI === 'true') throw new Error('CI=true but the Docker engine is unreachable: engine tests must run (start it with scripts/provision-engine.sh)')
    process.env.RELEASE_PHASE_NO_ENGINE = '1'
    return
  }
  execFileSync('bash', ['scripts/base-image.sh'], { stdio: 'inherit' })
}
