import * as fs from 'node:fs'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, makeApp, runAction, uniqueTag } from '../helpers/engine.js'
import { startRemoteHost, type RemoteHost } from '../helpers/remote-host.js'
import { REAL_DOCKER } from '../helpers/machine.js'
import { confinedConfig } from '../../src/engine/ssh.js'
import { execFileSync } from 'node:child_process'

/**
 * Issue 33: a deploy host the action connects to may be hostile, and the runner's ssh configuration may
 * ask for what a hostile host wants: the deploy key's agent forwarded (`ForwardAgent yes`, common in
 * teams' ~/.ssh/config), X11, port forwards, a local command. The host here plays the attacker: its
 * SSH user's `docker` (the first command the action's session runs) tries the forwarded agent and a
 * remote forward back to the runner, and logs what it got. The runner's configuration lives in a
 * drop-in of /etc/ssh/ssh_config.d (ssh reads ~ from the passwd entry, not HOME) for this host's
 * address alone, and also names the user and port: those must still be honoured.
 */
describeEngine('a hostile deploy host, with a runner ssh config that forwards everything', () => {
  let host: RemoteHost
  let work: string
  let dropIn: string
  let runnerSide: net.Server
  const reached: string[] = []
  let dynamicPort = 0

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-hostile-'))
    fs.chmodSync(work, 0o777)
    fs.mkdirSync(path.join(work, 'bin'))
    // A service on the runner's loopback that a forward back from the host would reach.
    runnerSide = net.createServer(s => {
      reached.push('connection')
      s.destroy()
    })
    await new Promise<void>(r => runnerSide.listen(0, '127.0.0.1', r))
    dynamicPort = await freePort()
    const seen = path.join(work, 'seen')
    fs.writeFileSync(
      path.join(work, 'bin', 'docker'),
      [
        '#!/bin/bash',
        `{`,
        '  echo "SSH_AUTH_SOCK=${SSH_AUTH_SOCK:-none} DISPLAY=${DISPLAY:-none}"',
        '  if [ -n "$SSH_AUTH_SOCK" ] && ssh-add -L; then echo "agent: forwarded"; else echo "agent: none"; fi',
        '  for s in /tmp/ssh-*/agent.*; do [ -S "$s" ] && SSH_AUTH_SOCK="$s" ssh-add -L && echo "agent: socket $s"; done',
        '  if (exec 3<>/dev/tcp/127.0.0.1/47311) 2>/dev/null; then echo "remote-forward: open"; else echo "remote-forward: closed"; fi',
        `} >> ${seen} 2>&1`,
        `exec ${REAL_DOCKER} "$@"`,
        ''
      ].join('\n'),
      { mode: 0o755 }
    )
    fs.writeFileSync(seen, '', { mode: 0o666 })
    fs.chmodSync(seen, 0o666)
    host = await startRemoteHost({ sshEnv: [`PATH=${work}/bin:/usr/bin:/bin`] })
    dropIn = `/etc/ssh/ssh_config.d/rp-hostile-${path.basename(work)}.conf`
    fs.writeFileSync(
      dropIn,
      [
        `Host ${host.address}`,
        '  User rpdeploy',
        `  Port ${host.sshPort}`,
        '  ForwardAgent yes',
        '  ForwardX11 yes',
        '  ForwardX11Trusted yes',
        `  RemoteForward 127.0.0.1:47311 127.0.0.1:${(runnerSide.address() as net.AddressInfo).port}`,
        `  DynamicForward 127.0.0.1:${dynamicPort}`,
        '  PermitLocalCommand yes',
        `  LocalCommand touch ${work}/local-command-ran`,
        `  RemoteCommand touch /tmp/rp-remote-command-ran-${path.basename(work)}`,
        // The jump host of the second case: the same sshd, reached as another name, its key known here.
        `Host rp-jump-${path.basename(work)}`,
        `  HostName ${host.address}`,
        '  User rpdeploy',
        `  Port ${host.sshPort}`,
        '  ForwardAgent yes',
        `Host rp-via-jump-${path.basename(work)}`,
        `  HostName ${host.address}`,
        '  User rpdeploy',
        `  Port ${host.sshPort}`,
        '  ForwardAgent yes',
        `  ProxyJump rp-jump-${path.basename(work)}`,
        ''
      ].join('\n')
    )
  })
  afterAll(() => {
    if (dropIn) fs.rmSync(dropIn, { force: true })
    host?.stop()
    runnerSide?.close()
  })

  it('gets no agent, no forward and no command; the user and port of the config still apply', async () => {
    const app = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo released on the host\n' })
    let socksOpen = false
    const poll = setInterval(() => {
      const s = net.connect(dynamicPort, '127.0.0.1')
      s.on('connect', () => ((socksOpen = true), s.destroy()))
      s.on('error', () => undefined)
    }, 50)
    const r = await runAction({
      workspace: app,
      // No user and no port in the address: the runner's config names them, as for the docker CLI.
      inputs: { 'docker-host': `ssh://${host.address}`, 'docker-known-hosts': host.knownHosts, 'docker-ssh-key': 'DEPLOY_KEY', tags: uniqueTag('hostile') },
      env: { DEPLOY_KEY: host.clientKey, DISPLAY: ':0' }
    }).finally(() => clearInterval(poll))
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toContain('released on the host')
    const seen = fs.readFileSync(path.join(work, 'seen'), 'utf8')
    // The host's docker ran (the action asked it for the engine socket), and got nothing of ours.
    expect(seen).toContain('agent: none')
    expect(seen).not.toMatch(/agent: (forwarded|socket)|ssh-ed25519|DISPLAY=(?!none)/)
    expect(seen).toContain('remote-forward: closed')
    expect(reached).toEqual([])
    expect(socksOpen, 'a DynamicForward listened on the runner').toBe(false)
    expect(fs.existsSync(path.join(work, 'local-command-ran'))).toBe(false)
    expect(host.docker('ps', '-a', '-q').trim()).toBe('')
  })

  it("a ProxyJump of the runner's config still works, and the ssh it starts for the jump is confined too", async () => {
    const jump = `rp-jump-${path.basename(work)}`
    // What ssh reads for the jump connection: the action's -F file, handed on by ssh to the jump's ssh.
    const config = path.join(work, 'confined_config')
    fs.writeFileSync(config, confinedConfig(os.userInfo().homedir, path.join(work, 'given_known_hosts')))
    const seen = execFileSync('ssh', ['-G', '-F', config, '-W', `${host.address}:${host.sshPort}`, jump], { encoding: 'utf8' })
    expect(seen).toMatch(/^forwardagent no$/m)
    // With docker-known-hosts, the jump host's key is checked against it alone, never trusted on first use.
    expect(seen).toMatch(new RegExp(`^userknownhostsfile ${path.join(work, 'given_known_hosts')}$`, 'm'))
    expect(seen).toMatch(/^stricthostkeychecking (yes|true)$/m)
    expect(seen).toMatch(/^clearallforwardings yes$/m)
    expect(seen).toMatch(/^user rpdeploy$/m)
    const app = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: echo released through the jump\n' })
    const before = host.accepted()
    const r = await runAction({
      workspace: app,
      inputs: {
        'docker-host': `ssh://rp-via-jump-${path.basename(work)}`,
        'docker-known-hosts': host.knownHosts,
        'docker-ssh-key': 'DEPLOY_KEY',
        tags: uniqueTag('hostile-jump')
      },
      env: { DEPLOY_KEY: host.clientKey }
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toContain('released through the jump')
    // Two connections: the jump, and the engine host through it.
    expect(host.accepted() - before).toBe(2)
  })
})

function freePort(): Promise<number> {
  return new Promise(resolve => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}
