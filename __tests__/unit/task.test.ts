import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliShapesCreate } from '../../src/docker/cli.js'
import { initArgs, createArgv, createRequest, type TaskSpec } from '../../src/task/argv.js'

describe('initArgs (SPEC 11 4.1)', () => {
  const inv = (wrapped: boolean) => ({ mode: 'shell' as const, wrapped, args: [] })
  it('docker init and group signalling by default; the image wrapper instead of --init; nothing when off', () => {
    expect(initArgs({ init: true, invocation: inv(false) })).toEqual(['--init', '-e', 'TINI_KILL_PROCESS_GROUP=1'])
    expect(initArgs({ init: true, invocation: inv(true) })).toEqual(['-e', 'TINI_KILL_PROCESS_GROUP=1'])
    expect(initArgs({ init: false, invocation: inv(false) })).toEqual([])
  })
})

describe('createRequest: the Engine API body of the container createArgv describes (design.md §4.2)', () => {
  const spec = (over: Partial<TaskSpec> = {}): TaskSpec => ({
    phase: 'release',
    image: 'sha256:abc',
    invocation: { mode: 'shell', wrapped: false, args: ['/bin/sh', '-c', 'migrate'] },
    runId: '0123456789ab',
    network: '',
    runArgs: [],
    init: true,
    vars: new Map([
      ['DATABASE_URL', { value: 'postgres://u:p@db/app', secret: true }],
      ['EMPTY', { value: '', secret: false }]
    ]),
    timeoutSeconds: 0,
    stopTimeoutSeconds: 10,
    keep: false,
    ...over
  })
  const values = { DATABASE_URL: 'postgres://u:p@db/app', EMPTY: '' }

  it("holds the argv's words: name, labels, init, the variables with their values, command", () => {
    const s = spec()
    expect(createArgv(s, 'c')).toEqual([
      ...['create', '--name', 'c', '--label', 'release-phase.run=0123456789ab', '--label', 'release-phase.phase=release'],
      ...['--init', '-e', 'TINI_KILL_PROCESS_GROUP=1', '-e', 'RELEASE_PHASE=release', '-e', 'DATABASE_URL', '-e', 'EMPTY'],
      ...['sha256:abc', '/bin/sh', '-c', 'migrate']
    ])
    expect(createRequest(s, 'c', values)).toEqual({
      name: 'c',
      body: {
        Image: 'sha256:abc',
        Cmd: ['/bin/sh', '-c', 'migrate'],
        Env: ['TINI_KILL_PROCESS_GROUP=1', 'RELEASE_PHASE=release', 'DATABASE_URL=postgres://u:p@db/app', 'EMPTY='],
        Labels: { 'release-phase.run': '0123456789ab', 'release-phase.phase': 'release' },
        AttachStdout: true,
        AttachStderr: true,
        HostConfig: { Init: true }
      }
    })
  })

  it('an entrypoint override, a network, an image wrapper, no init; a name without a value is sent bare, as the CLI sends it', () => {
    const wrapped = spec({ invocation: { mode: 'shell', wrapped: true, entrypoint: '/bin/bash', args: ['-c', 'x'] }, network: 'container:db' })
    expect(createRequest(wrapped, 'c', { DATABASE_URL: 'v' })!.body).toMatchObject({
      Entrypoint: ['/bin/bash'],
      Cmd: ['-c', 'x'],
      Env: ['TINI_KILL_PROCESS_GROUP=1', 'RELEASE_PHASE=release', 'DATABASE_URL=v', 'EMPTY'],
      HostConfig: { NetworkMode: 'container:db' }
    })
    expect(createRequest(wrapped, 'c', values)!.body).not.toHaveProperty('NetworkingConfig')
    expect(createRequest(wrapped, 'c', values)!.body.HostConfig).not.toHaveProperty('Init')
    const off = createRequest(spec({ init: false, invocation: { mode: 'exec-form', wrapped: false, args: [] } }), 'c', values)!.body
    expect([off.Env[0], off.HostConfig, 'Cmd' in off]).toEqual(['RELEASE_PHASE=release', {}, false])
  })

  it("one entry per name, the task's own TINI_KILL_PROCESS_GROUP winning over the action's, as with the CLI", () => {
    const own = spec({ vars: new Map([['TINI_KILL_PROCESS_GROUP', { value: '0', secret: false }]]) })
    expect(createRequest(own, 'c', { TINI_KILL_PROCESS_GROUP: '0' })!.body.Env).toEqual(['TINI_KILL_PROCESS_GROUP=0', 'RELEASE_PHASE=release'])
  })

  it('none with run-args: only the CLI parses all of its options', () => {
    expect(createRequest(spec({ runArgs: ['--memory', '512m'] }), 'c', values)).toBeUndefined()
  })
})

describe('cliShapesCreate: when only docker create makes the container the CLI would (ADR 0013)', () => {
  const configDir = (text?: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-cli-config-'))
    if (text !== undefined) fs.writeFileSync(path.join(dir, 'config.json'), text)
    return dir
  }
  it('proxies in config.json, in any case of the key, as Go reads it', () => {
    expect(cliShapesCreate({ DOCKER_CONFIG: configDir('{"proxies":{"default":{"httpProxy":"http://p:3128"}}}') })).toBe('proxies in config.json')
    expect(cliShapesCreate({ DOCKER_CONFIG: configDir('{"Proxies":{}}') })).toBe('proxies in config.json')
  })
  it('the platform or API version the CLI would send', () => {
    expect(cliShapesCreate({ DOCKER_CONFIG: configDir(), DOCKER_DEFAULT_PLATFORM: 'linux/arm64' })).toBe('DOCKER_DEFAULT_PLATFORM')
    expect(cliShapesCreate({ DOCKER_CONFIG: configDir(), DOCKER_API_VERSION: '1.41' })).toBe('DOCKER_API_VERSION')
  })
  it('nothing: no config, an empty or unreadable one, other keys', () => {
    for (const text of [undefined, '{}', 'not json', '[]', 'null', '{"auths":{},"currentContext":"default"}']) {
      expect(cliShapesCreate({ DOCKER_CONFIG: configDir(text) }), String(text)).toBeUndefined()
    }
  })
})
