import * as fs from 'node:fs'
import * as path from 'node:path'
import { cliConfigDir, readCliConfig } from '../engine/address.js'
import { goFold } from './go-json.js'

/** Where the docker CLI looks for plugins on Linux after its configuration's own (docker/cli, cli-plugins/manager). */
const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins'
]

/** What the CLI sets when it starts a plugin: the plugin then reads its arguments as `buildx <command> ...`. */
const PLUGIN_REEXEC_VAR = 'DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND'
/** The CLI's socket to its plugin (a closed one tells the plugin to stop); the CLI always sets its own. */
const PLUGIN_SOCKET_VAR = 'DOCKER_CLI_PLUGIN_SOCKET'

/** A key Go's decoder would take for `cliPluginsExtraDirs` (go-json.ts). */
const foldsToExtraDirs = (key: string): boolean => goFold(key) === 'clipluginsextradirs'

/**
 * The directories the CLI searches for a plugin, in its order: config.json's `cliPluginsExtraDirs`,
 * `<config dir>/cli-plugins`, the system's. Undefined wherever this reading could differ from the CLI's
 * (the key in another spelling, or holding anything but a list of strings): the CLI then decides.
 */
export function pluginDirs(config: Record<string, unknown>, configDir: string): string[] | undefined {
  const keys = Object.keys(config).filter(foldsToExtraDirs)
  if (keys.some(k => k !== 'cliPluginsExtraDirs')) return undefined
  const extra = config.cliPluginsExtraDirs
  if (extra !== undefined && extra !== null && !(Array.isArray(extra) && extra.every(d => typeof d === 'string'))) return undefined
  return [...((extra as string[] | null | undefined) ?? []), path.join(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS]
}

/**
 * The buildx plugin `docker buildx` would run, for the action to start itself as the CLI starts it
 * (ADR 0014): `docker buildx` is the CLI's start, a start of the plugin to check it, then the plugin's
 * own, ~50–65 ms a build on the benchmark machine (issue 22). Undefined, and the CLI is used, off Linux,
 * where `docker` is not the compiled CLI itself, where config.json could be read otherwise than the
 * CLI reads it, or where the first candidate the CLI would take is not an executable file (the CLI
 * then says what is wrong).
 */
export function buildxPlugin(docker: string, env: NodeJS.ProcessEnv): string | undefined {
  if (process.platform !== 'linux' || !isDockerCli(docker)) return undefined
  const configDir = cliConfigDir(env)
  const config = readCliConfig(configDir)
  const dirs = config && pluginDirs(config, configDir)
  for (const dir of dirs ?? []) {
    const candidate = path.join(dir, 'docker-buildx')
    try {
      fs.statSync(candidate)
    } catch (e) {
      // The CLI skips a candidate only when it does not exist (a broken link included).
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue
      return undefined
    }
    return executableFile(candidate) ? candidate : undefined
  }
  return undefined
}

/**
 * A compiled binary that is itself named docker: a script (a team's wrapper, podman-docker's) and a
 * link to another program (snap's launcher, podman) run something else first, or instead.
 */
function isDockerCli(file: string): boolean {
  let fd: number | undefined
  try {
    const real = fs.realpathSync(file)
    if (path.basename(real) !== 'docker') return false
    fd = fs.openSync(real, 'r')
    const head = Buffer.alloc(4)
    return fs.readSync(fd, head, 0, 4, 0) === 4 && head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))
  } catch {
    return false
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/** A regular file (links followed) this process may execute. */
export function executableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * The plugin's environment as the CLI makes it: the CLI's own and its variable naming the CLI. The CLI
 * also puts its own socket in place of any plugin socket it inherited; here there is none, and an
 * inherited one would end the build when it closes.
 */
export function pluginEnv(env: NodeJS.ProcessEnv, docker: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, [PLUGIN_REEXEC_VAR]: docker }
  delete out[PLUGIN_SOCKET_VAR]
  return out
}
