/**
 * Task semantics a Django, Rails or Phoenix release depends on (issue 15, SPEC 11: 4, 4.1, 4.2, 4.4),
 * with framework-shaped tasks: a migration script in the image that prints progress, dies mid-line,
 * or traps SIGTERM and rolls back.
 */
import { obeyedCommands } from '../helpers/runner-protocol.js'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import {
  BASE_IMAGE,
  containersOfRun,
  describeEngine,
  docker,
  errorLines,
  makeApp,
  noContainerCreated,
  runAction,
  taskRecord,
  uniqueTag,
  whenLine
} from '../helpers/engine.js'

const phases = (outputs: Record<string, string>) => JSON.parse(outputs.phases) as { phase: string; status: string; exitCode: number | null }[]

/** A Django-shaped `manage.py migrate`: progress on stdout, `Applying …` left open while it works. */
const MIGRATE = `#!/bin/sh
echo "Operations to perform:"
echo "  Apply all migrations: shop"
echo "Running migrations:"
printf "  Applying shop.0002_add_price..."
case "$1" in
  crash) sleep 0.3; echo "Traceback (most recent call last):" >&2; echo "psycopg2.errors.UndefinedColumn: price" >&2; exit 1 ;;
  long)
    trap 'echo " interrupted"; echo "rolling back shop.0002_add_price"; sleep 1; echo "rolled back"; exit 143' TERM
    echo
    echo "migrating rows"
    sleep 600 & wait ;;
  stall) sleep 600 & wait ;;
  fail) echo " FAILED"; exit 4 ;;
  *) echo " OK" ;;
esac
`

/** Debian's /bin/sh (dash) and the libraries it loads, from this machine, for an image to copy in. */
function dashRootfs(into: string): boolean {
  if (!fs.existsSync('/bin/dash')) return false
  const libs = execFileSync('ldd', ['/bin/dash'], { encoding: 'utf8' }).match(/\/\S+/g) ?? []
  for (const file of ['/bin/dash', ...libs]) {
    const target = path.join(into, 'rootfs', file)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.copyFileSync(fs.realpathSync(file), target)
    fs.chmodSync(target, 0o755)
  }
  return true
}

