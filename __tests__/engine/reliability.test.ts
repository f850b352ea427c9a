import { expect, it } from 'vitest'
import { BASE_IMAGE, containersOfRun, describeEngine, errorLines, makeApp, runAction, whenLine } from '../helpers/engine.js'

const phases = (outputs: Record<string, string>) => JSON.parse(outputs.phases) as { phase: string; status: string; exitCode: number | null }[]

describeEngine('timeouts and cancellation (SPEC 4.4)', () => {
  it('stops a task at its timeout, with the grace, and removes it', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: sleep 600\n', 'app.json': '{"scripts":{"dokku":{"postdeploy":"true"}}}' })
    const started = Date.now()
    const r = await runAction({ workspace: ws, inputs: { tags: 'rp-test/timeout:1', timeout: '2s', 'stop-timeout': '1', phases: 'release,postdeploy' } })
    const seconds = (Date.now() - started) / 1000
    expect(r.code).toBe(1)
    expect(seconds).toBeLessThan(15)
    expect(errorLines(r.stdout)).toEqual(['::error::release task timed out after 2s'])
    expect(phases(r.outputs).map(p => [p.phase, p.status])).toEqual([
      ['release', 'timed-out'],
      ['postdeploy', 'not-run']
    ])
    expect(r.outputs.released).toBe('false')
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('on SIGTERM stops the task container with its grace (the task rolls back), removes it, and fails', async () => {
    const ws = makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\n`,
      Procfile: 'release: trap "echo rolled back; exit 0" TERM; echo migrating; sleep 600 & wait\n'
    })
    let sent = false
    const r = await runAction({
      workspace: ws,
      inputs: { tags: 'rp-test/cancel:1', 'stop-timeout': '20' },
      onStart: whenLine(/migrating/, child => {
        sent = true
        child.kill('SIGTERM')
      })
    })
    expect(sent).toBe(true)
    expect(r.stdout).toMatch(/^rolled back$/m)
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual(['::error::release task was cancelled; its container was stopped and removed'])
    expect(r.outputs.released).toBe('false')
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })

  it('a second signal removes the container at once', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: trap "" TERM; echo stubborn; sleep 600 & wait; sleep 600\n' })
    let sent = 0
    const started = Date.now()
    const r = await runAction({
      workspace: ws,
      inputs: { tags: 'rp-test/cancel:2', 'stop-timeout': '60' },
      onStart: whenLine(/stubborn/, child => {
        sent = 1
        child.kill('SIGINT')
        setTimeout(() => ((sent = 2), child.kill('SIGTERM')), 1000)
      })
    })
    expect(sent).toBe(2)
    expect(r.code).toBe(1)
    expect((Date.now() - started) / 1000).toBeLessThan(30)
    expect(containersOfRun(r.state['run-id'])).toEqual([])
  })
})
