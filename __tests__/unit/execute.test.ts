import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { execute, type ExecuteContext } from '../../src/execute.js'
import { readSettings } from '../../src/inputs/settings.js'
import { describePlan, emptyResult, type RunResult } from '../../src/outputs.js'
import { resolveRun } from '../../src/resolve.js'
import type { ReleasePlan } from '../../src/release-plan.js'
import { RunScope } from '../../src/run-scope.js'
import { maskValues, noMasks } from '../../src/secrets.js'
import { FakeDocker, engineAnswer, inspected, type Handler } from '../helpers/fake-docker.js'
import { tarEntries } from '../../src/commit/save-load.js'

/**
 * Issue 21: execute's own logic (order, cancellation, timeouts, a lost engine, the commit's fallback)
 * against a fake engine, in milliseconds. The engine tests prove the same paths on a real engine.
 */
const IMAGE_ID = `sha256:${'a'.repeat(64)}`
const PUSHED = `sha256:${'b'.repeat(64)}`
const SECRET = 'fake-engine-secret-Kp2'

let stdout: string[]
beforeEach(() => {
  stdout = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true))
})
afterEach(() => vi.restoreAllMocks())

/** A plan as main resolves it: a workspace with these files, these inputs, DATABASE_URL in the step env. */
async function plan(files: Record<string, string>, inputs: Record<string, string>): Promise<{ plan: ReleasePlan; result: RunResult; ws: string }> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-fake-'))
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(ws, f), text)
  const env = { GITHUB_WORKSPACE: ws, GITHUB_SHA: 'c'.repeat(40), GITHUB_REPOSITORY: 'acme/app', DATABASE_URL: `postgres://app:${SECRET}@db/app` }
  const s = readSettings(n => inputs[n] ?? '', env)
  const result = emptyResult()
  const r = await resolveRun(s, env, { info: () => undefined, warning: () => undefined, mask: () => undefined, planned: (p, m) => describePlan(result, p, m) })
  return { plan: r.plan, result, ws }
}

function context(cli: FakeDocker, result: RunResult): ExecuteContext & { scope: RunScope } {
  const scope = new RunScope('0123456789ab', fs.mkdtempSync(path.join(os.tmpdir(), 'rp-fake-run-')))
  const masks = maskValues(
    [{ name: 'DATABASE_URL', value: `postgres://app:${SECRET}@db/app` }],
    () => undefined,
    () => undefined,
    noMasks()
  )
  return { cli, scope, engine: Promise.resolve(), result, masks }
}

/** The engine's answers for a pre-built image whose release task exits with `code` (or waits for `stop`). */
function engine(opts: { releaseExit?: number | 'until-stopped'; extra?: Record<string, Handler> } = {}): FakeDocker {
  let stopped: (() => void) | undefined
  const stop = new Promise<void>(r => (stopped = r))
  return new FakeDocker({
    'image inspect': () => inspected(IMAGE_ID, {}, [`ghcr.io/acme/app@${PUSHED}`]),
    start: async () => {
      if (opts.releaseExit === 'until-stopped') {
        await stop
        return { code: 143 }
      }
      return { code: opts.releaseExit ?? 0 }
    },
    stop: () => (stopped?.(), {}),
    'container inspect': () => ({ stdout: `exited ${opts.releaseExit ?? 0}` }),
    push: () => ({ stdout: `main: digest: ${PUSHED} size: 1234\n` }),
    ...opts.extra
  })
}

