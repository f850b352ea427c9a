import { InputError, excerpt } from '../errors.js'

/**
 * An image reference as typed data (design.md §3.4, §3.5): `[registry/]repository[:tag][@digest]`.
 * `registry` is `host[:port]` as written; `repository` is the path after it (`team/app`).
 */
export interface ImageRef {
  registry?: string
  repository: string
  tag?: string
  digest?: string
}

// The grammar of distribution/reference (regexp.go), the one the docker CLI parses with.
const ALNUM = '[a-z0-9]+'
const SEPARATOR = '(?:[._]|__|[-]+)'
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`
const REMOTE_NAME = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`)
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/
/** go-digest's registered algorithms: the encoded part is lower-case hex of this length. */
const DIGEST_HEX: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }
/** distribution/reference's RepositoryNameTotalLengthMax: the path, registry not counted. */
const PATH_MAX = 255

class RefError extends Error {}

function checkDigest(digest: string): void {
  if (!DIGEST.test(digest)) throw new RefError('the digest must look like sha256:<64 hex digits>')
  const [algorithm, hex] = digest.split(':')
  const length = DIGEST_HEX[algorithm]
  if (length === undefined) throw new RefError(`unsupported digest algorithm "${excerpt(algorithm, 20)}"; use sha256`)
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
    throw new RefError(`a ${algorithm} digest is ${length} lower-case hex digits (this one has ${hex.length} characters)`)
  }
}

/**
 * docker's rule (splitDockerDomain): the first path component is a registry when it is `localhost`
 * or holds a `.` or a `:`; otherwise the whole name is a repository path (on Docker Hub).
 * (Newer CLIs also take an upper-case first component as a host; Docker 20.10 rejects it, so do we.)
 */
function splitRegistry(name: string): { registry?: string; repository: string } {
  const slash = name.indexOf('/')
  if (slash < 0) return { repository: name }
  const first = name.slice(0, slash)
  if (first === 'localhost' || /[.:]/.test(first)) return { registry: first, repository: name.slice(slash + 1) }
  return { repository: name }
}

function parse(text: string): ImageRef {
  if (text === '') throw new RefError('it is empty')
  if (/^(?:sha256:)?[a-f0-9]{64}$/.test(text)) {
    throw new RefError('that is an image ID; give a reference such as name:tag or name@sha256:<digest>')
  }
  const at = text.indexOf('@')
  const digest = at < 0 ? undefined : text.slice(at + 1)
  const named = at < 0 ? text : text.slice(0, at)
  const colon = named.lastIndexOf(':')
  const hasTag = colon > named.lastIndexOf('/')
  const name = hasTag ? named.slice(0, colon) : named
  const tag = hasTag ? named.slice(colon + 1) : undefined
  const { registry, repository } = splitRegistry(name)
  if (registry !== undefined && !DOMAIN.test(registry)) throw new RefError('')
  if (!REMOTE_NAME.test(repository)) {
    throw new RefError(REMOTE_NAME.test(repository.toLowerCase()) ? 'repository names must be lower-case' : '')
  }
  if (repository.length > PATH_MAX) {
    throw new RefError(`the repository path is ${repository.length} characters; at most ${PATH_MAX} are allowed`)
  }
  if (tag !== undefined && !TAG.test(tag)) {
    throw new RefError(tag.length > 128 && TAG.test(tag.slice(0, 128)) ? `the tag is ${tag.length} characters; at most 128 are allowed` : '')
  }
  if (digest !== undefined) checkDigest(digest)
  return { ...(registry !== undefined && { registry }), repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) }
}

function invalid(what: string, text: string, why: string): InputError {
  return new InputError(`${what}: "${excerpt(text, 300)}" is not a valid image reference${why ? `: ${why}` : ''}`)
}

/** Any reference (the `image` input): name, name:tag, name@digest, name:tag@digest. */
export function parseImageRef(text: string, what = 'image'): ImageRef {
  try {
    return parse(text)
  } catch (e) {
    if (e instanceof RefError) throw invalid(what, text, e.message)
    throw e
  }
}

/**
 * A `tags` entry, parsed once and kept parsed (inputs, default tags, push, commit): where the image is
 * named and pushed, so `name[:tag]`, never a digest. `formatRef` gives it back as written.
 */
export type TagRef = ImageRef & { readonly digest?: undefined }

/** A `tags` entry: name[:tag] only. */
export function parseTagRef(text: string, what = 'tags'): TagRef {
  const ref = parseImageRef(text, what)
  if (ref.digest !== undefined) {
    throw invalid(what, text, 'a tag cannot carry a digest (the registry computes it on push); give name:tag, and pass a digest reference as image')
  }
  return ref as TagRef
}

/** The tag a `TagRef` names: docker's `latest` when none is written. */
export function tagOf(ref: TagRef): string {
  return ref.tag ?? 'latest'
}

/** `registry/repository`, as written. */
export function refName(ref: ImageRef): string {
  return ref.registry === undefined ? ref.repository : `${ref.registry}/${ref.repository}`
}

export function formatRef(ref: ImageRef): string {
  return `${refName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`
}

/**
 * The name as docker prints it in RepoDigests: Docker Hub's registry and its `library/` namespace
 * left out (`docker.io/library/busybox` → `busybox`).
 */
export function familiarName(ref: ImageRef): string {
  const hub = ref.registry === undefined || ref.registry === 'docker.io' || ref.registry === 'index.docker.io'
  if (!hub) return refName(ref)
  const official = ref.repository.slice('library/'.length)
  return ref.repository.startsWith('library/') && !official.includes('/') ? official : ref.repository
}

/** `name@digest`: the canonical form of a digest reference (a tag beside a digest is ignored by docker). */
export function digestRef(ref: ImageRef & { digest: string }): string {
  return `${refName(ref)}@${ref.digest}`
}
