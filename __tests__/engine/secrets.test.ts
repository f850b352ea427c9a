import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, docker, errorLines, makeApp, runAction, uniqueTag, type ActionRun } from '../helpers/engine.js'

// Every awkward byte the SPEC names: newline, both quotes, $, backslash, spaces, =, non-ASCII.
const SECRET = `pa ss="w'o$rd\\n=\u00fcml\u00e4ut \u{1f511}\nsecond-line-X9q7 $(id) \`id\``
const FILE_SECRET = 'file-secret-Zk31\u00e9'
const PLAIN = 'plain-config-value'
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

/** Every regular file under a directory, as text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => path.join(e.parentPath, e.name))
    .map(file => ({ file, text: fs.readFileSync(file, 'latin1') + fs.readFileSync(file, 'utf8') }))
}

/** Every process's argv on this machine (containers' processes included: they are host processes). */
function allArgv(): string[] {
  const out: string[] = []
  for (const pid of fs.readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      out.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))
    } catch {
      // exited meanwhile
    }
  }
  return out
}

describeEngine('secrets and environment (SPEC 5)', () => {
  const tags: string[] = []
  afterAll(() => tags.forEach(t => docker('image', 'rm', '--force', t)))

  it('delivers values byte-exact and leaks them nowhere', async () => {
    const tag = uniqueTag('secrets')
    tags.push(tag)
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nENV IMAGE_VAR=from-image\n`,
      'config/release.env': `# dotenv\nexport FROM_FILE="${FILE_SECRET}"\nOVERRIDDEN=file\n`,
      'app.json': JSON.stringify({
        scripts: {
          dokku: { predeploy: 'printf %s "$DATABASE_URL" | sha256sum > /tmp/predeploy.sha; awk \'BEGIN { for (k in ENVIRON) print k }\' > /tmp/names' }
        }
      }),
      Procfile:
        'release: printf %s "$DATABASE_URL" | sha256sum; printf %s "$FROM_FILE" | sha256sum; echo "plain=$MIX_ENV over=$OVERRIDDEN"; ' +
        'echo "names=$(awk \'BEGIN { for (k in ENVIRON) print k }\' | sort | tr "\\n" " ")"; sleep 4\n'
    })
    let samples: string[] = []
    let sampler: NodeJS.Timeout | undefined
    const r: ActionRun = await runAction({
      workspace: ws,
      inputs: {
        tags: tag,
        secrets: 'DATABASE_URL=WORKFLOW_DB_URL',
        env: `MIX_ENV=${PLAIN}\nOVERRIDDEN=env`,
        'env-files': 'config/release.env'
      },
      env: { WORKFLOW_DB_URL: SECRET, UNRELATED_RUNNER_VAR: 'must-not-reach-the-task' },
      onStart: () => {
        // Sample every process's argv while the tasks run (the release sleeps 4 s).
        sampler = setInterval(() => (samples = samples.concat(allArgv().filter(a => a.includes('docker') || a.includes('sleep')))), 200)
      }
    })
    clearInterval(sampler)
    expect(r.code, r.stdout + r.stderr).toBe(0)

    // Delivered exactly.
    expect(r.stdout).toContain(`${sha(SECRET)}  -`)
    expect(r.stdout).toContain(`${sha(FILE_SECRET)}  -`)
    expect(r.stdout).toContain(`plain=${PLAIN} over=env`)
    // Only the mapped names (plus the image's ENV and what sh/docker always set) reach the task.
    const names = /^names=(.*)$/m.exec(r.stdout)![1].trim().split(' ')
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'FROM_FILE', 'MIX_ENV', 'OVERRIDDEN', 'RELEASE_PHASE', 'IMAGE_VAR']))
    expect(names).not.toContain('UNRELATED_RUNNER_VAR')
    expect(names).not.toContain('WORKFLOW_DB_URL')
    expect(samples.some(a => a.includes('sleep 4'))).toBe(true) // the sampler did see the task running

    const needles = [SECRET, ...SECRET.split('\n'), FILE_SECRET]
    const logs = (r.stdout + r.stderr)
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(r.stdout).toContain('::add-mask::second-line-X9q7')
    const image = docker('image', 'inspect', tag)
    const history = docker('history', '--no-trunc', '--format', '{{.CreatedBy}} {{.Comment}}', tag)
    const temp = filesUnder(r.runnerTemp)
    const surfaces: Record<string, string> = {
      logs,
      GITHUB_OUTPUT: JSON.stringify(r.outputs),
      GITHUB_STEP_SUMMARY: r.summary,
      'files under RUNNER_TEMP': temp.map(f => f.text).join('\n'),
      'docker image inspect': image,
      'docker history --no-trunc': history,
      'process argv': samples.join('\n'),
      'docker argv': r.dockerCalls.map(c => c.join(' ')).join('\n')
    }
    for (const [where, text] of Object.entries(surfaces)) {
      for (const needle of needles) {
        const at = text.split('\n').find(l => l.includes(needle))
        expect(at, `${JSON.stringify(needle)} found in ${where}`).toBeUndefined()
      }
    }
    // The committed image holds no passed value, and its Env is the original's.
    expect(image).not.toContain(PLAIN)
    expect(JSON.parse(image)[0].Config.Env).toEqual(JSON.parse(docker('image', 'inspect', BASE_IMAGE))[0].Config.Env.concat('IMAGE_VAR=from-image'))
    // The predeploy ran with the value (its file proves it), yet nothing of it is in the config.
    expect(docker('run', '--rm', tag, 'cat', '/tmp/predeploy.sha').trim()).toBe(`${sha(SECRET)}  -`)
    expect(docker('run', '--rm', tag, 'cat', '/tmp/names')).toContain('DATABASE_URL')
  })

  it('fails on a missing required app.json variable before buildx build is ever called', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      'app.json': JSON.stringify({ env: { DATABASE_URL: { description: 'Postgres connection URL' }, PORT: '5000', OPTIONAL: { required: false } } }),
      Procfile: 'release: true\n'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: uniqueTag('required') } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual(['::error::app.json env requires variables that no input provides: DATABASE_URL (Postgres connection URL)'])
    expect(r.dockerCalls).toEqual([])
  })

  it('lists every missing secret source in one error, before any docker call', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: true\n' })
    const r = await runAction({ workspace: ws, inputs: { secrets: 'A_MISSING\nB=B_MISSING\nPRESENT' }, env: { PRESENT: 'x' } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([
      // SPEC 11, 5.1: the source after "=" is not repeated (it was "B_MISSING (for B)").
      `::error::secrets: these variables are not set in the step's env: A_MISSING, the variable named after "=" for B` +
        ` (after "=" comes the name of a step env variable holding the value, not the value itself: put the value in the step's env: and map it by name)`
    ])
    expect(r.dockerCalls).toEqual([])
  })

  it('passes build secrets to RUN --mount=type=secret and keeps them out of the image', async () => {
    const tag = uniqueTag('buildsecret')
    tags.push(tag)
    const token = 'npm-token-Qx81-\u00df'
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nRUN --mount=type=secret,id=npm sh -c 'printf %s "$(cat /run/secrets/npm)" | sha256sum > /token.sha'\n`,
      Procfile: 'release: cat /token.sha; test ! -e /run/secrets/npm && echo no-secret-file\n'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: tag, 'build-secrets': 'npm=NPM_TOKEN' }, env: { NPM_TOKEN: token } })
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toContain(`${sha(token)}  -\nno-secret-file`)
    expect(r.dockerCalls.find(c => c[1] === 'build')).toEqual(expect.arrayContaining(['--secret', 'id=npm,env=NPM_TOKEN']))
    // SPEC 11, 5.2: build-secrets values are masked; the mask registrations are the only lines holding it.
    expect(r.stdout).toContain(`::add-mask::${token}\n`)
    const withoutMasks = r.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
    const everything = [withoutMasks, r.stderr, JSON.stringify(r.outputs), r.summary, docker('image', 'inspect', tag), docker('history', '--no-trunc', tag)]
    for (const text of everything) expect(text).not.toContain(token)
    // -xdev: the image's own filesystem, not /proc or /sys (which would block grep).
    const saved = docker('run', '--rm', tag, 'sh', '-c', 'find / -xdev -type f -exec grep -l "npm-token-Qx81" {} + 2>/dev/null || true')
    expect(saved.trim()).toBe('')
  })
})
