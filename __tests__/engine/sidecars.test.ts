import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  BASE_IMAGE,
  REAL_DOCKER,
  ROOT,
  containersCreated,
  containersOfRun,
  sideEffectCalls,
  describeEngine,
  docker,
  errorLines,
  makeApp,
  namespaceOf,
  runAction,
  taskRecord,
  uniqueTag,
  whenLine,
  type ActionRun
} from '../helpers/engine.js'

/** Built from the host's Debian packages by scripts/postgres-image.sh: postgres, psql, socat. */
const PG = 'release-phase-test/postgres:local'
const PASSWORD = 'pg-Secret-7f3q'
const phases = (r: ActionRun) => JSON.parse(r.outputs.phases) as { phase: string; status: string; exitCode: number | null }[]
const creates = (r: ActionRun) => r.dockerCalls.filter(c => c[0] === 'create')
/** The app image: the postgres image's tools (psql, pg_isready), its ENTRYPOINT cleared so tasks run in shell mode. */
const PG_APP = `FROM ${PG}\nENTRYPOINT []\n`
const noValueOnAnyArgv = (r: ActionRun) => {
  for (const c of r.dockerCalls) expect(c.join(' ')).not.toContain(PASSWORD)
}
/** The password appears on stdout only in the runner's add-mask commands. */
const onlyMasked = (r: ActionRun) => {
  for (const line of r.stdout.split('\n')) if (line.includes(PASSWORD)) expect(line).toMatch(/^::add-mask::/)
}

