// release-phase benchmark (issue: performance). Times the same work done two ways, alternating:
//   (a) the plain Docker CLI sequence a careful user would write in a shell step, and
//   (b) node dist/index.js with the equivalent inputs, started as the runner starts it,
// on the example app with a warm build cache; plus start-up, bundle size, peak RSS under heavy task
// output and docker process counts. Prints the figures and writes BENCHMARKS.md.
//
// A size axis (issue 12) repeats the example app with >= 1 GiB of extra layers (from /dev/urandom),
// plain CLI vs action alternating, and times each step, on the machine's engine and, when
// scripts/containerd-engine.sh provides them, on private Docker 26 engines with the classic and with
// the containerd image store.
//
// A remote axis (issue 24) repeats the example app against an engine over SSH (a host in a network
// namespace of its own, __tests__/helpers/remote-host.ts bundled by ncc): the plain CLI with
// DOCKER_HOST=ssh:// against the action with docker-host, SSH connections counted by the host's sshd.
//
//   npm run bench [-- --rounds N] [--no-write] [--max-ratio R] [--no-size] [--size-rounds N]
//                 [--size-mib N] [--no-classic] [--no-classic26] [--no-containerd] [--no-remote] [--no-real]
//
// A real-app axis (issue 22) gives the example app a real app's shape: a 300 MiB layer, a predeploy
// that writes 2,000 asset files (20 MB, searched for the secret by the action), a migration of ~2 s
// of work, and DATABASE_URL passed as a secret; plain CLI vs action alternating.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
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
const sizeAxis = !process.argv.includes('--no-size')
const sizeRounds = Number(arg('size-rounds', '3'))
const sizeMib = Number(arg('size-mib', '1024'))
const withContainerd = !process.argv.includes('--no-containerd')
const withClassic26 = !process.argv.includes('--no-classic26')
const withClassic = !process.argv.includes('--no-classic')
const remoteAxis = !process.argv.includes('--no-remote')
const realAxis = !process.argv.includes('--no-real')

if (spawnSync('bash', [path.join(root, 'scripts/base-image.sh')], { stdio: 'inherit' }).status !== 0) process.exit(1)
const realDocker = execFileSync('sh', ['-c', 'command -v docker']).toString().trim()
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-bench-'))
const app = path.join(work, 'app')
fs.cpSync(path.join(root, 'example'), app, { recursive: true })

// Each docker process's start and end (epoch ns) and first argument, one line each: the plain script
// stamps its calls with bash's own clock (no process per stamp), the action through a preload that
// records its spawns (bench/stamp-spawns.cjs). No recording `docker` on PATH: the action starts buildx
// as the CLI would only where `docker` is the CLI itself (ADR 0014).
const callLog = path.join(work, 'calls')
const stampSpawns = path.join(root, 'bench', 'stamp-spawns.cjs')
/** node's arguments to start the action as the runner does, its docker processes recorded. */
const actionArgs = ['-r', stampSpawns, bundle]
const PATH = process.env.PATH
process.env.BENCH_CALL_LOG = callLog
/** Epoch ns from the preload's integer or bash's EPOCHREALTIME (seconds, six decimals, the locale's point). */
const epochNs = t => (/[.,]/.test(t) ? BigInt(t.replace(/[.,]/, '')) * 1000n : BigInt(t))
const TAG = 'release-phase-bench:local'
const predeploy = '/app/bin/build-assets'
const release = '/app/bin/migrate'

