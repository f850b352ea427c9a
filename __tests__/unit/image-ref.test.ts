import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { digestRef, familiarName, formatRef, parseImageRef, parseTagRef, type ImageRef } from '../../src/image/ref.js'

/** A stored table (fixtures/image-refs.json), after distribution/reference's grammar and docker's domain rule. */
const table = JSON.parse(readFileSync(new URL('./fixtures/image-refs.json', import.meta.url), 'utf8')) as {
  valid: { ref: string; expect: ImageRef; familiar: string }[]
  invalid: { ref: string; error: string }[]
}
const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s)

describe('image references (SPEC 3/6 amendment)', () => {
  it('the table is not trivially small', () => {
    expect(table.valid.length).toBeGreaterThanOrEqual(15)
    expect(table.invalid.length).toBeGreaterThanOrEqual(25)
  })

  it.each(table.valid.map(v => [short(v.ref), v] as const))('parses %s', (_, v) => {
    const ref = parseImageRef(v.ref)
    expect(ref).toEqual(v.expect)
    expect(formatRef(ref)).toBe(v.ref)
    expect(familiarName(ref)).toBe(v.familiar)
  })

  it.each(table.invalid.map(v => [short(v.ref), v] as const))('rejects %s', (_, v) => {
    expect(() => parseImageRef(v.ref)).toThrow(v.error)
    expect(() => parseImageRef(v.ref)).toThrow(/^image: "/)
  })

  it('quotes a huge input shortened, never whole', () => {
    const huge = `app:${'x'.repeat(1_000_000)}`
    let message = ''
    try {
      parseImageRef(huge)
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('(1000004 characters)')
    expect(message.length).toBeLessThan(500)
  })

  it('a tags entry cannot carry a digest, and says why', () => {
    const d = `sha256:${'ab'.repeat(32)}`
    expect(parseTagRef('127.0.0.1:5000/team/app:prod')).toEqual({ registry: '127.0.0.1:5000', repository: 'team/app', tag: 'prod' })
    expect(() => parseTagRef(`team/app@${d}`)).toThrow(
      `tags: "team/app@${d}" is not a valid image reference: a tag cannot carry a digest (the registry computes it on push); give name:tag, and pass a digest reference as image`
    )
    expect(() => parseTagRef(`team/app:v1@${d}`)).toThrow('a tag cannot carry a digest')
    expect(() => parseTagRef('Acme/App:1')).toThrow('tags: "Acme/App:1" is not a valid image reference: repository names must be lower-case')
  })

  it('the canonical digest form drops a tag beside the digest', () => {
    const d = `sha256:${'0'.repeat(64)}`
    const ref = parseImageRef(`localhost:5000/app:v1@${d}`) as ImageRef & { digest: string }
    expect(digestRef(ref)).toBe(`localhost:5000/app@${d}`)
  })
})
