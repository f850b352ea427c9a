import { describe, expect, it } from 'vitest'
import { readSettings } from '../../src/inputs/settings.js'
import { formatRef } from '../../src/image/ref.js'

const ws = '/work/ws'
const settings = (inputs: Record<string, string>) => readSettings(name => inputs[name] ?? '', { GITHUB_WORKSPACE: ws })

describe('readSettings', () => {
  it('has the documented defaults', () => {
    const s = settings({})
    expect(s).toMatchObject({
      workingDirectory: ws,
      procfile: `${ws}/Procfile`,
      appJson: `${ws}/app.json`,
      herokuYml: `${ws}/heroku.yml`,
      context: ws,
      file: '',
      phases: ['predeploy', 'release'],
      entrypoint: 'auto',
      shell: '/bin/sh',
      timeoutSeconds: 3600,
      stopTimeoutSeconds: 10,
      push: false,
      firstDeploy: 'auto',
      dryRun: false,
      runArgs: []
    })
  })

  it('resolves paths under working-directory and orders phases by the table', () => {
    const s = settings({ 'working-directory': 'apps/web', procfile: 'config/Procfile', context: '..', phases: 'release\npredeploy, first-deploy' })
    expect(s.workingDirectory).toBe(`${ws}/apps/web`)
    expect(s.procfile).toBe(`${ws}/apps/web/config/Procfile`)
    expect(s.context).toBe(`${ws}/apps`)
    expect(s.phases).toEqual(['predeploy', 'release', 'first-deploy'])
  })

  it('parses lists, mappings and run-args', () => {
    const s = settings({
      tags: 'a/b:1, a/b:2\nregistry.local:5000/a/b:latest',
      'build-args': 'A=1\n# comment\nB=x,y',
      secrets: 'DATABASE_URL\nSECRET_KEY_BASE = PROD_SECRET',
      env: 'MIX_ENV=prod\nEMPTY=',
      'build-secrets': 'npm.token=NPM_TOKEN',
      'run-args': `--memory 512m --label "a=b c"`,
      timeout: '90s',
      'stop-timeout': '3'
    })
    expect(s.tags.map(formatRef)).toEqual(['a/b:1', 'a/b:2', 'registry.local:5000/a/b:latest'])
    expect(s.buildArgs).toEqual(['A=1', 'B=x,y'])
    expect(s.secrets).toEqual([
      { name: 'DATABASE_URL', source: 'DATABASE_URL' },
      { name: 'SECRET_KEY_BASE', source: 'PROD_SECRET' }
    ])
    expect(s.env).toEqual([
      { name: 'MIX_ENV', value: 'prod' },
      { name: 'EMPTY', value: '' }
    ])
    expect(s.buildSecrets).toEqual([{ name: 'npm.token', source: 'NPM_TOKEN' }])
    expect(s.runArgs).toEqual(['--memory', '512m', '--label', 'a=b c'])
    expect(s.timeoutSeconds).toBe(90)
    expect(s.stopTimeoutSeconds).toBe(3)
  })

  it.each([
    [{ timeout: '5x' }, 'timeout: "5x" is not a duration; use seconds or forms like 90s, 15m, 1h (0 for none)'],
    [{ phases: 'deploy' }, 'phases: "deploy" is not a phase; use predeploy, release, postdeploy, first-deploy'],
    [{ entrypoint: 'maybe' }, 'entrypoint: "maybe" is not one of auto, shell, exec'],
    [{ 'first-deploy': 'sometimes' }, 'first-deploy: "sometimes" is not one of auto, true, false'],
    [{ push: 'yes please' }, 'push: "yes please" is not a boolean; use true or false'],
    [{ procfile: '/etc/Procfile' }, 'procfile: "/etc/Procfile" is absolute; give a path relative to the workspace'],
    [{ 'app-json': '../../app.json' }, 'app-json: "../../app.json" resolves outside the workspace'],
    [{ 'working-directory': '../other' }, 'working-directory: "../other" resolves outside the workspace'],
    [{ 'env-files': 'a.env\n../../secrets.env' }, 'env-files: "../../secrets.env" resolves outside the workspace'],
    [{ secrets: '1BAD' }, 'secrets: "1BAD" is not a valid variable name'],
    // SPEC 11, 5.1: what follows "=" is never repeated (it was: 'secrets: "BAD-SOURCE" is not a valid variable name').
    [{ secrets: 'GOOD=BAD-SOURCE' }, 'secrets: what follows "=" for GOOD is not a variable name'],
    [{ secrets: 'A\nA=B' }, 'secrets: A is listed twice'],
    [{ env: 'NOVALUE' }, 'env: "NOVALUE" is not NAME=value'],
    [{ env: 'MY-VAR=1' }, 'env: "MY-VAR" is not a valid variable name'],
    [
      { platforms: 'linux/amd64,linux/arm64' },
      'platforms: linux/amd64, linux/arm64: the image is loaded into the local engine to run its tasks, and --load takes one platform'
    ],
    [{ tags: 'Acme/App:1' }, 'tags: "Acme/App:1" is not a valid image reference: repository names must be lower-case'],
    [{ tags: 'a b' }, 'tags: "a b" is not a valid image reference'],
    [{ 'run-args': '--label "x' }, 'run-args: unbalanced double quote'],
    [{ 'buildx-version': 'latest' }, 'buildx-version: "latest" is not an exact version such as 0.13.1'],
    [{ 'stop-timeout': '1.5' }, 'stop-timeout: use whole seconds']
  ])('rejects %j', (inputs, message) => {
    expect(() => settings(inputs)).toThrow(message)
  })
})

describe('run-args: the docker create grammar sidecar options use (issue 21)', () => {
  const get = (runArgs: string) => (n: string) => (n === 'run-args' ? runArgs : '')
  it('takes options with their values, joined or apart', () => {
    expect(readSettings(get('--memory 512m --cap-add=NET_ADMIN -t --user 1000'), { GITHUB_WORKSPACE: process.cwd() }).runArgs).toEqual([
      '--memory',
      '512m',
      '--cap-add=NET_ADMIN',
      '-t',
      '--user',
      '1000'
    ])
  })
  it.each([
    ['--memmory 512m', /run-args: --memmory is not an option of docker create \(did you mean --memory\?\)/],
    ['--init=maybe', /run-args: --init is a switch: give it alone, or with =true or =false/],
    ['--memory', /run-args: "--memory" is not an option with its value: it needs one/],
    ['--rm alpine sh', /run-args: "alpine" is not an option with its value .*run-args hold options only/]
  ])('refuses %s before any side effect', (text, message) => {
    expect(() => readSettings(get(text), { GITHUB_WORKSPACE: process.cwd() })).toThrow(message)
  })
})