// (a) what a careful user writes: same flags, predeploy committed, release removed. The ids it commits
// are recorded so the bench can remove the images it made.
const plainIds = path.join(work, 'plain-ids')
function plainScript(appDir, tag, name) {
  const file = path.join(work, `plain-${name}.sh`)
  fs.writeFileSync(
    file,
    `set -euo pipefail
[ -n "\${EPOCHREALTIME:-}" ] || { echo 'the benchmark needs bash 5 (EPOCHREALTIME)' >&2; exit 1; }
docker() { local s=$EPOCHREALTIME rc=0; command docker "$@" || rc=$?; echo "$s $EPOCHREALTIME $1" >> '${callLog}'; return $rc; }
tmp=$(mktemp -d)
docker buildx build --load --iidfile "$tmp/iid" --metadata-file "$tmp/meta.json" --file "${appDir}/Dockerfile" --tag ${tag} "${appDir}" >/dev/null 2>&1
docker run --name rp-bench-predeploy-${name} -e RELEASE_PHASE=predeploy -e GREETING "$(cat "$tmp/iid")" /bin/sh -c '${predeploy}'
docker commit --change 'CMD ["/app/bin/web"]' --change 'LABEL release-phase.predeploy=true' rp-bench-predeploy-${name} ${tag} >> "${plainIds}"
docker rm rp-bench-predeploy-${name} >/dev/null
docker run --rm -e RELEASE_PHASE=release -e GREETING ${tag} /bin/sh -c '${release}'
rm -rf "$tmp"
`
  )
  return file
}
const shellScript = plainScript(app, TAG, 'small')

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
  // Each call as { cmd, start, end } in ms from the process start, in start order.
  const calls = fs
    .readFileSync(callLog, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(l => {
      const [a, b, cmd] = l.split(' ')
      return { cmd, start: Number(epochNs(a) - startWall) / 1e6, end: Number(epochNs(b) - startWall) / 1e6 }
    })
    .sort((x, y) => x.start - y.start)
  const firstCallMs = calls.length ? calls[0].start : null
  return { seconds, calls, firstCallMs }
}

const stats = xs => {
  const s = [...xs].sort((a, b) => a - b)
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] }
}
const fmt = (x, d = 3) => x.toFixed(d)

console.log(`warming the build cache…`)
timed('bash', [shellScript], { ...process.env, PATH, GREETING: 'hello' })
timed(process.execPath, actionArgs, runnerEnv())

