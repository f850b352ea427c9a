import { DockerError, lastLine } from '../errors.js'
import type { DockerClient } from '../docker/cli.js'
import { stopCommands } from '../relay.js'
import { familiarName, formatRef, parseImageRef, tagOf, type ImageRef, type TagRef } from './ref.js'
import { inspectImage } from './inspect.js'

/** `docker push` prints `<tag>: digest: sha256:… size: N` as its last step. */
export function digestFromPushOutput(out: string): string | undefined {
  return /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1]
}

/**
 * Whether `digest`, just pushed under `tag`, is the image `imageId`: the engine records a pushed manifest
 * digest on the image it pushed (RepoDigests), and on the containerd store the image id is that digest.
 */
export function pushedIsImage(tag: TagRef, digest: string, imageId: string, repoDigests: string[]): boolean {
  if (digest === imageId) return true
  const repo = familiarName(tag)
  return repoDigests.some(rd => {
    const parsed = engineRef(rd)
    return parsed?.digest === digest && familiarName(parsed) === repo
  })
}

/** A reference the engine or buildx printed, parsed; undefined when it is not one. */
function engineRef(text: string): ImageRef | undefined {
  try {
    return parseImageRef(text)
  } catch {
    return undefined
  }
}

/**
 * design.md §6.1: pushes each tag as exactly the image whose phases passed; returns the registry's
 * manifest digest of the first. A tag is a name any process on the engine can move (a second run of the
 * same workflow on a shared self-hosted engine builds the same tag), so each is pointed at `imageId`
 * right before its push, and what was pushed is checked after it: a mismatch fails before the next tag.
 */
export async function pushTags(cli: DockerClient, tags: readonly TagRef[], imageId: string, checkCancelled: () => void = () => undefined): Promise<string> {
  let digest = ''
  for (const ref of tags) {
    const tag = formatRef(ref)
    // A cancelled job pushes no further tag.
    checkCancelled()
    await cli.ok(['tag', imageId, tag], `docker tag ${tag}`)
    const r = await cli.exec(['push', tag])
    if (r.code !== 0) throw new DockerError(`docker push ${tag} failed: ${lastLine(r.stderr) || lastLine(r.stdout)}`)
    // The registry's and docker's words: shown, never obeyed (relay.ts).
    const resume = stopCommands()
    process.stdout.write(r.stdout.endsWith('\n') || r.stdout === '' ? r.stdout : `${r.stdout}\n`)
    resume()
    const d = digestFromPushOutput(r.stdout)
    if (!d) throw new DockerError(`docker push ${tag} reported no digest`)
    const now = await inspectImage(cli, imageId)
    if (!pushedIsImage(ref, d, imageId, now?.repoDigests ?? [])) {
      throw new DockerError(
        `docker push ${tag} pushed ${d}, which is not the image whose phases passed (${imageId}): something else on this Docker engine ` +
          `re-tagged ${tag} between this step's tag and its push (another run of this workflow?). The registry holds that other image under ${tag} now; no further tag is pushed`
      )
    }
    if (!digest) digest = d
  }
  return digest
}

/** An OCI index or a Docker manifest list (what build-push-action pushes with provenance or for platforms). */
export function isIndex(raw: string): boolean {
  try {
    const m = JSON.parse(raw) as { mediaType?: string; manifests?: unknown }
    return /index|manifest\.list/.test(m.mediaType ?? '') || Array.isArray(m.manifests)
  } catch {
    return false
  }
}

/**
 * The digest `imagetools create` reports pushing to each tag (`pushing sha256:… to <tag>`), keyed by the
 * tag as docker prints it familiarly: buildx prints the normalized name (`docker.io/acme/app:prod`).
 */
export function pushedByImagetools(output: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of output.matchAll(/pushing (sha256:[0-9a-f]{64}) to (\S+)/g)) {
    const printed = engineRef(m[2])
    out.set(printed && printed.digest === undefined ? familiarTag(printed as TagRef) : m[2], m[1])
  }
  return out
}

/** `docker.io/library/app:1` → `app:1`. */
function familiarTag(ref: TagRef): string {
  return `${familiarName(ref)}:${tagOf(ref)}`
}

/**
 * design.md §3.5: promotes an unchanged image whose registry manifest is an index (attestations and
 * annotations included) registry-side, so every tag gets that very index: `docker buildx imagetools
 * create` copies a single index as it is (a `docker push` would push a manifest rebuilt from the local
 * image, without the attestations, under another digest). Undefined when the source is not an index:
 * then `docker push` keeps its digest.
 */
export async function promoteIndex(
  cli: DockerClient,
  source: string,
  digest: string,
  tags: readonly TagRef[],
  checkCancelled: () => void,
  log: (line: string) => void
): Promise<string | undefined> {
  const raw = await cli.exec(['buildx', 'imagetools', 'inspect', '--raw', source])
  if (raw.code !== 0) {
    log(`could not read the registry manifest of ${source} (${lastLine(raw.stderr)}): pushing with docker push, which keeps no index or attestation`)
    return undefined
  }
  if (!isIndex(raw.stdout)) return undefined
  checkCancelled()
  let output = ''
  const code = await cli.stream(['buildx', 'imagetools', 'create', ...tags.flatMap(t => ['--tag', formatRef(t)]), source], {
    cancellable: true,
    onChunk: b => (output += b.toString())
  })
  if (code !== 0) throw new DockerError(`docker buildx imagetools create failed: ${lastLine(output)}`)
  const pushed = pushedByImagetools(output)
  for (const t of tags) {
    if (pushed.get(familiarTag(t)) !== digest) {
      throw new DockerError(`promoting ${source}: ${formatRef(t)} was given ${pushed.get(familiarTag(t)) ?? 'nothing'} instead of the index itself (${digest})`)
    }
  }
  return digest
}
