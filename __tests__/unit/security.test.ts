import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { childEnv, isCliEnvName } from '../../src/cli-env.js'
import { base64Variations, secretForms, urlPassword, redact } from '../../src/masking.js'
import { checkTaskEnv, resolveTaskEnv, buildSecretValues } from '../../src/secrets.js'
import { insidePath, readRegularFile, MAX_FILE } from '../../src/workspace-files.js'
import { checkCommand, fenced, mdText, safeLine } from '../../src/untrusted.js'
import { parseMappings } from '../../src/inputs/settings.js'
import { ownTempDir } from '../../src/run-record.js'
import { deepYamlLine } from '../../src/manifests/load.js'

describe('docker CLI environment (SPEC 11, 5.1)', () => {
  it.each([
    'DOCKER_HOST',
    'DOCKER_CONFIG',
    'DOCKER_CONTEXT',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_API_VERSION',
    'BUILDX_BUILDER',
    'BUILDX_CONFIG',
    'BUILDKIT_HOST',
    'HTTP_PROXY',
    'https_proxy',
    'No_Proxy',
    'HOME',
    'PATH',
    'SSH_AUTH_SOCK',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'SSL_CERT_FILE',
    'LD_PRELOAD',
    'LD_DEBUG_OUTPUT',
    'GCONV_PATH'
  ])('%s is the CLI’s', name => expect(isCliEnvName(name)).toBe(true))
  it.each(['DATABASE_URL', 'SECRET_KEY_BASE', 'MY_DOCKER_HOST', 'RAILS_ENV', 'HOSTNAME'])('%s is a task’s', name => expect(isCliEnvName(name)).toBe(false))

  it('child env: task values by name, CLI names forced to the action’s own value or removed', () => {
    const own = { PATH: '/usr/bin', DOCKER_CONFIG: '/own', INPUT_GITHUB_TOKEN: 't', A: '1' }
    const env = childEnv(own, { DATABASE_URL: 'db', DOCKER_HOST: 'tcp://evil', DOCKER_CONFIG: '/evil', PATH: '/evil', A: '2', http_proxy: 'x' })
    expect(env).toEqual({ PATH: '/usr/bin', DOCKER_CONFIG: '/own', A: '2', DATABASE_URL: 'db' })
  })

  it('a task variable named like a CLI variable is an error naming it, from any source', () => {
    const base = { secrets: [], env: [], envFiles: [], appEnv: [], processEnv: {} }
    expect(() => resolveTaskEnv({ ...base, appEnv: [{ name: 'DOCKER_HOST', value: 'tcp://127.0.0.1:1', required: true }] })).toThrow(
      /task variable DOCKER_HOST: the docker CLI or buildx reads/
    )
    expect(() => resolveTaskEnv({ ...base, env: [{ name: 'BUILDX_CONFIG', value: '/x' }] })).toThrow(/BUILDX_CONFIG/)
    expect(() => resolveTaskEnv({ ...base, envFiles: [{ file: 'a.env', text: 'HTTPS_PROXY=http://127.0.0.1:9\n' }] })).toThrow(/HTTPS_PROXY/)
    expect(() => resolveTaskEnv({ ...base, secrets: [{ name: 'DOCKER_CONFIG', source: 'S' }], processEnv: { S: 'v' } })).toThrow(/DOCKER_CONFIG/)
  })
})

