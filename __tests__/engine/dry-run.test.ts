import { afterAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, docker, errorLines, makeApp, runAction, sideEffectCalls, uniqueTag } from '../helpers/engine.js'

describeEngine('dry-run (SPEC 10)', () => {
  const phoenix = uniqueTag('dry-phoenix')
  afterAll(() => docker('image', 'rm', '--force', phoenix))

  it('plans a plain app without building, running or pushing anything', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      Procfile: 'web: httpd\nrelease: bin/migrate --all\n',
      'app.json': '{"scripts":{"dokku":{"predeploy":"bin/assets"}}}'
    })
    const r = await runAction({
      workspace: ws,
      inputs: { 'dry-run': 'true', tags: 'registry.local:5000/app:v1', push: 'true', secrets: 'DATABASE_URL', env: 'MODE=prod' },
      env: { DATABASE_URL: 'postgres://user:dry-run-pw-8s@db/app' }
    })
    expect(r.code, r.stdout).toBe(0)
    expect(sideEffectCalls(r.dockerCalls)).toEqual([])
    const plan = JSON.parse(r.outputs.plan)
    expect(plan.build.argv.slice(0, 4)).toEqual(['docker', 'buildx', 'build', '--load'])
    // The build names the image for the run only; the tags move once the release passed (issue 33).
    expect(plan.build.argv).toEqual(expect.arrayContaining(['--tag', 'release-phase/run-<run-id>:image']))
    expect(plan.tags).toEqual(['registry.local:5000/app:v1'])
    expect(plan.phases).toEqual([
      expect.objectContaining({
        phase: 'predeploy',
        command: 'bin/assets',
        source: 'app.json',
        willRun: true,
        entrypointMode: 'auto: decided by the built image ENTRYPOINT'
      }),
      expect.objectContaining({ phase: 'release', command: 'bin/migrate --all', source: 'Procfile', willRun: true })
    ])
    expect(plan.variables).toEqual({ secret: ['DATABASE_URL'], plain: ['MODE'] })
    expect(plan.push).toEqual({ tags: ['registry.local:5000/app:v1'] })
    expect(r.stdout).toContain('Dry run: nothing is built, run or pushed.')
    const withoutMasks = r.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
    for (const text of [withoutMasks, r.outputs.plan, r.summary]) expect(text).not.toContain('dry-run-pw-8s')
    expect(r.outputs.released).toBe('false')
  })

  it('knows the exec mode of a pre-built Phoenix-style image and shows the exact argv', async () => {
    // A pre-built image with a real ENTRYPOINT, built without the action.
    const ws0 = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nENTRYPOINT ["bin/my_app"]\nCMD ["start"]\n` })
    docker('buildx', 'build', '--load', '--quiet', '--tag', phoenix, ws0)
    const ws = makeApp({ Procfile: 'release: eval "MyApp.Release.migrate"\n' })
    const r = await runAction({ workspace: ws, inputs: { 'dry-run': 'true', image: phoenix, phases: 'release', env: 'MIX_ENV=prod' } })
    expect(r.code, r.stdout).toBe(0)
    expect(sideEffectCalls(r.dockerCalls)).toEqual([])
    const plan = JSON.parse(r.outputs.plan)
    const id = docker('image', 'inspect', '--format', '{{.Id}}', phoenix).trim()
    expect(plan.build).toBeNull()
    expect(plan.phases[0]).toEqual({
      phase: 'release',
      command: 'eval "MyApp.Release.migrate"',
      source: 'Procfile',
      willRun: true,
      entrypointMode: 'exec',
      argv: [
        'docker',
        'create',
        '--name',
        'release-phase-<run-id>-release',
        '--label',
        'release-phase.run=<run-id>',
        '--label',
        'release-phase.phase=release',
        // SPEC 11 (4.1): under docker's init, which signals the task's whole process group.
        '--init',
        '-e',
        'TINI_KILL_PROCESS_GROUP=1',
        '-e',
        'RELEASE_PHASE=release',
        '-e',
        'MIX_ENV',
        id,
        'eval',
        'MyApp.Release.migrate'
      ]
    })
  })

  it('reports invalid manifests with the same errors as a real run', async () => {
    const files = { Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: a\nrelease: b\n' }
    const dry = await runAction({ workspace: makeApp(files), inputs: { 'dry-run': 'true' } })
    const real = await runAction({ workspace: makeApp(files) })
    expect(dry.code).toBe(1)
    expect(errorLines(dry.stdout)).toEqual(['::error file=Procfile,line=2::Procfile process "release" is defined twice (first on line 1)'])
    expect(errorLines(dry.stdout)).toEqual(errorLines(real.stdout))
    expect(dry.dockerCalls).toEqual([])
  })

  it('raises exec-mode errors in a dry run when the image is known', async () => {
    const ws = makeApp({ Procfile: 'release: eval "unbalanced\n' })
    docker('image', 'inspect', phoenix)
    const r = await runAction({ workspace: ws, inputs: { 'dry-run': 'true', image: phoenix, phases: 'release' } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([
      '::error file=Procfile,line=1::release command: unbalanced double quote (entrypoint: auto passes the command\'s words, without a shell, to the image\'s ENTRYPOINT ["bin/my_app"], as Dokku does)'
    ])
  })
})
