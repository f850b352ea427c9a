/**
 * Every form of a secret that must never be shown (design.md §5.5), the same forms the runner masks in the
 * log: actions/runner registers `GitHub.DistributedTask.Logging.ValueEncoders` (ValueEncoders.cs) with its
 * secret masker (HostContext.cs): the base64 of the UTF-8 bytes from offset 0, 1 and 2 (`=` padding
 * trimmed, each with its URL-safe `-`/`_` variant, so a secret inside `base64(user:secret)` is still
 * found) and the encoders listed in ENCODERS below. The action issues them itself too; `redact` uses
 * them for the job summary and the error line, and the predeploy scan searches files for them.
 */

/**
 * Shorter than this is never a mask, a value or a derived form (design.md §5.5): `Yw` would blank every
 * `Yw` in the log, and the runner skips every job output that holds a masked string, so a mask of `2` or
 * `true` would drop `image-id` or `released` from the deploy job. google-github-actions/
 * get-secretmanager-secrets draws the same line (`min_mask_length`).
 */
export const MIN_MASK = 4

/** A secret value and the name it is known by (a variable, an input): masked under that name. */
export interface NamedSecret {
  name: string
  value: string
}

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
    if (s.trim() === '' || (derived && s.length < MIN_MASK)) return
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
    for (const encode of ENCODERS) add(encode(b), true)
    for (const v of base64Variations(b)) add(v, true)
  }
  return [...forms]
}

/**
 * The runner's other value encoders (HostContext.cs registers them with its secret masker;
 * ValueEncoders.cs): an app that writes a value into YAML, XML, a shell line or a JSON file writes one
 * of these forms, and the predeploy scan must find it there too.
 */
const ENCODERS: ((v: string) => string)[] = [
  // UriDataEscape (.NET's Uri.EscapeDataString also escapes !'()*, which encodeURIComponent keeps)
  v => encodeURIComponent(v).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  v => JSON.stringify(v).slice(1, -1), // JsonStringEscape
  v => v.replace(/"/g, '\\"'), // CommandLineArgumentEscape
  v => v.replace(/'/g, "''"), // ExpressionStringEscape (a single-quoted YAML or expression string)
  v => v.replace(/[&<>"']/g, c => XML[c]), // XmlDataEscape (SecurityElement.Escape)
  v => (v.length > 8 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : ''), // TrimDoubleQuotes
  v => ampersandSection(v, 'pre'), // PowerShellPreAmpersandEscape
  v => ampersandSection(v, 'post') // PowerShellPostAmpersandEscape
]

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** The part of `a&b` before or after the last `&` (`&+` taken as PowerShell splits it), when 6 or more long. */
function ampersandSection(v: string, side: 'pre' | 'post'): string {
  if (!v.includes('&')) return ''
  const plus = v.indexOf('&+')
  let part: string
  if (side === 'pre') part = plus >= 0 ? v.slice(0, plus + 2) : v.slice(0, v.lastIndexOf('&') + 1)
  else if (plus >= 0) part = v.length > plus + 3 ? v.slice(plus + 3) : ''
  else part = v.slice(v.lastIndexOf('&') + 1)
  return part.length >= 6 ? part : ''
}

/** Replaces every known secret form with `***` (longest first, so a value containing another goes whole). */
export function redact(text: string, secrets: string[]): string {
  let out = text
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***')
  return out
}
