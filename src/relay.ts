/**
 * Relaying text the action does not control (buildx and its Dockerfile's RUN lines, docker's messages,
 * a pulled image's progress, a sidecar's log, the task's own output) to the step log as shown, never
 * obeyed (design.md §5.6): between `::stop-commands::<token>` and `::<token>::` the runner reads no
 * workflow command, in either form (`::save-state::` at a line's start, `##[save-state]` anywhere).
 */
import { randomBytes } from 'node:crypto'
import * as core from './runner.js'
import { redact } from './masking.js'

/**
 * Stops the runner's command processing until the returned function is called. The token is random and
 * made after the relayed text exists, so that text cannot resume commands itself. The caller must end
 * the relayed text with a line break before resuming: the token is only read at a line's start.
 */
export function stopCommands(): () => void {
  const token = randomBytes(16).toString('hex')
  core.command('stop-commands', {}, token)
  return () => core.command(token, {}, '')
}

/**
 * Writes a log line by line with every known secret form replaced by `***`, so no value depends on the
 * runner's masking alone; memory holds one line (a longer one is cut and written redacted as is).
 */
export class RedactingLines {
  private partial = ''
  constructor(
    private readonly secrets: string[],
    private readonly write: (text: string) => void,
    private readonly maxLine = 1 << 20
  ) {}
  push(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString('utf8')).split('\n')
    this.partial = parts.pop()!
    for (const line of parts) this.write(redact(line, this.secrets) + '\n')
    if (this.partial.length > this.maxLine) {
      // Never cut inside a secret: its halves on two lines would escape this redaction and the runner's.
      const at = safeCut(this.partial, this.secrets) || this.partial.length
      this.write(redact(this.partial.slice(0, at), this.secrets) + '\n')
      this.partial = this.partial.slice(at)
    }
  }
  /** The last line, terminated: the next line the action writes starts fresh. */
  end(): void {
    if (this.partial !== '') this.write(redact(this.partial, this.secrets) + '\n')
    this.partial = ''
  }
}

/**
 * Where a long line can be cut so that no secret form lies across the cut, nor begins in the text kept
 * back: everything from the earliest start of a form that reaches past the last `longest - 1`
 * characters (which could be a form's beginning) is kept for the next chunk.
 */
export function safeCut(text: string, secrets: string[]): number {
  const longest = Math.max(0, ...secrets.map(x => x.length))
  let cut = Math.max(0, text.length - Math.max(0, longest - 1))
  for (let moved = true; moved && cut > 0;) {
    moved = false
    for (const x of secrets) {
      const i = text.indexOf(x, Math.max(0, cut - x.length + 1))
      if (i >= 0 && i < cut && i + x.length > cut) {
        cut = i
        moved = true
      }
    }
  }
  return cut
}
