import * as core from '../runner.js'
import { ActionError, lastLine } from '../errors.js'
import { digestRef, familiarName, type ImageRef } from './ref.js'
import { Tail, type DockerClient } from '../docker/cli.js'
import { inspectImage, type ImageInfo } from './inspect.js'

/** The name docker looks the image up by: `name@digest` for a digest reference (a tag beside it is ignored). */
export function lookupKey(text: string, ref: ImageRef): string {
  return ref.digest ? digestRef({ ...ref, digest: ref.digest }) : text
}

/** `repo@digest` as the engine records it in RepoDigests (familiar name: no docker.io/library/). */
export function expectedRepoDigest(ref: ImageRef): string | undefined {
  return ref.digest ? `${familiarName(ref)}@${ref.digest}` : undefined
}

/**
 * Whether the local image is the one the digest names. Needed because the engine also resolves
 * `name@sha256:X` to the image whose *id* is X, whatever its name: only a RepoDigests entry proves
 * that image came from (or went to) that repository under that manifest digest.
 */
export function isVerified(info: ImageInfo, ref: ImageRef): boolean {
  const expected = expectedRepoDigest(ref)
  return expected === undefined || info.repoDigests.includes(expected)
}

function pullFailure(key: string, ref: ImageRef, output: string): ActionError {
  const why = lastLine(output).replace(/^Error response from daemon: /, '') || 'no output'
  const hint =
    // Not for access or network failures: there the digest is not what is wrong.
    ref.digest && !/unauthorized|denied|authenticat|connection|no such host|timeout|tls|certificate/i.test(why)
      ? `; the registry has no image with that digest in ${familiarName(ref)}: pass a registry manifest digest (a release run's digest or image output), not an image id`
      : ''
  return new ActionError(`image: docker pull ${key} failed: ${why}${hint}`)
}

/**
 * design.md §3.4: the pre-built image, as is. Looked up locally (by digest when the reference has one),
 * pulled when absent, and for a digest reference verified: its RepoDigests must hold that exact
 * repo@digest, or the run stops before any container starts.
 */
export async function acquireReference(cli: DockerClient, text: string, ref: ImageRef, checkCancelled: () => void = () => undefined): Promise<ImageInfo> {
  const key = lookupKey(text, ref)
  let info = await inspectImage(cli, key)
  if (info && !isVerified(info, ref)) info = undefined
  if (!info) {
    core.startGroup(`Pulling ${key}`)
    const tail = new Tail(5)
    const code = await cli.stream(['pull', key], { cancellable: true, onChunk: b => tail.push(b) }).finally(() => core.endGroup())
    checkCancelled()
    if (code !== 0) throw pullFailure(key, ref, tail.text())
    info = await inspectImage(cli, key)
    if (!info) throw new ActionError(`image ${key} is not in the local engine after pulling it`)
  }
  if (!isVerified(info, ref)) {
    throw new ActionError(
      `image: ${key} resolved to ${info.id}, whose registry digests (${info.repoDigests.join(', ') || 'none'}) do not include ${expectedRepoDigest(ref)}: refusing to run an image other than the one named`
    )
  }
  return info
}
