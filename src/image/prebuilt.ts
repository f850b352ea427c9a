import { InputError, excerpt } from '../errors.js'
import { digestRef, familiarName, formatRef, refName, type ImageRef, type TagRef } from './ref.js'

/**
 * The tags a pre-built `image` gets (design.md §3.4): the `tags` input when given (a promotion), else
 * the image's own name:tag. A digest reference names a manifest, not a place to tag: no tag then.
 */
export function prebuiltTags(ref: ImageRef, tags: TagRef[]): TagRef[] {
  if (tags.length > 0) return tags
  const { digest, ...name } = ref
  return digest === undefined ? [name] : []
}

/**
 * Combinations that cannot do what they say, refused before any Docker side effect: a digest cannot
 * be pushed to, and a predeploy commit of a digest image would make an image nothing names.
 */
export function checkPrebuilt(text: string, ref: ImageRef, tags: TagRef[], push: boolean, predeployRuns: boolean): void {
  if (!ref.digest || tags.length > 0) return
  const quoted = excerpt(text, 300)
  if (predeployRuns) {
    throw new InputError(
      `image: ${quoted} is a digest reference and predeploy would commit a new image under no name; give tags for the committed image (with push: true to get its digest), or leave predeploy out of phases`
    )
  }
  if (push) {
    throw new InputError(
      `push: image ${quoted} is a digest reference: it is already in its registry and a digest cannot be pushed to; give tags to promote it under (e.g. registry/app:production), or drop push`
    )
  }
}

/**
 * `image` and `digest` outputs when nothing was pushed (design.md §6): the reference the deploy job can pull.
 * An image the engine knows by a registry digest in the first tag's repository is named by it; with no
 * tag at all (a digest reference, unchanged) the reference itself; else the first tag.
 */
export function unpushedImage(tags: readonly TagRef[], repoDigests: string[], source: ImageRef | undefined): { image: string; digest: string } {
  if (tags.length === 0) {
    return source?.digest ? { image: digestRef({ ...source, digest: source.digest }), digest: source.digest } : { image: '', digest: '' }
  }
  const repo = familiarName(tags[0])
  const known = repoDigests.find(d => d.startsWith(`${repo}@`))
  return known ? { image: known, digest: known.slice(repo.length + 1) } : { image: formatRef(tags[0]), digest: '' }
}

/**
 * Where a pre-built image is in its registry, by digest: the digest it was given by, or the one the
 * engine recorded for its repository when pulled by tag. Undefined for an image known only locally.
 */
export function registrySource(source: ImageRef | undefined, repoDigests: string[]): { ref: string; digest: string } | undefined {
  if (!source) return undefined
  if (source.digest) return { ref: digestRef({ ...source, digest: source.digest }), digest: source.digest }
  const repo = familiarName(source)
  const known = repoDigests.find(d => d.startsWith(`${repo}@`))
  return known ? { ref: `${refName(source)}@${known.slice(repo.length + 1)}`, digest: known.slice(repo.length + 1) } : undefined
}

/**
 * A promoted, unchanged image should keep its manifest digest; docker rebuilds the manifest on push,
 * so say so when the registry now holds another one (same image id, other manifest).
 */
export function promotionWarning(source: ImageRef | undefined, pushed: string, unchanged: boolean): string | undefined {
  if (!source?.digest || !unchanged || pushed === source.digest) return undefined
  return `the promoted image was pushed as ${pushed}, not as ${source.digest} (the digest it was given by): the same image under a rebuilt manifest`
}