const PREBUILT = { image: 'ghcr.io/acme/app:ready', phases: 'release', secrets: 'DATABASE_URL' }
const WITH_PREDEPLOY = { Procfile: 'release: bin/migrate\n', 'app.json': '{"scripts":{"dokku":{"predeploy":"bin/assets"}}}' }
const PREDEPLOY_CONTAINER = 'release-phase-0123456789ab-predeploy'
const PROMOTED_WITH_PREDEPLOY = { ...PREBUILT, tags: 'ghcr.io/acme/app:v1', push: 'true', phases: 'predeploy,release' }
const TEMPORARY_COMMIT = `sha256:${'d'.repeat(64)}`
/** What a predeploy that must not be committed leaves: its container removed; nothing loaded or pushed. */
function expectNothingCommitted(cli: FakeDocker): void {
  expect(cli.callsOf('rm').map(c => c.at(-1))).toContain(PREDEPLOY_CONTAINER)
  expect(sub(cli.calls).filter(c => ['load', 'push'].includes(c))).toEqual([])
  expect(cli.callsOf('create').map(c => c[2])).toEqual([PREDEPLOY_CONTAINER])
}
const sub = (calls: string[][]): string[] => calls.map(c => (c[0] === 'image' || c[0] === 'container' ? c.slice(0, 2).join(' ') : c[0]))

