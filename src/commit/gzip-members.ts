import * as zlib from 'node:zlib'
import { ActionError } from '../errors.js'
import { FileSearch } from './scan.js'

/** The bytes one gzip file is decompressed to at most; past it (a bomb, or a huge log) the scan fails closed. */
export const MAX_GUNZIPPED = 256 * 1024 * 1024

const BLOCK = 512
const GZIP_MAGIC = [0x1f, 0x8b, 0x08]
/** A PAX header's records read at most (a long path is a few KiB). */
const MAX_PAX = 64 * 1024

interface Entry {
  name: string
  regular: boolean
  /** Its first bytes, until there are enough to tell a gzip file. */
  head: Buffer
  member?: Member | null
  /** A PAX or GNU long-name entry: its data names the next one. */
  names?: Buffer[]
}

interface Member {
  gunzip: zlib.Gunzip
  search: FileSearch
  out: number
  tooLarge: boolean
  done: Promise<void>
}

/**
 * Issue 33: a value written into a gzip file (a precompressed asset, a rotated log, a `.tar.gz`) is
 * committed as bytes no form matches. Walks the tar stream the engine sends by its headers' sizes alone
 * (Go's archive/tar: each entry on a 512-byte block; no entry stream, the raw search stays the cheap
 * one) and searches each regular file that starts with the gzip magic, decompressed, at most
 * MAX_GUNZIPPED bytes of it.
 */
export class GzipMembers {
  private header = Buffer.alloc(0)
  private remaining = 0
  /** Bytes to the next block boundary: skipped once the entry's data has been read. */
  private padding = 0
  private paddingAfter = 0
  private entry: Entry | undefined
  private nextName: string | undefined
  /** A PAX `size` record: the next entry's size when its header's field cannot hold it (over 8 GiB). */
  private nextSize: number | undefined
  private inflated = 0
  readonly found: { name: string; owner: string }[] = []

  constructor(
    private readonly forms: Map<string, string>,
    private readonly maxOut = MAX_GUNZIPPED
  ) {}

