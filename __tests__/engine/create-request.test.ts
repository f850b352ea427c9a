import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DockerCli } from '../../src/docker/cli.js'
import { SocketCalls } from '../../src/docker/socket.js'
import { createArgv, createRequest, type TaskSpec } from '../../src/task/argv.js'
import { BASE_IMAGE, describeEngine, docker, errorLines, makeApp, runAction, taskRecord, uniqueTag } from '../helpers/engine.js'

type Inspect = Record<string, unknown> & { Config: Record<string, unknown>; HostConfig: Record<string, unknown> }

/**
 * The CLI writes an unset list or map as empty ([], {}) and no restart policy as "no", where a request
 * leaving them out is recorded as null and "": the same setting to the engine (moby's
 * RestartPolicy.IsNone is true for both), so they are compared as one.
 */
function unset(hostConfig: Record<string, unknown>): Record<string, unknown> {
  const empty = (v: unknown): boolean => v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v as object).length === 0)
  const out = Object.fromEntries(Object.entries(hostConfig).map(([k, v]) => [k, empty(v) ? '(unset)' : v]))
  const restart = hostConfig.RestartPolicy as { Name: string; MaximumRetryCount: number }
  return { ...out, RestartPolicy: { ...restart, Name: restart.Name || 'no' } }
}

/** What the engine made of a create, without what differs between any two containers (id, name, paths, times). */
function made(name: string): Record<string, unknown> {
  const [c] = JSON.parse(docker('container', 'inspect', name)) as Inspect[]
  // The CLI's variables come out of a Go map, in no fixed order.
  const { Env: env, ...config } = c.Config as { Hostname?: string; Env: string[] }
  delete config.Hostname
  const networks = (c.NetworkSettings as { Networks: Record<string, Record<string, unknown>> }).Networks
  return {
    Path: c.Path,
    Args: c.Args,
    Image: c.Image,
    Config: { ...config, Env: [...env].sort() },
    HostConfig: unset(c.HostConfig),
    Networks: Object.fromEntries(Object.entries(networks).map(([k, v]) => [k, { ...v, NetworkID: undefined, EndpointID: undefined }]))
  }
}

/**
 * Issue 22: on a local socket a task container is the action's own Engine API request instead of a
 * `docker create` process. It must be the same container: each case is created both ways from one
 * TaskSpec and the engine's records of the two compared whole.
 */
