/**
 * Every form of a secret that must never be shown (design.md §5.5), the same forms the runner masks in the
 * log: actions/runner registers `GitHub.DistributedTask.Logging.ValueEncoders` (ValueEncoders.cs) with its
 * secret masker: JsonStringEscape, UriDataEscape, and
 * EnumerateBase64Variations (base64 of the UTF-8 bytes from offset 0, 1 and 2, `=` padding trimmed, and
 * each one's URL-safe `-`/`_` variant, so a secret inside `base64(user:secret)` is still found).
 * The action issues them itself too, and `redact` uses them for the job summary, which it writes itself.
 */

/** Derived forms shorter than this are not masked: `Yw` would blank every `Yw` in the log. */
const MIN_DERIVED = 4

export function base64Variations(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const out: string[] = []
  for (let offset = 0; offset <= 2 && offset < bytes.length; offset++) {
    const b64 = bytes.subarray(offset).toString('base64').replace(/=+$/, '')
    out.push(b64, b64.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return out
}

/** The userinfo password of a URL-shaped secret (`postgres://u:pw@host/db`), raw and decoded. */
export function urlPassword(value: string): string[] {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@:\s]*:([^/?#@\s]+)@/.exec(value.trim())
  if (!m) return []
  let decoded = m[1]
  try {
    decoded = decodeURIComponent(m[1])
  } catch {
    // not valid percent-encoding: the raw form is masked alone
  }
  return [m[1], decoded]
}

/**
 * Each line of a multi-line value (blank ones skipped), split where the runner's log reader splits lines
 * (.NET ReadLine: `\n`, `\r\n` and a lone `\r`): a value is only masked within one line.
 */
function parts(value: string): string[] {
  return [value, ...value.split(/\r\n|\r|\n/)].filter(p => p.trim() !== '')
}

/** All forms of one secret value, the value itself first. */
export function secretForms(value: string): string[] {
  const forms = new Set<string>()
  const add = (s: string, derived: boolean): void => {
    if (s.trim() === '' || (derived && s.length < MIN_DERIVED)) return
    forms.add(s)
  }
  const bases = new Set<string>()
  for (const p of parts(value)) {
    bases.add(p)
    for (const pw of urlPassword(p)) bases.add(pw)
  }
  // A line or a password shorter than the minimum is not a mask of its own: it would hide unrelated text.
  for (const b of bases) {
    add(b, b !== value)
    add(encodeURIComponent(b), true)
    add(JSON.stringify(b).slice(1, -1), true)
    for (const v of base64Variations(b)) add(v, true)
  }
  return [...forms]
}

/** Replaces every known secret form with `***` (longest first, so a value containing another goes whole). */
export function redact(text: string, secrets: string[]): string {
  let out = text
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***')
  return out
}
