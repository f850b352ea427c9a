/**
 * design.md §3.6: a checkout's persisted credentials never enter the build context unnoticed.
 * actions/checkout (before v6, and v6 where the config is copied) keeps the job's token in
 * `.git/config` as `http.<url>.extraheader = AUTHORIZATION: basic …`; buildx sends the whole context,
 * `.git` included, so `COPY . /src` bakes the token into the image and shows it to every task.
 * docker/build-push-action's default Git context carries no `.git`; ours is a directory, so it is checked.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { InputError } from './errors.js'
import { MAX_FILE } from './workspace-files.js'

/** A config line that carries a credential: an auth header, a credential helper, a URL with a password. */
const CREDENTIAL_LINE = [
  { what: 'an http extraheader with an Authorization header', re: /^\s*extraheader\s*=\s*"?\s*authorization\s*:/im },
  { what: 'a credential helper', re: /^\s*\[\s*credential\b[^\]]*\][^[]*?^\s*helper\s*=\s*\S/ims },
  { what: 'a URL with a password', re: /^\s*(?:url|pushurl)\s*=\s*"?[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/im }
]

/** A file's text when it is a regular file itself (never a link: buildx sends a link, not its target). */
function readOwnFile(file: string): string | undefined {
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK)
  } catch {
    return undefined
  }
  try {
    const st = fs.fstatSync(fd)
    if (!st.isFile() || st.size > MAX_FILE) return undefined
    return fs.readFileSync(fd, 'utf8')
  } finally {
    fs.closeSync(fd)
  }
}

/** `.git/config` and each submodule's config under `.git/modules` (checkout persists into both). */
function gitConfigs(context: string): string[] {
  const gitDir = path.join(context, '.git')
  let st: fs.Stats
  try {
    st = fs.lstatSync(gitDir)
  } catch {
    return []
  }
  if (!st.isDirectory()) return []
  const out = ['.git/config']
  const modules = path.join(gitDir, 'modules')
  if (fs.existsSync(modules) && fs.lstatSync(modules).isDirectory()) {
    const found = fs.readdirSync(modules, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name === 'config')
    for (const e of found.slice(0, 1000)) out.push(path.relative(context, path.join(e.parentPath, e.name)))
  }
  return out
}

/**
 * The ignore file buildx uses for this build: `<Dockerfile>.dockerignore` beside the Dockerfile when it
 * exists, else `<context>/.dockerignore` (BuildKit's rule).
 */
function ignoreText(context: string, dockerfile: string): string {
  return readOwnFile(`${dockerfile}.dockerignore`) ?? readOwnFile(path.join(context, '.dockerignore')) ?? ''
}

/**
 * Refuses, before the build, a context that would send a persisted credential to the builder. Reads only
 * `.git` configs; the .dockerignore matcher (Docker's own semantics) loads only when one holds a credential.
 */
export async function checkContextCredentials(context: string, dockerfile: string, contextName: string): Promise<void> {
  const hits: { file: string; what: string }[] = []
  for (const rel of gitConfigs(context)) {
    const text = readOwnFile(path.join(context, rel))
    const found = text === undefined ? undefined : CREDENTIAL_LINE.find(c => c.re.test(text))
    if (found) hits.push({ file: rel, what: found.what })
  }
  if (hits.length === 0) return
  // A CommonJS module whose module.exports is the factory: under NodeNext that is `default` itself.
  const ignore = (await import('@balena/dockerignore')).default as unknown as () => import('@balena/dockerignore').Ignore
  const ig = ignore().add(ignoreText(context, dockerfile))
  const sent = hits.filter(h => !ig.ignores(h.file))
  if (sent.length === 0) return
  const [first] = sent
  throw new InputError(
    `context ${contextName}: ${first.file} holds ${first.what} (a checkout's persisted token), and the build would send it to the builder, ` +
      'where COPY . puts it in the image. Set persist-credentials: false on actions/checkout, or add .git to .dockerignore'
  )
}