describeEngine('a task container created through the socket is the one `docker create` makes', () => {
  const cli = new DockerCli()
  const socket = new SocketCalls('/var/run/docker.sock')
  const net = `rp-create-net-${process.pid}`
  const made_: string[] = []
  let image = ''
  /** The base image with `ENV FOO=bar`, for a task variable given no value (sent bare: FOO is unset). */
  let withFoo = ''
  /** A running container whose namespace a task joins, as a sidecar's. */
  const sidecar = `rp-create-sidecar-${process.pid}`
  // Values as a task gets them: a URL, an empty one, a line break, bytes outside ASCII.
  const values = { DATABASE_URL: 'postgres://u:p@db:5432/app?sslmode=disable', EMPTY: '', PEM: 'line one\nline two', NAME: 'café ☕' }
  const vars: TaskSpec['vars'] = new Map(Object.entries(values).map(([k, v]) => [k, { value: v, secret: k !== 'NAME' }]))
  const spec = (over: Partial<TaskSpec>): TaskSpec => ({
    phase: 'release',
    image,
    invocation: { mode: 'shell', wrapped: false, args: ['/bin/sh', '-c', 'echo "$DATABASE_URL"'] },
    runId: '0123456789ab',
    network: '',
    runArgs: [],
    init: true,
    vars,
    timeoutSeconds: 0,
    stopTimeoutSeconds: 10,
    keep: false,
    ...over
  })

  beforeAll(() => {
    image = docker('image', 'inspect', '--format', '{{.Id}}', BASE_IMAGE).trim()
    docker('network', 'create', net)
    docker('run', '--detach', '--name', sidecar, BASE_IMAGE, 'sleep', '600')
    const base = docker('create', BASE_IMAGE, 'true').trim()
    withFoo = docker('commit', '--change', 'ENV FOO=bar', base).trim()
    docker('rm', base)
  })
  afterAll(() => {
    docker('rm', '--force', sidecar, ...made_)
    docker('network', 'rm', net)
    docker('image', 'rm', withFoo)
  })

  const cases: [string, Partial<TaskSpec>][] = [
    ['a shell command under --init', {}],
    ['the predeploy phase on a user network', { phase: 'predeploy', network: net }],
    ["an image's init wrapper kept, the shell as entrypoint", { invocation: { mode: 'shell', wrapped: true, entrypoint: '/bin/sh', args: ['-c', 'true'] } }],
    ['exec form without init, the image command kept', { init: false, invocation: { mode: 'exec-form', wrapped: false, args: [] } }],
    ['no variables at all', { vars: new Map() }],
    ["a sidecar's namespace", { network: `container:${sidecar}` }],
    ["the host's network", { network: 'host' }],
    ['a variable given no value unsets the image ENV of that name', { vars: new Map([['FOO', { value: '', secret: false }]]) }],
    ["the task's own TINI_KILL_PROCESS_GROUP", { vars: new Map([...vars, ['TINI_KILL_PROCESS_GROUP', { value: '0', secret: false }]]) }]
  ]
  it.each(cases)('%s', async (_what, over) => {
    const s = spec({ ...over, image: over.vars?.has('FOO') ? withFoo : image })
    const [viaCli, viaSocket] = [`rp-create-cli-${process.pid}-${made_.length}`, `rp-create-api-${process.pid}-${made_.length}`]
    made_.push(viaCli, viaSocket)
    // Every variable has its value but FOO, which neither way is given one.
    const env = { ...values, TINI_KILL_PROCESS_GROUP: '0' }
    const r = await cli.exec(createArgv(s, viaCli), { env })
    expect(r.code, r.stderr).toBe(0)
    const request = createRequest(s, viaSocket, env)!
    const a = await socket.createContainer(request)
    expect([a.code, a.stderr]).toEqual([0, ''])
    expect(a.stdout).toMatch(/^[0-9a-f]{64}\n$/)
    expect(made(viaSocket)).toEqual(made(viaCli))
    const recorded = (made(viaSocket).Config as { Env: string[] }).Env
    expect(recorded).toEqual(expect.arrayContaining(s.vars.has('PEM') ? ['PEM=line one\nline two', 'NAME=café ☕', 'EMPTY='] : []))
    if (s.vars.has('FOO')) expect(recorded).not.toContain('FOO=bar')
  })

  it("the engine's refusal reads as the CLI's", async () => {
    const s = spec({ image: 'sha256:' + '0'.repeat(64) })
    const r = await socket.createContainer(createRequest(s, `rp-create-none-${process.pid}`, values)!)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^Error response from daemon: No such image: sha256:0{64}\n$/)
    expect(r.stderr).not.toContain('postgres://')
  })
})

describeEngine('which way the action creates a task container', () => {
  const app = () => makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo "proxy=${HTTP_PROXY:-none}"\n' })
  const tags: string[] = []
  const tag = (): string => (tags.push(uniqueTag('create-way')), tags.at(-1)!)
  afterAll(() => void docker('image', 'rm', '--force', ...tags))

  it('on the local socket: no docker create process, the container made with what the plan says', async () => {
    const r = await runAction({ workspace: app(), inputs: { tags: tag(), env: 'GREETING=hi' } })
    expect(errorLines(r.stdout)).toEqual([])
    expect(r.stdout).toMatch(/^proxy=none$/m)
    expect(r.dockerCalls.filter(c => c[0] === 'create')).toEqual([])
    expect(r.dockerCalls.filter(c => c[0] === 'start').map(c => c.at(-1))).toEqual([`release-phase-${r.state['run-id']}-release`])
    expect(taskRecord(r, 'release')!.Config.Env).toEqual(expect.arrayContaining(['RELEASE_PHASE=release', 'GREETING=hi', 'TINI_KILL_PROCESS_GROUP=1']))
  })

  it("with proxies in the CLI's config.json: docker create, which gives them to the task as the CLI does", async () => {
    const config = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-proxies-'))
    fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({ proxies: { default: { httpProxy: 'http://proxy.invalid:3128' } } }))
    const r = await runAction({ workspace: app(), inputs: { tags: tag() }, env: { DOCKER_CONFIG: config } })
    expect(errorLines(r.stdout)).toEqual([])
    expect(r.stdout).toMatch(/^proxy=http:\/\/proxy\.invalid:3128$/m)
    expect(r.dockerCalls.filter(c => c[0] === 'create')).toHaveLength(1)
  })

  it('with run-args: docker create, which parses them', async () => {
    const r = await runAction({ workspace: app(), inputs: { tags: tag(), 'run-args': '--memory 64m' } })
    expect(errorLines(r.stdout)).toEqual([])
    expect(r.dockerCalls.filter(c => c[0] === 'create').map(c => c.slice(c.indexOf('--memory'), c.indexOf('--memory') + 2))).toEqual([['--memory', '64m']])
  })
})
