import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import {
  BASE_IMAGE,
  containersOfRun,
  describeEngine,
  docker,
  errorLines,
  imageConfig,
  makeApp,
  noContainerCreated,
  runAction,
  sideEffectCalls,
  taskRecord,
  uniqueTag
} from '../helpers/engine.js'
import { SHELL_PREAMBLE } from '../../src/task/entrypoint.js'

const phases = (outputs: Record<string, string>) => JSON.parse(outputs.phases) as { phase: string; status: string; exitCode: number | null }[]

describeEngine('the action end to end on a real engine', () => {
  const tags: string[] = []
  const tag = (name: string) => {
    const t = uniqueTag(name)
    tags.push(t)
    return t
  }
  afterAll(() => {
    for (const t of tags) spawnRmi(t)
  })

  it('runs a shell command through /bin/sh when the image has no ENTRYPOINT', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo a && echo b\nweb: httpd -f\n' })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('shell') } })
    expect(r.code).toBe(0)
    // The task's output is shown between stop-commands and its random resume token (design.md §5.6).
    expect(r.stdout).toMatch(/Running release task: echo a && echo b\n::group::release output\n::stop-commands::([0-9a-f]{32})\na\nb\n\n::\1::\n::endgroup::/)
    expect(r.outputs['release-source']).toBe('Procfile')
    expect(r.outputs['release-exit-code']).toBe('0')
    expect(r.outputs.released).toBe('true')
    expect(JSON.parse(r.outputs.processes)).toEqual({ web: 'httpd -f' })
    // SPEC 11 (4.2): the command runs after Dokku's set -e / pipefail preamble, verbatim.
    expect(taskRecord(r, 'release')!.Config.Cmd).toEqual(['/bin/sh', '-c', `${SHELL_PREAMBLE}echo a && echo b`])
    expect(phases(r.outputs)).toEqual([
      expect.objectContaining({ phase: 'predeploy', status: 'skipped', exitCode: null }),
      expect.objectContaining({ phase: 'release', status: 'succeeded', exitCode: 0 })
    ])
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('passes the words of the command to a real ENTRYPOINT (Phoenix bin/my_app eval)', async () => {
    const ws = makeApp(
      {
        Dockerfile: `FROM ${BASE_IMAGE}\nWORKDIR /app\nCOPY bin /app/bin\nENTRYPOINT ["bin/my_app"]\nCMD ["start"]\n`,
        'bin/my_app': '#!/bin/sh\necho "argc=$#"\nfor a in "$@"; do echo "arg=[$a]"; done\n',
        Procfile: 'release: eval "MyApp.Release.migrate"\n'
      },
      { 'bin/my_app': 0o755 }
    )
    const r = await runAction({ workspace: ws, inputs: { tags: tag('phoenix') } })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('argc=2\narg=[eval]\narg=[MyApp.Release.migrate]\n')
    expect(r.stdout).not.toContain('arg=[start]')
    expect(r.stdout).toContain(`Running release task: eval "MyApp.Release.migrate" (as arguments of the image's ENTRYPOINT ["bin/my_app"], without a shell)\n`)
  })

  it('keeps a tini ENTRYPOINT in front of the shell', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nENTRYPOINT ["/usr/bin/tini","--"]\nCMD ["sleep","1000"]\n`,
      Procfile: 'release: echo "pid1=$(cat /proc/1/comm)" && echo sum=$((1+2))\n'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('tini') } })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('pid1=tini\nsum=3\n')
    expect(taskRecord(r, 'release')!.Config.Entrypoint).toEqual(['/usr/bin/tini', '--'])
  })

  it('commits predeploy changes into the image the release sees and the final tag, config unchanged', async () => {
    const t = tag('predeploy')
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nWORKDIR /app\nENV APP_ENV=prod\nUSER 0:0\nEXPOSE 8080\nENTRYPOINT ["/usr/bin/tini","--"]\nCMD ["/bin/sh","-c","echo serving"]\n`,
      'app.json': '{ "scripts": { "dokku": { "predeploy": "touch /app/predeploy.test" } } }',
      Procfile: 'release: test -f /app/predeploy.test && echo release-sees-predeploy\n'
    })
    // The image the action builds is removed once the predeploy commit supersedes it (issue 12): the
    // same Dockerfile built beforehand, under a tag of the test's, is the witness of its config.
    const witness = tag('predeploy-built')
    docker('buildx', 'build', '--load', '-q', '-t', witness, ws)
    const r = await runAction({ workspace: ws, inputs: { tags: t } })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('release-sees-predeploy')
    const built = JSON.parse(r.outputs.metadata)['containerimage.digest'] as string
    expect(r.outputs['image-id']).not.toBe(built)
    expect(docker('image', 'inspect', '--format', '{{.Id}}', t).trim()).toBe(r.outputs['image-id'])
    const before = imageConfig(witness)
    const after = imageConfig(t)
    for (const key of ['Env', 'Entrypoint', 'Cmd', 'WorkingDir', 'User', 'ExposedPorts']) expect(after[key], key).toEqual(before[key])
    expect(after.Labels).toEqual({ ...(before.Labels as object), 'release-phase.predeploy': 'true' })
    expect(docker('run', '--rm', '--entrypoint', '/bin/ls', t, '/app/predeploy.test').trim()).toBe('/app/predeploy.test')
    expect(docker('run', '--rm', t).trim()).toBe('serving')
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it("prints the superseded image's removal after the release task's log group, not inside it", async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nLABEL nonce=${Date.now()}-${Math.random()}\n`,
      'app.json': '{ "scripts": { "dokku": { "predeploy": "touch /predeploy.test" } } }',
      // The removal runs while the release prints; the release outlives it.
      Procfile: 'release: echo release-start; sleep 2; echo release-end\n'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('removal-line') } })
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    const open = lines.indexOf('::group::release output')
    const close = lines.indexOf('::endgroup::', open)
    const removal = lines.findIndex(l => /^(removed|kept) the image built before predeploy/.test(l))
    expect(open).toBeGreaterThan(-1)
    expect(removal, r.stdout).toBeGreaterThan(close)
  })

  it('says in plain words why the built image is kept when images are built on it', async () => {
    const dockerfile = `FROM ${BASE_IMAGE}\nRUN echo ${Date.now()}-${Math.random()} > /nonce\n`
    const ws = makeApp({ Dockerfile: dockerfile, 'app.json': '{ "scripts": { "dokku": { "predeploy": "touch /p" } } }' })
    // The same build beforehand (the action's is then cached: the same id) and a child image of it.
    const parent = tag('kept-parent')
    docker('buildx', 'build', '--load', '-q', '-t', parent, ws)
    const id = docker('image', 'inspect', '--format', '{{.Id}}', parent).trim()
    // docker commit records the parent (an earlier predeploy commit, left behind, is such a child).
    const container = docker('create', id, 'true').trim()
    docker('commit', container, tag('kept-child'))
    docker('rm', container)
    docker('image', 'rm', parent)
    const r = await runAction({ workspace: ws, inputs: { tags: tag('kept'), phases: 'predeploy' } })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.outputs.metadata)['containerimage.digest']).toBe(id)
    expect(r.stdout).toContain(`kept the image built before predeploy (${id}): other images are built on it (the engine keeps their parent)`)
    expect(r.stdout).not.toContain('Error response from daemon')
  })

  it('fails the step when the release exits 3, and later phases do not run', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      Procfile: 'release: echo migrating; exit 3\n',
      'app.json': '{ "scripts": { "dokku": { "postdeploy": "echo never" } } }'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('fail'), phases: 'postdeploy, release' } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual(['::error::release task failed with exit code 3: echo migrating; exit 3'])
    expect(r.outputs['release-exit-code']).toBe('3')
    expect(r.outputs.released).toBe('false')
    expect(phases(r.outputs).map(p => [p.phase, p.status])).toEqual([
      ['release', 'failed'],
      ['postdeploy', 'not-run']
    ])
    expect(r.stdout).not.toContain('never')
    // SPEC 11, 5.2: the command cell is escaped Markdown text in <code> (it was a backtick code span).
    expect(r.summary).toContain('| release | <code>echo migrating; exit 3</code> | failed | 3 |')
    expect(r.summary).toContain('migrating')
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('removes a failed predeploy container and commits nothing', async () => {
    const t = tag('predeploy-fails')
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      'app.json': '{"scripts":{"dokku":{"predeploy":"touch /half-done; exit 2"}}}',
      Procfile: 'release: echo never\n'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: t } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual(['::error::predeploy task failed with exit code 2: touch /half-done; exit 2'])
    expect(phases(r.outputs).map(p => [p.phase, p.status])).toEqual([
      ['predeploy', 'failed'],
      ['release', 'not-run']
    ])
    expect(r.dockerCalls.some(c => c[0] === 'commit')).toBe(false)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
    expect(r.outputs['image-id']).toBe(JSON.parse(r.outputs.metadata)['containerimage.digest'])
  })

  it('reports a task container that cannot start, and removes it', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, 'app.json': '{"scripts":{"dokku":{"predeploy":"true"}}}' })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('nostart'), 'run-args': '--entrypoint /no/such/binary' } })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::predeploy task (container could not start|failed with exit code 12[67])/)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it.each([
    ['unbalanced quotes', 'migrate "oops', '::error file=Procfile,line=1::release command: unbalanced double quote'],
    ['an unset variable', 'migrate --db $NOT_SET_ANYWHERE', '::error file=Procfile,line=1::release command: variable $NOT_SET_ANYWHERE is not set']
  ])('rejects exec mode with %s before any container starts', async (_, command, error) => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nENTRYPOINT ["/bin/echo"]\n`, Procfile: `release: ${command}\n` })
    const since = Date.now()
    const r = await runAction({ workspace: ws, inputs: { tags: tag('execerr') } })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0].startsWith(error)).toBe(true)
    expect(r.dockerCalls.some(c => c[0] === 'run' || c[0] === 'create' || c[0] === 'start')).toBe(false)
    noContainerCreated(r, since)
    expect(r.outputs.released).toBe('false')
  })

  it('expands $NAME from env and the image ENV in exec mode, keeping single quotes literal', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nENV FROM_IMAGE=img\nENTRYPOINT ["/bin/echo"]\n`,
      Procfile: "release: ${FROM_IMAGE}-$PLAIN '$PLAIN' # a comment\n"
    })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('expand'), env: 'PLAIN=cfg' } })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('img-cfg $PLAIN\n')
  })

  it('uses a pre-built image without building when phases is release', async () => {
    const pre = tag('prebuilt')
    docker('tag', BASE_IMAGE, pre)
    const ws = makeApp({ Procfile: 'release: echo from-prebuilt\n' })
    const r = await runAction({ workspace: ws, inputs: { image: pre, phases: 'release' } })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('from-prebuilt')
    expect(r.dockerCalls.some(c => c[0] === 'buildx' && c[1] === 'build')).toBe(false)
    expect(r.dockerCalls.some(c => c[0] === 'build')).toBe(false)
    expect(r.outputs.image).toBe(pre)
    expect(r.outputs.metadata).toBe('')
    expect(r.outputs['image-id']).toBe(docker('image', 'inspect', '--format', '{{.Id}}', BASE_IMAGE).trim())
  })

  it('runs a heroku.yml exec-form release command verbatim, no shell expansion', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      'heroku.yml': 'build:\n  docker:\n    web: Dockerfile\nrelease:\n  command:\n    - /bin/echo\n    - "$HOME && *"\n'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: tag('heroku') } })
    expect(r.code).toBe(0)
    expect(r.outputs['release-source']).toBe('heroku.yml')
    expect(r.stdout).toContain('$HOME && *\n')
  })

  it('builds with the inputs on the buildx argv: file, target, build-args, labels, default tags', async () => {
    const ws = makeApp({
      'docker/App.Dockerfile': `FROM ${BASE_IMAGE} AS base\nARG GREETING\nRUN echo "$GREETING" > /greeting\nFROM base AS final\nRUN echo final > /stage\nFROM base AS other\nRUN echo other > /stage\n`,
      Procfile: 'release: cat /greeting /stage\n'
    })
    const r = await runAction({
      workspace: ws,
      inputs: { file: 'docker/App.Dockerfile', target: 'final', 'build-args': 'GREETING=hello there', labels: 'org.opencontainers.image.source=mine\nteam=a' },
      env: { GITHUB_REPOSITORY: 'Acme/Web-App', GITHUB_SHA: 'abc123', GITHUB_SERVER_URL: 'https://github.com' }
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('hello there\nfinal\n')
    expect(r.outputs.tags).toBe('acme/web-app:abc123')
    tags.push('acme/web-app:abc123')
    const labels = imageConfig('acme/web-app:abc123').Labels as Record<string, string>
    expect(labels['org.opencontainers.image.source']).toBe('mine')
    expect(labels['org.opencontainers.image.revision']).toBe('abc123')
    expect(labels.team).toBe('a')
    expect(Date.parse(labels['org.opencontainers.image.created'])).toBeGreaterThan(Date.now() - 600_000)
    const build = r.dockerCalls.find(c => c[0] === 'buildx' && c[1] === 'build')!
    expect(build).toEqual(expect.arrayContaining(['--load', '--iidfile', '--metadata-file', '--target', 'final']))
    expect(build[build.length - 1]).toBe(ws)
  })

  it('runs tasks on the network input, where other services are reachable by name', async () => {
    const net = `rp-test-net-${process.pid}`
    const db = `rp-test-db-${process.pid}`
    docker('network', 'create', net)
    try {
      docker('run', '-d', '--name', db, '--network', net, BASE_IMAGE, 'sh', '-c', 'while true; do echo pong | nc -l -p 7000; done')
      const ws = makeApp({
        Dockerfile: `FROM ${BASE_IMAGE}\n`,
        Procfile: `release: for i in 1 2 3 4 5; do nc ${db} 7000 </dev/null && exit 0; sleep 1; done; exit 1\n`
      })
      const r = await runAction({ workspace: ws, inputs: { tags: tag('network'), network: net } })
      expect(r.code, r.stdout).toBe(0)
      expect(r.stdout).toMatch(/^pong$/m)
      expect(taskRecord(r, 'release')!.HostConfig.NetworkMode).toBe(net)
    } finally {
      docker('rm', '--force', db)
      docker('network', 'rm', net)
    }
  })

  it('removes leftover containers of the run in the post step, and is safe without a main run', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: true\n' })
    // SPEC 11 (post): only a run id and a temp dir of the shape main makes are acted on (they were free-form).
    const runId = randomBytes(6).toString('hex')
    docker('create', '--label', `release-phase.run=${runId}`, BASE_IMAGE, 'true')
    const tempDir = fs.mkdtempSync(path.join(ws, 'release-phase-'))
    const post = await runAction({ workspace: ws, post: { state: { 'run-id': runId, 'temp-dir': tempDir }, runnerTemp: ws } })
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/release-phase cleanup removed: container [0-9a-f]+; temporary directory/)
    expect(containersOfRun(runId)).toEqual([])
    expect(fs.existsSync(tempDir)).toBe(false)
    const empty = await runAction({ workspace: ws, post: { state: {}, runnerTemp: ws } })
    expect(empty.code).toBe(0)
    expect(empty.stdout).toContain('nothing left behind')
    expect(sideEffectCalls(empty.dockerCalls)).toEqual([])
  })
})

function spawnRmi(t: string): void {
  try {
    docker('image', 'rm', '--force', t)
  } catch {
    // already gone
  }
}
