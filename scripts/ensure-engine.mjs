// Used by `npm test` and `npm run example`: makes sure a Docker engine with buildx answers.
// Where none does, provision one through the same script .ci/run uses (Debian, as root), or stop
// with one line saying exactly what is missing.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const ok = args => spawnSync('docker', args, { stdio: 'ignore', timeout: 20000 }).status === 0
if (ok(['info']) && ok(['buildx', 'version'])) process.exit(0)

const isRoot = process.getuid?.() === 0
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.error('No Docker engine with buildx answers: provisioning one with scripts/provision-engine.sh')
  const r = spawnSync('bash', ['scripts/provision-engine.sh'], { stdio: 'inherit' })
  process.exit(r.status ?? 1)
}
const missing = []
if (spawnSync('docker', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('the docker CLI')
else if (!ok(['info'])) missing.push('a running Docker daemon')
if (!ok(['buildx', 'version'])) missing.push('docker buildx')
if (process.env.CI === 'true' || process.argv.includes('--require')) {
  console.error(`release-phase: missing ${missing.join(', ')}; run scripts/provision-engine.sh as root on Debian, or install Docker with buildx`)
  process.exit(1)
}
console.error(`release-phase: missing ${missing.join(', ')}; engine tests will be skipped (CI=true makes them fail)`)
