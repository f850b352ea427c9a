import { describe, expect, it } from 'vitest'
import { parseSidecars, resolveSidecars, sidecarSecretValues } from '../../src/sidecars/spec.js'
import { strayWord } from '../../src/task/create-args.js'
import { sidecarArgv } from '../../src/sidecars/argv.js'
import { RedactingLines } from '../../src/relay.js'
import { sidecarSummary } from '../../src/sidecars/summary.js'
import { readSettings } from '../../src/inputs/settings.js'
import type { TaskEnv } from '../../src/secrets.js'

const ctx = { network: '', runArgs: [] as string[] }
const parse = (text: string, c = ctx) => parseSidecars(text, c)
const err = (text: string, c = ctx) => {
  try {
    parse(text, c)
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('no error')
}

describe('parseSidecars', () => {
  it('is empty without the input', () => {
    expect(parse('')).toEqual([])
    expect(parse('  \n')).toEqual([])
  })

  it('reads the list form with every key', () => {
    const [db, proxy] = parse(`
- name: db
  image: postgres:16
  env: [POSTGRES_DB=app, DATABASE_URL]
  secrets: [POSTGRES_PASSWORD=DB_PASSWORD, TOKEN]
  ready: { tcp: 5432, timeout: 90s }
- name: proxy
  image: registry.example/proxy@sha256:${'a'.repeat(64)}
  command: --port 6432 'instance name'
  options: --tmpfs /data --user 1000
`)
    expect(db).toEqual({
      name: 'db',
      image: 'postgres:16',
      literals: [{ name: 'POSTGRES_DB', value: 'app' }],
      fromTask: ['DATABASE_URL'],
      secrets: [
        { name: 'POSTGRES_PASSWORD', source: 'DB_PASSWORD' },
        { name: 'TOKEN', source: 'TOKEN' }
      ],
      options: [],
      ready: { tcp: [5432], timeoutSeconds: 90 }
    })
    expect(proxy.command).toEqual(['--port', '6432', 'instance name'])
    expect(proxy.options).toEqual(['--tmpfs', '/data', '--user', '1000'])
    expect(proxy.ready).toBeUndefined()
  })

  it('reads the mapping form, env as a mapping (no value: from the task), exec-form commands, several ports', () => {
    const [db] = parse(`
db:
  image: pg
  command: ["postgres", "-c", "fsync=off"]
  env:
    PGPORT: 5432
    FLAG: true
    DATABASE_URL:
  ready: { tcp: [5432, 6432] }
`)
    expect(db.name).toBe('db')
    expect(db.command).toEqual(['postgres', '-c', 'fsync=off'])
    expect(db.literals).toEqual([
      { name: 'PGPORT', value: '5432' },
      { name: 'FLAG', value: 'true' }
    ])
    expect(db.fromTask).toEqual(['DATABASE_URL'])
    expect(db.ready).toEqual({ tcp: [5432, 6432], timeoutSeconds: 30 })
  })

  it('reports errors with their line and column in the input', () => {
    expect(err('- name: db\n  image: pg\n  ready: {tcp: 99999}\n')).toBe('sidecars: line 3, column 16: db: ready.tcp: 99999 is not a TCP port (1-65535)')
    expect(err('- name: db\n  image: pg\n  readiness: {tcp: 1}\n')).toBe(
      'sidecars: line 3, column 3: db: unknown key readiness; the keys are name, image, command, env, secrets, options, ready'
    )
    expect(err('- name: db\n')).toBe('sidecars: line 1, column 3: db: image is required')
    expect(err('- image: pg\n')).toBe('sidecars: line 1, column 3: sidecar 1: name is required (it names the container and the log group)')
    expect(err('db: [1]\n')).toBe('sidecars: line 1, column 5: db: must be a mapping with at least image')
    expect(err('just text')).toMatch(/^sidecars: line 1, column 1: give a list of sidecars/)
    expect(err('- name: db\n  image: pg\n  ready: {tcp: 1, timeout: soon}\n')).toMatch(
      /^sidecars: line 3, column 28: db: ready.timeout: "soon" is not a duration/
    )
    expect(err('- {name: db, image: pg}\n- {name: DB, image: pg}\n')).toBe('sidecars: two sidecars are named DB')
    expect(err('- name: db\n  image: pg\n  image: other\n')).toMatch(/^sidecars: line 3, column 3: not valid YAML: Map keys must be unique/)
    expect(err('- [unclosed\n')).toMatch(/^sidecars: line 2, column 1: not valid YAML/)
  })

  it('refuses names, images and variable names that would reach docker as something else', () => {
    expect(err('- {name: "a b", image: pg}')).toMatch(/name must be letters, digits/)
    expect(err('- {name: db, image: "--privileged"}')).toMatch(/db: image "--privileged" is not an image reference/)
    expect(err('- {name: db, image: pg, env: [DOCKER_HOST=tcp://evil]}')).toMatch(/DOCKER_HOST is a name the docker CLI reads/)
    expect(err('- {name: db, image: pg, secrets: [HOME]}')).toMatch(/HOME is a name the docker CLI reads/)
    expect(err('- {name: db, image: pg, env: ["1X=a"]}')).toMatch(/"1X" is not a valid variable name/)
    expect(err('- {name: db, image: pg, env: [A=1], secrets: [A]}')).toMatch(/A is given twice/)
    expect(err('- {name: db, image: pg, secrets: ["A=not valid"]}')).toMatch(/the source of A is not a valid variable name/)
  })

  it('refuses options the action owns or that break the shared namespace', () => {
    expect(err('- {name: db, image: pg, options: "--network=host"}')).toMatch(/db: options cannot set --network/)
    expect(err('- {name: db, image: pg, options: "-p5432:5432"}')).toMatch(/options cannot set -p/)
    expect(err('- {name: db, image: pg, options: "-e SECRET=x"}')).toMatch(/options cannot set -e/)
    expect(err('- {name: db, image: pg, options: "--label release-phase.run=x"}')).toMatch(/options cannot set --label/)
    expect(parse('- {name: db, image: pg, options: "--pids-limit 10"}')[0].options).toEqual(['--pids-limit', '10'])
  })

  it('finds an owned flag inside a group of boolean short flags, as the CLI reads it', () => {
    expect(err('- {name: db, image: pg, options: "-tp 80:80"}')).toMatch(/options cannot set -p/)
    expect(err('- {name: db, image: pg, options: "-itP"}')).toMatch(/options cannot set -P/)
    expect(err('- {name: db, image: pg, options: "-ie X=1"}')).toMatch(/options cannot set -e/)
    // After a flag that takes a value, the rest of the word is that value.
    expect(parse('- {name: db, image: pg, options: "-uhp"}')[0].options).toEqual(['-uhp'])
    expect(parse('- {name: db, image: pg, options: "-it"}')[0].options).toEqual(['-it'])
  })

  it('refuses run-args that conflict with the task joining the namespace, and probes on network none', () => {
    expect(err('- {name: db, image: pg}', { network: '', runArgs: ['--publish', '80:80'] })).toBe(
      "run-args: --publish cannot be used with sidecars: the task joins the first sidecar's network namespace"
    )
    expect(parse('', { network: '', runArgs: ['-p', '1:1'] })).toEqual([])
    expect(err('- {name: db, image: pg, ready: {tcp: 1}}', { network: 'none', runArgs: [] })).toMatch(/network "none" has none/)
  })

  it('is kept as text by readSettings, for the parser main.ts loads only when sidecars are given', () => {
    // Parse errors still come before any side effect: the bad-input engine corpus runs them through the bundle.
    const s = readSettings(n => ({ sidecars: '- {name: db, image: pg}', 'run-args': '--init' })[n] ?? '', { GITHUB_WORKSPACE: '/ws' })
    expect(parseSidecars(s.sidecars, { network: s.network, runArgs: s.runArgs }).map(x => x.name)).toEqual(['db'])
    expect(readSettings(() => '', { GITHUB_WORKSPACE: '/ws' }).sidecars).toBe('')
  })
})

describe('resolveSidecars', () => {
  const task: TaskEnv = new Map([
    ['DATABASE_URL', { value: 'postgres://u:pw@localhost/app', secret: true }],
    ['PLAIN', { value: 'p', secret: false }]
  ])
  it('takes literals, task variables by name (keeping secrecy) and step env secrets', () => {
    const [db] = resolveSidecars(parse('- {name: db, image: pg, env: [A=1, DATABASE_URL, PLAIN], secrets: [PW=DB_PW]}'), task, { DB_PW: 's3cret' })
    expect([...db.vars]).toEqual([
      ['A', { value: '1', secret: false }],
      ['DATABASE_URL', { value: 'postgres://u:pw@localhost/app', secret: true }],
      ['PLAIN', { value: 'p', secret: false }],
      ['PW', { value: 's3cret', secret: true }]
    ])
    expect(sidecarSecretValues([db])).toEqual([
      { name: 'sidecar db: DATABASE_URL', value: 'postgres://u:pw@localhost/app' },
      { name: 'sidecar db: PW', value: 's3cret' }
    ])
  })
  it('names every missing or empty source at once, never a value', () => {
    const specs = parse('- {name: db, image: pg, env: [NOPE], secrets: [PW=DB_PW, EMPTY]}')
    expect(() => resolveSidecars(specs, task, { EMPTY: '' })).toThrow(
      "sidecars: db: env NOPE is not one of the task's variables (secrets, env, env-files, secrets-dotenv, app.json env); " +
        'db: secrets: the variable named after "=" for PW is not set in the step\'s env; ' +
        'db: secrets: EMPTY is set but empty in the step\'s env (an unset repository secret expands to "")'
    )
  })
})

describe('sidecarArgv', () => {
  it('puts names only on the argv, the network and options before the image, the command after it', () => {
    const [sc] = resolveSidecars(parse('- {name: db, image: pg, command: "a b", options: "--tmpfs /d", secrets: [PW]}'), new Map(), {
      PW: 'value-never-on-argv'
    })
    const argv = sidecarArgv(sc, 'c1', 'run1', 'release', 'container:c0')
    expect(argv).toEqual([
      'create',
      '--name',
      'c1',
      '--label',
      'release-phase.run=run1',
      '--label',
      'release-phase.phase=release',
      '--label',
      'release-phase.sidecar=db',
      '--network',
      'container:c0',
      '--tmpfs',
      '/d',
      '-e',
      'PW',
      'pg',
      'a',
      'b'
    ])
    expect(argv.join(' ')).not.toContain('value-never-on-argv')
  })
})

describe('sidecarSummary', () => {
  it('names each sidecar with its readiness time, escaped and redacted', () => {
    const md = sidecarSummary(
      [
        { phase: 'release', name: 'db', image: 'pg|x<b>', status: 'ready', readySeconds: 1.234, exitCode: null },
        { phase: 'release', name: 'proxy', image: 'p', status: 'exited', readySeconds: null, exitCode: 3, tail: 'token=s3cret\n```' }
      ],
      ['s3cret']
    ).join('\n')
    expect(md).toContain('| release | db | pg\\|x&lt;b&gt; | ready | 1.2s |')
    expect(md).toContain('| release | proxy | p | exited with code 3 |  |')
    expect(md).toContain('token=***')
    expect(md).not.toContain('s3cret')
    expect(md).toContain('````text\ntoken=***\n```\n````')
    expect(sidecarSummary([], [])).toEqual([])
  })
})

describe('image references', () => {
  it('accept tags and digests, refuse what is not a reference', () => {
    expect(parse('- {name: db, image: "ghcr.io/acme/pg:16.1-alpine@sha256:abc"}')[0].image).toBe('ghcr.io/acme/pg:16.1-alpine@sha256:abc')
    expect(err('- {name: db, image: "pg##[error]x"}')).toMatch(/is not an image reference/)
  })
})

describe('RedactingLines: a line too long to hold is cut, never inside a secret', () => {
  const run = (chunks: string[], secrets: string[], max: number): string => {
    let out = ''
    const lines = new RedactingLines(secrets, t => (out += t), max)
    for (const c of chunks) lines.push(Buffer.from(c))
    lines.end()
    return out
  }
  it('keeps a secret whole when the cut would fall inside it', () => {
    // 8 x's then the secret: the 12-character limit would cut after "SEC".
    const out = run(['xxxxxxxxSEC', 'RET-42 tail\n'], ['SECRET-42'], 10)
    expect(out).not.toMatch(/SEC|RET-42/)
    expect(out.replace(/\n/g, '')).toBe('xxxxxxxx*** tail')
  })
  it('keeps back a possible beginning of a secret at the end of a chunk', () => {
    const out = run(['xxxxxxxxxxxxS', 'ECRET-42\n'], ['SECRET-42'], 10)
    expect(out.replace(/\n/g, '')).toBe('xxxxxxxxxxxx***')
  })
  it('still cuts a long line without secrets', () => {
    expect(run(['a'.repeat(25), 'b\n'], [], 10)).toBe(`${'a'.repeat(25)}\nb\n`)
  })
})

describe('sidecar options: every word is an option or its value', () => {
  it('accepts flags with their values, joined or apart, and boolean flags alone', () => {
    expect(strayWord(['--user', '1000', '--init', '-it', '-u1000', '--tmpfs=/data', '-itu', '0', '--read-only'])).toBeUndefined()
  })
  it('finds the word docker would read as the image', () => {
    expect(strayWord(['--init', 'postgres'])).toBe('postgres')
    expect(strayWord(['--'])).toBe('--')
    expect(strayWord(['-it', 'x'])).toBe('x')
  })
  it('finds a value-taking flag at the end, which would take the next word of the argv', () => {
    expect(strayWord(['--user'])).toBe('--user')
    expect(strayWord(['-itu'])).toBe('-itu')
  })
})

describe('sidecar options: every flag is one docker create has (checked before the build)', () => {
  it('names a misspelt or unknown flag, with the nearest known one when close', () => {
    expect(err('- {name: db, image: pg, options: "--memroy 512m"}')).toMatch(
      /^sidecars: line 1, column \d+: db: options: --memroy is not an option of docker create \(did you mean --memory\?\)$/
    )
    expect(err('- {name: db, image: pg, options: "--shm-size=64m --no-such-flag"}')).toMatch(/--no-such-flag is not an option of docker create$/)
    expect(err('- {name: db, image: pg, options: "-iZ"}')).toMatch(/-Z is not an option of docker create/)
  })
  it('accepts every known form: long with = or apart, booleans, short groups and joined values, hidden aliases', () => {
    const ok = '--shm-size=256m --health-cmd pg_isready --init -it -u1000 -m 1g --tmpfs /run --dns-opt ndots:1 --read-only'
    expect(parse(`- {name: db, image: pg, options: "${ok}"}`)[0].options).toEqual(ok.split(' '))
    // A value that looks like a flag is a value: `--entrypoint --foo` sets the entrypoint to --foo.
    expect(parse('- {name: db, image: pg, options: "--entrypoint --foo"}')[0].options).toEqual(['--entrypoint', '--foo'])
  })
})

describe("the docker create option table matches the CLI's own help", () => {
  it('lists every option `docker create --help` shows, with its alias and whether it takes a value', async () => {
    const { spawnSync } = await import('node:child_process')
    const { CREATE_OPTIONS, HIDDEN_OPTIONS } = await import('../../src/task/create-args.js')
    const help = spawnSync('docker', ['create', '--help'], { encoding: 'utf8' })
    if (help.error || help.status !== 0) {
      // Under CI the docker CLI is always there: its absence is a failure, not a skip.
      if (process.env.CI === 'true') throw new Error(`docker create --help did not run: ${help.error?.message ?? help.stderr}`)
      return
    }
    const fromHelp: Record<string, { short?: string; value: boolean }> = {}
    for (const line of help.stdout.split('\n')) {
      const m = /^\s+(?:-([a-zA-Z]), )?(--[a-z0-9-]+)(?: ([a-z][a-z0-9-]*))?(?:\s|$)/.exec(line)
      if (m) fromHelp[m[2]] = { ...(m[1] ? { short: m[1] } : {}), value: m[3] !== undefined }
    }
    const table = Object.fromEntries(Object.entries(CREATE_OPTIONS).filter(([k]) => !HIDDEN_OPTIONS.includes(k)))
    expect(Object.keys(fromHelp).length).toBeGreaterThan(80)
    expect(table).toEqual(fromHelp)
  })
  it('accepts each hidden alias the table allows (the CLI parses the flags before --help, touching no engine)', async () => {
    const { spawnSync } = await import('node:child_process')
    const { HIDDEN_OPTIONS } = await import('../../src/task/create-args.js')
    const parses = (flag: string) => spawnSync('docker', ['create', `${flag}=x`, '--help'], { encoding: 'utf8' })
    const control = parses('--no-such-flag')
    if (control.error) {
      if (process.env.CI === 'true') throw new Error(`docker did not run: ${control.error.message}`)
      return
    }
    expect(control.status).not.toBe(0) // an unknown flag fails here, so a pass below means the CLI read it
    for (const flag of HIDDEN_OPTIONS) expect(parses(flag).status, flag).toBe(0)
  })
})

describe('sidecar options: a flag that takes a value is given one', () => {
  it('names the flag and what to do, not "put the image in image"', () => {
    for (const o of ['--user', '--memory', '--shm-size 64m --tmpfs', '-itu', '-m']) {
      expect(err(`- {name: db, image: pg, options: "${o}"}`)).toMatch(
        new RegExp(
          `^sidecars: line 1, column \\d+: db: options: "${o.split(' ').pop()}" is not an option with its value: it needs one, as its next word or after "="$`
        )
      )
    }
    // A stray word that is not a flag keeps the image hint.
    expect(err('- {name: db, image: pg, options: "--init postgres"}')).toMatch(/"postgres" is not an option with its value \(docker would read/)
  })
})

describe('sidecar options: a switch takes only a boolean value, as the CLI parses it', () => {
  it('accepts --flag, --flag=true/false and -t=false (the CLI reads all of them)', () => {
    const ok = '--init=false --read-only=true -t=false -it=0 --privileged=False'
    expect(parse(`- {name: db, image: pg, options: "${ok}"}`)[0].options).toEqual(ok.split(' '))
  })
  it('refuses a switch given a non-boolean value, long or short, before any Docker side effect', () => {
    expect(err('- {name: db, image: pg, options: "--init=maybe"}')).toMatch(
      /^sidecars: line 1, column \d+: db: options: --init is a switch: give it alone, or with =true or =false$/
    )
    expect(err('- {name: db, image: pg, options: "--read-only="}')).toMatch(/db: options: --read-only is a switch/)
    expect(err('- {name: db, image: pg, options: "-it=yes"}')).toMatch(/db: options: -t is a switch/)
    expect(err('- {name: db, image: pg, options: "-t="}')).toMatch(/db: options: -t is a switch/)
  })
})