  async push(chunk: Buffer): Promise<void> {
    let i = 0
    while (i < chunk.length) {
      if (this.padding > 0) {
        const n = Math.min(this.padding, chunk.length - i)
        this.padding -= n
        i += n
      } else if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - i)
        await this.data(chunk.subarray(i, i + n))
        this.remaining -= n
        i += n
        if (this.remaining === 0) {
          this.padding = this.paddingAfter
          await this.endEntry()
        }
      } else {
        const n = Math.min(BLOCK - this.header.length, chunk.length - i)
        this.header = Buffer.concat([this.header, chunk.subarray(i, i + n)])
        i += n
        if (this.header.length === BLOCK) await this.startEntry(this.header)
      }
    }
  }

  /** The stream ended: a member still open (a cut archive, which the caller refuses anyway) is closed. */
  async end(): Promise<void> {
    if (this.entry) await this.endEntry()
  }

  private async startEntry(block: Buffer): Promise<void> {
    this.header = Buffer.alloc(0)
    if (block.every(b => b === 0)) return
    const size = this.nextSize ?? entrySize(block.subarray(124, 136))
    const type = String.fromCharCode(block[156])
    const named = this.nextName ?? headerName(block)
    this.nextName = undefined
    this.nextSize = undefined
    this.entry = { name: named, regular: type === '0' || type === '\0' || type === '7', head: Buffer.alloc(0) }
    if (type === 'x' || type === 'L') this.entry.names = []
    this.remaining = size
    this.paddingAfter = (BLOCK - (size % BLOCK)) % BLOCK
    if (size === 0) await this.endEntry()
  }

  private async data(bytes: Buffer): Promise<void> {
    const e = this.entry!
    if (e.names) {
      if (e.names.reduce((n, b) => n + b.length, 0) < MAX_PAX) e.names.push(bytes)
      return
    }
    if (!e.regular || e.member === null) return
    if (e.member === undefined) {
      e.head = Buffer.concat([e.head, bytes])
      if (e.head.length < GZIP_MAGIC.length) return
      e.member = GZIP_MAGIC.every((b, k) => e.head[k] === b) ? this.open() : null
      if (e.member) await write(e.member, e.head)
      return
    }
    await write(e.member, bytes)
  }

  private open(): Member {
    const gunzip = zlib.createGunzip()
    const m: Member = { gunzip, search: new FileSearch(this.forms), out: 0, tooLarge: false, done: Promise.resolve() }
    gunzip.on('data', (b: Buffer) => {
      m.out += b.length
      this.inflated += b.length
      if (m.out > this.maxOut || this.inflated > this.maxOut * 4) {
        m.tooLarge = true
        gunzip.destroy()
        return
      }
      m.search.push(b)
    })
    // A corrupt or truncated gzip file is searched as far as it decompresses.
    m.done = new Promise(resolve => {
      gunzip.on('end', resolve)
      gunzip.on('close', resolve)
      gunzip.on('error', () => resolve())
    })
    return m
  }

  private async endEntry(): Promise<void> {
    const e = this.entry
    this.entry = undefined
    if (!e) return
    if (e.names) {
      const text = Buffer.concat(e.names)
      this.nextName = longName(text) ?? this.nextName
      const size = /(?:^|\n)\d+ size=(\d+)\n/.exec(text.toString('utf8'))
      if (size) this.nextSize = Number(size[1])
    }
    const m = e.member
    if (!m) return
    if (!m.gunzip.destroyed) m.gunzip.end()
    await m.done
    if (m.tooLarge) {
      throw new ActionError(
        `predeploy wrote ${e.name}, a gzip file that decompresses to more than ${formatBytes(this.maxOut)}` +
          `${m.out <= this.maxOut ? ` (with the gzip files before it, more than ${formatBytes(this.maxOut * 4)})` : ''}, so the scan cannot say it holds no secret. ` +
          'Write it outside the image (a volume through run-args), or make it smaller'
      )
    }
    if (m.search.found !== undefined) this.found.push({ name: e.name, owner: m.search.found })
  }
}

/**
 * Writes to the member and waits until zlib took it (its own backpressure), or until the member
 * stopped: on corrupt data zlib destroys the stream without calling the write's callback.
 */
function write(m: Member, bytes: Buffer): Promise<void> {
  if (m.gunzip.destroyed || m.gunzip.writableEnded) return Promise.resolve()
  return Promise.race([new Promise<void>(resolve => m.gunzip.write(bytes, () => resolve())), m.done])
}

/** A header's size field: octal text, or base-256 when its first byte has the high bit (over 8 GiB). */
export function entrySize(field: Buffer): number {
  if (field[0] & 0x80) return field.subarray(1).reduce((n, b) => n * 256 + b, field[0] & 0x7f)
  const text = field
    .toString('latin1')
    .replace(/[\0 ]+$/g, '')
    .trim()
  return text === '' ? 0 : parseInt(text, 8)
}

/** The ustar name: prefix and name, NUL-terminated fields. */
function headerName(block: Buffer): string {
  const field = (from: number, to: number): string => {
    const b = block.subarray(from, to)
    const nul = b.indexOf(0)
    return b.subarray(0, nul < 0 ? b.length : nul).toString('utf8')
  }
  const name = field(0, 100)
  const prefix = block.subarray(257, 262).toString('latin1') === 'ustar' ? field(345, 500) : ''
  return prefix ? `${prefix}/${name}` : name
}

/** A PAX header's `path` record, or a GNU long name's text. */
function longName(data: Buffer): string | undefined {
  const pax = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))
  if (pax) return pax[1]
  const text = data.toString('utf8').replace(/\0+$/, '')
  return /^\d+ \w+=/.test(text) ? undefined : text || undefined
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${n >> 20} MiB` : `${n} bytes`
}
