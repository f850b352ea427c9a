/**
 * design.md §3.2 / §3.3: the commit checked out in the working directory, read from its `.git` (no git
 * process). Under `pull_request_target` or a checkout of another ref, `GITHUB_SHA` names a commit that is
 * not the one being built; the image's default tag and revision label must name the one that is.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
const REF = /^refs\/[A-Za-z0-9._/-]+$/

function readSmall(file: string): string | undefined {
  try {
    const st = fs.statSync(file)
    return st.isFile() && st.size <= 1024 * 1024 ? fs.readFileSync(file, 'utf8') : undefined
  } catch {
    return undefined
  }
}

/** The git directory of a checkout at `dir`: `.git` itself, or the one a `gitdir:` file names. */
function gitDirAt(dir: string): string | undefined {
  const dotGit = path.join(dir, '.git')
  let st: fs.Stats
  try {
    st = fs.statSync(dotGit)
  } catch {
    return undefined
  }
  if (st.isDirectory()) return dotGit
  const m = /^gitdir: (.+)$/m.exec(readSmall(dotGit) ?? '')
  return m ? path.resolve(dir, m[1].trim()) : undefined
}

function resolveRef(gitDir: string, ref: string): string | undefined {
  if (!REF.test(ref) || ref.split('/').includes('..')) return undefined
  // A worktree keeps its refs in the common directory.
  const common = readSmall(path.join(gitDir, 'commondir'))?.trim()
  for (const dir of common ? [gitDir, path.resolve(gitDir, common)] : [gitDir]) {
    const loose = readSmall(path.join(dir, ref))?.trim()
    if (loose && SHA.test(loose)) return loose
    for (const line of (readSmall(path.join(dir, 'packed-refs')) ?? '').split('\n')) {
      const [sha, name] = line.trim().split(' ')
      if (name === ref && SHA.test(sha)) return sha
    }
  }
  return undefined
}

/**
 * The HEAD commit of the checkout holding `dir` (searched up to `root`): `sha`, or `unreadable` when a
 * checkout is there but its HEAD is not read here (a reftable repository, a ref that is not a commit).
 */
export function checkedOutCommit(dir: string, root: string): { sha?: string; unreadable?: string } {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const gitDir = gitDirAt(d)
    if (gitDir) {
      const head = readSmall(path.join(gitDir, 'HEAD'))?.trim() ?? ''
      if (SHA.test(head)) return { sha: head }
      const ref = /^ref: (\S+)$/.exec(head)?.[1]
      const sha = ref ? resolveRef(gitDir, ref) : undefined
      return sha ? { sha } : { unreadable: gitDir }
    }
    if (d === path.resolve(root) || d === path.dirname(d)) return {}
  }
}
