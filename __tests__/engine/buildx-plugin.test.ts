import { spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { BASE_IMAGE, REAL_DOCKER, containersOfRun, describeEngine, docker, errorLines, makeApp, runAction } from '../helpers/engine.js'
import { REAL_PATH, recordingPlugin } from '../helpers/buildx-plugin.js'

describeEngine('buildx started as the CLI starts a plugin (ADR 0014, issue 22)', () => {
  const app = () => makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo built > /proof\n`, Procfile: 'release: cat /proof\n' })

  it('with the docker CLI itself on PATH, the build is one start of the plugin, with the variable the CLI sets', async () => {
    const plugin = recordingPlugin()
    const r = await runAction({ workspace: app(), path: REAL_PATH, inputs: { tags: 'rp-test/plugin:1' }, env: { DOCKER_CONFIG: plugin.config } })
    expect(r.code, r.output).toBe(0)
    expect(r.stdout).toMatch(/^built$/m)
    const starts = plugin.starts()
    expect(starts).toHaveLength(1)
    expect(starts[0].slice(0, 3)).toEqual(['buildx', 'build', '--load'])
    expect(starts[0].at(-1)).toBe(`ORIGINAL=${REAL_DOCKER}`)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('through a wrapper script named docker, the CLI starts it (its check, then the build)', async () => {
    const plugin = recordingPlugin()
    const r = await runAction({ workspace: app(), inputs: { tags: 'rp-test/plugin:2' }, env: { DOCKER_CONFIG: plugin.config } })
    expect(r.code, r.output).toBe(0)
    expect(r.dockerCalls.filter(c => c[0] === 'buildx').map(c => c.slice(0, 2))).toEqual([['buildx', 'build']])
    const starts = plugin.starts().map(s => s[0])
    expect(starts).toEqual(['docker-cli-plugin-metadata', 'buildx'])
  })

  it('a build started without the CLI, cancelled, ends at once and leaves no build step running', async () => {
    const marker = `sleep ${4000 + Math.floor(Math.random() * 999)}`
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN ${marker}\n`, Procfile: 'release: true\n' })
    const running = (): boolean => spawnSync('pgrep', ['-f', `^${marker}$`]).status === 0
    let sentAt = 0
    const plugin = recordingPlugin()
    const r = await runAction({
      workspace: ws,
      path: REAL_PATH,
      env: { DOCKER_CONFIG: plugin.config },
      inputs: { tags: 'rp-test/plugin:3', 'no-cache': 'true' },
      onStart: child => {
        const poll = setInterval(() => {
          if (!running()) return
          clearInterval(poll)
          sentAt = Date.now()
          child.kill('SIGTERM')
        }, 100)
        child.on('close', () => clearInterval(poll))
      }
    })
    expect(sentAt).toBeGreaterThan(0)
    // The signal reached the plugin itself: no CLI in front of it.
    expect(plugin.starts().map(c => c.slice(0, 2))).toEqual([['buildx', 'build']])
    expect(Date.now() - sentAt).toBeLessThan(10_000)
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual(['::error::cancelled by a signal before the next step started; nothing further was run or pushed'])
    expect(running()).toBe(false)
    expect(docker('image', 'ls', '-q', 'rp-test/plugin:3')).toBe('')
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })
})
