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
import { InputError } from '../errors.js'
import { outside, readFileIfRegular, realpathExisting } from '../workspace-files.js'

/** A config line that carries a credential: an auth header, a credential helper, a URL with a password. */
const CREDENTIAL_LINE = [
  { what: 'an http extraheader with an Authorization header', re: /^\s*extraheader\s*=\s*"?\s*authorization\s*:/im },
  { what: 'a credential helper', re: /^\s*\[\s*credential\b[^\]]*\][^[]*?^\s*helper\s*=\s*\S/ims },
  { what: 'a URL with a password', re: /^\s*(?:url|pushurl)\s*=\s*"?[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/im },
  // From a review: a token as the URL's user (`https://ghp_…@github.com/…`), and a URL with a password in
  // a section header (`[url "https://x-access-token:…@github.com/"] insteadOf = …`).
  { what: 'a URL with a token', re: /^\s*(?:url|pushurl)\s*=\s*"?https?:\/\/(?:gh[opsur]_|github_pat_|glpat-|x-access-token|x-token-auth|oauth2)[^/@\s]*@/im },
  { what: 'a URL with a password', re: /^\s*\[\s*url\s+"[a-z][a-z0-9+.-]*:\/\/[^/@\s:"]*:[^/@\s"]+@/im }
]

/**
 * Bounds of the walk (design.md §9.4). Past one, the check cannot say the context is clean, so the
 * step fails (issue 33: a token behind the 20,000th directory used to be sent with a warning).
 */
export const MAX_DIRS = 50_000
/** Submodule configs under one `.git/modules`. */
const MAX_MODULE_CONFIGS = 1000
/** One `.git` config's size: a larger one is not read, so it is refused. */
const MAX_CONFIG = 1024 * 1024

type Ignore = import('@balena/dockerignore').Ignore

/**
 * The ignore file BuildKit uses for this build: `<Dockerfile>.dockerignore` when it exists, else
 * `<context>/.dockerignore`. BuildKit follows a link to it only inside the directory it reads it from
 * (fsutil resolves an absolute target against that root): a link read otherwise on the runner would
 * make this check skip what BuildKit sends (a review), so one that leaves that directory is refused.
 */
function ignoreText(context: string, dockerfile: string | undefined): string {
  const own = dockerfile ? `${dockerfile}.dockerignore` : undefined
  if (own && fs.lstatSync(own, { throwIfNoEntry: false })) return readIgnore(own, path.dirname(own))
  return readIgnore(path.join(context, '.dockerignore'), context)
}

function readIgnore(file: string, root: string): string {
  const st = fs.lstatSync(file, { throwIfNoEntry: false })
  if (st?.isSymbolicLink()) {
    const target = fs.readlinkSync(file)
    const real = fs.existsSync(file) ? fs.realpathSync(file) : undefined
    if (path.isAbsolute(target) || real === undefined || outside(realpathExisting(root), real)) {
      throw new InputError(
        `${path.basename(file)} is a link to ${target}, which BuildKit does not read where it points on the runner, so the check for persisted checkout credentials cannot use it; make it a regular file (or a relative link that stays beside it)`
      )
    }
  }
  return readFileIfRegular(file) ?? ''
}

/** Each `.git` config in a `.git` directory that the build sends: its own and every submodule's under `modules`. */
function configsOf(gitDir: string, sent: (file: string) => boolean, tooMany: (file: string, what: string) => InputError): string[] {
  const configs = [path.join(gitDir, 'config')]
  const modules = path.join(gitDir, 'modules')
  if (fs.existsSync(modules) && fs.lstatSync(modules).isDirectory()) {
    const found = fs.readdirSync(modules, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name === 'config')
    configs.push(...found.map(e => path.join(e.parentPath, e.name)))
  }
  const out = configs.filter(sent)
  if (out.length > MAX_MODULE_CONFIGS) throw tooMany(modules, `holds more than ${MAX_MODULE_CONFIGS} submodule configs`)
  return out
}

/**
 * A `.git` config's text for the check: undefined for a link (buildx sends the link, not its target)
 * or a file that is gone; anything else that cannot be read whole is refused.
 */
function configText(file: string, tooMany: (file: string, what: string) => InputError): string | undefined {
  const st = fs.lstatSync(file, { throwIfNoEntry: false })
  if (!st || st.isSymbolicLink()) return undefined
  const text = readFileIfRegular(file, { follow: false, limit: MAX_CONFIG })
  if (text === undefined && st.isFile()) throw tooMany(file, `is ${st.size} bytes (at most ${MAX_CONFIG} are read)`)
  return text
}

/**
 * Every `.git` directory in the context at any depth (a second checkout with `path:` inside the
 * workspace has its own), never following links (buildx does not) and skipping what the ignore file
 * excludes. Walks at most MAX_DIRS directories; `truncated` says so, and `unreadable` names a directory it could not list.
 */
function gitDirs(context: string, ig: Ignore | undefined, exceptions: boolean, maxDirs: number): { dirs: string[]; truncated: boolean; unreadable?: string } {
  const dirs: string[] = []
  const queue = [context]
  for (let next = 0; next < queue.length; next++) {
    if (next >= maxDirs) return { dirs, truncated: true }
    const dir = queue[next]
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch (e) {
      // Gone meanwhile is nothing to send; anything else unread could hold a `.git` (fails closed).
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue
      return { dirs, truncated: true, unreadable: dir }
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
 * credential to the builder, or that is too large for the check to say it does not.
 */
export async function checkContextCredentials(
  contexts: { dir: string; name: string; dockerfile?: string }[],
  workspace: string,
  maxDirs = MAX_DIRS
): Promise<void> {
  for (const c of contexts) {
    const tooMany = (file: string, what: string): InputError =>
      new InputError(
        `context ${c.name}: ${path.relative(workspace, file) || '.'} ${what}, so the check for persisted checkout credentials cannot say the build context holds none. ` +
          'Exclude what the build does not need in .dockerignore (node_modules, vendor, .git), or build from a smaller context'
      )
    const text = ignoreText(c.dir, c.dockerfile)
    const ig = text.trim() === '' ? undefined : await loadIgnore(text)
    const { dirs, truncated, unreadable } = gitDirs(c.dir, ig, /^\s*!/m.test(text), maxDirs)
    if (unreadable) throw tooMany(unreadable, 'cannot be listed')
    if (truncated) throw tooMany(c.dir, `holds more than ${maxDirs} directories that the build would send`)
    for (const gitDir of dirs) {
      const sent = (file: string): boolean => !ig?.ignores(path.relative(c.dir, file))
      for (const file of configsOf(gitDir, sent, tooMany)) {
        const config = configText(file, tooMany)
        const found = config === undefined ? undefined : CREDENTIAL_LINE.find(x => x.re.test(config))
        if (!found) continue
        throw new InputError(
          `context ${c.name}: ${path.relative(workspace, file)} holds ${found.what} (a checkout's persisted token), and the build would send it to the builder, ` +
            'where COPY . puts it in the image. Set persist-credentials: false on actions/checkout, or add .git to .dockerignore'
        )
      }
    }
  }
}
