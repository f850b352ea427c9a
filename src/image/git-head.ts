/**
 * design.md §3.2 / §3.3: the commit checked out in the working directory, read from its `.git` (no git
 * process). Under `pull_request_target` or a checkout of another ref, `GITHUB_SHA` names a commit that is
 * not the one being built; the image's default tag and revision label must name the one that is.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { readFileIfRegular } from '../workspace-files.js'

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
const REF = /^refs\/[A-Za-z0-9._/-]+$/

const readSmall = (file: string): string | undefined => readFileIfRegular(file)

/** Where a checkout's refs and config are: a worktree's common directory, else the git directory itself. */
function commonDir(gitDir: string): string {
  const common = readSmall(path.join(gitDir, 'commondir'))?.trim()
  return common ? path.resolve(gitDir, common) : gitDir
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
  for (const dir of new Set([gitDir, commonDir(gitDir)])) {
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
 * Whether a checkout's `origin` is `repository` (`owner/name`, as GITHUB_REPOSITORY): a second checkout
 * of another repository (`actions/checkout` with `repository:` and `path:`), or a submodule, has its
 * own commits, which must not name or label an image of this one. No origin, or no repository to
 * compare with (outside GitHub): trusted.
 */
export function originIs(gitDir: string, repository: string | undefined): boolean {
  if (!repository) return true
  const config = readSmall(path.join(commonDir(gitDir), 'config')) ?? ''
  const origin = /\[remote "origin"\][^[]*?^\s*url\s*=\s*(\S+)/ims.exec(config)?.[1]
  if (!origin) return true
  const repoPath = origin
    .replace(/\.git\/?$/, '')
    .replace(/^[a-z+]+:\/\/[^/]+\//i, '')
    .replace(/^[^@]+@[^:]+:/, '')
  return repoPath.toLowerCase() === repository.toLowerCase()
}

/**
 * The HEAD commit of the checkout holding `dir` (searched up to `root`): `sha`, or `unreadable` when a
 * checkout is there but its HEAD is not read here (a reftable repository, a ref that is not a commit,
 * a checkout of another repository than `repository`).
 */
export function checkedOutCommit(dir: string, root: string, repository?: string): { sha?: string; unreadable?: string } {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const gitDir = gitDirAt(d)
    if (gitDir) {
      if (!originIs(gitDir, repository)) return { unreadable: gitDir }
      const head = readSmall(path.join(gitDir, 'HEAD'))?.trim() ?? ''
      if (SHA.test(head)) return { sha: head }
      const ref = /^ref: (\S+)$/.exec(head)?.[1]
      const sha = ref ? resolveRef(gitDir, ref) : undefined
      return sha ? { sha } : { unreadable: gitDir }
    }
    if (d === path.resolve(root) || d === path.dirname(d)) return {}
  }
}
