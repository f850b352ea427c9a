import * as fs from 'node:fs'
import * as path from 'node:path'
import { cliConfig, cliConfigDir } from '../engine/address.js'

/** Where the docker CLI looks for plugins on Linux after its configuration's own (docker/cli, cli-plugins/manager). */
const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins'
]

/** What the CLI sets when it starts a plugin: the plugin then reads its arguments as `buildx <command> ...`. */
export const PLUGIN_REEXEC_VAR = 'DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND'

/**
 * The directories the CLI searches for a plugin, in its order: config.json's `cliPluginsExtraDirs`,
 * `<config dir>/cli-plugins`, the system's. Undefined when the key holds anything but a list of strings
 * (Go's decoder would refuse the whole file; the CLI then decides what happens). Go matches JSON keys
 * in any case.
 */
export function pluginDirs(config: Record<string, unknown>, configDir: string): string[] | undefined {
  const key = Object.keys(config).find(k => k.toLowerCase() === 'clipluginsextradirs')
  const extra = key === undefined ? [] : config[key]
  if (extra !== null && !(Array.isArray(extra) && extra.every(d => typeof d === 'string'))) return undefined
  return [...(extra ?? []), path.join(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS]
}

/**
 * The buildx plugin `docker buildx` would run, for the action to start itself as the CLI starts it
 * (ADR 0014): `docker buildx` is the CLI's start, a start of the plugin to check it, then the plugin's
 * own, ~60 ms a call on the benchmark machine (issue 22). Undefined, and the CLI is used, off Linux,
 * where `docker` is not a compiled binary (a wrapper script does its own work first), or where the
 * first candidate the CLI would take is not an executable file (the CLI then says what is wrong).
 */
export function buildxPlugin(docker: string, env: NodeJS.ProcessEnv): string | undefined {
  if (process.platform !== 'linux' || !isElf(docker)) return undefined
  const configDir = cliConfigDir(env)
  const dirs = pluginDirs(cliConfig(configDir), configDir)
  for (const dir of dirs ?? []) {
    const candidate = path.join(dir, 'docker-buildx')
    let stat: fs.Stats
    try {
      stat = fs.statSync(candidate)
    } catch (e) {
      // The CLI skips a candidate only when it does not exist (a broken link included).
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue
      return undefined
    }
    return stat.isFile() && executable(candidate) ? candidate : undefined
  }
  return undefined
}

function isElf(file: string): boolean {
  let fd: number | undefined
  try {
    fd = fs.openSync(file, 'r')
    const head = Buffer.alloc(4)
    return fs.readSync(fd, head, 0, 4, 0) === 4 && head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))
  } catch {
    return false
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}
