import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { ROOT } from '../../helpers/engine.js'

/**
 * What stands in for `postgres:*` (a `services:` container, a `sidecars:` entry, a fixture's base
 * image): no image can be pulled here, so a real PostgreSQL built from the host's Debian packages by
 * scripts/postgres-image.sh, the same image the sidecar engine tests use. Like the official image it
 * initialises from POSTGRES_PASSWORD/POSTGRES_DB, starts as root and drops to uid 999.
 */
export const POSTGRES_IMAGE = 'release-phase-test/postgres:local'

export const isPostgres = (image: string): boolean => /^(docker\.io\/)?(library\/)?postgres([:@]|$)/.test(image)

/** Builds the image unless it is there, built by this version of the script. */
export function ensurePostgresImage(): void {
  execFileSync('bash', [path.join(ROOT, 'scripts/postgres-image.sh'), POSTGRES_IMAGE], { stdio: ['ignore', 'ignore', 'inherit'] })
}
