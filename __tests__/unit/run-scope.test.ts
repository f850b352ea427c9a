import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { RunScope } from '../../src/run-scope.js'

const scope = (): RunScope => new RunScope('0123456789ab', fs.mkdtempSync(path.join(os.tmpdir(), 'rp-scope-')))
const turn = (): Promise<void> => new Promise(r => setImmediate(r))

/** A promise settled from outside: a removal the engine has not answered yet. */
function pending(): { promise: Promise<void>; settle: () => void } {
  let settle: () => void = () => undefined
  const promise = new Promise<void>(r => (settle = r))
  return { promise, settle }
}

describe('RunScope: work that waits for the next task container (issue 22)', () => {
  it('starts once a task container exists and the removals started before it are done', async () => {
    const s = scope()
    const removal = pending()
    s.defer(removal.promise)
    const order: string[] = []
    s.afterNextCreate(async () => void order.push('superseded removed'))
    await turn()
    expect(order).toEqual([])
    s.taskCreated()
    await turn()
    expect(order).toEqual([]) // the earlier removal has not finished
    removal.settle()
    await turn()
    expect(order).toEqual(['superseded removed'])
    await s.close()
  })

  it('does not wait for removals started after that container was created', async () => {
    const s = scope()
    const order: string[] = []
    s.afterNextCreate(async () => void order.push('ran'))
    s.taskCreated()
    const later = pending()
    s.defer(later.promise)
    await turn()
    expect(order).toEqual(['ran'])
    later.settle()
    await s.close()
  })

  it('runs in close, after every deferred removal, when no task container follows', async () => {
    const s = scope()
    const removal = pending()
    const order: string[] = []
    s.defer(removal.promise.then(() => void order.push('removal')))
    s.afterNextCreate(async () => void order.push('waiting work'))
    s.atClose(async () => void order.push('at close'))
    const closed = s.close()
    await turn()
    expect(order).toEqual([])
    removal.settle()
    await closed
    expect(order).toEqual(['removal', 'waiting work', 'at close'])
    expect(fs.existsSync(s.tempDir)).toBe(false)
  })

  it('close waits for the work a task container started', async () => {
    const s = scope()
    const work = pending()
    let done = false
    s.afterNextCreate(() => work.promise.then(() => void (done = true)))
    s.taskCreated()
    const closed = s.close()
    await turn()
    expect(done).toBe(false)
    work.settle()
    await closed
    expect(done).toBe(true)
  })
})
