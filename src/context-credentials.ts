/**
 * design.md §3.6: a checkout's persisted credentials never enter a build context unnoticed.
 * actions/checkout (before v6) keeps the job's token in `.git/config` as
 * `http.<url>.extraheader = AUTHORIZATION: basic …`; `COPY . /src` sends the whole context, every
 * `.git` in it included, bakes the token into the image and shows it to every task. The Dockerfile is not
 * read: a persisted credential anywhere in the context is refused (the fix costs one line).
 * docker/build-push-action's default Git context carries no `.git`; ours is a directory, so it is checked.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { InputError } from './errors.js'
import { readFileIfRegular } from './workspace-files.js'

/** A config line that carries a credential: an auth header, a credential helper, a URL with a password. */
const CREDENTIAL_LINE = [
  { what: 'an http extraheader with an Authorization header', re: /^\s*extraheader\s*=\s*"?\s*authorization\s*:/im },
  { what: 'a credential helper', re: /^\s*\[\s*credential\b[^\]]*\][^[]*?^\s*helper\s*=\s*\S/ims },
  { what: 'a URL with a password', re: /^\s*(?:url|pushurl)\s*=\s*"?[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/im }
]

/** Directories walked at most, looking for `.git` (a context this large says so in a warning). */
export const MAX_DIRS = 20_000

type Ignore = import('@balena/dockerignore').Ignore

/**
 * The ignore file BuildKit uses for this build: `<Dockerfile>.dockerignore` when it exists (BuildKit
 * follows a link to it), else `<context>/.dockerignore`.
 */
function ignoreText(context: string, dockerfile: string | undefined): string {
  const own = dockerfile ? `${dockerfile}.dockerignore` : undefined
  if (own && fs.existsSync(own)) return readFileIfRegular(own) ?? ''
  return readFileIfRegular(path.join(context, '.dockerignore')) ?? ''
}

/** Each `.git` config in a `.git` directory: its own and every submodule's under `modules`. */
function configsOf(gitDir: string): string[] {
  const out = [path.join(gitDir, 'config')]
  const modules = path.join(gitDir, 'modules')
  if (fs.existsSync(modules) && fs.lstatSync(modules).isDirectory()) {
    const found = fs.readdirSync(modules, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name === 'config')
    for (const e of found.slice(0, 1000)) out.push(path.join(e.parentPath, e.name))
  }
  return out
}

/**
 * Every `.git` directory in the context at any depth (a second checkout with `path:` inside the
 * workspace has its own), never following links (buildx does not) and skipping what the ignore file
 * excludes. Walks at most MAX_DIRS directories; `truncated` says so.
 */
function gitDirs(context: string, ig: Ignore | undefined, exceptions: boolean, maxDirs: number): { dirs: string[]; truncated: boolean } {
  const dirs: string[] = []
  const queue = [context]
  for (let next = 0; next < queue.length; next++) {
    if (next >= maxDirs) return { dirs, truncated: true }
    const dir = queue[next]
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      continue
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue
      const full = path.join(dir, e.name)
      // A `.git` is judged by its config files' own paths (an exception can re-include one); an ignored
      // directory is skipped only when no `!` exception could re-include something below it.
      if (e.name === '.git') dirs.push(full)
      else if (exceptions || !ig?.ignores(path.relative(context, full))) queue.push(full)
    }
  }
  return { dirs, truncated: false }
}

async function loadIgnore(text: string): Promise<Ignore> {
  // A CommonJS module whose module.exports is the factory: under NodeNext that is `default` itself.
  const ignore = (await import('@balena/dockerignore')).default as unknown as (o: { ignorecase: boolean }) => Ignore
  // Linux BuildKit matches case-sensitively: `.GIT` in .dockerignore does not exclude `.git`.
  return ignore({ ignorecase: false }).add(text)
}

/**
 * Refuses, before the build, a context (and each local named build context) that would send a persisted
 * credential to the builder. Returns a warning when a context was too large to walk whole.
 */
export async function checkContextCredentials(
  contexts: { dir: string; name: string; dockerfile?: string }[],
  workspace: string,
  maxDirs = MAX_DIRS
): Promise<string | undefined> {
  let warning: string | undefined
  for (const c of contexts) {
    const text = ignoreText(c.dir, c.dockerfile)
    const ig = text.trim() === '' ? undefined : await loadIgnore(text)
    const { dirs, truncated } = gitDirs(c.dir, ig, /^\s*!/m.test(text), maxDirs)
    if (truncated) {
      warning = `context ${c.name}: more than ${maxDirs} directories; the check for persisted checkout credentials looked at the first ${maxDirs} (exclude what the build does not need in .dockerignore)`
    }
    for (const gitDir of dirs) {
      for (const file of configsOf(gitDir)) {
        const rel = path.relative(c.dir, file)
        const config = readFileIfRegular(file, { follow: false })
        const found = config === undefined ? undefined : CREDENTIAL_LINE.find(x => x.re.test(config))
        if (!found || ig?.ignores(rel)) continue
        throw new InputError(
          `context ${c.name}: ${path.relative(workspace, file)} holds ${found.what} (a checkout's persisted token), and the build would send it to the builder, ` +
            'where COPY . puts it in the image. Set persist-credentials: false on actions/checkout, or add .git to .dockerignore'
        )
      }
    }
  }
  return warning
}
