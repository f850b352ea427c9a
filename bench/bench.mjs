// release-phase benchmark (issue: performance). Times the same work done two ways, alternating:
//   (a) the plain Docker CLI sequence a careful user would write in a shell step, and
//   (b) node dist/index.js with the equivalent inputs, started as the runner starts it,
// on the example app with a warm build cache; plus start-up, bundle size, peak RSS under heavy task
// output and docker process counts. Prints the figures and writes BENCHMARKS.md.
//
//   npm run bench [-- --rounds N] [--no-write] [--max-ratio R]
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? dflt : process.argv[i + 1]
}
const rounds = Number(arg('rounds', '7'))
const write = !process.argv.includes('--no-write')
const maxRatio = arg('max-ratio', undefined)
const bundle = path.join(root, 'dist', 'index.js')

if (spawnSync('bash', [path.join(root, 'scripts/base-image.sh')], { stdio: 'inherit' }).status !== 0) process.exit(1)
const realDocker = execFileSync('sh', ['-c', 'command -v docker']).toString().trim()
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-bench-'))
const app = path.join(work, 'app')
fs.cpSync(path.join(root, 'example'), app, { recursive: true })

// A docker on PATH that counts invocations and stamps the first one (ns), then runs the real one.
const shimDir = path.join(work, 'bin')
fs.mkdirSync(shimDir)
const callLog = path.join(work, 'calls')
fs.writeFileSync(
  path.join(shimDir, 'docker'),
  `#!/bin/sh\necho "$(date +%s%N) $1" >> "${callLog}"\nexec '${realDocker}' "$@"\n`,
  { mode: 0o755 }
)
const PATH = `${shimDir}:${process.env.PATH}`
const TAG = 'release-phase-bench:local'
const predeploy = '/app/bin/build-assets'
const release = '/app/bin/migrate'

// (a) what a careful user writes: same flags, predeploy committed, release removed.
const shellScript = path.join(work, 'plain.sh')
fs.writeFileSync(
  shellScript,
  `set -euo pipefail
tmp=$(mktemp -d)
docker buildx build --load --iidfile "$tmp/iid" --metadata-file "$tmp/meta.json" --file "${app}/Dockerfile" --tag ${TAG} "${app}" >/dev/null 2>&1
docker run --name rp-bench-predeploy -e RELEASE_PHASE=predeploy -e GREETING "$(cat "$tmp/iid")" /bin/sh -c '${predeploy}'
docker commit --change 'CMD ["/app/bin/web"]' --change 'LABEL release-phase.predeploy=true' rp-bench-predeploy ${TAG} >/dev/null
docker rm rp-bench-predeploy >/dev/null
docker run --rm -e RELEASE_PHASE=release -e GREETING ${TAG} /bin/sh -c '${release}'
rm -rf "$tmp"
`
)

function runnerEnv(extra = {}) {
  const files = fs.mkdtempSync(path.join(work, 'runner-'))
  for (const f of ['output', 'summary', 'state']) fs.writeFileSync(path.join(files, f), '')
  fs.mkdirSync(path.join(files, 'temp'))
  return {
    ...process.env,
    PATH,
    GITHUB_WORKSPACE: app,
    GITHUB_OUTPUT: path.join(files, 'output'),
    GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
    GITHUB_STATE: path.join(files, 'state'),
    RUNNER_TEMP: path.join(files, 'temp'),
    INPUT_TAGS: TAG,
    INPUT_ENV: 'GREETING=hello',
    ...extra
  }
}

/** Runs a command with its output drained (as the runner drains a step's); returns seconds and the call log. */
function timed(cmd, args, env) {
  fs.writeFileSync(callLog, '')
  const start = process.hrtime.bigint()
  const startWall = BigInt(Date.now()) * 1000000n
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  const calls = fs.readFileSync(callLog, 'utf8').trim().split('\n').filter(Boolean)
  const firstCallMs = calls.length ? Number(BigInt(calls[0].split(' ')[0]) - startWall) / 1e6 : null
  return { seconds, calls, firstCallMs }
}

const stats = xs => {
  const s = [...xs].sort((a, b) => a - b)
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] }
}
const fmt = (x, d = 3) => x.toFixed(d)

console.log(`warming the build cache…`)
timed('bash', [shellScript], { ...process.env, PATH, GREETING: 'hello' })
timed(process.execPath, [bundle], runnerEnv())

const plain = []
const action = []
let plainCalls = 0
let actionCalls = 0
for (let i = 0; i < rounds; i++) {
  // Alternate which goes first so drift on the machine hits both alike.
  const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a']
  for (const which of order) {
    if (which === 'a') {
      const r = timed('bash', [shellScript], { ...process.env, PATH, GREETING: 'hello' })
      plain.push(r.seconds)
      plainCalls = r.calls.length
    } else {
      const r = timed(process.execPath, [bundle], runnerEnv())
      action.push(r.seconds)
      actionCalls = r.calls.length
    }
  }
  process.stdout.write(`round ${i + 1}/${rounds}: plain ${fmt(plain.at(-1))}s, action ${fmt(action.at(-1))}s\n`)
}
const a = stats(plain)
const b = stats(action)
const ratio = b.median / a.median

