/**
 * design.md §4.6: before the predeploy container is committed, the files it changed are searched for
 * every masked form of every secret. The config of the commit is kept clean (§11.1), but a task can
 * write a value into a file: an Elixir release with `reboot_system_after_config` writes its evaluated
 * runtime configuration, Rails and Node tools write caches and credential files. Pure: the caller reads
 * the container's changes and files (scan-changes.ts).
 */

import { base64Variations } from '../masking.js'
import type { Change } from '../docker/requests.js'

/**
 * Files the engine bind-mounts into every container: what is written to them is not committed. Docker's
 * init is mounted at `/sbin/docker-init` only under `--init`; without it a task could write there, and
 * that is committed, so it is skipped only then. (`/.dockerenv` is an ordinary file: always searched.)
 */
const ENGINE_MOUNTS = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']
const INIT_MOUNT = '/sbin/docker-init'

/**
 * The paths to read back, as few as cover every added or changed file: an added directory with nothing
 * of the engine's inside is read whole (its descendants come in its archive); otherwise each listed
 * path with nothing listed below it is read alone (a changed directory is listed only because something
 * inside it changed). The cost follows the change, not the image.
 */
export function pathsToRead(changes: Change[], initMounted: boolean): string[] {
  const mounts = new Set(initMounted ? [...ENGINE_MOUNTS, INIT_MOUNT] : ENGINE_MOUNTS)
  const live = changes.filter(c => c.Kind !== 2 && !mounts.has(c.Path))
  const hasBelow = new Set<string>()
  for (const c of changes) for (let p = parentOf(c.Path); p !== undefined; p = parentOf(p)) hasBelow.add(p)
  const holdsEngine = new Set<string>()
  for (const e of mounts) for (let p = parentOf(e); p !== undefined; p = parentOf(p)) holdsEngine.add(p)
  const whole = new Set(live.filter(c => c.Kind === 1 && !holdsEngine.has(c.Path)).map(c => c.Path))
  const insideWhole = (p: string): boolean => {
    for (let q = parentOf(p); q !== undefined; q = parentOf(q)) if (whole.has(q)) return true
    return false
  }
  return live
    .filter(c => !insideWhole(c.Path) && (whole.has(c.Path) || !hasBelow.has(c.Path)))
    .map(c => c.Path)
    .sort()
}

function parentOf(p: string): string | undefined {
  const i = p.lastIndexOf('/')
  return i <= 0 ? undefined : p.slice(0, i)
}

/**
 * A secret form found: the file and whose value, never the value. `part`: in the file's name or link
 * target, or somewhere in the archive of the subtree `file` that no one entry holds; else its content.
 */
export interface Finding {
  file: string
  owner: string
  part?: 'name' | 'archive'
}

/**
 * Searches one file's content as it streams, in bounded memory: each chunk is searched together with the
 * last `longest - 1` bytes of the one before, so a form split across two chunks is still found. Line
 * breaks are left out of both the content and the forms (issue 33): base64 wrapped at 64 columns (PEM)
 * or 76 (MIME), with LF or CRLF, still holds the form, whatever the column it starts at.
 */
export class FileSearch {
  private carry = Buffer.alloc(0)
  private readonly needles: { bytes: Buffer; owner: string }[]
  private readonly keep: number
  found: string | undefined

  constructor(forms: Map<string, string>) {
    this.needles = [...forms].map(([form, owner]) => ({ bytes: withoutLineBreaks(Buffer.from(form, 'utf8')), owner })).filter(n => n.bytes.length > 0)
    this.keep = Math.max(0, ...this.needles.map(n => n.bytes.length)) - 1
  }

  push(raw: Buffer): void {
    if (this.found !== undefined) return
    const chunk = withoutLineBreaks(raw)
    // The chunk itself, and the seam with the one before (its last bytes and this one's first): no copy
    // of the chunk, whatever its size.
    const seam = this.carry.length > 0 ? Buffer.concat([this.carry, chunk.subarray(0, this.keep)]) : undefined
    for (const n of this.needles) {
      if (chunk.indexOf(n.bytes) >= 0 || (seam !== undefined && seam.indexOf(n.bytes) >= 0)) {
        this.found = n.owner
        return
      }
    }
    const kept = chunk.length >= this.keep ? chunk.subarray(chunk.length - this.keep) : Buffer.concat([this.carry, chunk])
    this.carry = Buffer.from(kept.subarray(Math.max(0, kept.length - this.keep)))
  }
}

