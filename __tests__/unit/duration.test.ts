import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration } from '../../src/inputs/duration.js'

describe('durations', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['120', 120],
    ['0', 0],
    ['2.5s', 2.5],
    [' 10s ', 10]
  ])('%j is %i seconds', (text, seconds) => {
    expect(parseDuration(text, 'timeout')).toBe(seconds)
  })
  it.each(['5x', '', 'm', '10 m', '-5', '1h5', 'forever'])('rejects %j', text => {
    expect(() => parseDuration(text, 'timeout')).toThrow(`timeout: "${text.trim()}" is not a duration; use seconds or forms like 90s, 15m, 1h (0 for none)`)
  })
  it.each([
    [900, '15m'],
    [7200, '2h'],
    [2, '2s'],
    [90, '90s']
  ])('formats %i as %s', (s, text) => {
    expect(formatDuration(s)).toBe(text)
  })
})