describe('task values: empty, NUL, E2BIG (SPEC 11, 5.1)', () => {
  const base = { secrets: [], env: [], envFiles: [], appEnv: [], processEnv: {} as NodeJS.ProcessEnv }
  it('an empty secret fails naming the variable and the likely cause; never the source after "="', () => {
    expect(() => resolveTaskEnv({ ...base, secrets: [{ name: 'DATABASE_URL', source: 'DATABASE_URL' }], processEnv: { DATABASE_URL: '' } })).toThrow(
      /secrets: DATABASE_URL is set but empty in the step's env\. An unset repository or environment secret expands to an empty string/
    )
    let msg = ''
    try {
      resolveTaskEnv({ ...base, secrets: [{ name: 'DB', source: 'PROD_DB_URL' }], processEnv: { PROD_DB_URL: '' } })
    } catch (e) {
      msg = (e as Error).message
    }
    expect(msg).toMatch(/for DB is set but empty/)
    expect(msg).not.toContain('PROD_DB_URL')
  })
  it('a required app.json variable given empty fails', () => {
    expect(() => resolveTaskEnv({ ...base, env: [{ name: 'SECRET_KEY_BASE', value: '' }], appEnv: [{ name: 'SECRET_KEY_BASE', required: true }] })).toThrow(
      /app\.json env requires SECRET_KEY_BASE, and the value given is empty/
    )
    expect(() => resolveTaskEnv({ ...base, env: [{ name: 'OPT', value: '' }], appEnv: [{ name: 'OPT', required: false }] })).not.toThrow()
  })
  it('a required app.json variable without a default is masked even when given through env', () => {
    const r = resolveTaskEnv({
      ...base,
      env: [
        { name: 'SECRET_KEY_BASE', value: 'skb-1' },
        { name: 'MODE', value: 'x' }
      ],
      appEnv: [
        { name: 'SECRET_KEY_BASE', required: true },
        { name: 'MODE', value: 'y', required: true }
      ]
    })
    expect(r.vars.get('SECRET_KEY_BASE')).toEqual({ value: 'skb-1', secret: true })
    expect(r.vars.get('MODE')).toEqual({ value: 'x', secret: false })
  })
  it('NUL bytes and E2BIG sizes fail naming the variable only', () => {
    const v = (value: string) => new Map([['X', { value, secret: true }]])
    expect(() => checkTaskEnv(v('a\0b'))).toThrow('task variable X: the value contains a NUL byte, which no process environment can hold')
    expect(() => checkTaskEnv(v('y'.repeat(200_000)))).toThrow(/task variable X: the value is 200003 bytes; one environment entry holds at most 131072/)
    const many = new Map(Array.from({ length: 12 }, (_, i) => [`V${i}`, { value: 'z'.repeat(100_000), secret: false }]))
    expect(() => checkTaskEnv(many)).toThrow(/task variables: \d+ bytes in all/)
  })
  it('commands: NUL and E2BIG', () => {
    expect(() => checkCommand('release command', 'a\0b')).toThrow('release command: the command contains a NUL byte')
    expect(() => checkCommand('release command', ['x', 'w'.repeat(140_000)])).toThrow(/E2BIG/)
    expect(() => checkCommand('release command', 'migrate')).not.toThrow()
  })
})

describe('build-push-action style values are explained, never echoed (issue 14 item 3)', () => {
  it.each(['secrets', 'build-secrets'] as const)('%s', input => {
    let msg = ''
    try {
      parseMappings('GIT_AUTH_TOKEN=ghp_Zz9-secret/value', input, input === 'secrets' ? 'NAME' : 'ID')
    } catch (e) {
      msg = (e as Error).message
    }
    expect(msg).toMatch(new RegExp(`^${input}: what follows "=" for GIT_AUTH_TOKEN is not a variable name`))
    expect(msg).toContain("docker/build-push-action's")
    expect(msg).toContain('${{ secrets.GIT_AUTH_TOKEN }}')
    expect(msg).not.toMatch(/ghp_|secret\/value/)
  })
  it('build-secrets sources must be set and non-empty; values returned for masking', () => {
    expect(buildSecretValues([{ name: 'npm', source: 'NPM_TOKEN' }], { NPM_TOKEN: 'n1' })).toEqual([{ name: 'build-secrets npm', value: 'n1' }])
    expect(() => buildSecretValues([{ name: 'npm', source: 'NPM_TOKEN' }], { NPM_TOKEN: '' })).toThrow(/for id npm is not set or empty/)
  })
})

