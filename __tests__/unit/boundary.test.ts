import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getState } from '../../src/runner.js'
import { FileSearch, pathsToRead, scanForms } from '../../src/commit/scan.js'
import { secretForms } from '../../src/masking.js'
import { checkedOutCommit, originIs } from '../../src/image/git-head.js'
import { checkContextCredentials, MAX_DIRS } from '../../src/image/context-credentials.js'
import { obeyedCommands, stepState } from '../helpers/runner-protocol.js'

describe('the step state as the runner hands it to the post step (issue 20)', () => {
  it('is read without regard to case: the runner keeps the first spelling it saw', () => {
    expect(getState('run-id', { 'STATE_RUN-ID': 'abc' })).toBe('abc')
    expect(getState('temp-dir', { 'STATE_temp-dir': '/t' })).toBe('/t')
    expect(getState('run-id', {})).toBe('')
  })
  it('the stand-in keeps the first spelling and lets the state file win, as the runner does', () => {
    const out = '::save-state name=RUN-ID::0\n'
    expect(stepState(out, { 'run-id': 'f00' })).toEqual({ 'RUN-ID': 'f00' })
  })
  it('the stand-in obeys ##[ anywhere, names in any case, lone CR line breaks, and stop-commands', () => {
    const out = [
      'x ##[save-state name=ISPOST;]1',
      'progress\r::SAVE-STATE name=a::1',
      '::stop-commands::tok123456',
      '::save-state name=hidden::1',
      '##[tok123456]',
      '::add-mask::y'
    ].join('\n')
    expect(obeyedCommands(out).map(c => [c.name, c.properties.name ?? '', c.data])).toEqual([
      ['save-state', 'ISPOST', '1'],
      ['save-state', 'a', '1'],
      ['add-mask', '', 'y']
    ])
  })
})

describe('predeploy secret scan: what is read back, and the search (issue 20 item 9)', () => {
  it('reads an added subtree once, changed files alone, and never a directory listed only for its children', () => {
    const changes = [
      { Path: '/app', Kind: 0 },
      { Path: '/app/tmp', Kind: 1 },
      { Path: '/app/tmp/cache', Kind: 1 },
      { Path: '/app/tmp/cache/a', Kind: 1 },
      { Path: '/app/config.exs', Kind: 0 },
      { Path: '/etc', Kind: 0 },
      { Path: '/etc/old', Kind: 2 },
      { Path: '/root/.netrc', Kind: 1 },
      // docker's init, mounted into a directory the container did not have: never read.
      { Path: '/sbin', Kind: 1 },
      { Path: '/sbin/docker-init', Kind: 1 },
      { Path: '/sbin/written-by-task', Kind: 1 }
    ]
    expect(pathsToRead(changes, true)).toEqual(['/app/config.exs', '/app/tmp', '/root/.netrc', '/sbin/written-by-task'])
    // Without --init nothing is mounted there: what the task wrote at /sbin/docker-init is committed.
    expect(pathsToRead(changes, false)).toEqual(['/app/config.exs', '/app/tmp', '/root/.netrc', '/sbin'])
  })
  it('searches /.dockerenv (an ordinary file of the container, committed) and skips only the bind mounts', () => {
    const changes = [
      { Path: '/.dockerenv', Kind: 0 },
      { Path: '/etc', Kind: 0 },
      { Path: '/etc/hosts', Kind: 0 }
    ]
    expect(pathsToRead(changes, true)).toEqual(['/.dockerenv'])
  })
  it('finds a form split across two chunks, and names its owner', () => {
    const s = new FileSearch(new Map([['s3cr3t-value', 'DATABASE_URL']]))
    s.push(Buffer.from('xxxxxxxx s3cr3'))
    expect(s.found).toBeUndefined()
    s.push(Buffer.from('t-value yyy'))
    expect(s.found).toBe('DATABASE_URL')
  })
  it('finds nothing in a file without the value', () => {
    const s = new FileSearch(new Map([['s3cr3t-value', 'X']]))
    for (let i = 0; i < 100; i++) s.push(Buffer.from('s3cr3t-valu'))
    expect(s.found).toBeUndefined()
  })
})

