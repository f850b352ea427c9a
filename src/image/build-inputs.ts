import * as fs from 'node:fs'
import type { NamedSecret } from '../masking.js'
import * as path from 'node:path'
import { InputError, excerpt } from '../errors.js'
import { lines, list, type InputGetter } from '../inputs/grammar.js'
import { insidePath } from '../workspace-files.js'
import { readRegularFile } from '../workspace-files.js'
import { splitPair } from '../inputs/grammar.js'

/**
 * The docker/build-push-action inputs this action passes to `docker buildx build` the same way
 * (its src/context.ts getBuildArgs). List splitting follows docker/actions-toolkit's getInputList:
 * `add-hosts`, `allow`, `no-cache-filters`, `ssh` by comma or newline; `annotations`,
 * `build-contexts`, `secret-files`, `ulimit` by newline only (their values may hold commas).
 */
export interface BuildExtras {
  addHosts: string[]
  allow: string[]
  annotations: string[]
  /** `source` is an absolute path for a local folder (or oci-layout), else as given (docker-image://, URLs). */
  buildContexts: { name: string; source: string }[]
  cgroupParent: string
  noCacheFilters: string[]
  /** Absolute paths inside the workspace; their content is a secret (masked, never logged). */
  secretFiles: { id: string; file: string }[]
  shmSize: string
  /** No paths: the agent at SSH_AUTH_SOCK. Paths: key files or agent sockets inside the workspace. */
  ssh: { id: string; paths: string[] }[]
  ulimits: string[]
}

export const SECRET_ID = /^[A-Za-z0-9_.-]+$/
/** BuildKit refuses secrets over 500 KiB (its MaxSecretSize): say so before the build. */
export const MAX_SECRET_FILE = 500 * 1024

function check(items: string[], name: string, re: RegExp, form: string): string[] {
  for (const item of items) if (!re.test(item)) throw new InputError(`${name}: "${excerpt(item)}" is not ${form}`)
  return items
}

