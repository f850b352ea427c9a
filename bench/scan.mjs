// The predeploy secret scan's cost (issue 20 item 9, design.md §4.6): a predeploy that writes N files,
// run through dist/index.js with a secret (the scan reads the changes back and searches them) and
// without one (nothing to search: the scan is skipped), alternating. The scan's own time is read from
// the log: from the end of the predeploy task's output to the scan's result line.
//
//   node bench/scan.mjs [--files N] [--rounds R] [--kib K]
import { execFileSync, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? dflt : Number(process.argv[i + 1])
}
const files = arg('files', 5000)
const rounds = arg('rounds', 3)
const kib = arg('kib', 1)
execFileSync('bash', [path.join(root, 'scripts/base-image.sh')], { stdio: 'inherit' })
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-scan-bench-'))
fs.writeFileSync(path.join(work, 'Dockerfile'), 'FROM release-phase-base:busybox\nCOPY predeploy.sh /predeploy.sh\n')
fs.writeFileSync(
  path.join(work, 'predeploy.sh'),
  `mkdir -p /app/cache; head -c ${kib * 1024} /dev/urandom | base64 > /tmp/blob; i=0; while [ $i -lt ${files} ]; do cp /tmp/blob /app/cache/$i.txt; i=$((i+1)); done; rm /tmp/blob\n`
)
fs.writeFileSync(path.join(work, 'app.json'), '{"scripts":{"dokku":{"predeploy":"sh /predeploy.sh"}}}')
fs.writeFileSync(path.join(work, 'Procfile'), 'release: true\n')

function once(withSecret) {
  const dir = fs.mkdtempSync(path.join(work, 'runner-'))
  for (const f of ['output', 'summary', 'state']) fs.writeFileSync(path.join(dir, f), '')
  const env = {
    ...process.env,
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    RUNNER_TEMP: dir,
    INPUT_TAGS: 'release-phase-scan-bench:local',
    ...(withSecret ? { INPUT_SECRETS: 'API_TOKEN', API_TOKEN: 'tok-Hq82-Mz0p-aa91-bench' } : { INPUT_ENV: 'API_TOKEN=none' })
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const stamps = {}
    const child = spawn(process.execPath, [path.join(root, 'dist', 'index.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] })
    let buf = ''
    let inPredeploy = false
    child.stdout.on('data', b => {
      buf += b
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 1)
        const t = Number(process.hrtime.bigint() - started) / 1e9
        if (line === '::group::predeploy output') inPredeploy = true
        else if (inPredeploy && line === '::endgroup::') {
          stamps.taskEnd = t
          inPredeploy = false
        } else if (/^predeploy: what the task wrote holds no secret \(/.test(line)) stamps.scanEnd = t
        else if (/^predeploy commit:/.test(line)) stamps.commit = t
      }
    })
    child.on('error', reject)
    child.on('close', code => {
      if (code !== 0) return reject(new Error(`action exited ${code}`))
      resolve({ total: Number(process.hrtime.bigint() - started) / 1e9, scan: withSecret ? stamps.scanEnd - stamps.taskEnd : 0 })
    })
  })
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const on = []
const off = []
await once(false) // warm the build cache
for (let r = 0; r < rounds; r++) {
  on.push(await once(true))
  off.push(await once(false))
}
const f = n => n.toFixed(3)
console.log(`predeploy writes ${files} files of ${kib} KiB (base64 text, ${((files * kib * 4) / 3 / 1024).toFixed(1)} MiB)`)
console.log(
  `scan step (task end → scan result), s: median ${f(median(on.map(x => x.scan)))} (min ${f(Math.min(...on.map(x => x.scan)))}, max ${f(Math.max(...on.map(x => x.scan)))})`
)
console.log(`whole run with a secret (scan on), s: median ${f(median(on.map(x => x.total)))}`)
console.log(`whole run without a secret (no scan), s: median ${f(median(off.map(x => x.total)))}`)
execFileSync('docker', ['image', 'rm', '--force', 'release-phase-scan-bench:local'], { stdio: 'ignore' })
fs.rmSync(work, { recursive: true, force: true })
