import { InputError } from '../errors.js'

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 }

/** `90s`, `15m`, `1h`, `1h30m`, plain seconds; `0` means none (returns 0). Result in seconds. */
export function parseDuration(input: string, name: string): number {
  const text = input.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text)
  const re = /(\d+(?:\.\d+)?)([hms])/gy
  let total = 0
  let consumed = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * UNITS[m[2]]
    consumed = re.lastIndex
  }
  if (text === '' || consumed !== text.length) {
    throw new InputError(`${name}: "${text}" is not a duration; use seconds or forms like 90s, 15m, 1h (0 for none)`)
  }
  return total
}

/** Back to the form a user wrote, for messages: 900 → "15m". */
export function formatDuration(seconds: number): string {
  if (seconds > 0 && seconds % 3600 === 0) return `${seconds / 3600}h`
  if (seconds > 0 && seconds % 60 === 0) return `${seconds / 60}m`
  return `${seconds}s`
}
