import { describe, expect, it } from 'vitest'
import { initArgs } from '../../src/docker/task.js'

describe('initArgs (SPEC 11 4.1)', () => {
  const inv = (wrapped: boolean) => ({ mode: 'shell' as const, wrapped, args: [] })
  it('docker init and group signalling by default; the image wrapper instead of --init; nothing when off', () => {
    expect(initArgs({ init: true, invocation: inv(false) })).toEqual(['--init', '-e', 'TINI_KILL_PROCESS_GROUP=1'])
    expect(initArgs({ init: true, invocation: inv(true) })).toEqual(['-e', 'TINI_KILL_PROCESS_GROUP=1'])
    expect(initArgs({ init: false, invocation: inv(false) })).toEqual([])
  })
})
