import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, containersOfRun, describeEngine, docker, errorLines, makeApp, runAction, sideEffectCalls, uniqueTag } from '../helpers/engine.js'
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
  const fill = (s: string): string => s.replaceAll('{outside}', outside).replaceAll('{attacker}', `127.0.0.1:${(attacker.address() as AddressInfo).port}`)
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
  const tag = uniqueTag('adversarial')
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
  received.length = 0
  const started = Date.now()
  const r = a.post
    ? await runAction({ workspace: ws, post: { state: fillAll(a.post), runnerTemp } })
    : await runAction({ workspace: ws, runnerTemp, inputs: { tags: tag, ...fillAll(a.inputs) }, env: fillAll(a.env) })
  return { r, outside, fill, seconds: (Date.now() - started) / 1000, tag }
}

/**
 * The lines the runner would read commands from: not those between `::stop-commands::<token>` and
 * `::<token>::` (inside, a second stop-commands is text too).
 */
function linesTheRunnerObeys(stdout: string): string[] {
  const live: string[] = []
  let token: string | undefined
  for (const line of stdout.split(/\r?\n|\r/)) {
    if (token !== undefined) {
      if (line.trim() === `::${token}::`) token = undefined
      continue
    }
    const stop = /^\s*::stop-commands::(.+)$/.exec(line)
    if (stop) token = stop[1].trim()
    else live.push(line)
  }
  return live
}

describeEngine('adversarial corpus (issue 11): attacks as data, through the bundle, on the real engine', () => {
  it('covers every defence', () => {
    expect(new Set(attacks.map(a => a.defence))).toEqual(new Set(['cli-env', 'paths', 'files', 'masking', 'values', 'injection', 'summary', 'nesting', 'post']))
  })

  it.each(attacks)('$defence: $name', async a => {
    const { r, outside, fill, seconds, tag } = await attack(a)
    try {
      const log = r.stdout + r.stderr
      // Nothing ever reaches the attacker.
      expect(received).toEqual([])
      if (a.error) {
        expect(r.code, log).toBe(1)
        const errors = errorLines(r.stdout)
        expect(errors).toHaveLength(1)
        expect(errors[0]).toMatch(a.error)
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
      for (const s of a.stdoutHas ?? []) expect(r.stdout.split('\n')).toContain(s)
      for (const c of a.noCommandLines ?? []) {
        // `::` commands count at the start of a line; the legacy `##[` form anywhere in one.
        const hit = (l: string): boolean => (c.startsWith('##[') ? l.includes(c) : l.trimStart().startsWith(c))
        expect(linesTheRunnerObeys(r.stdout).filter(hit), `command line ${c}`).toEqual([])
      }
      expect(r.state['temp-dir'] ?? '').not.toBe('/')
      for (const p of a.mustSurvive ?? []) expect(fs.existsSync(fill(p)), p).toBe(true)
      for (const [title, texts] of Object.entries(a.notInGroupJoined ?? {})) {
        const group = new RegExp(`^::group::${title}.*\\n([\\s\\S]*?)^::endgroup::`, 'm').exec(r.stdout)
        expect(group, `group ${title}`).not.toBeNull()
        for (const t of texts) expect(group![1].replace(/\r?\n/g, ''), `${t} in group ${title}`).not.toContain(t)
      }
      for (const d of a.mustStayEmpty ?? []) expect(fs.readdirSync(fill(d)), `written into ${d}`).toEqual([])
      // This run's containers only: other helpers share the engine.
      if (r.state['run-id']) expect(containersOfRun(r.state['run-id'])).toEqual([])
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