const plain = []
const action = []
let plainCalls = 0
let actionCalls = 0
// Each run's docker processes ({ cmd, start, end } in ms from the process start), for the timeline.
const plainRuns = []
const actionRuns = []
for (let i = 0; i < rounds; i++) {
  // Alternate which goes first so drift on the machine hits both alike.
  const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a']
  for (const which of order) {
    if (which === 'a') {
      const r = timed('bash', [shellScript], { ...process.env, PATH, GREETING: 'hello' })
      plain.push(r.seconds)
      plainCalls = r.calls.length
      plainRuns.push({ calls: r.calls, ms: r.seconds * 1000 })
    } else {
      const r = timed(process.execPath, actionArgs, runnerEnv())
      action.push(r.seconds)
      actionCalls = r.calls.length
      actionRuns.push({ calls: r.calls, ms: r.seconds * 1000 })
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
  toDocker.push(timed(process.execPath, actionArgs, runnerEnv()).firstCallMs)
  // A dry run starts no docker process: it is started as the runner starts it, without the preload.
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

// ---- Size axis (issue 12): the same work on the example app and on it plus >= 1 GiB of layers. ----

/** Where each step of one run went, from the call log (ms). The commit step runs from the end of the
 * predeploy task to the start of the release task's container: `run` for the plain script, whose step
 * also holds its serial `docker rm` (its release container's create is inside the `run`); `start` for
 * the action, whose step holds the release container's create (an Engine API request where the engine
 * has a socket here, ADR 0013) and which removes the predeploy container beside the release. */
function steps(calls, seconds, plainRun) {
  const at = (cmd, from = 0) => calls.findIndex((c, i) => i >= from && c.cmd === cmd)
  const build = at('buildx')
  const predeploy = at(plainRun ? 'run' : 'start')
  const release = at(plainRun ? 'run' : 'start', predeploy + 1)
  const commit = at('commit')
  return {
    build: calls[build].end - calls[build].start,
    'build end → predeploy task': calls[predeploy].start - calls[build].end,
    'predeploy task': calls[predeploy].end - calls[predeploy].start,
    'docker commit call': commit < 0 ? NaN : calls[commit].end - calls[commit].start,
    'commit step': calls[release].start - calls[predeploy].end,
    'release task → exit': seconds * 1000 - calls[release].start,
    'whole run': seconds * 1000
  }
}

function sizeApp(mib) {
  const dir = path.join(work, `app-${mib}`)
  fs.cpSync(path.join(root, 'example'), dir, { recursive: true })
  const half = Math.ceil(mib / 2)
  // Two incompressible layers right after FROM, so the app's own steps stay cached on top of them.
  const extra = mib > 0 ? `RUN head -c ${half}m /dev/urandom > /blob-1\nRUN head -c ${half}m /dev/urandom > /blob-2\n` : ''
  const text = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8').replace(/^(FROM .*\n)/m, `$1${extra}`)
  fs.writeFileSync(path.join(dir, 'Dockerfile'), text)
  return dir
}

/** Alternating rounds of plain vs action on the small and the large app, on one engine. */
function measureSizes(store, extraEnv, wrap = []) {
  const variants = [
    { name: 'small', dir: app, tag: `release-phase-bench-${store}:small` },
    { name: 'large', dir: sizeApp(sizeMib), tag: `release-phase-bench-${store}:large` }
  ]
  const out = {}
  for (const v of variants) {
    const script = plainScript(v.dir, v.tag, `${store}-${v.name}`)
    const env = { ...process.env, ...extraEnv, PATH, GREETING: 'hello' }
    const actionEnv = () => runnerEnv({ ...extraEnv, GITHUB_WORKSPACE: v.dir, INPUT_TAGS: v.tag })
    console.log(`${store} ${v.name}: warming the build cache…`)
    timed('bash', [script], env)
    // The action starts as the runner starts it; `wrap` puts it in the engine's network namespace.
    const runAction = () => timed(wrap[0] ?? process.execPath, [...wrap.slice(1), ...(wrap.length ? [process.execPath] : []), ...actionArgs], actionEnv())
    const warm = runAction()
    out[v.name] = { plain: [], action: [], path: warm.calls.some(c => c.cmd === 'save') ? 'docker save → rewrite → load' : 'config-only load, no layer read' }
    for (let i = 0; i < sizeRounds; i++) {
      for (const which of i % 2 === 0 ? ['plain', 'action'] : ['action', 'plain']) {
        const r = which === 'plain' ? timed('bash', [script], env) : runAction()
        out[v.name][which].push(steps(r.calls, r.seconds, which === 'plain'))
      }
      const last = k => out[v.name][k].at(-1)
      console.log(
        `${store} ${v.name} round ${i + 1}/${sizeRounds}: commit step plain ${fmt(last('plain')['commit step'], 0)} ms, action ${fmt(last('action')['commit step'], 0)} ms; whole run plain ${fmt(last('plain')['whole run'], 0)} ms, action ${fmt(last('action')['whole run'], 0)} ms`
      )
    }
    removeMade(v.tag, extraEnv)
  }
  return out
}

/**
 * A private Docker 26 dockerd (scripts/containerd-engine.sh, as in the engine tests) with the containerd
 * image store, or with the classic one (a current engine's classic store, as on hosted runners, beside
 * the machine's older one), or undefined.
 */
function startPrivateEngine(containerd) {
  const r = spawnSync('bash', [path.join(root, 'scripts/containerd-engine.sh')], { encoding: 'utf8' })
  if (r.status !== 0) {
    console.log(`private Docker 26 engine: skipped (${r.stderr.trim().split('\n').pop()})`)
    return undefined
  }
  const dir = r.stdout.trim()
  const droot = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-bench-dockerd-'))
  fs.writeFileSync(path.join(droot, 'daemon.json'), JSON.stringify(containerd ? { features: { 'containerd-snapshotter': true } } : {}))
  const host = `unix://${droot}/docker.sock`
  const log = fs.openSync(path.join(droot, 'log'), 'w')
  const child = spawn(
    'unshare',
    [
      '--net',
      '--fork',
      '--kill-child',
      'dockerd',
      '--host',
      host,
      '--data-root',
      `${droot}/data`,
      '--exec-root',
      `${droot}/exec`,
      '--pidfile',
      `${droot}/pid`,
      '--config-file',
      `${droot}/daemon.json`
    ],
    {
      stdio: ['ignore', log, log],
      env: { ...process.env, PATH: `${dir}/root/usr/bin:${dir}/root/usr/sbin:${process.env.PATH}` }
    }
  )
  for (let i = 0; spawnSync(realDocker, ['-H', host, 'info'], { stdio: 'ignore' }).status !== 0; i++) {
    if (i > 60) throw new Error(`private dockerd did not start:\n${fs.readFileSync(path.join(droot, 'log'), 'utf8').slice(-2000)}`)
    spawnSync('sleep', ['0.5'])
  }
  execFileSync('sh', ['-c', `'${realDocker}' save release-phase-base:busybox | '${realDocker}' -H ${host} load -q`], { stdio: 'ignore' })
  // The engine has a loopback of its own (unshare --net); the action runs beside it there, as it runs
  // beside a runner's engine, so that the manifest probe's registry is on the engine's loopback.
  const wrap = ['nsenter', '-t', String(child.pid), '-n']
  execFileSync(wrap[0], [...wrap.slice(1), 'ip', 'link', 'set', 'lo', 'up'])
  return {
    env: { DOCKER_HOST: host },
    wrap,
    stop() {
      // dockerd ends its own containerd and shims on SIGTERM; then the namespace holder.
      const pid = Number(fs.readFileSync(path.join(droot, 'pid'), 'utf8'))
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        // already gone
      }
      for (let i = 0; i < 60; i++) {
        try {
          process.kill(pid, 0)
          spawnSync('sleep', ['0.5'])
        } catch {
          break
        }
      }
      child.kill('SIGKILL')
      spawnSync('sh', ['-c', `umount -R ${droot}/data 2>/dev/null; umount -R ${droot}/exec 2>/dev/null; rm -rf ${droot}`])
    }
  }
}

/** Removes a bench tag and every image the plain script committed (superseded, dangling). */
function removeMade(tag, extraEnv = {}) {
  const ids = fs.existsSync(plainIds) ? fs.readFileSync(plainIds, 'utf8').split('\n').filter(Boolean) : []
  fs.writeFileSync(plainIds, '')
  spawnSync(realDocker, ['image', 'rm', '--force', tag], { stdio: 'ignore', env: { ...process.env, ...extraEnv } })
  if (ids.length) spawnSync(realDocker, ['image', 'rm', '--no-prune', ...ids], { stdio: 'ignore', env: { ...process.env, ...extraEnv } })
}

const sizes = {}
if (sizeAxis) {
  if (withClassic) sizes.classic = measureSizes('classic', {})
  for (const [store, containerd, wanted] of [
    ['classic26', false, withClassic26],
    ['containerd', true, withContainerd]
  ]) {
    const engine = wanted ? startPrivateEngine(containerd) : undefined
    if (!engine) continue
    try {
      sizes[store] = measureSizes(store, engine.env, engine.wrap)
    } finally {
      engine.stop()
    }
  }
}
const STORE_TITLES = {
  classic: 'Classic image store (the machine engine)',
  classic26: 'Classic image store (private Docker 26 engine)',
  containerd: 'containerd image store (private Docker 26 engine)'
}
const median = xs => stats(xs).median
function sizeLines() {
  if (!sizeAxis) return []
  const lines = [
    `## Size axis: the example app vs the same app with ${sizeMib} MiB more of layers`,
    ``,
    `${sizeRounds} alternating rounds per image and store, warm build cache; medians in ms. Commit step: from the end of the predeploy task to the start of the release task's container (the plain script's holds \`docker commit\` and its serial \`docker rm\`, its \`run\` then creates the release container; the action's holds that create, through the engine's socket, and removes the predeploy container beside the release). The action makes no \`docker commit\` CLI call on a local engine (it commits through the engine's socket).`,
    ``
  ]
  for (const [store, bySize] of Object.entries(sizes)) {
    const keys = Object.keys(bySize.small.plain[0])
    lines.push(`### ${STORE_TITLES[store]}`, ``)
    lines.push(`| step | plain, small | action, small | plain, large | action, large | action large − small |`, `| --- | --- | --- | --- | --- | --- |`)
    for (const k of keys) {
      const m = (size, who) => median(bySize[size][who].map(x => x[k]))
      const f = x => (Number.isNaN(x) ? '—' : fmt(x, 0))
      lines.push(
        `| ${k} | ${f(m('small', 'plain'))} | ${f(m('small', 'action'))} | ${f(m('large', 'plain'))} | ${f(m('large', 'action'))} | ${f(m('large', 'action') - m('small', 'action'))} |`
      )
    }
    const m = (size, who, k) => median(bySize[size][who].map(x => x[k]))
    const commitRatio = m('large', 'action', 'commit step') / m('large', 'plain', 'docker commit call')
    const extra = m('large', 'action', 'whole run') - m('large', 'plain', 'whole run')
    lines.push(
      ``,
      `Action's commit path: small: ${bySize.small.path}; large: ${bySize.large.path}.`,
      `Targets on the large image: commit step ≤ 2× plain \`docker commit\`: ${fmt(commitRatio, 2)}× (${commitRatio <= 2 ? 'meets' : 'misses'}); whole run ≤ plain + 0.3 s (issue 22; issue 12 asked 0.4): ${extra >= 0 ? '+' : ''}${fmt(extra / 1000, 2)} s (${extra <= 300 ? 'meets' : 'misses'}).`,
      ``
    )
  }
  return lines
}

// ---- Real-app axis (issue 22): the example app with a real app's shape. ----

function realApp() {
  const dir = sizeApp(300)
  fs.writeFileSync(
    path.join(dir, 'bin', 'build-assets'),
    `#!/bin/sh\nset -e\nmkdir -p /app/assets\ni=0\nwhile [ $i -lt 2000 ]; do head -c 10240 /dev/urandom | base64 > /app/assets/asset-$i.js; i=$((i+1)); done\necho "compiled at predeploy" > /app/assets/manifest.txt\necho "predeploy: 2000 assets compiled"\n`,
    { mode: 0o755 }
  )
  fs.writeFileSync(
    path.join(dir, 'bin', 'migrate'),
    `#!/bin/sh\nset -e\ni=0\nwhile [ $i -lt 200000 ]; do i=$((i+1)); done\necho "migrate: done (\${DATABASE_URL%%:*})"\n`,
    { mode: 0o755 }
  )
  return dir
}

function measureReal() {
  const dir = realApp()
  const tag = 'release-phase-bench-real:local'
  const secret = { DATABASE_URL: 'postgres://app:bench-secret-Rz81x@db/app' }
  const script = plainScript(dir, tag, 'real').replace(/-e GREETING/g, '-e GREETING -e DATABASE_URL')
  const env = { ...process.env, PATH, GREETING: 'hello', ...secret }
  const actionEnv = () => runnerEnv({ GITHUB_WORKSPACE: dir, INPUT_TAGS: tag, INPUT_SECRETS: 'DATABASE_URL', ...secret })
  console.log('real-app shape: warming the build cache…')
  timed('bash', [script], env)
  timed(process.execPath, actionArgs, actionEnv())
  const out = { plain: [], action: [] }
  for (let i = 0; i < rounds; i++) {
    for (const which of i % 2 === 0 ? ['plain', 'action'] : ['action', 'plain']) {
      out[which].push((which === 'plain' ? timed('bash', [script], env) : timed(process.execPath, actionArgs, actionEnv())).seconds)
    }
    console.log(`real-app round ${i + 1}/${rounds}: plain ${fmt(out.plain.at(-1))}s, action ${fmt(out.action.at(-1))}s`)
  }
  removeMade(tag)
  return out
}
const real = realAxis ? measureReal() : undefined
function realLines() {
  if (!real) return []
  const [p, b] = [stats(real.plain).median, stats(real.action).median]
  return [
    `## Real-app axis: the example app with a real app's shape`,
    ``,
    `A 300 MiB layer, a predeploy that writes 2,000 asset files (20 MB, which the action searches for the secret's forms before the commit), a migration of ~2 s of work, DATABASE_URL passed as a secret to both; ${rounds} alternating rounds, warm build cache, medians.`,
    ``,
    `| measure | plain CLI | action |`,
    `| --- | --- | --- |`,
    `| whole run, s | ${fmt(p)} | ${fmt(b)} |`,
    ``,
    `Target: ratio ≤ 1.10: ${fmt(b / p, 3)} (${b / p <= 1.1 ? 'meets' : 'misses'}).`,
    ``
  ]
}

// ---- Remote axis (issue 24): the same work against an engine over SSH. ----

/** The test suite's remote host, bundled by ncc (the bench is plain JavaScript). */
async function startHost() {
  const out = path.join(work, 'remote-host')
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  execFileSync(process.execPath, [ncc, 'build', path.join(root, '__tests__/helpers/remote-host.ts'), '-o', out, '--target', 'es2022', '--quiet'])
  const { startRemoteHost } = await import(path.join(out, 'index.js'))
  return startRemoteHost()
}

async function measureRemote() {
  const host = await startHost()
  try {
    // The plain CLI's ssh finds the key and the host key where a user keeps them (here: a wrapper's -o).
    const key = path.join(work, 'remote-key')
    const known = path.join(work, 'remote-known-hosts')
    fs.writeFileSync(key, host.clientKey, { mode: 0o600 })
    fs.writeFileSync(known, host.knownHosts + '\n')
    // Two plain users: ssh as it comes (a connection per docker process), and one who multiplexes it in
    // ~/.ssh/config (ControlMaster=auto, ControlPersist), the best a hand-written step does.
    const sshWrapper = (name, extra) => {
      const dir = path.join(work, `ssh-${name}`)
      fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -o UserKnownHostsFile=${known} -o IdentitiesOnly=yes -i ${key} ${extra} "$@"\n`, {
        mode: 0o755
      })
      return { ...process.env, PATH: `${dir}:${PATH}`, GREETING: 'hello', DOCKER_HOST: host.url }
    }
    const plainEnv = sshWrapper('plain', '')
    const muxEnv = sshWrapper('mux', `-o ControlMaster=auto -o ControlPath=${work}/cm-%C -o ControlPersist=60`)
    const actionEnv = (dir, tag) =>
      runnerEnv({
        GITHUB_WORKSPACE: dir,
        INPUT_TAGS: tag,
        'INPUT_DOCKER-HOST': host.url,
        'INPUT_DOCKER-KNOWN-HOSTS': host.knownHosts,
        'INPUT_DOCKER-SSH-KEY': 'DEPLOY_KEY',
        DEPLOY_KEY: host.clientKey
      })
    const handshake = []
    for (let i = 0; i < 5; i++)
      handshake.push(timed('ssh', ['-p', String(host.sshPort), host.url.slice('ssh://'.length).split(':')[0], 'true'], plainEnv).seconds * 1000)
    const out = { handshake: stats(handshake).median }
    for (const v of [
      { name: 'small', dir: app, tag: 'release-phase-bench-remote:small', rounds },
      { name: 'large', dir: sizeApp(sizeMib), tag: 'release-phase-bench-remote:large', rounds: sizeRounds }
    ]) {
      const script = plainScript(v.dir, v.tag, `remote-${v.name}`)
      console.log(`remote ${v.name}: warming the build cache on the host…`)
      timed('bash', [script], plainEnv)
      timed(process.execPath, actionArgs, actionEnv(v.dir, v.tag))
      const r = (out[v.name] = {})
      for (const who of ['plain', 'mux', 'action']) Object.assign(r, { [who]: [], [`${who}Ssh`]: 0, [`${who}Calls`]: 0, [`${who}Steps`]: [] })
      for (let i = 0; i < v.rounds; i++) {
        for (const which of i % 2 === 0 ? ['plain', 'mux', 'action'] : ['action', 'mux', 'plain']) {
          const before = host.accepted()
          const t =
            which === 'action' ? timed(process.execPath, actionArgs, actionEnv(v.dir, v.tag)) : timed('bash', [script], which === 'plain' ? plainEnv : muxEnv)
          r[which].push(t.seconds)
          r[`${which}Ssh`] = host.accepted() - before
          r[`${which}Calls`] = t.calls.length
          r[`${which}Steps`].push(steps(t.calls, t.seconds, which !== 'action'))
        }
        // The multiplexing master persists 60 s: end it, so each round starts from no connection.
        spawnSync('ssh', ['-o', `ControlPath=${work}/cm-%C`, '-O', 'exit', '-p', String(host.sshPort), host.url.slice('ssh://'.length).split(':')[0]], {
          env: muxEnv,
          stdio: 'ignore'
        })
        console.log(
          `remote ${v.name} round ${i + 1}/${v.rounds}: plain ${fmt(r.plain.at(-1))}s (${r.plainSsh} SSH connections), multiplexed ${fmt(r.mux.at(-1))}s (${r.muxSsh}), action ${fmt(r.action.at(-1))}s (${r.actionSsh})`
        )
      }
      spawnSync(realDocker, ['image', 'rm', '--force', v.tag], { stdio: 'ignore', env: { ...process.env, DOCKER_HOST: `unix://${host.socket}` } })
    }
    return out
  } finally {
    host.stop()
  }
}

const remote = remoteAxis ? await measureRemote() : undefined
function remoteLines(localGap) {
  if (!remote) return []
  const m = (size, who) => stats(remote[size][who]).median
  const step = (size, who, k) => median(remote[size][`${who}Steps`].map(x => x[k]))
  // Against the better of the two plain users.
  const gap = m('small', 'action') - Math.min(m('small', 'plain'), m('small', 'mux'))
  const allowed = localGap + remote.handshake / 1000
  return [
    `## Remote axis: an engine over SSH`,
    ``,
    `A host in a network namespace of its own on this machine (sshd and a second dockerd, __tests__/helpers/remote-host.ts): the plain CLI sequence with \`DOCKER_HOST=ssh://\`, as ssh comes (the CLI opens a connection per docker process, and \`docker system dial-stdio\` on the host for each) and with ssh multiplexing configured (\`ControlMaster=auto\`, \`ControlPersist\`: the best a hand-written step does), against the action with \`docker-host\`, alternating, warm build cache on the host; medians. Connections are counted by the host's sshd. The action's post step (one more connection) is not in the timed run, as on the local axis.`,
    ``,
    `| measure | plain CLI | plain CLI, ssh multiplexed | action |`,
    `| --- | --- | --- | --- |`,
    `| example app, whole run, s (${rounds} rounds) | ${fmt(m('small', 'plain'))} | ${fmt(m('small', 'mux'))} | ${fmt(m('small', 'action'))} |`,
    `| SSH connections per run | ${remote.small.plainSsh} | ${remote.small.muxSsh} | ${remote.small.actionSsh} |`,
    `| docker processes per run | ${remote.small.plainCalls} | ${remote.small.muxCalls} | ${remote.small.actionCalls} |`,
    `| ${sizeMib} MiB more of layers, whole run, s (${sizeRounds} rounds) | ${fmt(m('large', 'plain'))} | ${fmt(m('large', 'mux'))} | ${fmt(m('large', 'action'))} |`,
    `| ${sizeMib} MiB more of layers, commit step, ms | ${fmt(step('large', 'plain', 'commit step'), 0)} | ${fmt(step('large', 'mux', 'commit step'), 0)} | ${fmt(step('large', 'action', 'commit step'), 0)} |`,
    `| one SSH handshake (\`ssh host true\`), ms | ${fmt(remote.handshake, 0)} | | |`,
    ``,
    `Targets: at most 2 SSH connections per run (main + post): ${remote.small.actionSsh + 1} (${remote.small.actionSsh + 1 <= 2 ? 'meets' : 'misses'}); overhead over the plain CLI against the same engine ≤ the local overhead + one handshake (${fmt(localGap, 3)} + ${fmt(remote.handshake / 1000, 3)} s): ${gap >= 0 ? '+' : ''}${fmt(gap, 3)} s (${gap <= allowed ? 'meets' : 'misses'}).`,
    ``
  ]
}

/**
 * The median start and end of each docker process, by its place in the run, and of the run's end: where
 * the action's time goes beside the plain script's (issue 22 asks for this timeline).
 */
function timeline(runs) {
  const n = Math.max(...runs.map(r => r.calls.length))
  const rows = []
  for (let i = 0; i < n; i++) {
    const at = runs.map(r => r.calls[i]).filter(Boolean)
    rows.push(`${at[0].cmd} ${fmt(stats(at.map(c => c.start)).median, 0)}–${fmt(stats(at.map(c => c.end)).median, 0)}`)
  }
  return [...rows, `exit ${fmt(stats(runs.map(r => r.ms)).median, 0)}`]
}
function timelineLines() {
  const [p, b] = [timeline(plainRuns), timeline(actionRuns)]
  const rows = Array.from({ length: Math.max(p.length, b.length) }, (_, i) => `| ${i + 1} | ${p[i] ?? ''} | ${b[i] ?? ''} |`)
  return [
    `Per-call timeline of the runs above: each docker process by its place in the run, median start–end in ms from the process start (the action's other engine calls go through the socket, between these).`,
    ``,
    `| # | plain CLI | action |`,
    `| --- | --- | --- |`,
    ...rows,
    ``
  ]
}

const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/) ?? [])[1] ?? os.cpus()[0]?.model ?? 'unknown'
const engine = execFileSync(realDocker, ['version', '--format', 'engine {{.Server.Version}}, client {{.Client.Version}}']).toString().trim()
const buildx = execFileSync(realDocker, ['buildx', 'version']).toString().trim()
const overheadMs = (b.median - a.median) * 1000
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
  `| overhead b − a, ms (median) | ${fmt(overheadMs, 0)} | ≤ bare node + 50 = ${fmt(nodeBare.median + 50, 0)} ms (issue 22): ${verdict(overheadMs <= nodeBare.median + 50, '')} |`,
  ``,
  ...timelineLines(),
  ...sizeLines(),
  ...realLines(),
  ...remoteLines(b.median - a.median)
]
const report = lines.join('\n')
console.log(`\n${report}`)
if (write) {
  // Everything from the first "## Notes" heading on is hand-written: kept whole.
  const old = fs.existsSync(path.join(root, 'BENCHMARKS.md')) ? fs.readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8') : ''
  const notes = old.includes('\n## Notes') ? old.slice(old.indexOf('\n## Notes')) : ''
  fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), report + notes)
  console.log('written to BENCHMARKS.md')
}
removeMade(TAG)
fs.rmSync(work, { recursive: true, force: true })
if (maxRatio && ratio > Number(maxRatio)) {
  console.error(`bench: median ratio ${fmt(ratio)} exceeds ${maxRatio}`)
  process.exit(1)
}
