import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { localSocket } from '../../src/docker/socket.js'

describe('which engine the commit may reach through its unix socket directly', () => {
  const config = (current?: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-docker-config-'))
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(current ? { currentContext: current } : {}))
    return dir
  }
  it.each([
    ['no DOCKER_HOST, no context', { DOCKER_CONFIG: config() }, '/var/run/docker.sock'],
    ['a unix DOCKER_HOST', { DOCKER_HOST: 'unix:///tmp/x/docker.sock' }, '/tmp/x/docker.sock'],
    ['a TCP DOCKER_HOST', { DOCKER_HOST: 'tcp://127.0.0.1:2376' }, undefined],
    ['an ssh DOCKER_HOST', { DOCKER_HOST: 'ssh://deploy@db' }, undefined],
    ['DOCKER_CONTEXT names another context', { DOCKER_CONTEXT: 'remote' }, undefined],
    ['the CLI config selects another context', { DOCKER_CONFIG: config('remote') }, undefined],
    ['the CLI config selects the default context', { DOCKER_CONFIG: config('default') }, '/var/run/docker.sock']
  ])('%s', (_, env, expected) => {
    expect(localSocket(env as NodeJS.ProcessEnv)).toBe(expected)
  })
})
