import { describe, expect, it } from 'vitest'
import { formatRef, parseImageRef, parseTagRef } from '../../src/image/ref.js'
import { checkPrebuilt, prebuiltTags, promotionWarning, registrySource, unpushedImage } from '../../src/image/prebuilt.js'
import { isIndex, pushedByImagetools } from '../../src/image/push.js'
import { isVerified, lookupKey } from '../../src/image/acquire.js'
import type { ImageInfo } from '../../src/image/inspect.js'

const D = `sha256:${'a1'.repeat(32)}`
const OTHER = `sha256:${'b2'.repeat(32)}`
const REG = '127.0.0.1:5000'
const info = (repoDigests: string[]): ImageInfo => ({ id: OTHER, repoDigests, entrypoint: null, cmd: null, env: [], config: {}, containerdStore: false })

describe('a pre-built image (SPEC 3 / 6, amendment 11)', () => {
  it('is tagged under the tags input, else its own name:tag, and a digest reference gets no tag', () => {
    const named = (image: string, tags: string[]) =>
      prebuiltTags(
        parseImageRef(image),
        tags.map(t => parseTagRef(t))
      ).map(formatRef)
    expect(named('app:v1', [])).toEqual(['app:v1'])
    expect(named(`${REG}/app`, [])).toEqual([`${REG}/app`])
    expect(named(`${REG}/app@${D}`, [])).toEqual([])
    expect(named(`${REG}/app:v1@${D}`, [])).toEqual([])
    expect(named(`${REG}/app@${D}`, [`${REG}/app:prod`])).toEqual([`${REG}/app:prod`])
  })

  it('refuses a push or a predeploy commit that nothing could name', () => {
    const ref = parseImageRef(`${REG}/app@${D}`)
    expect(() => checkPrebuilt(`${REG}/app@${D}`, ref, [], true, false)).toThrow(
      `push: image ${REG}/app@${D} is a digest reference: it is already in its registry and a digest cannot be pushed to; give tags to promote it under (e.g. registry/app:production), or drop push`
    )
    expect(() => checkPrebuilt(`${REG}/app@${D}`, ref, [], false, true)).toThrow(
      /^image: .* is a digest reference and predeploy would commit a new image under no name/
    )
    expect(() => checkPrebuilt(`${REG}/app@${D}`, ref, [parseTagRef(`${REG}/app:prod`)], true, true)).not.toThrow()
    expect(() => checkPrebuilt(`${REG}/app@${D}`, ref, [], false, false)).not.toThrow()
    expect(() => checkPrebuilt('app:v1', parseImageRef('app:v1'), [], true, true)).not.toThrow()
  })

  it('names the deploy reference when nothing was pushed', () => {
    // a digest reference, unchanged, no tags: itself, in canonical form (a tag beside the digest dropped)
    expect(unpushedImage([], [], parseImageRef(`${REG}/app:v1@${D}`))).toEqual({ image: `${REG}/app@${D}`, digest: D })
    // the first tag's repository is known by a registry digest: that one
    expect(unpushedImage([parseTagRef(`${REG}/app:prod`)], [`${REG}/app@${D}`], undefined)).toEqual({ image: `${REG}/app@${D}`, digest: D })
    // Docker Hub names are compared in the engine's familiar form
    expect(unpushedImage([parseTagRef('docker.io/library/busybox:1')], [`busybox@${D}`], undefined)).toEqual({ image: `busybox@${D}`, digest: D })
    // otherwise the first tag, no digest claimed
    expect(unpushedImage([parseTagRef(`${REG}/other:prod`)], [`${REG}/app@${D}`], parseImageRef(`${REG}/app@${D}`))).toEqual({
      image: `${REG}/other:prod`,
      digest: ''
    })
  })

  it('warns when a promoted, unchanged image got another manifest digest', () => {
    const ref = parseImageRef(`${REG}/app@${D}`)
    expect(promotionWarning(ref, D, true)).toBeUndefined()
    expect(promotionWarning(ref, OTHER, false)).toBeUndefined()
    expect(promotionWarning(ref, OTHER, true)).toContain(`pushed as ${OTHER}, not as ${D}`)
    expect(promotionWarning(parseImageRef('app:v1'), OTHER, true)).toBeUndefined()
  })

  it('looks a digest reference up by name@digest and trusts only a RepoDigests entry', () => {
    const ref = parseImageRef(`docker.io/library/busybox:1@${D}`)
    expect(lookupKey(`docker.io/library/busybox:1@${D}`, ref)).toBe(`docker.io/library/busybox@${D}`)
    expect(lookupKey('busybox:1', parseImageRef('busybox:1'))).toBe('busybox:1')
    expect(isVerified(info([`busybox@${D}`]), ref)).toBe(true)
    // the engine resolves name@sha256:X to the image whose id is X: not proof of the manifest digest
    expect(isVerified(info([]), ref)).toBe(false)
    expect(isVerified(info([`other@${D}`, `busybox@${OTHER}`]), ref)).toBe(false)
    expect(isVerified(info([]), parseImageRef('busybox:1'))).toBe(true)
  })
})

describe('registry-side promotion (issue 23): the source and what imagetools reports', () => {
  const d = 'sha256:' + 'a'.repeat(64)
  it('the source is the digest given, or the one the engine recorded for the repository pulled by tag', () => {
    expect(registrySource(parseImageRef(`r.io/team/app@${d}`), [])).toEqual({ ref: `r.io/team/app@${d}`, digest: d })
    expect(registrySource(parseImageRef('r.io/team/app:v1'), [`r.io/team/app@${d}`])).toEqual({ ref: `r.io/team/app@${d}`, digest: d })
    expect(registrySource(parseImageRef('docker.io/library/app:v1'), [`app@${d}`])).toEqual({ ref: `docker.io/library/app@${d}`, digest: d })
    expect(registrySource(parseImageRef('app:local'), [])).toBeUndefined()
  })
  it('an index is an OCI index or a manifest list; a manifest is not', () => {
    expect(isIndex('{"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}')).toBe(true)
    expect(isIndex('{"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json"}')).toBe(true)
    expect(isIndex('{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","layers":[]}')).toBe(false)
    expect(isIndex('not json')).toBe(false)
  })
  it('reads the digest imagetools pushed to each tag, by the familiar name (buildx prints docker.io/… in full)', () => {
    const out = `#1 0.000 copying ${d} from r.io/a@${d} to r.io/b:prod\n#1 0.05 pushing ${d} to r.io/b:prod\n#2 0.0 pushing ${d} to docker.io/acme/app:prod\n#3 0.0 pushing ${d} to docker.io/library/app:prod\n`
    expect([...pushedByImagetools(out)]).toEqual([
      ['r.io/b:prod', d],
      ['acme/app:prod', d],
      ['app:prod', d]
    ])
  })
})