/** `b` without its CR and LF bytes (`b` itself when it has none: most binary chunks are copied once). */
export function withoutLineBreaks(b: Buffer): Buffer {
  if (b.indexOf(10) < 0 && b.indexOf(13) < 0) return b
  const out = Buffer.allocUnsafe(b.length)
  let n = 0
  for (let i = 0; i < b.length; i++) {
    const c = b[i]
    if (c !== 10 && c !== 13) out[n++] = c
  }
  return out.subarray(0, n)
}

/** Whose form one of these strings (an entry's name, its link target) holds, if any. */
export function namesHolding(forms: Map<string, string>, names: string[]): string | undefined {
  for (const [form, owner] of forms) if (names.some(n => n.includes(form))) return owner
  return undefined
}

/**
 * Whether `bytes` of archive ending in `end` (its last bytes, up to 1024) is a whole tar: tar writers
 * end one with two zero blocks, so an archive cut short on the way is not read as a clean one. An
 * empty read (nothing there any more) is whole too.
 */
export function isWholeTar(bytes: number, end: Buffer): boolean {
  if (bytes === 0) return true
  return bytes % 512 === 0 && end.length === 1024 && end.every(b => b === 0)
}

/**
 * The forms the scan searches, from the masked ones: a file the task wrote fails the step, so a form
 * that matches by chance must not be searched. Kept: forms of 8 characters or more, except a word of
 * letters alone under 16 (`production`, a setting held in a secrets-dotenv document) and PEM armour lines
 * (`-----BEGIN RSA PRIVATE KEY-----`, in every bundle of test keys); the lines between them are kept.
 * Each kept form is searched also as the accidental shapes of issue 33 write it (scanShapes).
 */
export function scanForms(owners: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [form, owner] of owners) {
    if (form.length < 8) continue
    if (form.length < 16 && /^[A-Za-z]+$/.test(form)) continue
    if (/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(form.trim())) continue
    for (const shape of [form, ...scanShapes(form)]) if (!out.has(shape)) out.set(shape, owner)
    // A base64 form of a value that does not end on a 3-byte boundary ends in a character that also
    // encodes the next byte: within longer data it differs. Its bytes up to there are searched too.
    for (const b64 of base64Variations(form)) {
      const partial = b64.length % 4 !== 0 && owners.has(b64) ? b64.slice(0, -1) : undefined
      if (partial && partial.length >= 8 && !out.has(partial)) out.set(partial, owner)
    }
  }
  return out
}

/**
 * A form as tools write it into files without meaning to hide it (issue 33), beyond the runner's own
 * encoders (masking.ts): URL encoding as a URL path, a form body or with lower-case hex; and JSON or
 * JavaScript `\u` escapes as Go (`<>&`), Python and JavaScript's ensure_ascii (non-ASCII), .NET's
 * System.Text.Json (upper-case hex, `<>&'+` too) and PHP (`\/`) write them. Only shapes that differ.
 */
export function scanShapes(form: string): string[] {
  const component = encodeURIComponent(form)
  const json = JSON.stringify(form).slice(1, -1)
  const u = (upper: boolean) => (c: string) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0')
    return `\\u${upper ? hex.toUpperCase() : hex}`
  }
  const shapes = [
    component,
    component.replace(/%[0-9A-F]{2}/g, h => h.toLowerCase()),
    new URLSearchParams({ v: form }).toString().slice(2),
    encodeURI(form),
    json.replace(/[<>&\u2028\u2029]/g, u(false)),
    json.replace(/[\u0080-\uffff]/g, u(false)),
    json.replace(/[<>&'+`]|[\u0080-\uffff]/g, u(true)),
    json.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, u(false))
  ]
  return [...new Set(shapes)].filter(x => x !== form && x !== json)
}

export function findingMessage(findings: Finding[]): string {
  const [first] = findings
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more file${findings.length > 2 ? 's' : ''})` : ''
  const where =
    first.part === 'name'
      ? `the name or link target of ${first.file}`
      : first.part === 'archive'
        ? `what it changed under ${first.file} (a file name, link target or attribute)`
        : first.file
  return (
    `predeploy wrote the value of ${first.owner} into ${where}${more}; committing it would put the secret in the image and every registry it is pushed to. ` +
    'Nothing was committed or pushed. Make the task keep that value in memory or write it outside the image (a volume through run-args), or delete the file before the task ends'
  )
}

/** The log line of a scan that found nothing: how much was read back, from how many changed paths. */
export function cleanScanLine(paths: number, bytes: number): string {
  const size = bytes < 1 << 20 ? `${Math.max(1, Math.round(bytes / 1024))} KiB` : `${(bytes / (1 << 20)).toFixed(1)} MiB`
  return `predeploy: what the task wrote holds no secret (${paths} changed path${paths === 1 ? '' : 's'}, ${size} read back)`
}