/** The direct children of a process, from /proc. */
function childrenOf(ppid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter(p => /^\d+$/.test(p))
    .filter(p => {
      try {
        return Number(fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === ppid
      } catch {
        return false
      }
    })
    .map(Number)
}

describeEngine('sidecars (issue 16)', () => {
  const tags: string[] = []
  const cleanup: string[][] = []
  beforeAll(() => {
    execFileSync('bash', ['scripts/postgres-image.sh', PG], { cwd: ROOT, stdio: 'inherit' })
  })
  afterAll(() => {
    for (const c of cleanup) {
      try {
        docker(...c)
      } catch {
        // already gone
      }
    }
    // The fixed tags below name the base image (nothing built on it): untag them too.
    const fixed = ['host', 'slow', 'exit', 'missing', 'dies', 'cancel:2', 'timeout', 'kill'].map(n => `rp-test/sidecar-${n.includes(':') ? n : `${n}:1`}`)
    for (const t of [...tags, ...fixed]) spawnSync(REAL_DOCKER, ['image', 'rm', '--force', t])
  })

  it('a real PostgreSQL sidecar and a pooler in front of it: predeploy and release write at localhost:5432, read back through localhost:6432; nothing left', async () => {
    const tag = uniqueTag('sidecar-pg')
    tags.push(tag)
    const migrate =
      'psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -qc "CREATE TABLE schema_migrations (version text)" -c "INSERT INTO schema_migrations VALUES (\'$RELEASE_PHASE-20260101\')" && ' +
      'psql "$POOLER_URL" -tAc "SELECT \'read back: \' || version FROM schema_migrations"'
    const ws = makeApp({ Dockerfile: PG_APP, Procfile: `release: ${migrate}\n`, 'app.json': JSON.stringify({ scripts: { dokku: { predeploy: migrate } } }) })
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: tag,
        secrets: 'DATABASE_URL\nPOOLER_URL',
        sidecars: `
- name: db
  image: ${PG}
  env: [POSTGRES_DB=app]
  secrets: [POSTGRES_PASSWORD=DB_PASSWORD]
  ready: { tcp: 5432, timeout: 60s }
- name: pooler
  image: ${PG}
  command: [socat, "TCP-LISTEN:6432,fork,reuseaddr", "TCP:localhost:5432"]
  ready: { tcp: 6432 }
`
      },
      env: {
        DB_PASSWORD: PASSWORD,
        DATABASE_URL: `postgres://postgres:${PASSWORD}@localhost:5432/app`,
        // Read back through the second sidecar, which reaches the first at localhost too.
        POOLER_URL: `postgres://postgres:${PASSWORD}@localhost:6432/app`
      }
    })
    expect(errorLines(r.stdout)).toEqual([])
    expect(r.code).toBe(0)
    // Each task has its own throwaway database: both create the table.
    expect(r.stdout).toMatch(/^read back: predeploy-20260101$/m)
    expect(r.stdout).toMatch(/^read back: release-20260101$/m)
    expect(r.outputs.released).toBe('true')
    expect(r.stdout).toMatch(/^sidecar db ready on port 5432 after \d+\.\ds$/m)
    expect(r.stdout).toMatch(/^sidecar pooler ready on port 6432 after \d+\.\ds$/m)
    const poolerCreate = creates(r).find(c => c.includes('release-phase.sidecar=pooler') && c.includes('release-phase.phase=release'))!
    expect(poolerCreate[poolerCreate.indexOf('--network') + 1]).toBe(`container:release-phase-${r.state['run-id']}-release-sidecar-db`)
    expect(r.stdout).toMatch(/^::group::sidecar db log \(release\)$/m)
    expect(r.stdout).toMatch(/database system is ready to accept connections/)
    // Secret transport: names only on the argv; the sidecar's create has -e POSTGRES_PASSWORD.
    const dbCreate = creates(r).find(c => c.includes('release-phase.sidecar=db'))!
    expect(dbCreate).toEqual(expect.arrayContaining(['-e', 'POSTGRES_PASSWORD', '-e', 'POSTGRES_DB']))
    expect(taskRecord(r, 'release')!.HostConfig.NetworkMode).toBe(namespaceOf(r, `release-phase-${r.state['run-id']}-release-sidecar-db`))
    noValueOnAnyArgv(r)
    onlyMasked(r)
    expect(r.summary).toMatch(/^\| predeploy \| db \| release\\-phase\\-test\/postgres\\:local \| ready \| \d+\.\ds \|$/m)
    expect(r.summary).toMatch(/^\| release \| db \| .* \| ready \| \d+\.\ds \|$/m)
    expect(r.summary).toMatch(/^\| release \| pooler \| .* \| ready \| \d+\.\ds \|$/m)
    expect(r.summary).not.toContain(PASSWORD)
    // The predeploy commit of a container that lived in the sidecar's namespace is the usual image.
    expect(docker('image', 'inspect', '--format', '{{index .Config.Labels "release-phase.predeploy"}}', tag).trim()).toBe('true')
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('a proxy sidecar forwards localhost to a database in another container, on the network input', async () => {
    const tag = uniqueTag('sidecar-proxy')
    tags.push(tag)
    const net = `rp-sidecars-${process.pid}-${Date.now().toString(36)}`
    const db = `${net}-db`
    docker('network', 'create', net)
    cleanup.unshift(['network', 'rm', net])
    cleanup.unshift(['rm', '--force', '--volumes', db])
    docker('run', '-d', '--name', db, '--network', net, '--network-alias', 'remote-db', '-e', `POSTGRES_PASSWORD=${PASSWORD}`, PG)
    // The remote database is outside the action: wait until it serves, so psql failing is never its start-up.
    for (let i = 0; i < 150 && spawnSync(REAL_DOCKER, ['exec', db, 'pg_isready', '-q', '-h', '127.0.0.1']).status !== 0; i++)
      await new Promise(res => setTimeout(res, 200))
    const ws = makeApp({
      Dockerfile: PG_APP,
      Procfile:
        'release: psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -qc "CREATE TABLE t (x int); INSERT INTO t VALUES (42)" && psql "$DATABASE_URL" -tAc "SELECT \'through the proxy: \' || x FROM t"\n'
    })
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: tag,
        phases: 'release',
        network: net,
        secrets: 'DATABASE_URL',
        sidecars: `
proxy:
  image: ${PG}
  command: [socat, "TCP-LISTEN:6432,fork,reuseaddr", "TCP:remote-db:5432"]
  ready: { tcp: 6432, timeout: 30s }
`
      },
      env: { DATABASE_URL: `postgres://postgres:${PASSWORD}@localhost:6432/postgres` }
    })
    expect(errorLines(r.stdout)).toEqual([])
    expect(r.stdout).toMatch(/^through the proxy: 42$/m)
    expect(r.code).toBe(0)
    const proxyCreate = creates(r).find(c => c.includes('release-phase.sidecar=proxy'))!
    expect(proxyCreate[proxyCreate.indexOf('--network') + 1]).toBe(net)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
    // The database outside the pod is untouched by the action's cleanup.
    expect(docker('inspect', '--format', '{{.State.Status}}', db).trim()).toBe('running')
  })

  it('on the host network the probe uses loopback, and the task still reaches the sidecar at localhost', async () => {
    const port = 20000 + Math.floor(Math.random() * 40000)
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: `release: nc localhost ${port} </dev/null\n` })
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: 'rp-test/sidecar-host:1',
        network: 'host',
        sidecars: `- {name: echo, image: ${BASE_IMAGE}, command: ["nc", "-ll", "-p", "${port}", "-e", "echo", "hello from the host namespace"], ready: {tcp: ${port}}}`
      }
    })
    expect(errorLines(r.stdout)).toEqual([])
    expect(r.stdout).toMatch(/^hello from the host namespace$/m)
    expect(r.code).toBe(0)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('a sidecar that never becomes ready fails the step before the task, with its last lines redacted', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo the task ran\n' })
    const started = Date.now()
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: 'rp-test/sidecar-slow:1',
        sidecars: `
- name: slow
  image: ${BASE_IMAGE}
  command: ["sh", "-c", "echo starting with token $TOKEN; sleep 600"]
  secrets: [TOKEN=SIDECAR_TOKEN]
  ready: { tcp: 5432, timeout: 2s }
`
      },
      env: { SIDECAR_TOKEN: PASSWORD }
    })
    expect(r.code).toBe(1)
    expect((Date.now() - started) / 1000).toBeLessThan(30)
    expect(errorLines(r.stdout)).toEqual([
      '::error::sidecar slow did not accept connections on port 5432 within 2s; the release task did not start. Its last lines:%0Astarting with token ***'
    ])
    expect(r.stdout).not.toMatch(/^the task ran$/m)
    expect(phases(r).map(p => p.status)).toEqual(['skipped', 'not-run'])
    expect(containersCreated(r.state['run-id'], started).filter(n => n.endsWith('-release'))).toEqual([])
    expect(containersCreated(r.state['run-id'], started)).toEqual([`release-phase-${r.state['run-id']}-release-sidecar-slow`])
    expect(r.summary).toMatch(/^\| release \| slow \| .* \| never ready \| {2}\|$/m)
    expect(r.summary).toContain('starting with token ***')
    onlyMasked(r)
    expect(r.summary).not.toContain(PASSWORD)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('a sidecar that exits before it is ready fails at once, naming its exit code', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo the task ran\n' })
    const started = Date.now()
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: 'rp-test/sidecar-exit:1',
        sidecars: `
- name: broken
  image: ${BASE_IMAGE}
  command: >-
    sh -c 'echo "fatal: no config" >&2; exit 3'
  ready: { tcp: 5432, timeout: 60s }
`
      }
    })
    expect(r.code).toBe(1)
    expect((Date.now() - started) / 1000).toBeLessThan(30)
    expect(errorLines(r.stdout)).toEqual(['::error::sidecar broken exited with code 3 before the release task started. Its last lines:%0Afatal: no config'])
    expect(r.summary).toMatch(/^\| release \| broken \| .* \| exited with code 3 \| {2}\|$/m)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('a sidecar image that cannot be had fails before the task; the sidecar already started is removed', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo the task ran\n' })
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: 'rp-test/sidecar-missing:1',
        sidecars: `- {name: first, image: ${BASE_IMAGE}, command: "sleep 600"}\n- {name: missing, image: rp-test/no-such-sidecar-image:1}`
      }
    })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toHaveLength(1)
    expect(errorLines(r.stdout)[0]).toMatch(/^::error::creating sidecar missing failed: .+/)
    expect(r.stdout).not.toMatch(/^the task ran$/m)
    expect(r.summary).toMatch(/^\| release \| missing \| .* \| could not start \| {2}\|$/m)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('a sidecar that dies during the task is reported; the task exit code decides; nothing left', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo task started; sleep 4; echo task done\n' })
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: 'rp-test/sidecar-dies:1',
        sidecars: `
- name: flaky
  image: ${BASE_IMAGE}
  command: ["sh", "-c", "echo serving; nc -ll -p 7000 -e true & sleep 2; echo dying; exit 7"]
  ready: { tcp: 7000 }
`
      }
    })
    expect(errorLines(r.stdout)).toEqual([])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^task done$/m)
    expect(r.stdout.split('\n')).toContain('::warning::sidecar flaky exited with code 7 while the release task ran')
    // Its log is shown in a group after the task, whole.
    // Shown, not obeyed: the log sits between stop-commands and its resume token.
    expect(r.stdout).toMatch(/^::group::sidecar flaky log \(release\)\n::stop-commands::([0-9a-f]{32})\nserving\ndying\n::\1::\n::endgroup::$/m)
    expect(r.summary).toMatch(/^\| release \| flaky \| .* \| exited with code 7 \| \d+\.\ds \|$/m)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('on SIGTERM during the task, the task gets its grace with its sidecars still up, then both are removed', async () => {
    const tag = uniqueTag('sidecar-cancel')
    tags.push(tag)
    const ws = makeApp({
      Dockerfile: PG_APP,
      Procfile: 'release: trap \'sleep 2; pg_isready -q -h localhost && echo "database up during the grace"; exit 0\' TERM; echo migrating; sleep 600 & wait\n'
    })
    let sent = false
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: tag,
        'stop-timeout': '20',
        sidecars: `- {name: db, image: ${PG}, secrets: [POSTGRES_PASSWORD=DB_PASSWORD], ready: {tcp: 5432, timeout: 60s}}`
      },
      env: { DB_PASSWORD: PASSWORD },
      onStart: whenLine(/migrating/, child => {
        sent = true
        child.kill('SIGTERM')
      })
    })
    expect(sent).toBe(true)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^database up during the grace$/m)
    expect(errorLines(r.stdout)).toEqual(['::error::release task was cancelled; its container was stopped and removed'])
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('on SIGTERM while a sidecar is not ready yet, the sidecars are removed at once and no task starts', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo the task ran\n' })
    const started = Date.now()
    const r = await runAction({
      workspace: ws,
      inputs: {
        tags: 'rp-test/sidecar-cancel:2',
        sidecars: `- {name: waits, image: ${BASE_IMAGE}, command: "sleep 600", ready: {tcp: 9, timeout: 5m}}`
      },
      onStart: whenLine(/Starting sidecars for the release task: .*/, child => setTimeout(() => child.kill('SIGTERM'), 1500))
    })
    expect(r.code).toBe(1)
    expect((Date.now() - started) / 1000).toBeLessThan(30)
    expect(errorLines(r.stdout)).toEqual(['::error::cancelled while the sidecars of the release task started; they were removed and the task did not run'])
    expect(r.stdout).not.toMatch(/^the task ran$/m)
    expect(r.summary).toMatch(/^\| release \| waits \| .* \| cancelled \| {2}\|$/m)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('a task timeout removes the sidecars too; the post step finds nothing left', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: sleep 600\n' })
    const r = await runAction({
      workspace: ws,
      inputs: { tags: 'rp-test/sidecar-timeout:1', timeout: '2s', 'stop-timeout': '1', sidecars: `- {name: idle, image: ${BASE_IMAGE}, command: "sleep 600"}` }
    })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual(['::error::release task timed out after 2s'])
    expect(r.summary).toMatch(/^\| release \| idle \| .* \| running \(no readiness probe\) \| \d+\.\ds \|$/m)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('dry run: the plan lists each sidecar argv (names only) and the tasks join the first one; nothing starts', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo migrate\n' })
    const r = await runAction({
      workspace: ws,
      inputs: {
        'dry-run': 'true',
        entrypoint: 'shell',
        tags: 'rp-test/sidecar-dry:1',
        network: 'ci-net',
        sidecars: `[{name: db, image: ${PG}, secrets: [POSTGRES_PASSWORD=DB_PASSWORD], ready: {tcp: 5432}}, {name: proxy, image: ${PG}, command: [socat, "TCP-LISTEN:6432"]}]`
      },
      env: { DB_PASSWORD: PASSWORD }
    })
    expect(errorLines(r.stdout)).toEqual([])
    expect(r.code).toBe(0)
    const plan = JSON.parse(r.outputs.plan) as {
      phases: { phase: string; argv: string[] | null }[]
      sidecars: { name: string; ready: string; argv: string[] }[]
    }
    const owner = 'release-phase-<run-id>-release-sidecar-db'
    expect(plan.sidecars.map(x => [x.name, x.ready])).toEqual([
      ['db', 'tcp 5432 within 30s'],
      ['proxy', 'running']
    ])
    expect(plan.sidecars[0].argv).toEqual(expect.arrayContaining(['--network', 'ci-net', '-e', 'POSTGRES_PASSWORD', PG]))
    expect(plan.sidecars[1].argv).toEqual(expect.arrayContaining(['--network', `container:${owner}`]))
    const release = plan.phases.find(p => p.phase === 'release')!.argv!
    expect(release[release.indexOf('--network') + 1]).toBe(`container:${owner}`)
    expect(r.outputs.plan).not.toContain(PASSWORD)
    onlyMasked(r)
    expect(sideEffectCalls(r.dockerCalls)).toEqual([])
  })

  it('when the action is killed outright (SIGKILL), the post step removes the task and its sidecars', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo running; sleep 600\n' })
    const main = await runAction({
      workspace: ws,
      inputs: {
        tags: 'rp-test/sidecar-kill:1',
        sidecars: `- {name: a, image: ${BASE_IMAGE}, command: "sleep 600"}\n- {name: b, image: ${BASE_IMAGE}, command: "sleep 600"}`
      },
      // The runner kills the whole process tree: the action and its docker children (the attached
      // `docker start` would otherwise hold the output pipe open until the task ends).
      onStart: whenLine(/running/, child => {
        for (const pid of childrenOf(child.pid!)) process.kill(pid, 'SIGKILL')
        child.kill('SIGKILL')
      })
    })
    expect(main.signal).toBe('SIGKILL')
    const runId = main.state['run-id']
    // Left behind: the task and both sidecars (a SIGKILL cannot be handled).
    expect(containersOfRun(runId).length).toBe(3)
    const post = await runAction({ workspace: ws, post: { state: main.state, runnerTemp: main.runnerTemp } })
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/release-phase cleanup removed: container [0-9a-f]+; container [0-9a-f]+; container [0-9a-f]+;/)
    expect(containersOfRun(runId)).toEqual([])
  })
})
