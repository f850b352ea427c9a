/**
 * Reading back the end of a task's log (`docker logs --timestamps --tail N`, stdout and stderr apart).
 * Pure: the caller runs docker.
 *
 * Why timestamps: the two streams arrive through two pipes, so their arrival order means nothing.
 * Why the partial line is moved: the engine keeps an unterminated last line in its buffer until the
 * stream closes and stamps it with that moment, so `Applying x...` printed before a crash would sort
 * after the traceback the crash printed. It was printed after the stream's previous line, and a task
 * that died mid-line almost always printed the rest (the traceback) after it: it goes right there.
 */

export interface TaskLog {
  /** The last lines, in the order the task printed them. */
  tail: string
}

interface Entry {
  key: string
  text: string
}

const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z (.*)$/s

/** A sortable key: RFC 3339 with its fraction padded (docker trims trailing zeros). */
function stampKey(stamp: string, fraction: string | undefined): string {
  return `${stamp}.${(fraction ?? '').padEnd(9, '0')}`
}

function entries(text: string, open: boolean): Entry[] {
  const lines = text.split('\n')
  lines.pop() // '' after the last newline, or the unterminated line (kept below)
  const partial = open ? text.slice(text.lastIndexOf('\n') + 1) : undefined
  const out: Entry[] = []
  let key = ''
  for (const line of partial === undefined ? lines : [...lines, partial]) {
    const m = STAMP.exec(line)
    if (m) key = stampKey(m[1], m[2])
    out.push({ key, text: m ? m[3] : line })
  }
  if (open && out.length > 0) {
    // Re-stamped just after the stream's previous line ('' sorts before every stamp).
    out[out.length - 1].key = out.length > 1 ? `${out[out.length - 2].key}~` : ''
  }
  return out
}

export function taskLog(stdout: string, stderr: string, lines: number): TaskLog {
  const all = [...entries(stdout, stdout !== '' && !stdout.endsWith('\n')), ...entries(stderr, stderr !== '' && !stderr.endsWith('\n'))]
  // Array.prototype.sort is stable: equal stamps keep stdout before stderr.
  all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return {
    tail: all
      .slice(-lines)
      .map(e => e.text)
      .join('\n')
  }
}
