import { describe, expect, it } from 'vitest'
import { taskLog } from '../../src/task/log.js'

const t = (s: number) => `2026-11-22T07:16:${String(s).padStart(2, '0')}.5Z`

describe('taskLog: the end of a task log read back with --timestamps', () => {
  it('merges the two streams by time', () => {
    const out = `${t(1)} one\n${t(3)} three\n`
    const err = `${t(2)} two\n`
    expect(taskLog(out, err, 30)).toEqual({ tail: 'one\ntwo\nthree' })
  })
  it('puts an open stdout line right after the previous stdout line, before the traceback stamped earlier', () => {
    // The engine stamps the open line when stdout closes (12.9), after the traceback (12.8).
    const out = `${t(10)} Running migrations:\n2026-11-22T07:16:12.9Z   Applying x...`
    const err = `2026-11-22T07:16:12.8Z Traceback\n2026-11-22T07:16:12.81Z boom\n`
    expect(taskLog(out, err, 30)).toEqual({ tail: 'Running migrations:\n  Applying x...\nTraceback\nboom' })
  })
  it('an open line with no earlier stdout line goes first; fractions of any length compare as time', () => {
    expect(taskLog(`${t(9)} open`, `2026-11-22T07:16:01.1Z a\n2026-11-22T07:16:01.05Z b\n`, 30).tail).toBe('open\nb\na')
  })
  it('keeps the last lines only; an empty log is not open', () => {
    expect(taskLog(`${t(1)} a\n${t(2)} b\n${t(3)} c\n`, '', 2).tail).toBe('b\nc')
    expect(taskLog('', '', 5)).toEqual({ tail: '' })
  })
})
