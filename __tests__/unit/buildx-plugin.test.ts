import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildxPlugin, pluginDirs } from '../../src/docker/buildx-plugin.js'
import { readCliConfig } from '../../src/engine/address.js'
import { DockerCli } from '../../src/docker/cli.js'

const SYSTEM = ['/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins', '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins']
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'rp-plugin-'))

/** A file that starts as a compiled binary does: buildxPlugin reads no more of `docker` than that. */
function elfDocker(): string {
  const file = path.join(tmp(), 'docker')
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)]), { mode: 0o755 })
  return file
}

/** A config dir whose config.json lists `extra` as cliPluginsExtraDirs. */
function configWith(extra: string[]): string {
  const dir = tmp()
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: extra }))
  return dir
}

function plugin(dir: string, text = '#!/bin/sh\n', mode = 0o755): string {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'docker-buildx')
  fs.writeFileSync(file, text, { mode })
  return file
}

describe('pluginDirs: where the docker CLI looks for plugins, in its order (ADR 0014)', () => {
  it("config.json's extra dirs, then the config dir's, then the system's", () => {
    expect(pluginDirs({}, '/home/u/.docker')).toEqual(['/home/u/.docker/cli-plugins', ...SYSTEM])
    expect(pluginDirs({ cliPluginsExtraDirs: ['/opt/a', '/opt/b'] }, '/c')).toEqual(['/opt/a', '/opt/b', '/c/cli-plugins', ...SYSTEM])
  })
  it('null as none, as Go decodes it', () => {
    expect(pluginDirs({ cliPluginsExtraDirs: null }, '/c')).toEqual(['/c/cli-plugins', ...SYSTEM])
  })
  it('none where Go could read it otherwise: another spelling of the key (Go folds case, and ſ to s), or not a list of strings', () => {
    for (const key of ['CLIPluginsExtraDirs', 'clipluginsextradirs', 'cliPlugin\u017fExtraDirs'])
      expect(pluginDirs({ [key]: ['/opt/a'] }, '/c'), key).toBeUndefined()
    expect(pluginDirs({ cliPluginsExtraDir: ['/opt/a'] }, '/c')).toEqual(['/c/cli-plugins', ...SYSTEM])
    expect(pluginDirs({ cliPluginsExtraDirs: ['/opt/a'], CLIPLUGINSEXTRADIRS: ['/opt/b'] }, '/c')).toBeUndefined()
    for (const bad of ['/opt/a', [1], { a: 1 }, true]) expect(pluginDirs({ cliPluginsExtraDirs: bad }, '/c'), JSON.stringify(bad)).toBeUndefined()
  })
})

describe('readCliConfig: config.json for the lookup', () => {
  const dirWith = (text: string): string => {
    const dir = tmp()
    fs.writeFileSync(path.join(dir, 'config.json'), text)
    return dir
  }
  it('none is {}; one JSON object is read', () => {
    expect(readCliConfig(tmp())).toEqual({})
    expect(readCliConfig(dirWith('{"auths":{}}'))).toEqual({ auths: {} })
  })
  it('undefined where Go would read something (data after the object, a partial decode) or the file cannot be read', () => {
    for (const text of ['{"cliPluginsExtraDirs":["/a"]} {}', 'not json', '[]', 'null', '']) expect(readCliConfig(dirWith(text)), text).toBeUndefined()
    const dir = tmp()
    fs.mkdirSync(path.join(dir, 'config.json'))
    expect(readCliConfig(dir)).toBeUndefined()
  })
})