describe('masking forms (SPEC 11, 5.2; actions/runner ValueEncoders)', () => {
  it('base64 at offsets 0, 1, 2, padding trimmed, with URL-safe variants', () => {
    expect(base64Variations('abc')).toEqual(['YWJj', 'YWJj', 'YmM', 'YmM', 'Yw', 'Yw'])
    const v = 's3cr3t>?~'
    for (const prefix of ['', 'u', 'us', 'use', 'user:']) {
      const enc = Buffer.from(prefix + v + '\n').toString('base64')
      expect(
        secretForms(v).some(f => enc.includes(f)),
        prefix
      ).toBe(true)
    }
  })
  it('URL-encoded, JSON-escaped, each line, and a URL password raw and decoded', () => {
    const forms = secretForms('postgres://app:p%40ss"w@db:5432/x\nline2-value')
    for (const f of ['p%40ss"w', 'p@ss"w', 'line2-value', 'postgres%3A%2F%2Fapp%3Ap%2540ss%22w%40db%3A5432%2Fx%0Aline2-value', 'p%40ss\\"w']) {
      expect(forms).toContain(f)
    }
    expect(urlPassword('https://user:tok@host/')).toEqual(['tok', 'tok'])
    expect(urlPassword('not a url')).toEqual([])
  })
  it('redact covers every form', () => {
    const secret = 'hunter2"x'
    const forms = secretForms(secret)
    const text = `raw ${secret} url ${encodeURIComponent(secret)} json ${JSON.stringify(secret)} b64 ${Buffer.from(`u:${secret}`).toString('base64')}`
    expect(redact(text, forms)).not.toMatch(/hunter2|aHVudGVy|%22x|\\"x/)
  })
})

describe('workspace paths and files (SPEC 11, 2.1)', () => {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rp-ws-')))
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-out-'))
  fs.writeFileSync(path.join(outside, 'secret'), 'PASSWORD=x')
  fs.symlinkSync(path.join(outside, 'secret'), path.join(ws, 'Procfile'))
  fs.symlinkSync(outside, path.join(ws, 'dir'))
  fs.mkdirSync(path.join(ws, 'real'))
  fs.writeFileSync(path.join(ws, 'real', 'Procfile'), 'release: x\n')
  fs.symlinkSync('real/Procfile', path.join(ws, 'inside-link'))
  it('links out of the workspace are refused, on a file or a directory on the way', () => {
    expect(() => insidePath(ws, ws, 'Procfile', 'procfile')).toThrow('procfile: "Procfile" resolves outside the workspace through a symbolic link')
    expect(() => insidePath(ws, ws, 'dir/anything/new', 'context')).toThrow(/through a symbolic link/)
    expect(() => insidePath(ws, ws, '../x', 'context')).toThrow('context: "../x" resolves outside the workspace')
  })
  it('links inside are followed to the real path; missing paths keep their text', () => {
    expect(insidePath(ws, ws, 'inside-link', 'procfile')).toBe(path.join(ws, 'real', 'Procfile'))
    expect(insidePath(ws, ws, 'nope/app.json', 'app-json')).toBe(path.join(ws, 'nope', 'app.json'))
  })
  it('only regular files under the limit are read; a FIFO or /dev/zero never hangs', () => {
    expect(() => readRegularFile('/dev/zero', 'procfile: Procfile')).toThrow('procfile: Procfile is a device, not a regular file')
    expect(() => readRegularFile(ws, 'app-json: x')).toThrow(/is a directory, not a regular file/)
    const big = path.join(ws, 'big')
    fs.writeFileSync(big, Buffer.alloc(MAX_FILE + 1))
    expect(() => readRegularFile(big, 'env-files: big')).toThrow(`env-files: big is ${MAX_FILE + 1} bytes; at most ${MAX_FILE} are read`)
    expect(readRegularFile(path.join(ws, 'missing'), 'x')).toBeUndefined()
    const fifo = path.join(ws, 'fifo')
    execFileSync('mkfifo', [fifo])
    expect(() => readRegularFile(fifo, 'procfile: fifo')).toThrow('procfile: fifo is a FIFO, not a regular file')
  })
})

describe('untrusted text in lines and the summary (SPEC 11, 5.2)', () => {
  it('safeLine never yields a command or a second line', () => {
    for (const t of ['a\n::error::x', '\r::add-mask::y', '::stop-commands::z', ' \t::set-output name=a::b', 'q ##[error]w']) {
      const l = safeLine(t)
      expect(l).not.toMatch(/[\r\n]/)
      expect(l.trimStart().startsWith('::')).toBe(false)
      expect(l).not.toContain('##[')
    }
  })
  it('mdText leaves no Markdown or HTML active', () => {
    expect(mdText('<img src=x onerror=1> [a](http://e) `c` | *b*')).toBe(
      '&lt;img src=x onerror=1&gt; \\[a\\]\\(http\\:\\/\\/e\\) \\`c\\` \\| \\*b\\*'.replace('\\/\\/', '//')
    )
  })
  it('fenced picks a fence longer than any backtick run inside', () => {
    expect(fenced('a\n````\nb')).toBe('`````text\na\n````\nb\n`````')
    expect(fenced('plain')).toBe('```text\nplain\n```')
  })
})

describe('post step state guard (SPEC 11, post)', () => {
  const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rp-rt-')))
  it('removes only a release-phase-XXXXXX directory directly inside RUNNER_TEMP', () => {
    const own = fs.mkdtempSync(path.join(temp, 'release-phase-'))
    expect(ownTempDir(own, temp)).toBe(true)
    expect(ownTempDir(temp, temp)).toBe(false)
    expect(ownTempDir('/', temp)).toBe(false)
    expect(ownTempDir(os.homedir(), temp)).toBe(false)
    expect(ownTempDir(own, undefined)).toBe(false)
    const other = fs.mkdtempSync(path.join(temp, 'other-'))
    expect(ownTempDir(other, temp)).toBe(false)
    fs.symlinkSync(os.homedir(), path.join(temp, 'release-phase-link00'))
    expect(ownTempDir(path.join(temp, 'release-phase-link00'), temp)).toBe(false)
    expect(ownTempDir(path.join(own, '..', path.basename(own)), temp)).toBe(true)
  })
})

describe('pathological nesting (issue 11)', () => {
  it('finds the line where heroku.yml flow collections nest too deep; quotes and comments do not count', () => {
    expect(deepYamlLine(`a: 1\nb: ${'['.repeat(300)}`)).toBe(2)
    expect(deepYamlLine(`a: "${'['.repeat(300)}"\nb: '${'{'.repeat(300)}'\n# ${'['.repeat(300)}\nrelease:\n  command: [a, [b]]\n`)).toBeUndefined()
    expect(deepYamlLine('c: echo [x] {y}\n'.repeat(1000))).toBeUndefined()
  })
})
