import { describe, expect, it } from 'vitest'
import { asString, condition, interpolate } from './player/expressions.js'
import { playWorkflow } from './player/workflow.js'
import { fixtureCopy, startWorld } from './player/world.js'
import { describeEngine } from '../helpers/engine.js'

/** The player itself: it evaluates as GitHub does, and refuses what it cannot run (a failing journey, never a skip). */
describe('expressions', () => {
  const ctx = { inputs: { 'runs-on': '["a","b"]', push: true }, needs: { build: { outputs: { image: 'r@sha256:1' } } }, secrets: { A: '', B: 'b' } }
  it('keeps the type of a lone expression and joins mixed text as strings', () => {
    expect(interpolate('${{ inputs.push }}', ctx).kind).toBe(interpolate('${{ true }}', {}).kind)
    expect(asString(interpolate("${{ startsWith(inputs.runs-on, '[') && fromJSON(inputs.runs-on) || inputs.runs-on }}", ctx))).toBe('["a","b"]')
    expect(asString(interpolate('img=${{ needs.build.outputs.image }}!', ctx))).toBe('img=r@sha256:1!')
    expect(asString(interpolate("${{ secrets.A || secrets.B }} ${{ 'a}}b' }}", ctx))).toBe('b a}}b')
  })
  it('adds success() to an if without a status function', () => {
    expect(condition('inputs.push', ctx, 'failure')).toBe(false)
    expect(condition('${{ always() }}', ctx, 'failure')).toBe(true)
    expect(condition(undefined, ctx, 'success')).toBe(true)
  })
  it('rejects a function it does not know', () => {
    expect(() => interpolate("${{ hashFiles('x') }}", ctx)).toThrow()
  })
})

describeEngine('the player refuses what it cannot run', () => {
  const cases: [string, string][] = [
    ['an unknown action', 'steps:\n      - uses: someone/deploy-to-mars@v1'],
    ['an input action.yml does not have', 'steps:\n      - uses: owner/release-phase@v1\n        with:\n          no-such-input: x'],
    ['a job key it does not know', 'container: node:24\n    steps:\n      - run: true'],
    ['a service other than postgres', 'services:\n      redis:\n        image: redis:7\n    steps:\n      - run: true'],
    [
      'a sidecar image other than postgres',
      'steps:\n      - uses: owner/release-phase@v1\n        with:\n          sidecars: "[{name: cache, image: redis:7}]"'
    ]
  ]
  it.each(cases)('%s', async (_, job) => {
    const w = await startWorld({ fixture: fixtureCopy('web') })
    try {
      await expect(playWorkflow(`on: push\njobs:\n  one:\n    runs-on: ubuntu-latest\n    ${job}\n`, w, 'refused')).rejects.toThrow(/player|not an input/)
    } finally {
      await w.stop()
    }
  })
  it('an event other than push and pull_request', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web') })
    try {
      await expect(
        playWorkflow('on: workflow_dispatch\njobs:\n  one:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n', w, 'refused')
      ).rejects.toThrow(/plays push and pull_request only, not on: workflow_dispatch/)
    } finally {
      await w.stop()
    }
  })
})
