import * as fs from 'node:fs'
import { afterAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, docker, errorLines, makeApp, noContainerCreated, runAction, sideEffectCalls, uniqueTag } from '../helpers/engine.js'

/** Issue 10 item 5 / SPEC 11 §9: a job that finds nothing to do says so; it never reports a silent release. */
describeEngine('no silent success', () => {
  const tags: string[] = []
  const tag = (name: string) => {
    const t = uniqueTag(name)
    tags.push(t)
    return t
  }
  afterAll(() => {
    for (const t of tags) {
      try {
        docker('image', 'rm', t)
      } catch {
        // never built
      }
    }
  })

  it.each([
    ['the job forgot actions/checkout', { Dockerfile: `FROM ${BASE_IMAGE}\n` }, {}, '.'],
    [
      'working-directory is not the app',
      { Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: true\n', 'apps/web/Dockerfile': `FROM ${BASE_IMAGE}\n` },
      { 'working-directory': 'apps/web' },
      'apps/web'
    ]
  ])('%s: an error naming the folder searched, before any side effect', async (_, files, inputs, dir) => {
    const r = await runAction({ workspace: makeApp(files), inputs: { tags: tag('silent'), ...inputs } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual([
      `::error::no manifest found: none of Procfile, app.json, heroku.yml is in "${dir}" (working-directory, relative to the workspace) and release-command is empty, so there is nothing to run. Check out the repository before this step (actions/checkout), or set working-directory to the folder of the app`
    ])
    expect(sideEffectCalls(r.dockerCalls)).toEqual([])
    expect(r.outputs.released).toBe('false')
    expect(fs.readdirSync(r.runnerTemp)).toEqual([])
  })

  it('a release-command alone is enough', async () => {
    const r = await runAction({
      workspace: makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n` }),
      inputs: { tags: tag('cmd-only'), 'release-command': 'echo from-input' }
    })
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toMatch(/^from-input$/m)
    expect(r.stdout).not.toContain('::warning::')
  })

  it('manifests with no command for the requested phases: a warning and a note in the summary', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'web: httpd -f\n', 'app.json': '{"scripts":{"dokku":{"postdeploy":"echo later"}}}' })
    const since = Date.now()
    const r = await runAction({ workspace: ws, inputs: { tags: tag('idle') } })
    expect(r.code, r.stdout).toBe(0)
    const message = 'none of the requested phases (predeploy, release) has a command in Procfile, app.json: no task runs'
    expect(r.stdout.split('\n').filter(l => l.startsWith('::warning'))).toEqual([`::warning::${message}`])
    expect(r.summary).toContain('**Note:** none of the requested phases \\(predeploy, release\\) has a command in Procfile, app\\.json\\: no task runs')
    expect(r.dockerCalls.some(c => c[0] === 'create' || c[0] === 'run')).toBe(false)
    noContainerCreated(r, since)
  })
})