function app(files: Record<string, string>): string {
  return makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nWORKDIR /app\nCOPY bin /app/bin\n`, 'bin/migrate': MIGRATE, ...files }, { 'bin/migrate': 0o755 })
}

describeEngine('task semantics of real releases (SPEC 11)', () => {
  const tags: string[] = []
  const tag = (name: string): string => {
    const t = uniqueTag(name)
    tags.push(t)
    return t
  }
  afterAll(() => {
    for (const t of tags) rmi(t)
  })

  it('a migration that dies mid-line: the resume token and ::endgroup:: start fresh lines; the summary keeps the printed order', async () => {
    const r = await runAction({ workspace: app({ Procfile: 'release: bin/migrate crash\n' }), inputs: { tags: tag('partial') } })
    expect(r.code).toBe(1)
    // The runner obeys a command only at the start of a line.
    expect(r.stdout).toMatch(/^::endgroup::$/m)
    // stdout and stderr share one pipe, as in a terminal: the traceback continues the open line; the
    // line is ended before the resume token.
    expect(r.stdout).toMatch(
      / {2}Applying shop\.0002_add_price\.\.\.Traceback \(most recent call last\):\npsycopg2\.errors\.UndefinedColumn: price\n\n::[0-9a-f]{32}::\n::endgroup::\n/
    )
    expect(errorLines(r.stdout)).toEqual(['::error::release task failed with exit code 1: bin/migrate crash'])
    // The engine stamps the open line when the stream closes, after the traceback: put back in order.
    expect(r.summary).toContain(
      'Running migrations:\n  Applying shop.0002_add_price...\nTraceback (most recent call last):\npsycopg2.errors.UndefinedColumn: price\n'
    )
  })

  it('the resume token always starts a line: one newline after a task that ended its own line, the open line ended otherwise', async () => {
    const ws = app({ Procfile: 'release: bin/migrate\n', 'app.json': '{"scripts":{"dokku":{"postdeploy":"printf done"}}}' })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('fresh'), phases: 'release,postdeploy' } })
    expect(r.code).toBe(0)
    // Nothing here sees the task's bytes (they go straight to the step log), so the line is always ended.
    expect(r.stdout).toMatch(/ {2}Applying shop\.0002_add_price\.\.\. OK\n\n::[0-9a-f]{32}::\n::endgroup::\n/)
    expect(r.stdout).toMatch(/::group::postdeploy output\n::stop-commands::([0-9a-f]{32})\ndone\n::\1::\n::endgroup::\n/)
  })

  it('SIGTERM during a migration under `sh -c`: the migration gets SIGTERM, rolls back within the grace, exits 143', async () => {
    const ws = app({ Procfile: 'release: bin/migrate long && echo "migrations done"\n' })
    let signalledAt = 0
    const r = await runAction({
      workspace: ws,
      inputs: { tags: tag('rollback'), 'stop-timeout': '15' },
      onStart: whenLine(/migrating rows/, child => {
        signalledAt = Date.now()
        child.kill('SIGTERM')
      })
    })
    const seconds = (Date.now() - signalledAt) / 1000
    expect(signalledAt).toBeGreaterThan(0)
    expect(r.stdout).toMatch(/^rolling back shop\.0002_add_price$/m)
    expect(r.stdout).toMatch(/^rolled back$/m)
    expect(r.stdout).not.toMatch(/^migrations done$/m)
    // Before --init the shell (PID 1) ignored SIGTERM: nothing rolled back, SIGKILL at 15 s, exit 137.
    expect(seconds).toBeLessThan(10)
    expect(phases(r.outputs).find(p => p.phase === 'release')).toMatchObject({ status: 'cancelled', exitCode: 143 })
    expect(errorLines(r.stdout)).toEqual(['::error::release task was cancelled; its container was stopped and removed'])
    expect(taskRecord(r, 'release')!.HostConfig.Init).toBe(true)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it("a signal while the task is mid-line: the action's warning still starts a fresh line", async () => {
    const ws = app({ Procfile: 'release: bin/migrate stall\n' })
    let sent = false
    const r = await runAction({
      workspace: ws,
      inputs: { tags: tag('signal-mid-line'), 'stop-timeout': '5' },
      onStart: child =>
        child.stdout!.on('data', (b: Buffer) => {
          if (!sent && b.toString().includes('Applying shop.0002_add_price...')) {
            sent = true
            setTimeout(() => child.kill('SIGTERM'), 300)
          }
        })
    })
    expect(sent).toBe(true)
    expect(r.stdout).toMatch(/^::warning::received SIGTERM: stopping the running task container$/m)
    // …and the runner obeys it: it comes after the task's output, once commands are resumed.
    expect(
      obeyedCommands(r.output)
        .filter(c => c.name === 'warning')
        .map(c => c.data)
    ).toContain('received SIGTERM: stopping the running task container')
    expect(r.stdout).toMatch(/^::endgroup::$/m)
  })

  it('entrypoint: shell-through-entrypoint keeps a Rails-style bin/docker-entrypoint in front of the shell (issue 23)', async () => {
    const files = {
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY bin /app/bin\nENTRYPOINT ["/app/bin/docker-entrypoint"]\nCMD ["web"]\n`,
      // Rails 7.1's preloads jemalloc, then exec's what it is given.
      'bin/docker-entrypoint': '#!/bin/sh\nexport LD_PRELOAD_LIKE=jemalloc\nexec "$@"\n',
      Procfile: 'release: echo "preload=$LD_PRELOAD_LIKE" && echo migrated\n'
    }
    const ws = makeApp(files, { 'bin/docker-entrypoint': 0o755 })
    const through = await runAction({ workspace: ws, inputs: { tags: tag('through'), entrypoint: 'shell-through-entrypoint' } })
    expect(through.code, through.stdout).toBe(0)
    expect(through.stdout).toMatch(/^preload=jemalloc\nmigrated$/m)
    const replaced = await runAction({ workspace: ws, inputs: { tags: tag('replaced'), entrypoint: 'shell' } })
    expect(replaced.code, replaced.stdout).toBe(0)
    expect(replaced.stdout).toMatch(/^preload=\nmigrated$/m)
  })

  it('a command whose first word repeats the ENTRYPOINT fails with an error that says so (Phoenix bin/shop eval)', async () => {
    const ws = makeApp(
      {
        Dockerfile: `FROM ${BASE_IMAGE}\nCOPY bin /app/bin\nENTRYPOINT ["/app/bin/shop"]\n`,
        'bin/shop': '#!/bin/sh\ncase "$1" in eval) echo evaluated ;; *) echo "unknown command: $1" >&2; exit 1 ;; esac\n',
        Procfile: 'release: /app/bin/shop eval "Shop.Release.migrate"\n'
      },
      { 'bin/shop': 0o755 }
    )
    const r = await runAction({ workspace: ws, inputs: { tags: tag('repeated') } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([
      '::error::release task failed with exit code 1: /app/bin/shop eval "Shop.Release.migrate" (its first word repeats the image\'s ENTRYPOINT ["/app/bin/shop"], which receives the command\'s words: the container ran /app/bin/shop /app/bin/shop eval Shop.Release.migrate; leave /app/bin/shop out)'
    ])
  })

  it('init: false runs the task without an init; an image whose ENTRYPOINT is tini keeps its own', async () => {
    const pid1 = 'release: echo "pid1=$(cat /proc/1/comm)"\n'
    const off = await runAction({ workspace: app({ Procfile: pid1 }), inputs: { tags: tag('no-init'), init: 'false' } })
    expect(off.code).toBe(0)
    expect(off.stdout).toMatch(/^pid1=sh$/m)
    expect(taskRecord(off, 'release')!.HostConfig.Init).toBeFalsy()
    const on = await runAction({ workspace: app({ Procfile: pid1 }), inputs: { tags: tag('init') } })
    expect(on.stdout).toMatch(/^pid1=docker-init$/m)
    const tini = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nENTRYPOINT ["/usr/bin/tini","--"]\n`, Procfile: pid1 })
    const wrapped = await runAction({ workspace: tini, inputs: { tags: tag('tini-init') } })
    expect(wrapped.stdout).toMatch(/^pid1=tini$/m)
    expect(taskRecord(wrapped, 'release')!.HostConfig.Init).toBeFalsy()
  })

  it('shell mode runs under set -e and pipefail: a compound release fails on its first failing part', async () => {
    const ws = app({
      Procfile: 'release: bin/migrate fail; echo "seeding anyway"\n',
      'app.json': '{"scripts":{"dokku":{"predeploy":"bin/migrate fail | tee /tmp/migrate.log"}}}'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('set-e'), phases: 'release' } })
    expect(r.code).toBe(1)
    expect(r.stdout).not.toMatch(/^seeding anyway$/m)
    expect(errorLines(r.stdout)).toEqual(['::error::release task failed with exit code 4: bin/migrate fail; echo "seeding anyway"'])
    const piped = await runAction({ workspace: ws, inputs: { tags: tag('pipefail'), phases: 'predeploy' } })
    expect(piped.code).toBe(1)
    expect(errorLines(piped.stdout)).toEqual(['::error::predeploy task failed with exit code 4: bin/migrate fail | tee /tmp/migrate.log'])
    // `$0` and the positional parameters stay the shell's own.
    const args = await runAction({ workspace: app({ Procfile: 'release: echo "zero=$0 n=$#"\n' }), inputs: { tags: tag('args') } })
    expect(args.stdout).toMatch(/^zero=\/bin\/sh n=0$/m)
  })

  it.skipIf(!fs.existsSync('/bin/dash'))("the preamble works in dash (Debian /bin/sh), where Dokku's `set -o pipefail || true` kills the shell", async () => {
    const ws = app({
      Procfile: 'release: bin/migrate fail; echo "seeding anyway"\n',
      'app.json': '{"scripts":{"dokku":{"predeploy":"bin/migrate && echo \\"dash=$0\\""}}}'
    })
    expect(dashRootfs(ws)).toBe(true)
    fs.appendFileSync(path.join(ws, 'Dockerfile'), 'COPY rootfs/ /\n')
    const ok = await runAction({ workspace: ws, inputs: { tags: tag('dash'), shell: '/bin/dash', phases: 'predeploy' } })
    expect(ok.code, ok.stdout).toBe(0)
    expect(ok.stdout).toMatch(/^dash=\/bin\/dash$/m)
    const failed = await runAction({ workspace: ws, inputs: { tags: tag('dash-fail'), shell: '/bin/dash', phases: 'release' } })
    expect(errorLines(failed.stdout)).toEqual(['::error::release task failed with exit code 4: bin/migrate fail; echo "seeding anyway"'])
    expect(failed.stdout).toContain('  Applying shop.0002_add_price... FAILED\n')
  })

  it('an empty or blank command is no command: every phase is skipped, nothing runs or is committed', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"","postdeploy":"   "},"postdeploy":""}}',
      'heroku.yml': 'release:\n  command: ""\n'
    })
    const since = Date.now()
    const r = await runAction({
      workspace: ws,
      inputs: { tags: tag('empty'), phases: 'predeploy,release,postdeploy,first-deploy', 'first-deploy': 'true', 'release-command': '  ' }
    })
    expect(r.code).toBe(0)
    expect(phases(r.outputs).map(p => [p.phase, p.status])).toEqual([
      ['predeploy', 'skipped'],
      ['release', 'skipped'],
      ['postdeploy', 'skipped'],
      ['first-deploy', 'skipped']
    ])
    expect(r.outputs['release-source']).toBe('none')
    expect(r.dockerCalls.filter(c => ['create', 'start', 'commit'].includes(c[0]))).toEqual([])
    noContainerCreated(r, since)
    const arr = await runAction({
      workspace: makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, 'heroku.yml': 'release:\n  command: []\n' }),
      inputs: { tags: tag('empty-array') }
    })
    expect(arr.code).toBe(0)
    expect(phases(arr.outputs).map(p => p.status)).toEqual(['skipped', 'skipped'])
  })
})

function rmi(t: string): void {
  try {
    docker('image', 'rm', '--force', t)
  } catch {
    // already gone
  }
}
