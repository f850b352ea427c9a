import { DockerError } from '../errors.js'
import { lastLine, type DockerCli } from './cli.js'

/** `docker push` prints `<tag>: digest: sha256:… size: N` as its last step. */
export function digestFromPushOutput(out: string): string | undefined {
  return /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1]
}

/** `registry/repo:tag` → `registry/repo` (a port's colon is not a tag). */
export function repositoryOf(ref: string): string {
  const noDigest = ref.split('@')[0]
  const slash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  return colon > slash ? noDigest.slice(0, colon) : noDigest
}

/** design.md §6: pushes each tag; returns the registry's manifest digest of the first. */
export async function pushTags(cli: DockerCli, tags: string[], checkCancelled: () => void = () => undefined): Promise<string> {
  let digest = ''
  for (const tag of tags) {
    // A cancelled job pushes no further tag.
    checkCancelled()
    const r = await cli.exec(['push', tag])
    if (r.code !== 0) throw new DockerError(`docker push ${tag} failed: ${lastLine(r.stderr) || lastLine(r.stdout)}`)
    process.stdout.write(r.stdout)
    const d = digestFromPushOutput(r.stdout)
    if (!d) throw new DockerError(`docker push ${tag} reported no digest`)
    if (!digest) digest = d
  }
  return digest
}
