import * as fs from 'node:fs'

/**
 * Shell lines that append a command's arguments ("$@", then `extra` words) to `log` as one record, in
 * one write: the action runs docker commands side by side, and two writes per record let their records
 * interleave (a `save` once vanished into another call's record).
 */
export const recordArgvSh = (log: string, extra = ''): string => `rec=$(printf '%s\\037' "$@"${extra})\nprintf '%s\\036' "$rec" >> '${log}'\n`

/** The records recordArgvSh wrote, each as its words. */
export function readArgvRecords(log: string): string[][] {
  return fs
    .readFileSync(log, 'utf8')
    .split('\x1e')
    .filter(Boolean)
    .map(rec => rec.split('\x1f').slice(0, -1))
}
