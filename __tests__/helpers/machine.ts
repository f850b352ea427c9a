import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Facts of this machine the helpers share, free of vitest so that the benchmark can bundle them too. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BASE_IMAGE = 'release-phase-base:busybox'
/** The real docker CLI; '' when there is none (the global setup then fails under CI, or skips). */
export const REAL_DOCKER = spawnSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).stdout.trim()