/** `ID=path`-style pairs; the path must stay inside the workspace and cannot hold a comma (buildx splits on it). */
function localPath(ws: string, base: string, rel: string, name: string): string {
  if (/[,"]/.test(rel)) throw new InputError(`${name}: "${excerpt(rel)}": a path with a comma or a double quote cannot be passed to buildx`)
  return insidePath(ws, base, rel, name)
}

/** A build context source is a local folder unless it names an image or a remote (as buildx decides). */
function contextSource(ws: string, base: string, value: string): string {
  if (value.startsWith('oci-layout://')) {
    // oci-layout://<path>[:tag][@digest]: only the path is a file name.
    const m = /^oci-layout:\/\/(.*?)((?::[\w][\w.-]*)?(?:@sha256:[a-f0-9]{64})?)$/.exec(value)!
    return `oci-layout://${localPath(ws, base, m[1], 'build-contexts')}${m[2]}`
  }
  // Only the schemes buildx itself sends elsewhere (build.IsRemoteURL, docker-image://): any other
  // `x://…` it opens as a local folder, relative to the workspace, so it is checked like one.
  if (/^(docker-image|https?|git|ssh):\/\//i.test(value) || /^git@/.test(value)) return value
  return localPath(ws, base, value, 'build-contexts')
}

function buildContexts(value: string, ws: string, base: string): BuildExtras['buildContexts'] {
  return lines(value).map(line => {
    const pair = splitPair(line)
    const name = pair.key.trim()
    const source = (pair.value ?? '').trim()
    if (pair.value === undefined || !name || /\s/.test(name) || source === '')
      throw new InputError(`build-contexts: "${excerpt(line)}" is not NAME=PATH (or NAME=docker-image://REF)`)
    return { name, source: contextSource(ws, base, source) }
  })
}

function secretFiles(value: string, ws: string, base: string): BuildExtras['secretFiles'] {
  return lines(value).map(line => {
    const { key, value } = splitPair(line)
    const id = key.trim()
    if (value === undefined || !SECRET_ID.test(id)) throw new InputError(`secret-files: "${excerpt(line)}" is not ID=PATH`)
    return { id, file: localPath(ws, base, value.trim(), 'secret-files') }
  })
}

function ssh(value: string, ws: string, base: string, env: NodeJS.ProcessEnv): BuildExtras['ssh'] {
  return list(value).map(item => {
    const { key, value } = splitPair(item)
    const id = key.trim()
    const rel = (value ?? '').trim()
    if (!SECRET_ID.test(id)) throw new InputError(`ssh: "${excerpt(id)}" is not a valid ssh id (e.g. default)`)
    if (rel === '') {
      if (!env.SSH_AUTH_SOCK)
        throw new InputError(`ssh: ${id} forwards the agent at SSH_AUTH_SOCK, which is not set; start an agent first (e.g. webfactory/ssh-agent)`)
      return { id, paths: [] }
    }
    if (path.isAbsolute(rel))
      throw new InputError(`ssh: "${excerpt(rel)}" is absolute; give "${id}" alone to forward the agent at SSH_AUTH_SOCK, or a key file inside the workspace`)
    return { id, paths: [localPath(ws, base, rel, 'ssh')] }
  })
}

/** Reads and validates the inputs above (pure but for the getter; paths relative to working-directory). */
export function readBuildExtras(get: InputGetter, workspace: string, workingDirectory: string, env: NodeJS.ProcessEnv): BuildExtras {
  const shmSize = get('shm-size')
  check(shmSize ? [shmSize] : [], 'shm-size', /^\d+(\.\d+)?([kmgtp]i?)?b?$/i, 'a size such as 2g or 512m')
  return {
    addHosts: check(list(get('add-hosts')), 'add-hosts', /^[^\s:=]+[:=]\S+$/, 'HOST:IP (e.g. db.internal:10.0.0.5)'),
    allow: check(list(get('allow')), 'allow', /^[a-z]+(\.[a-z]+)*(=\S+)?$/, 'an entitlement such as network.host or security.insecure'),
    annotations: check(lines(get('annotations')), 'annotations', /^[^\s=]+=/, 'KEY=value (optionally TYPE:KEY=value)'),
    buildContexts: buildContexts(get('build-contexts'), workspace, workingDirectory),
    cgroupParent: get('cgroup-parent'),
    noCacheFilters: check(list(get('no-cache-filters')), 'no-cache-filters', /^\S+$/, 'a stage name'),
    secretFiles: secretFiles(get('secret-files'), workspace, workingDirectory),
    shmSize,
    ssh: ssh(get('ssh'), workspace, workingDirectory, env),
    ulimits: check(lines(get('ulimit')), 'ulimit', /^[a-z]+=-?\d+(:-?\d+)?$/, 'NAME=SOFT[:HARD] (e.g. nofile=1024:1024)')
  }
}

/** The buildx flags of these inputs, in build-push-action's order. Secret files go by path, never by value. */
export function buildExtrasArgv(x: BuildExtras): string[] {
  const argv: string[] = []
  for (const h of x.addHosts) argv.push('--add-host', h)
  for (const a of x.allow) argv.push('--allow', a)
  for (const a of x.annotations) argv.push('--annotation', a)
  for (const c of x.buildContexts) argv.push('--build-context', `${c.name}=${c.source}`)
  if (x.cgroupParent) argv.push('--cgroup-parent', x.cgroupParent)
  for (const f of x.noCacheFilters) argv.push('--no-cache-filter', f)
  for (const f of x.secretFiles) argv.push('--secret', `id=${f.id},src=${f.file}`)
  if (x.shmSize) argv.push('--shm-size', x.shmSize)
  for (const k of x.ssh) argv.push('--ssh', k.paths.length > 0 ? `${k.id}=${k.paths.join(',')}` : k.id)
  for (const u of x.ulimits) argv.push('--ulimit', u)
  return argv
}

/**
 * Before any Docker side effect: every named file or folder exists with the right kind, and each secret
 * file's content is read so the caller can mask it (a file's content is a secret like an env value).
 */
export function checkSecretFiles(x: BuildExtras, workspace: string): NamedSecret[] {
  const rel = (f: string): string => path.relative(workspace, f) || '.'
  const stat = (f: string, name: string): fs.Stats => {
    try {
      return fs.statSync(f)
    } catch {
      throw new InputError(`${name}: ${rel(f)} does not exist`)
    }
  }
  for (const c of x.buildContexts) {
    const dir = c.source.startsWith('oci-layout://') ? c.source.slice(13).replace(/(:[\w][\w.-]*)?(@sha256:[a-f0-9]{64})?$/, '') : c.source
    if (path.isAbsolute(dir) && !stat(dir, 'build-contexts').isDirectory()) throw new InputError(`build-contexts: ${rel(dir)} is not a folder`)
  }
  for (const k of x.ssh) {
    for (const p of k.paths) {
      const st = stat(p, 'ssh')
      if (!st.isFile() && !st.isSocket()) throw new InputError(`ssh: ${rel(p)} is neither a key file nor an agent socket`)
    }
  }
  // Read as manifests are (workspace-files.ts): type and size checked on the opened file, so one
  // swapped for a FIFO after a check cannot hang the step.
  return x.secretFiles.map(({ id, file }) => {
    const text = readRegularFile(file, `secret-files: ${rel(file)}`, MAX_SECRET_FILE, 'BuildKit takes secrets up to 500 KiB')
    if (text === undefined) throw new InputError(`secret-files: ${rel(file)} does not exist`)
    return { name: `secret-files ${id}`, value: text }
  })
}