describe.runIf(process.platform === 'linux')('buildxPlugin: the plugin `docker buildx` would start (ADR 0014)', () => {
  it('the first candidate in the CLI order, from DOCKER_CONFIG', () => {
    const first = tmp()
    const config = configWith([first])
    const mine = plugin(path.join(config, 'cli-plugins'))
    expect(buildxPlugin(elfDocker(), { DOCKER_CONFIG: config })).toBe(mine)
    const extra = plugin(first)
    expect(buildxPlugin(elfDocker(), { DOCKER_CONFIG: config })).toBe(extra)
  })
  it('a broken link is skipped, as the CLI skips it', () => {
    const a = tmp()
    const b = tmp()
    fs.symlinkSync(path.join(a, 'nowhere'), path.join(a, 'docker-buildx'))
    const good = plugin(b)
    expect(buildxPlugin(elfDocker(), { DOCKER_CONFIG: configWith([a, b]) })).toBe(good)
  })
  it('none when the candidate the CLI would take is a directory or not executable (the CLI reports it)', () => {
    const a = tmp()
    const b = tmp()
    plugin(b)
    fs.mkdirSync(path.join(a, 'docker-buildx'))
    expect(buildxPlugin(elfDocker(), { DOCKER_CONFIG: configWith([a, b]) })).toBeUndefined()
    const c = tmp()
    plugin(c, '#!/bin/sh\n', 0o644)
    expect(buildxPlugin(elfDocker(), { DOCKER_CONFIG: configWith([c, b]) })).toBeUndefined()
  })
  it('none when the candidate cannot be looked at (the CLI then reports it), or config.json is unreadable as Go reads it', () => {
    const notDir = path.join(tmp(), 'file')
    fs.writeFileSync(notDir, '')
    const b = tmp()
    plugin(b)
    expect(buildxPlugin(elfDocker(), { DOCKER_CONFIG: configWith([notDir, b]) })).toBeUndefined()
    const config = configWith([b])
    fs.appendFileSync(path.join(config, 'config.json'), ' {}')
    expect(buildxPlugin(elfDocker(), { DOCKER_CONFIG: config })).toBeUndefined()
  })
  it('none when docker links to another program (snap, podman)', () => {
    const a = tmp()
    plugin(a)
    const podman = path.join(tmp(), 'podman')
    fs.copyFileSync(elfDocker(), podman)
    const docker = path.join(tmp(), 'docker')
    fs.symlinkSync(podman, docker)
    expect(buildxPlugin(docker, { DOCKER_CONFIG: configWith([a]) })).toBeUndefined()
    const linked = path.join(tmp(), 'docker')
    fs.symlinkSync(elfDocker(), linked)
    expect(buildxPlugin(linked, { DOCKER_CONFIG: configWith([a]) })).toBe(path.join(a, 'docker-buildx'))
  })
  it('none when docker is a script: a wrapper does its own work before the CLI', () => {
    const a = tmp()
    plugin(a)
    const wrapper = path.join(tmp(), 'docker')
    fs.writeFileSync(wrapper, '#!/bin/sh\nexec /usr/bin/docker "$@"\n', { mode: 0o755 })
    expect(buildxPlugin(wrapper, { DOCKER_CONFIG: configWith([a]) })).toBeUndefined()
    expect(buildxPlugin(path.join(tmp(), 'missing'), { DOCKER_CONFIG: configWith([a]) })).toBeUndefined()
  })
})

describe.runIf(process.platform === 'linux')('DockerCli starts buildx as the CLI starts a plugin (ADR 0014)', () => {
  it("`buildx ...` goes to the plugin with the CLI's variable and the same environment; other commands to docker", async () => {
    const dir = tmp()
    const record = path.join(dir, 'record')
    plugin(dir, `#!/bin/sh\nprintf '%s|' "$@" "$DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND" "$SOURCE_VALUE" "\${DOCKER_CLI_PLUGIN_SOCKET-unset}" > '${record}'\n`)
    // A compiled binary as `docker`, which answers anything with 0.
    const docker = path.join(tmp(), 'docker')
    fs.copyFileSync(fs.realpathSync('/bin/true'), docker)
    fs.chmodSync(docker, 0o755)
    const config = configWith([dir])
    const other = tmp()
    plugin(path.join(other, 'cli-plugins'), '#!/bin/sh\nexit 9\n')
    const saved = { config: process.env.DOCKER_CONFIG, socket: process.env.DOCKER_CLI_PLUGIN_SOCKET }
    process.env.DOCKER_CONFIG = config
    process.env.DOCKER_CLI_PLUGIN_SOCKET = '@inherited'
    try {
      const cli = new DockerCli(docker)
      // A task's DOCKER_CONFIG neither reaches the plugin nor chooses it (cli-env.ts).
      const env = { SOURCE_VALUE: 'v', DOCKER_CONFIG: other }
      const built = await cli.exec(['buildx', 'build', '--secret', 'id=s,env=SOURCE_VALUE', '.'], { env })
      expect(built.code).toBe(0)
      expect(fs.readFileSync(record, 'utf8')).toBe(`buildx|build|--secret|id=s,env=SOURCE_VALUE|.|${docker}|v|unset|`)
      fs.rmSync(record)
      expect((await cli.exec(['version'])).code).toBe(0)
      expect(fs.existsSync(record)).toBe(false)
    } finally {
      for (const [name, value] of [
        ['DOCKER_CONFIG', saved.config],
        ['DOCKER_CLI_PLUGIN_SOCKET', saved.socket]
      ] as const) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  })
})