describe('provenance from the workspace (issue 20 item 7)', () => {
  it('is the commit the working directory holds: detached, a branch, a packed ref, a worktree file', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-git-'))
    execFileSync('git', ['init', '-q', '-b', 'main', ws])
    execFileSync('git', ['-C', ws, '-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'one'])
    const head = execFileSync('git', ['-C', ws, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    fs.mkdirSync(path.join(ws, 'apps', 'web'), { recursive: true })
    expect(checkedOutCommit(path.join(ws, 'apps', 'web'), ws)).toEqual({ sha: head })
    execFileSync('git', ['-C', ws, 'pack-refs', '--all'])
    expect(checkedOutCommit(ws, ws)).toEqual({ sha: head })
    execFileSync('git', ['-C', ws, 'checkout', '-q', '--detach'])
    expect(checkedOutCommit(ws, ws)).toEqual({ sha: head })
    // A worktree on a commit of its own: read through its gitdir: file, not its parent's HEAD.
    const wt = path.join(ws, 'wt')
    execFileSync('git', ['-C', ws, 'worktree', 'add', '-q', '-b', 'other', wt])
    execFileSync('git', ['-C', wt, '-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'two'])
    const other = execFileSync('git', ['-C', wt, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    expect(other).not.toBe(head)
    expect(checkedOutCommit(wt, ws)).toEqual({ sha: other })
    // A checkout of another repository (actions/checkout with repository: and path:) names no image of this one.
    execFileSync('git', ['-C', ws, 'remote', 'add', 'origin', 'https://github.com/acme/other.git'])
    expect(checkedOutCommit(ws, ws, 'acme/web')).toEqual({ unreadable: path.join(ws, '.git') })
    expect(checkedOutCommit(ws, ws, 'Acme/Other')).toEqual({ sha: head })
    expect(originIs(path.join(ws, '.git'), undefined)).toBe(true)
    fs.rmSync(ws, { recursive: true, force: true })
  })
  it('is nothing without a checkout; unreadable with a HEAD that is not a commit here', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-git-'))
    expect(checkedOutCommit(ws, ws)).toEqual({})
    fs.mkdirSync(path.join(ws, '.git'))
    fs.writeFileSync(path.join(ws, '.git', 'HEAD'), 'ref: refs/heads/../../../etc/passwd\n')
    expect(checkedOutCommit(ws, ws)).toEqual({ unreadable: path.join(ws, '.git') })
    // A reftable repository's HEAD: a checkout, not read here (the caller says so).
    fs.writeFileSync(path.join(ws, '.git', 'HEAD'), 'ref: refs/heads/.invalid\n')
    expect(checkedOutCommit(ws, ws)).toEqual({ unreadable: path.join(ws, '.git') })
    fs.rmSync(ws, { recursive: true, force: true })
  })
})

describe('persisted checkout credentials in the build context (issue 20 item 5)', () => {
  const header = '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hz\n'
  /** Files, and links written as `-> target`. */
  const context = (files: Record<string, string>): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-ctx-'))
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
      if (text.startsWith('-> ')) fs.symlinkSync(text.slice(3), path.join(dir, rel))
      else fs.writeFileSync(path.join(dir, rel), text)
    }
    return dir
  }
  const check = (dir: string) => checkContextCredentials([{ dir, name: '.', dockerfile: path.join(dir, 'Dockerfile') }], dir)
  it.each([
    ['checkout’s extraheader', { '.git/config': header }],
    ['a submodule’s persisted header', { '.git/config': '[core]\n', '.git/modules/lib/config': header }],
    ['a credential helper', { '.git/config': '[credential]\n\thelper = store\n' }],
    ['a URL with a password', { '.git/config': '[remote "origin"]\n\turl = https://x-access-token:ghs_abc@github.com/a/b\n' }],
    // From a review: the forms workflows that clone by hand write.
    ['a token as the URL user', { '.git/config': '[remote "origin"]\n\turl = https://ghp_abcdef123456@github.com/a/b\n' }],
    ['a password in a url section header', { '.git/config': '[url "https://x-access-token:ghs_abc@github.com/"]\n\tinsteadOf = https://github.com/\n' }],
    ['a .dockerignore that re-includes it', { '.git/config': header, '.dockerignore': '.git\n!.git/config\n' }],
    // Found by the red team (issue 20 review): each was sent, and printed by the release task.
    ['a nested checkout (path: lib) with the root clean', { '.git/config': '[core]\n', 'lib/.git/config': header }],
    ['.GIT in .dockerignore (BuildKit on Linux matches case-sensitively)', { '.git/config': header, '.dockerignore': '.GIT\n' }],
    [
      'a Dockerfile.dockerignore link (BuildKit follows it) to an empty file',
      { '.git/config': header, '.dockerignore': '.git\n', 'empty.txt': '', 'Dockerfile.dockerignore': '-> empty.txt' }
    ]
  ])('refuses %s, naming the fix and never the token', async (_, files) => {
    const err = await check(context(files)).catch((e: Error) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as Error).message).toMatch(
      /\.git\/(modules\/lib\/)?config holds .* \(a checkout's persisted token\).*persist-credentials: false.*\.dockerignore/
    )
    expect((err as Error).message).not.toContain('eC1hY2Nl')
  })
  it.each([
    ['no .git', {}],
    [
      'checkout v6: the config only includes a file outside the context',
      { '.git/config': '[includeIf "gitdir:/w/.git"]\n\tpath = /runner/temp/git-credentials-1.config\n' }
    ],
    ['.git ignored', { '.git/config': header, '.dockerignore': '.git\n' }],
    ['ignored by the Dockerfile’s own ignore file', { '.git/config': header, 'Dockerfile.dockerignore': '**/.git\n' }],
    ['an empty helper (the reset)', { '.git/config': '[credential]\n\thelper =\n' }],
    ['a nested checkout inside an ignored folder', { 'vendor/lib/.git/config': header, '.dockerignore': 'vendor\n' }],
    ['a .git that is a link (sent as a link)', { '.git': '-> /nonexistent-git-dir' }]
  ])('accepts %s', async (_, files) => {
    await expect(check(context(files))).resolves.toBeUndefined()
  })

  it('refuses an ignore file linked out of its directory: BuildKit resolves the link inside the context (from a review)', async () => {
    const outside = context({ ign: '.git\n' })
    const dir = context({ '.git/config': header, '.dockerignore': `-> ${path.join(outside, 'ign')}` })
    const err = (await check(dir).catch((e: Error) => e)) as Error
    expect(err.message).toMatch(/^\.dockerignore is a link to .*ign, which BuildKit does not read where it points/)
    const own = context({ '.git/config': header, 'Dockerfile.dockerignore': '-> ../../etc/ignore' })
    expect(((await check(own).catch((e: Error) => e)) as Error).message).toMatch(/^Dockerfile\.dockerignore is a link to \.\.\/\.\.\/etc\/ignore/)
  })

  it('checks every local named build context too', async () => {
    const main = context({})
    const extra = context({ '.git/config': header })
    const err = await checkContextCredentials(
      [
        { dir: main, name: '.' },
        { dir: extra, name: 'shared' }
      ],
      path.dirname(extra)
    ).catch((e: Error) => e)
    expect((err as Error).message).toMatch(/^context shared: .*\.git\/config holds/)
  })
  it('fails closed where a bound stops the check (issue 33): more directories, submodule configs or config bytes than it reads', async () => {
    const dir = context({})
    for (let i = 0; i < 51; i++) fs.mkdirSync(path.join(dir, `d${i}`))
    const big = await checkContextCredentials([{ dir, name: '.' }], dir, 50).catch((e: Error) => e)
    expect((big as Error).message).toMatch(
      /^context \.: \. holds more than 50 directories that the build would send, so the check .* cannot say .*\.dockerignore/
    )
    await expect(checkContextCredentials([{ dir, name: '.' }], dir, 60)).resolves.toBeUndefined()
    // What .dockerignore excludes is not walked, so it is the fix the error names.
    fs.writeFileSync(path.join(dir, '.dockerignore'), 'd1*\nd2*\n')
    await expect(checkContextCredentials([{ dir, name: '.' }], dir, 50)).resolves.toBeUndefined()
    expect(MAX_DIRS).toBe(50_000)
    const modules = context({ '.git/config': '[core]\n' })
    for (let i = 0; i < 1001; i++) {
      fs.mkdirSync(path.join(modules, '.git', 'modules', `m${i}`), { recursive: true })
      fs.writeFileSync(path.join(modules, '.git', 'modules', `m${i}`, 'config'), '[core]\n')
    }
    expect(((await check(modules).catch((e: Error) => e)) as Error).message).toMatch(/\.git\/modules holds more than 1000 submodule configs/)
    fs.writeFileSync(path.join(modules, '.dockerignore'), '.git\n')
    await expect(check(modules)).resolves.toBeUndefined()
    const large = context({ '.git/config': '[core]\n' + '#'.repeat(1024 * 1024) + '\n' + header })
    expect(((await check(large).catch((e: Error) => e)) as Error).message).toMatch(/\.git\/config is 10\d+ bytes \(at most 1048576 are read\)/)
    for (const d of [dir, modules, large]) fs.rmSync(d, { recursive: true, force: true })
  })
  it('walks into an ignored folder when an exception could re-include what is below it', async () => {
    const err = await check(context({ 'vendor/lib/.git/config': header, '.dockerignore': 'vendor\n!vendor/lib/**\n' })).catch((e: Error) => e)
    expect((err as Error).message).toMatch(/vendor\/lib\/\.git\/config holds/)
  })
})

describe('the forms searched and masked (issue 20 review)', () => {
  it('are the runner encoders’ forms: command line, doubled quotes, XML, trimmed quotes, & sections, URL as .NET escapes it', () => {
    const forms = secretForms(`"it's&Secret9(x)"`)
    for (const f of [
      `\\"it's&Secret9(x)\\"`, // CommandLineArgumentEscape
      `"it''s&Secret9(x)"`, // ExpressionStringEscape
      '&quot;it&apos;s&amp;Secret9(x)&quot;', // XmlDataEscape
      "it's&Secret9(x)", // TrimDoubleQuotes
      `"it's&`, // PowerShellPreAmpersandEscape
      'Secret9(x)"', // PowerShellPostAmpersandEscape
      '%22it%27s%26Secret9%28x%29%22' // UriDataEscape, ' ( ) escaped as .NET does
    ])
      expect(forms, f).toContain(f)
  })
  it('the scan leaves out what matches by chance: short forms, a plain word under 16 letters, PEM armour lines', () => {
    const owners = new Map([
      ['production', 'JETS_ENV'],
      ['5432', 'DB_PORT'],
      ['-----BEGIN RSA PRIVATE KEY-----', 'KEY'],
      ['MIIEowIBAAKCAQEA1b2c3d4', 'KEY'],
      ['abcdefghijklmnopq', 'LONG_WORD'],
      ['s3cr3t-Vx7p', 'TOKEN']
    ])
    expect([...scanForms(owners).keys()]).toEqual(['MIIEowIBAAKCAQEA1b2c3d4', 'abcdefghijklmnopq', 's3cr3t-Vx7p'])
  })
})
