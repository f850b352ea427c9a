/** An error the user can fix; printed as one `::error` line, without a stack trace. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** Bad input value: raised while reading inputs, before any Docker side effect. */
export class InputError extends ActionError {}

/** A manifest problem, annotated on the file and line (and column where known). */
export class ManifestError extends ActionError {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number
  ) {
    super(message)
  }
}

/** Where a manifest value stands, for annotating an error about it after parsing. */
export interface Location {
  file: string
  line: number
  column?: number
}

/** The Docker CLI, the daemon or buildx is unusable. */
export class DockerError extends ActionError {}

/** Shorten user text quoted back in a message: a 10 MB line must not become a 10 MB annotation. */
export function excerpt(text: string, max = 80): string {
  const t = text.replace(/\0/g, '\\0')
  return t.length > max ? `${t.slice(0, max)}… (${t.length} characters)` : t
}

/** The last line of a command's output that is not blank, trimmed: what a failure is reported by. */
export function lastLine(text: string): string {
  const ls = text
    .trim()
    .split('\n')
    .filter(l => l.trim() !== '')
  return (ls[ls.length - 1] ?? '').trim()
}
