import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { scanChangedFiles } from '../../src/commit/scan-changes.js'
import type { EngineApi } from '../../src/docker/engine-api.js'
import { gzipSync } from 'node:zlib'
import { FileSearch, cleanScanLine, findingMessage, isWholeTar, scanForms, scanShapes } from '../../src/commit/scan.js'
import { base64Variations, secretForms } from '../../src/masking.js'

const FORMS = new Map([['s3cr3t-Value-91', 'API_TOKEN']])

type Entry = { name: string; body?: string | Buffer; linkname?: string }

/** A tar as the engine sends one (tar-stream writes what Go's archive/tar does: two zero blocks at the end). */
async function tarOf(entries: Entry[]): Promise<Buffer> {
  const { pack } = await import('tar-stream')
  const p = pack()
  for (const e of entries) {
    if (e.linkname !== undefined) p.entry({ name: e.name, type: 'symlink', linkname: e.linkname })
    else p.entry({ name: e.name, mode: 0o644 }, e.body ?? '')
  }
  p.finalize()
  const chunks: Buffer[] = []
  for await (const c of p) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/**
 * The engine's archive of each root, sent in chunks of `size` bytes (none for a root mapped to
 * undefined: the engine cannot find it); `reads` counts the requests; `more` are listed changes below.
 */
function api(archives: Record<string, Buffer | undefined>, size = 100, more: string[] = []): EngineApi & { reads: string[] } {
  const reads: string[] = []
  const chunks = (b: Buffer): Buffer[] => Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size))
  return {
    reads,
    changes: async () => [...Object.keys(archives), ...more].map(Path => ({ Path, Kind: 1 })),
    archive: async (_c: string, p: string) => {
      reads.push(p)
      const tar = archives[p]
      return tar && Readable.from(chunks(tar))
    },
    commit: async () => '',
    get: async () => ({}),
    load: async () => ''
  } as unknown as EngineApi & { reads: string[] }
}

describe('the predeploy scan reads raw archive bytes, and parses only on a hit (issue 22)', () => {
  it('a clean change is read once, never parsed, and says how much it read', async () => {
    const a = api({ '/app/assets': await tarOf([{ name: 'assets/a.js', body: 'x'.repeat(5000) }]) })
    const r = await scanChangedFiles(a, 'c', FORMS, false)
    expect(r.findings).toEqual([])
    expect(a.reads).toEqual(['/app/assets'])
    expect(r.paths).toBe(1)
    expect(cleanScanLine(r.paths, r.bytes)).toBe('predeploy: what the task wrote holds no secret (1 changed path, 7 KiB read back)')
  })

  it('a form in a content, across the engine chunks: read again, parsed, and the file named', async () => {
    const tar = await tarOf([
      { name: 'assets/a.js', body: 'clean' },
      { name: 'assets/b.env', body: `${'y'.repeat(95)}TOKEN=s3cr3t-Value-91\n` }
    ])
    const a = api({ '/app/assets': tar }, 7)
    const r = await scanChangedFiles(a, 'c', FORMS, false)
    expect(r.findings).toEqual([{ file: '/app/assets/b.env', owner: 'API_TOKEN' }])
    expect(a.reads).toEqual(['/app/assets', '/app/assets'])
  })

  it('a form in a file name or a link target is found too: a commit keeps both', async () => {
    const a = api({
      '/tmp/s3cr3t-Value-91.txt': await tarOf([{ name: 's3cr3t-Value-91.txt', body: 'nothing' }]),
      '/app/link': await tarOf([{ name: 'link', linkname: '/run/s3cr3t-Value-91' }])
    })
    const r = await scanChangedFiles(a, 'c', FORMS, false)
    expect(r.findings).toEqual([
      { file: '/app/link', owner: 'API_TOKEN', part: 'name' },
      { file: '/tmp/s3cr3t-Value-91.txt', owner: 'API_TOKEN', part: 'name' }
    ])
    expect(findingMessage(r.findings)).toMatch(/^predeploy wrote the value of API_TOKEN into the name or link target of \/app\/link \(and 1 more file\);/)
  })

  it('a changed path the engine cannot read back is an error (a name that is not UTF-8 arrives mangled)', async () => {
    const a = api({ '/app/\uFFFD': undefined })
    await expect(scanChangedFiles(a, 'c', FORMS, false)).rejects.toThrow(
      /^the engine lists "\/app\/\uFFFD" among the predeploy task's changes but cannot read it back \(a file name that is not UTF-8\)/
    )
  })

  it('a form in a long name is found in the change list, where the archive splits the name at a slash', async () => {
    // 108 bytes: a ustar writer (Go's, tar-stream) keeps the last 100 in the name field, from a slash.
    const file = `/app/x/s3cr3t/Value-91-${'v'.repeat(82)}.txt`
    const tar = await tarOf([{ name: file.slice(1), body: 'nothing' }])
    expect(tar.includes('s3cr3t/Value-91')).toBe(false) // the archive holds the name in two fields
    const r = await scanChangedFiles(api({ '/app': tar }, 100, [file]), 'c', new Map([['s3cr3t/Value-91', 'API_TOKEN']]), false)
    expect(r.findings).toEqual([{ file, owner: 'API_TOKEN', part: 'name' }])
  })

  it('an archive cut short is an error, never a clean read', async () => {
    const tar = await tarOf([{ name: 'assets/a.js', body: 'x'.repeat(3000) }])
    for (const cut of [tar.subarray(0, 1536), tar.subarray(0, tar.length - 512), tar.subarray(0, 700)]) {
      await expect(scanChangedFiles(api({ '/app/assets': cut }), 'c', FORMS, false)).rejects.toThrow(
        /the archive of \/app\/assets the engine sent is cut short/
      )
    }
  })
})

