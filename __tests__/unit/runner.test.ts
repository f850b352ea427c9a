import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as actionsCore from '@actions/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as runner from '../../src/runner.js'

/** Everything one implementation writes to stdout and the file commands, delimiters normalized. */
function capture(fn: () => void): { stdout: string; output: string; state: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
  const files = { GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_STATE: path.join(dir, 'state') }
  Object.values(files).forEach(f => fs.writeFileSync(f, ''))
  Object.assign(process.env, files)
  let stdout = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  })
  try {
    fn()
  } finally {
    spy.mockRestore()
  }
  const norm = (s: string) => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIM')
  return { stdout, output: norm(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8')), state: norm(fs.readFileSync(files.GITHUB_STATE, 'utf8')) }
}

const awkward = 'a %25 100% b\r\nc: d, e\n::error::f'

describe('runner protocol matches @actions/core byte for byte', () => {
  afterEach(() => {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STATE
  })

  it.each([
    // info differs on purpose for untrusted text (SPEC 11, 5.2: below); plain text is byte for byte the same.
    ['info', (c: typeof runner) => c.info('Running release task: migrate 100% --now')],
    ['debug', (c: typeof runner) => c.debug(awkward)],
    ['warning', (c: typeof runner) => c.warning(awkward)],
    ['error', (c: typeof runner) => c.error(awkward)],
    ['error with annotation', (c: typeof runner) => c.error(awkward, { file: 'apps/a,b:c/Procfile', startLine: 3, startColumn: 7 })],
    ['error with line 0 and title', (c: typeof runner) => c.error('x', { title: 'T: 1,2', file: 'f', startLine: 0 })],
    ['warning with annotation', (c: typeof runner) => c.warning('w', { file: 'heroku.yml', startLine: 1, endLine: 2, startColumn: 3, endColumn: 4 })],
    ['groups', (c: typeof runner) => (c.startGroup(awkward), c.endGroup())],
    ['setSecret', (c: typeof runner) => c.setSecret('line1\nline2 %')],
    ['setOutput', (c: typeof runner) => (c.setOutput('image', 'repo@sha256:1'), c.setOutput('tags', 'a\nb'), c.setOutput('empty', ''))],
    ['saveState', (c: typeof runner) => c.saveState('run-id', awkward)]
  ])('%s', (_, call) => {
    const ours = capture(() => call(runner))
    const theirs = capture(() => call(actionsCore as unknown as typeof runner))
    expect(ours).toEqual(theirs)
    expect(ours.stdout + ours.output + ours.state).not.toBe('')
  })

  it('setOutput and saveState without the files use the legacy commands, as core does', () => {
    const call = (c: typeof runner) => (c.setOutput('a', 'b\nc'), c.saveState('s', 'v'))
    const grab = (c: typeof runner) => {
      let out = ''
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += chunk.toString()), true))
      try {
        call(c)
      } finally {
        spy.mockRestore()
      }
      return out
    }
    expect(grab(runner)).toEqual(grab(actionsCore as unknown as typeof runner))
  })

  it('getState reads STATE_<name>', () => {
    process.env.STATE_probe = 'v1'
    expect(runner.getState('probe')).toBe(actionsCore.getState('probe'))
    expect(runner.getState('missing')).toBe('')
    delete process.env.STATE_probe
  })
})

describe('info lines carry untrusted text safely (SPEC 11, 5.2)', () => {
  it.each([
    ['a LF', 'Running release task: a\n::warning::owned', 'Running release task: a\\n::warning::owned'],
    ['a lone CR', 'x\r::stop-commands::t', 'x\\r::stop-commands::t'],
    ['a leading command', '  ::save-state name=temp-dir::/', '\\::save-state name=temp-dir::/'],
    ['the legacy form anywhere', 'cmd ##[set-output name=a]b', 'cmd ##\\[set-output name=a]b'],
    ['other controls', 'a\x1b[2Kb\u2028c', 'a\\u001b[2Kb\\u2028c']
  ])('%s', (_, text, line) => {
    const out = capture(() => runner.info(text)).stdout
    expect(out).toBe(`${line}${os.EOL}`)
    expect(out.split(os.EOL).filter(Boolean)).toHaveLength(1)
    expect(out.trimStart().startsWith('::')).toBe(false)
  })
})

describe('warning, error and group lines show control characters instead of passing them on (design.md §5.6)', () => {
  it.each([
    ['warning', () => runner.warning('task failed: a\x1b[2Kb\u2028c'), '::warning::task failed: a\\u001b[2Kb\\u2028c'],
    ['error', () => runner.error('x\x07y'), '::error::x\\u0007y'],
    ['group', () => runner.startGroup('sidecar \x1b]0;t\x07'), '::group::sidecar \\u001b]0;t\\u0007']
  ])('%s', (_, write, line) => {
    expect(capture(write).stdout).toBe(`${line}${os.EOL}`)
  })

  it('still escapes a line break as the runner expects (%0A), so a message cannot start a new command', () => {
    expect(capture(() => runner.warning('a\n::add-mask::b')).stdout).toBe(`::warning::a%0A::add-mask::b${os.EOL}`)
  })
})