// Start-up: process start → first docker child (a run that builds), and → exit (dry-run).
const toDocker = []
const toExit = []
const nodeOnly = []
for (let i = 0; i < Math.max(rounds, 5); i++) {
  toDocker.push(timed(process.execPath, [bundle], runnerEnv()).firstCallMs)
  toExit.push(timed(process.execPath, [bundle], runnerEnv({ 'INPUT_DRY-RUN': 'true' })).seconds * 1000)
  nodeOnly.push(timed(process.execPath, ['-e', '0'], process.env).seconds * 1000)
}
const startup = stats(toDocker)
const dryExit = stats(toExit)
const nodeBare = stats(nodeOnly)

// Peak RSS of the action while the release task prints a lot (output drained like the runner does).
const bare = fs.mkdtempSync(path.join(work, 'no-manifests-'))
function peakRss(bytes) {
  const env = runnerEnv({
    GITHUB_WORKSPACE: bare, // no Procfile: the release-command input is the release command
    INPUT_IMAGE: 'release-phase-base:busybox',
    INPUT_PHASES: 'release',
    'INPUT_RELEASE-COMMAND': `head -c ${bytes} /dev/zero | tr '\\0' 'x' | fold -w 100`,
    INPUT_TAGS: ''
  })
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bundle], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(`peak RSS run failed: ${r.stderr}`)
  return Number(r.stderr.toString().trim().split('\n').pop()) / 1024
}
const rss8 = peakRss(8 * 1024 * 1024)
const rss512 = peakRss(512 * 1024 * 1024)
const size = fs.statSync(bundle).size

const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/) ?? [])[1] ?? os.cpus()[0]?.model ?? 'unknown'
const engine = execFileSync(realDocker, ['version', '--format', 'engine {{.Server.Version}}, client {{.Client.Version}}']).toString().trim()
const buildx = execFileSync(realDocker, ['buildx', 'version']).toString().trim()
const verdict = (ok, target) => `${ok ? 'meets' : 'misses'} target ${target}`
const lines = [
  `# Benchmarks`,
  ``,
  `Run by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${rounds} alternating rounds on the example app, warm build cache.`,
  ``,
  `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; node ${process.version}; Docker ${engine}; ${buildx}.`,
  ``,
  `| measure | value | target |`,
  `| --- | --- | --- |`,
  `| (a) plain Docker CLI sequence, s (min / median / max) | ${fmt(a.min)} / ${fmt(a.median)} / ${fmt(a.max)} | |`,
  `| (b) \`node dist/index.js\`, s (min / median / max) | ${fmt(b.min)} / ${fmt(b.median)} / ${fmt(b.max)} | |`,
  `| median ratio b/a | ${fmt(ratio)} | ≤ 1.05: ${verdict(ratio <= 1.05, '')} |`,
  `| start-up: process start → first docker child, ms (median) | ${fmt(startup.median, 0)} | ≤ 80 ms: ${verdict(startup.median <= 80, '')} |`,
  `| start-up: dry-run process start → exit, ms (median) | ${fmt(dryExit.median, 0)} | |`,
  `| bare \`node -e 0\` on this machine, ms (median) | ${fmt(nodeBare.median, 0)} | (the issue assumed ~40) |`,
  `| \`dist/index.js\` size | ${(size / 1024).toFixed(0)} KiB | ≤ 1 MB: ${verdict(size <= 1_000_000, '')} |`,
  `| peak RSS, release printing 8 MB | ${fmt(rss8, 1)} MiB | ≤ 100 MB |`,
  `| peak RSS, release printing 512 MB | ${fmt(rss512, 1)} MiB | ≤ 100 MB, within 10 % of 8 MB: ${verdict(rss512 <= 100 && rss512 <= rss8 * 1.1, '')} |`,
  `| docker processes: (a) / (b) | ${plainCalls} / ${actionCalls} | |`,
  ``
]
const report = lines.join('\n')
console.log(`\n${report}`)
if (write) {
  const notes = fs.existsSync(path.join(root, 'BENCHMARKS.md')) ? fs.readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8').split('\n## Notes')[1] : undefined
  fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), report + (notes ? `\n## Notes${notes}` : ''))
  console.log('written to BENCHMARKS.md')
}
spawnSync(realDocker, ['image', 'rm', '--force', TAG], { stdio: 'ignore' })
fs.rmSync(work, { recursive: true, force: true })
if (maxRatio && ratio > Number(maxRatio)) {
  console.error(`bench: median ratio ${fmt(ratio)} exceeds ${maxRatio}`)
  process.exit(1)
}