describe('FileSearch and the tar end, at their edges', () => {
  it('finds a form split over many chunks shorter than the form', () => {
    const s = new FileSearch(FORMS)
    for (const c of 'xx s3cr3t-Value-91 yy') s.push(Buffer.from(c))
    expect(s.found).toBe('API_TOKEN')
  })
  it('does not join bytes that were never next to each other', () => {
    const s = new FileSearch(FORMS)
    s.push(Buffer.from('s3cr3t-Val'))
    s.push(Buffer.from('x'.repeat(64)))
    s.push(Buffer.from('ue-91'))
    expect(s.found).toBeUndefined()
  })
  it('a tar ends with two zero blocks, on a block boundary', () => {
    expect(isWholeTar(0, Buffer.alloc(0))).toBe(true)
    expect(isWholeTar(2048, Buffer.alloc(1024))).toBe(true)
    expect(isWholeTar(2047, Buffer.alloc(1024))).toBe(false)
    expect(isWholeTar(1536, Buffer.concat([Buffer.alloc(1023), Buffer.from([1])]))).toBe(false)
    expect(isWholeTar(512, Buffer.alloc(512))).toBe(false)
  })
})

describe('the shapes accidental leaks take (issue 33)', () => {
  const secret = 'tok_9fK2-Lq8/ZpR+e3WvY7Xn5MbC1'
  const forms = new Map([[secret, 'API_TOKEN']])
  const found = (text: string | Buffer, f: Map<string, string> = forms): string | undefined => {
    const s = new FileSearch(f)
    s.push(Buffer.isBuffer(text) ? text : Buffer.from(text))
    return s.found
  }

  it('base64 wrapped at 64 or 76 columns, LF or CRLF, whatever the column the value starts at', () => {
    const searched = scanForms(new Map(secretForms(secret).map(f => [f, 'API_TOKEN'])))
    let broken = 0
    for (const width of [64, 76])
      for (const eol of ['\n', '\r\n'])
        for (const lead of [0, 1, 2, 17, 40, 63]) {
          const b64 = Buffer.from(`${'x'.repeat(lead)}${secret}${'y'.repeat(50)}`).toString('base64')
          const wrapped = b64.match(new RegExp(`.{1,${width}}`, 'g'))!.join(eol)
          if (!base64Variations(secret).some(f => wrapped.includes(f))) broken++
          expect(found(wrapped, searched), `${width} ${JSON.stringify(eol)} ${lead}`).toBe('API_TOKEN')
        }
    // Most of these break a line inside every base64 form: the unwrapped search alone missed them.
    expect(broken).toBeGreaterThan(12)
  })

  it('URL encoding as a component, in lower-case hex, as a form body, and JSON \\u escapes as Go, Python, .NET and PHP write them', () => {
    const tricky = 'p<ss&w>rd/é+ 7'
    const shapes = scanShapes(tricky)
    expect(shapes).toEqual(
      expect.arrayContaining([
        'p%3Css%26w%3Erd%2F%C3%A9%2B%207',
        'p%3css%26w%3erd%2f%c3%a9%2b%207',
        'p%3Css%26w%3Erd%2F%C3%A9%2B+7',
        'p\\u003css\\u0026w\\u003erd/é+ 7',
        'p<ss&w>rd/\\u00e9+ 7',
        'p\\u003Css\\u0026w\\u003Erd/\\u00E9\\u002B 7',
        'p<ss&w>rd\\/\\u00e9+ 7'
      ])
    )
    const searched = scanForms(new Map([[tricky, 'API_TOKEN']]))
    expect(
      found(
        `{"token":"${JSON.stringify(tricky)
          .slice(1, -1)
          .replace(/[<>&]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`)}"}`,
        searched
      )
    ).toBe('API_TOKEN')
    // A value of plain token characters has no other shape: nothing more is searched.
    expect(scanShapes('abcDEF123456')).toEqual([])
  })

  it('gzip files in the archive are searched decompressed, named, and bounded (fails closed past the bound)', async () => {
    const { GzipMembers } = await import('../../src/commit/gzip-members.js')
    const long = `app/${'d'.repeat(120)}/token.gz`
    const tar = await tarOf([
      { name: 'app/plain.txt', body: 'nothing here' },
      { name: 'app/cache.gz', body: gzipSync('also nothing') },
      { name: long, body: gzipSync(`config: ${'z'.repeat(100_000)} ${secret}\n`) }
    ])
    const raw = new FileSearch(forms)
    raw.push(tar)
    expect(raw.found, 'the raw bytes hold no form').toBeUndefined()
    const members = new GzipMembers(forms)
    for (let i = 0; i < tar.length; i += 100) await members.push(tar.subarray(i, i + 100))
    await members.end()
    expect(members.found).toEqual([{ name: long, owner: 'API_TOKEN' }])
    const bomb = await tarOf([{ name: 'app/bomb.gz', body: gzipSync(Buffer.alloc(1 << 20)) }])
    const bounded = new GzipMembers(forms, 64 * 1024)
    await expect(bounded.push(bomb).then(() => bounded.end())).rejects.toThrow(
      /^predeploy wrote app\/bomb\.gz, a gzip file that decompresses to more than 65536 bytes, so the scan cannot say it holds no secret/
    )
  })
})

describe('gzip files that are not whole (from a review)', () => {
  it('a corrupt gzip file ends its search instead of hanging the scan; zero padding after one is read past', async () => {
    const { GzipMembers } = await import('../../src/commit/gzip-members.js')
    const forms = new Map([['tok_9fK2-Lq8/ZpR+e3WvY7Xn5MbC1', 'API_TOKEN']])
    const junk = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), Buffer.alloc(4096, 0x55)])
    const padded = Buffer.concat([gzipSync('tok_9fK2-Lq8/ZpR+e3WvY7Xn5MbC1'), Buffer.alloc(600)])
    const tar = await tarOf([
      { name: 'app/junk.gz', body: junk },
      { name: 'app/padded.gz', body: padded }
    ])
    const members = new GzipMembers(forms)
    for (let i = 0; i < tar.length; i += 64) await members.push(tar.subarray(i, i + 64))
    await members.end()
    expect(members.found).toEqual([{ name: 'app/padded.gz', owner: 'API_TOKEN' }])
  })
})