describe('execute against a fake engine (issue 21)', () => {
  it('runs the release, then tags and pushes the image that passed; values travel in the env only', async () => {
    const { plan: p, result } = await plan({ Procfile: 'release: bin/migrate\n' }, { ...PREBUILT, tags: 'ghcr.io/acme/app:v1', push: 'true' })
    const cli = engine()
    const ctx = context(cli, result)
    await execute(p, ctx)
    await ctx.scope.close()
    // The tag moves once the release passed (issue 33); then the registry manifest is asked for (an index
    // would be promoted registry-side); a plain one is pushed.
    expect(sub(cli.calls)).toEqual(['image inspect', 'create', 'start', 'rm', 'tag', 'buildx', 'tag', 'push', 'image inspect'])
    expect(result.released).toBe(true)
    expect(result.digest).toBe(PUSHED)
    const create = cli.callsOf('create')[0]
    expect(create).toContain('DATABASE_URL')
    expect(create.join(' ')).not.toContain(SECRET)
    expect(cli.envs[cli.calls.indexOf(create)]).toMatchObject({ DATABASE_URL: `postgres://app:${SECRET}@db/app` })
  })

  it('a failed release pushes nothing and removes its container', async () => {
    const { plan: p, result } = await plan({ Procfile: 'release: bin/migrate\n' }, { ...PREBUILT, tags: 'ghcr.io/acme/app:v1', push: 'true' })
    const cli = engine({ releaseExit: 1 })
    const ctx = context(cli, result)
    await expect(execute(p, ctx)).rejects.toThrow(/^release task failed with exit code 1: bin\/migrate$/)
    await ctx.scope.close()
    expect(cli.callsOf('push')).toEqual([])
    // No tag moved: the release did not pass (issue 33).
    expect(cli.callsOf('tag')).toEqual([])
    expect(cli.callsOf('rm')).toHaveLength(1)
    expect(result.phases.map(ph => ph.status)).toEqual(['failed'])
    expect(result.released).toBe(false)
  })

  it('a create that fails is followed by a removal by name (a lost connection may still leave the container)', async () => {
    const { plan: p, result } = await plan({ Procfile: 'release: bin/migrate\n' }, { ...PREBUILT, tags: 'ghcr.io/acme/app:v1', push: 'true' })
    const cli = engine({ extra: { create: () => ({ code: 1, stderr: 'error during connect: EOF\n' }) } })
    const ctx = context(cli, result)
    await expect(execute(p, ctx)).rejects.toThrow(/^creating the release container failed: error during connect: EOF$/)
    await ctx.scope.close()
    expect(cli.callsOf('rm')).toEqual([['rm', '--force', '--volumes', 'release-phase-0123456789ab-release']])
    expect(sub(cli.calls).filter(c => ['start', 'push'].includes(c))).toEqual([])
    expect(result.released).toBe(false)
  })

  it('a cancel stops the task with its grace, removes it, and pushes nothing', async () => {
    const { plan: p, result } = await plan(
      { Procfile: 'release: bin/migrate\n' },
      { ...PREBUILT, tags: 'ghcr.io/acme/app:v1', push: 'true', 'stop-timeout': '7s' }
    )
    const cli = engine({ releaseExit: 'until-stopped' })
    const ctx = context(cli, result)
    const run = execute(p, ctx)
    while (cli.callsOf('start').length === 0) await new Promise(r => setImmediate(r))
    const stopped = await ctx.scope.cancel(false)
    await expect(run).rejects.toThrow(/^release task was cancelled/)
    await ctx.scope.close()
    expect(stopped).toEqual(['release-phase-0123456789ab-release'])
    expect(cli.callsOf('stop')[0]).toEqual(['stop', '--time', '7', 'release-phase-0123456789ab-release'])
    // Stopped first (the grace), removed after.
    const names = cli.calls.map(c => `${c[0]} ${c.at(-1)}`)
    expect(names.indexOf('stop release-phase-0123456789ab-release')).toBeLessThan(names.lastIndexOf('rm release-phase-0123456789ab-release'))
    expect(cli.callsOf('push')).toEqual([])
    expect(result.phases[0].status).toBe('cancelled')
  })

  it('a timeout stops the task and says so; nothing is pushed', async () => {
    const { plan: p, result } = await plan({ Procfile: 'release: bin/migrate\n' }, { ...PREBUILT, tags: 'ghcr.io/acme/app:v1', push: 'true' })
    const cli = engine({ releaseExit: 'until-stopped' })
    const ctx = context(cli, result)
    const timed = { ...p, settings: { ...p.settings, timeoutSeconds: 0.02 } }
    await expect(execute(timed, ctx)).rejects.toThrow(/^release task timed out after/)
    await ctx.scope.close()
    expect(cli.callsOf('stop')).toHaveLength(1)
    expect(cli.callsOf('push')).toEqual([])
    expect(result.phases[0].status).toBe('timed-out')
  })

  it('an engine lost while the task ran is its own error, not the task failing', async () => {
    const { plan: p, result } = await plan({ Procfile: 'release: bin/migrate\n' }, PREBUILT)
    const cli = engine({
      releaseExit: 125,
      extra: { 'container inspect': () => ({ code: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' }) }
    })
    const ctx = context(cli, result)
    await expect(execute(p, ctx)).rejects.toThrow(/^release task: lost the Docker engine while it ran \(Cannot connect to the Docker daemon/)
    await ctx.scope.close()
  })

  it('the predeploy commit falls back in order: fast path (engine describes the commit) → save/rewrite/load, each said', async () => {
    const { plan: p, result } = await plan(WITH_PREDEPLOY, { image: 'ghcr.io/acme/app:ready', phases: 'predeploy,release', secrets: 'DATABASE_URL' })
    const tmp = `sha256:${'d'.repeat(64)}`
    const cli = engine({
      extra: {
        commit: () => ({ stdout: `${tmp}\n` }),
        // The Engine API through the CLI: this engine lists no change, and answers nothing else (the
        // fast path's facts are missing).
        'system dial-stdio': args => (args[2].includes('/changes') ? engineAnswer([]) : { code: 1, stderr: 'no answer' }),
        save: () => ({ code: 1, stderr: 'save broke' })
      }
    })
    const ctx = context(cli, result)
    const info = vi.spyOn(process.stdout, 'write')
    await expect(execute(p, ctx)).rejects.toThrow(/^docker save of the predeploy commit failed: save broke$/)
    await ctx.scope.close()
    const order = sub(cli.calls).filter(c => ['commit', 'system', 'save', 'load'].includes(c))
    expect(order, JSON.stringify(cli.calls)).toEqual(['commit', 'system', 'system', 'system', 'system', 'save', 'load'])
    expect(cli.callsOf('system', 'dial-stdio')[0][2]).toBe('GET /containers/release-phase-0123456789ab-predeploy/changes HTTP/1.0')
    expect(stdout.join('')).toMatch(/predeploy commit: the engine did not describe the commit \(.*\); rewriting the saved image instead/)
    // The temporary commit holds every task value: removed even though the commit failed.
    expect(cli.callsOf('image', 'rm').map(c => c.at(-1))).toContain(tmp)
    expect(cli.callsOf('rm').map(c => c.at(-1))).toContain('release-phase-0123456789ab-predeploy')
    expect(cli.callsOf('create').map(c => c[2])).toEqual(['release-phase-0123456789ab-predeploy'])
    info.mockRestore()
  })

  it('the secret scan runs beside the temporary commit; a finding removes it and names, loads and pushes nothing', async () => {
    const { plan: p, result } = await plan(WITH_PREDEPLOY, PROMOTED_WITH_PREDEPLOY)
    const tmp = TEMPORARY_COMMIT
    let commitStarted: () => void = () => undefined
    const started = new Promise<void>(r => (commitStarted = r))
    const leak = await tarOf({ 'leak.txt': `url=postgres://app:${SECRET}@db/app\n` })
    const cli = engine({
      extra: {
        'system dial-stdio': () =>
          engineAnswer([
            { Path: '/app', Kind: 0 },
            { Path: '/app/leak.txt', Kind: 1 }
          ]),
        commit: async () => (commitStarted(), await new Promise(r => setTimeout(r, 20)), { stdout: `${tmp}\n` }),
        // Answers only once the commit has begun: a scan that waited for the commit (or the other way
        // round) would never get its archive.
        cp: async () =>
          (await Promise.race([started.then(() => true), new Promise(r => setTimeout(() => r(false), 2000))]))
            ? { stdout: leak }
            : { code: 1, stderr: 'the scan did not run beside the commit' }
      }
    })
    const ctx = context(cli, result)
    await expect(execute(p, ctx)).rejects.toThrow(/^predeploy wrote the value of DATABASE_URL into \/app\/leak\.txt;/)
    await ctx.scope.close()
    expect(cli.callsOf('image', 'rm').map(c => c.at(-1))).toContain(tmp)
    expectNothingCommitted(cli)
    // The Engine API was asked for the changes only: no fact of a commit to make.
    expect(cli.callsOf('system').map(c => c[2])).toEqual([`GET /containers/${PREDEPLOY_CONTAINER}/changes HTTP/1.0`])
    // No tag moved: predeploy did not pass (issue 33).
    expect(cli.callsOf('tag')).toEqual([])
    expect(result.phases.map(ph => ph.status)).toEqual(['failed', 'not-run'])
  })

  it('a temporary commit that fails after a clean scan: the task is still reported as passed, the error is the commit', async () => {
    const { plan: p, result } = await plan(WITH_PREDEPLOY, { image: 'ghcr.io/acme/app:ready', phases: 'predeploy,release', secrets: 'DATABASE_URL' })
    const cli = engine({ extra: { 'system dial-stdio': () => engineAnswer([]), commit: () => ({ code: 1, stderr: 'commit broke' }) } })
    const ctx = context(cli, result)
    await expect(execute(p, ctx)).rejects.toThrow(/commit broke/)
    await ctx.scope.close()
    expect(result.phases.map(ph => ph.status)).toEqual(['succeeded', 'not-run'])
    expectNothingCommitted(cli)
  })

  it('a cancel while the scan reads: the clean image is never made, the temporary commit is removed', async () => {
    const { plan: p, result } = await plan(WITH_PREDEPLOY, PROMOTED_WITH_PREDEPLOY)
    const tmp = TEMPORARY_COMMIT
    const ctx = context(new FakeDocker(), result)
    const cli = engine({
      extra: {
        'system dial-stdio': () => engineAnswer([{ Path: '/app/clean.txt', Kind: 1 }]),
        commit: () => ({ stdout: `${tmp}\n` }),
        cp: async () => (await ctx.scope.cancel(false), { stdout: await tarOf({ 'clean.txt': 'nothing secret here\n' }) })
      }
    })
    ctx.cli = cli
    await expect(execute(p, ctx)).rejects.toThrow(/^cancelled by a signal/)
    await ctx.scope.close()
    expect(cli.callsOf('image', 'rm').map(c => c.at(-1))).toContain(tmp)
    expectNothingCommitted(cli)
    expect(cli.callsOf('system').map(c => c[2])).toEqual([`GET /containers/${PREDEPLOY_CONTAINER}/changes HTTP/1.0`])
    expect(cli.callsOf('tag')).toEqual([])
  })

  it('a build with predeploy: the superseded build is removed once the release container exists and the commit and predeploy container are gone', async () => {
    const { plan: p, result } = await plan({ ...WITH_PREDEPLOY, Dockerfile: 'FROM scratch\n' }, { phases: 'predeploy,release', secrets: 'DATABASE_URL' })
    const built = IMAGE_ID
    const layer = (c: string): string => `sha256:${c.repeat(64)}`
    const image = (id: string, layers: string[]) => ({
      Id: id,
      Created: '2026-12-03T00:00:00Z',
      Architecture: 'amd64',
      Os: 'linux',
      Config: { Cmd: ['sh'], Env: ['PATH=/bin'] },
      RootFS: { Type: 'layers', Layers: layers },
      GraphDriver: { Name: 'overlay2', Data: { UpperDir: '/x' } }
    })
    const api: Record<string, unknown> = {
      [`/containers/${PREDEPLOY_CONTAINER}/changes`]: [],
      [`/images/${TEMPORARY_COMMIT}/json`]: image(TEMPORARY_COMMIT, [layer('1'), layer('2')]),
      [`/images/${built}/json`]: image(built, [layer('1')]),
      [`/images/${TEMPORARY_COMMIT}/history`]: [
        { Created: 1, CreatedBy: 'release-phase predeploy', Comment: '', Size: 5 },
        { Created: 1, CreatedBy: 'COPY . /app', Comment: '', Size: 10 }
      ]
    }
    // What happened, in the order it finished: the temporary commit's removal is slow here.
    const events: string[] = []
    let removalStarted: () => void = () => undefined
    const started = new Promise<void>(r => (removalStarted = r))
    const cli = engine({
      extra: {
        'buildx build': args => (fs.writeFileSync(args[args.indexOf('--iidfile') + 1], built), {}),
        'image inspect': () => inspected(built),
        'image rm': async args => {
          if (args.at(-1) === TEMPORARY_COMMIT) await new Promise(r => setTimeout(r, 30))
          if (args.at(-1) === built) removalStarted()
          events.push(`removed ${args.at(-1) === built ? 'the build' : 'the temporary commit'}`)
          return {}
        },
        rm: () => (events.push('removed the predeploy container'), {}),
        commit: () => ({ stdout: `${TEMPORARY_COMMIT}\n` }),
        'system dial-stdio': args => engineAnswer(api[args[2].split(' ')[1]]),
        // The release runs until the build's removal has begun beside it (or gives up after 2 s).
        start: async args => {
          if (!args.at(-1)!.endsWith('-release')) return {}
          const beside = await Promise.race([started.then(() => true), new Promise(r => setTimeout(() => r(false), 2000))])
          events.push('release ended')
          return beside ? {} : { code: 1, stderr: 'the build was not removed beside the release' }
        }
      }
    })
    const ctx = context(cli, result)
    await execute(p, ctx)
    await ctx.scope.close()
    expect(stdout.join('')).toContain('predeploy commit: config-only')
    const created = cli.calls.findIndex(c => c[0] === 'create' && c[2] === 'release-phase-0123456789ab-release')
    expect(cli.calls.findIndex(c => c[0] === 'image' && c[1] === 'rm' && c.at(-1) === built)).toBeGreaterThan(created)
    expect(events.indexOf('removed the build')).toBeGreaterThan(events.indexOf('removed the temporary commit'))
    expect(events.indexOf('removed the build')).toBeGreaterThan(events.indexOf('removed the predeploy container'))
    expect(events.indexOf('release ended')).toBeGreaterThan(events.indexOf('removed the build'))
    // Its line comes after the release task's output, at the end.
    const text = stdout.join('')
    expect(text.indexOf('removed the image built before predeploy')).toBeGreaterThan(text.lastIndexOf('::endgroup::'))
  })
})

/** A tar of small ASCII files as `docker cp … -` prints it, as a string (every byte survives UTF-8). */
async function tarOf(files: Record<string, string>): Promise<string> {
  const tar = await tarEntries(Object.entries(files).map(([name, text]) => ({ name, body: Buffer.from(text) })))
  return tar.toString('latin1')
}
