import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  BASE_IMAGE,
  REAL_DOCKER,
  containersOfRun,
  imagesOfRun,
  describeEngine,
  docker,
  errorLines,
  makeApp,
  runAction,
  sideEffectCalls,
  uniqueTag,
  type ActionRun
} from '../helpers/engine.js'
import { startFakeGitHub, startRegistry, type FakeGitHub, type Registry } from '../helpers/registry.js'
import { obeyedCommands } from '../helpers/runner-protocol.js'
import { OUTSIDE_MARKER, attacks, type Attack } from '../fixtures/adversarial/cases.js'

/** A loopback "attacker": records every request (DOCKER_HOST / proxy targets) and answers 500. */
let attacker: http.Server
const received: string[] = []
beforeAll(async () => {
  attacker = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`)
    res.writeHead(500).end()
  })
  attacker.on('connect', (req, socket) => {
    received.push(`CONNECT ${req.url}`)
    socket.destroy()
  })
  await new Promise<void>(r => attacker.listen(0, '127.0.0.1', r))
})
afterAll(() => attacker.close())

/** A loopback registry, started for the first case that pushes. */
let registry: Registry | undefined
afterAll(() => registry?.stop())

/** Every file's text under a directory (leftover temp files must not hold a value). */
function allText(dir: string): string {
  if (!fs.existsSync(dir)) return ''
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n')
}

/** The summary without the fenced block the action wrote (whose content is literal text, never Markdown). */
function liveMarkdown(summary: string): string {
  return summary.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '')
}

async function attack(a: Attack) {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-outside-'))
  fs.writeFileSync(path.join(outside, 'secret.txt'), `PASSWORD=${OUTSIDE_MARKER}\n`)
  fs.writeFileSync(path.join(outside, 'Dockerfile'), `FROM ${BASE_IMAGE}\nRUN echo ${OUTSIDE_MARKER}\n`)
  const port = (attacker.address() as AddressInfo).port
  const fill = (s: string): string =>
    s.replaceAll('{outside}', outside).replaceAll('{attacker}', `127.0.0.1:${port}`).replaceAll('{attacker-port}', String(port))
  const fillAll = (o: Record<string, string> = {}): Record<string, string> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fill(v)]))
  const files: Record<string, string> = { Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo ok\n', ...a.files }
  for (const [k, v] of Object.entries(files)) if (v === null) delete files[k]
  const ws = makeApp(fillAll(files))
  for (const dir of a.mustStayEmpty ?? []) fs.mkdirSync(fill(dir), { recursive: true })
  for (const [link, target] of Object.entries(a.links ?? {})) {
    fs.rmSync(path.join(ws, link), { recursive: true, force: true })
    fs.mkdirSync(path.dirname(path.join(ws, link)), { recursive: true })
    fs.symlinkSync(fill(target), path.join(ws, link))
  }
  for (const fifo of a.fifos ?? []) {
    fs.rmSync(path.join(ws, fifo), { force: true })
    execFileSync('mkfifo', [path.join(ws, fifo)])
  }
  if (a.push) registry ??= await startRegistry()
  const tag = a.push ? `${registry!.host}/adversarial/app:${uniqueTag('x').split(':')[1]}` : uniqueTag('adversarial')
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
  let gh: FakeGitHub | undefined
  const env = Object.fromEntries(Object.entries(fillAll(a.env)).map(([k, v]) => [k, v.replaceAll('{workspace}', ws)]))
  if (a.deployments) {
    gh = await startFakeGitHub(a.deployments)
    Object.assign(env, { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/web', GITHUB_RUN_ID: '7001', GITHUB_SERVER_URL: 'https://github.com' })
  }
  if (a.push) Object.assign(env, { DOCKER_CONFIG: registry!.dockerConfig })
  const inputs = { tags: tag, ...(a.push ? { push: 'true' } : {}), ...fillAll(a.inputs) }
  received.length = 0
  const started = Date.now()
  const shimBefore = a.shimBefore
    ? Object.fromEntries(Object.entries(a.shimBefore).map(([k, v]) => [k, v.replaceAll('{docker}', REAL_DOCKER).replaceAll('{tag}', tag)]))
    : undefined
  try {
    const r = a.post
      ? await runAction({ workspace: ws, post: { state: fillAll(a.post), runnerTemp } })
      : await runAction({ workspace: ws, runnerTemp, inputs, env, shimBefore })
    return { r, outside, fill, seconds: (Date.now() - started) / 1000, tag, ws, env }
  } finally {
    gh?.stop()
  }
}

/** The post step, run as the runner runs it after main: with the state the runner derived from main. */
async function postAfter(r: ActionRun, ws: string, env: Record<string, string>): Promise<void> {
  const post = await runAction({ workspace: ws, env, post: { state: r.state, runnerTemp: r.runnerTemp } })
  expect(post.code, post.stdout + post.stderr).toBe(0)
  const cleanup = (c: string[]): boolean => ['ps', 'rm'].includes(c[0]) || (c[0] === 'image' && ['ls', 'rm'].includes(c[1]))
  expect(
    post.dockerCalls.filter(c => !cleanup(c)),
    'the post step only cleans up'
  ).toEqual([])
  expect(post.stdout).not.toMatch(/Released|Building|Running \w+ task/)
  // It found main's own run id (saved through GITHUB_STATE), whatever the task printed.
  const fileRunId = r.fileState['run-id']
  expect(fileRunId, 'main saved its run id').toMatch(/^[0-9a-f]{12}$/)
  expect(post.dockerCalls).toContainEqual(['ps', '--all', '--quiet', '--filter', `label=release-phase.run=${fileRunId}`])
}

describeEngine('adversarial corpus (issue 11): attacks as data, through the bundle, on the real engine', () => {
  it('covers every defence', () => {
    expect(new Set(attacks.map(a => a.defence))).toEqual(
      new Set([
        'cli-env',
        'paths',
        'files',
        'masking',
        'values',
        'injection',
        'summary',
        'nesting',
        'post',
        'runner',
        'push',
        'first-deploy',
        'credentials',
        'provenance',
        'predeploy-files',
        'event-values',
        'bounds',
        'engine-config'
      ])
    )
  })

  it.each(attacks)('$defence: $name', async a => {
    const { r, outside, fill, seconds, tag, ws, env } = await attack(a)
    try {
      const log = r.stdout + r.stderr
      // Nothing ever reaches the attacker.
      expect(received).toEqual([])
      if (a.error) {
        expect(r.code, log).toBe(1)
        const errors = errorLines(r.stdout)
        expect(errors).toHaveLength(1)
        expect(errors[0]).toMatch(a.error)
        // …and the runner reads it as the step's error: no relayed line stopped its commands.
        expect(obeyedCommands(r.output).filter(c => c.name === 'error')).toHaveLength(1)
        expect(log).not.toMatch(/unexpected failure|RangeError|\n\s+at .+:\d+:\d+\)?\n/)
        if (a.beforeDocker !== false) expect(sideEffectCalls(r.dockerCalls)).toEqual([])
        expect(r.outputs.released ?? 'false').toBe('false')
      } else {
        expect(r.code, log).toBe(0)
      }
      expect(seconds).toBeLessThan(60) // never hangs (a FIFO, /dev/zero)
      const everywhere = [log, JSON.stringify(r.outputs), r.summary, JSON.stringify(r.state), allText(r.runnerTemp)].join('\n')
      for (const s of a.mustNotLeak ?? []) expect(everywhere, `leaked ${s}`).not.toContain(s)
      for (const s of a.notInSummary ?? []) expect(r.summary + JSON.stringify(r.outputs), `in summary: ${s}`).not.toContain(s)
      for (const s of a.notLiveInSummary ?? []) expect(liveMarkdown(r.summary), `live in summary: ${s}`).not.toContain(s)
      for (const s of a.masked ?? []) expect(r.stdout).toContain(`::add-mask::${s.replace(/%/g, '%25')}\n`)
      for (const s of a.stdoutHas ?? []) expect(r.stdout.split('\n'), r.stdout).toContain(s)
      // What the runner obeys (runner-protocol.ts): `::` at a line's start, `##[` anywhere, names in any
      // case, lines split at a lone CR too, stop-commands honoured; stdout and stderr as they arrived.
      const obeyed = obeyedCommands(r.output).map(c => c.line)
      for (const c of a.noCommandLines ?? []) {
        const hit = (l: string): boolean => (c.startsWith('##[') ? l.includes(c) : l.trimStart().startsWith(c))
        expect(obeyed.filter(hit), `command line ${c}`).toEqual([])
      }
      const masks = obeyedCommands(r.output)
        .filter(c => c.name === 'add-mask')
        .map(c => c.data)
      for (const v of a.notMasked ?? []) expect(masks, `masked ${v}`).not.toContain(v)
      const warnings = obeyedCommands(r.output)
        .filter(c => c.name === 'warning')
        .map(c => `::warning::${c.data}`)
      for (const w of a.warnings ?? [])
        expect(
          warnings.some(l => w.test(l)),
          `${w} in ${warnings.join('\n')}`
        ).toBe(true)
      for (const [k, v] of Object.entries(a.outputsHave ?? {})) expect(r.outputs[k], `output ${k}`).toBe(v)
      if (a.labels) {
        const labels = JSON.parse(docker('image', 'inspect', '--format', '{{json .Config.Labels}}', r.outputs['image-id'])) as Record<string, string>
        for (const [k, v] of Object.entries(a.labels)) expect(labels[k], `label ${k}`).toBe(fill(v))
      }
      if (a.push && r.outputs.released === 'true') {
        // What the registry holds under the tag is the image whose phases passed: its config is image-id.
        const manifest = await registry!.get(`/v2/adversarial/app/manifests/${tag.split(':').pop()}`, 'application/vnd.docker.distribution.manifest.v2+json')
        expect((JSON.parse(manifest.body) as { config: { digest: string } }).config.digest).toBe(r.outputs['image-id'])
      }
      if (a.thenPost) await postAfter(r, ws, env)
      expect(r.state['temp-dir'] ?? '').not.toBe('/')
      for (const p of a.mustSurvive ?? []) expect(fs.existsSync(fill(p)), p).toBe(true)
      for (const [title, texts] of Object.entries(a.notInGroupJoined ?? {})) {
        const group = new RegExp(`^::group::${title}.*\\n([\\s\\S]*?)^::endgroup::`, 'm').exec(r.stdout)
        expect(group, `group ${title}`).not.toBeNull()
        for (const t of texts) expect(group![1].replace(/\r?\n/g, ''), `${t} in group ${title}`).not.toContain(t)
      }
      for (const d of a.mustStayEmpty ?? []) expect(fs.readdirSync(fill(d)), `written into ${d}`).toEqual([])
      // This run's containers and temporary commits only: other helpers share the engine.
      if (r.state['run-id']) expect(containersOfRun(r.state['run-id'])).toEqual([])
      if (r.state['run-id']) expect(imagesOfRun(r.state['run-id']), 'temporary commit left').toEqual([])
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
      try {
        docker('image', 'rm', '--force', tag)
      } catch {
        // not built
      }
    }
  })
})
