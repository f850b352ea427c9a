/**
 * design.md §2.2: the repository is untrusted input. Every path from an input or a manifest is resolved
 * with its links followed and must stay inside the workspace; the files read (manifests, env files) and
 * the Dockerfile must be regular files under a size limit.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { InputError } from './errors.js'

/**
 * 1 MiB: real manifests and env files are a few KiB. The action reads them whole before any side effect,
 * and every env-file value ends up in a process environment, where the kernel takes 2 MiB at most
 * (ARG_MAX) and 128 KiB per entry: a larger file can only be a mistake or an attack (`/dev/zero`).
 */
export const MAX_FILE = 1024 * 1024

/** The real path of `p`: links followed on the part that exists, the rest appended as written. */
export function realpathExisting(p: string): string {
  const abs = path.resolve(p)
  const rest: string[] = []
  let cur = abs
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse())
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e
      const parent = path.dirname(cur)
      if (parent === cur) return abs
      rest.push(path.basename(cur))
      cur = parent
    }
  }
}

/** Whether `p` lies outside `root`, on the text of both paths. */
export const outside = (root: string, p: string): boolean => {
  const rel = path.relative(root, p)
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)
}

/**
 * A path relative to `base` that must stay inside `root` (the workspace), on the text and again once
 * every link is followed. Returns the real path, so later reads cannot be sent elsewhere by a link.
 */
export function insidePath(root: string, base: string, rel: string, name: string): string {
  if (rel.includes('\0')) throw new InputError(`${name}: the path contains a NUL byte`)
  if (path.isAbsolute(rel)) throw new InputError(`${name}: "${rel}" is absolute; give a path relative to the workspace`)
  const abs = path.resolve(base, rel)
  if (outside(root, abs)) throw new InputError(`${name}: "${rel}" resolves outside the workspace`)
  const real = realpathExisting(abs)
  if (outside(realpathExisting(root), real)) throw new InputError(`${name}: "${rel}" resolves outside the workspace through a symbolic link`)
  return real
}

function kind(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  if (st.isSocket()) return 'a socket'
  if (st.isFile()) return 'a regular file'
  return 'of another file type'
}

/**
 * Reads a regular file of at most `limit` bytes; undefined when it does not exist. Opened with
 * O_NONBLOCK so a FIFO cannot hang the step, then checked with fstat before a byte is read.
 */
export function readRegularFile(file: string, what: string, limit = MAX_FILE, whyLimit = `at most ${limit} are read`): string | undefined {
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    if (code === 'EISDIR') throw new InputError(`${what} is a directory, not a regular file`)
    throw new InputError(`${what} cannot be read (${code ?? (e as Error).message})`)
  }
  try {
    const st = fs.fstatSync(fd)
    if (!st.isFile()) throw new InputError(`${what} is ${kind(st)}, not a regular file`)
    if (st.size > limit) throw new InputError(`${what} is ${st.size} bytes; ${whyLimit}`)
    return readOpened(fd, st.size)
  } finally {
    fs.closeSync(fd)
  }
}

/** The text of an opened file of `size` bytes (fewer if it shrank meanwhile). */
function readOpened(fd: number, size: number): string {
  const buf = Buffer.alloc(size)
  let n = 0
  while (n < size) {
    const r = fs.readSync(fd, buf, n, size - n, n)
    if (r === 0) break
    n += r
  }
  return buf.subarray(0, n).toString('utf8')
}

/**
 * readRegularFile without the errors, for files the action only looks into (git's own files, a `.git`
 * config in the build context, an ignore file): undefined for anything but a regular file under the
 * limit. `follow: false` refuses a link (buildx sends a link in the context as a link, not its target).
 */
export function readFileIfRegular(file: string, { follow = true, limit = MAX_FILE } = {}): string | undefined {
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (follow ? 0 : fs.constants.O_NOFOLLOW))
  } catch {
    return undefined
  }
  try {
    const st = fs.fstatSync(fd)
    return st.isFile() && st.size <= limit ? readOpened(fd, st.size) : undefined
  } finally {
    fs.closeSync(fd)
  }
}

/** The Dockerfile: must exist and be a regular file under the limit (buildx would hang on a FIFO). */
export function checkRegularFile(file: string, what: string, limit = MAX_FILE): void {
  let st: fs.Stats
  try {
    st = fs.statSync(file)
  } catch {
    throw new InputError(`${what} not found`)
  }
  if (!st.isFile()) throw new InputError(`${what} is ${kind(st)}, not a regular file`)
  if (st.size > limit) throw new InputError(`${what} is ${st.size} bytes; at most ${limit} are accepted`)
}

/** A directory that must exist (the build context, an existing working directory). */
export function checkDirectory(dir: string, what: string): void {
  let st: fs.Stats
  try {
    st = fs.statSync(dir)
  } catch {
    throw new InputError(`${what} does not exist`)
  }
  if (!st.isDirectory()) throw new InputError(`${what} is ${kind(st)}, not a directory`)
}
