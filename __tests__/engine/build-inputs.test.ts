import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, errorLines, makeApp, runAction, sideEffectCalls, uniqueTag } from '../helpers/engine.js'
import { containerdEngineBin, startPrivateDaemon } from '../helpers/daemon.js'

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const FILE_SECRET = 'file-secret-Qm82\u00e9 with spaces\nsecond-line-Rt4'

/** An ssh-agent of the test's own, on a socket in a temp folder (openssh-client). */
function startAgent(): { sock: string; proc: ChildProcess; stop: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-agent-'))
  const sock = path.join(dir, 'agent.sock')
  const proc = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' })
  return { sock, proc, stop: () => (proc.kill(), fs.rmSync(dir, { recursive: true, force: true })) }
}

async function waitFor(file: string): Promise<void> {
  for (let i = 0; i < 50 && !fs.existsSync(file); i++) await new Promise(r => setTimeout(r, 100))
}

describeEngine('build-push-action build inputs on the real engine (issue 14)', () => {
  const tags: string[] = []
  afterAll(() => tags.forEach(t => spawnSync('docker', ['image', 'rm', '--force', t], { stdio: 'ignore' })))

  it('secret-files, add-hosts and ssh (agent and key file) reach the build; the file secret leaks nowhere', async () => {
    const tag = uniqueTag('build-inputs')
    tags.push(tag)
    const ws = makeApp({
      'secrets/token.txt': FILE_SECRET,
      Dockerfile: [
        `FROM ${BASE_IMAGE}`,
        'RUN --mount=type=secret,id=tok,required=true sha256sum /run/secrets/tok | cut -d" " -f1 > /tok.sha',
        'RUN grep -w myhost.internal /etc/hosts | tr -s "\\t " " " > /hosts.txt',
        'RUN --mount=type=ssh,required=true test -S "$SSH_AUTH_SOCK" && echo agent-socket > /ssh.txt',
        'RUN --mount=type=ssh,id=deploykey,required=true test -S "$SSH_AUTH_SOCK" && echo key-socket >> /ssh.txt',
        ''
      ].join('\n'),
      Procfile: 'release: cat /tok.sha /hosts.txt /ssh.txt\n'
    })
    fs.mkdirSync(path.join(ws, 'keys'))
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(ws, 'keys', 'id')], { stdio: 'ignore' })
    const agent = startAgent()
    try {
      await waitFor(agent.sock)
      const r = await runAction({
        workspace: ws,
        inputs: {
          tags: tag,
          'secret-files': 'tok=secrets/token.txt',
          'add-hosts': 'myhost.internal:10.1.2.3',
          ssh: 'default, deploykey=keys/id'
        },
        env: { SSH_AUTH_SOCK: agent.sock }
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.stdout).toMatch(new RegExp(`^${sha(FILE_SECRET)}$`, 'm'))
      expect(r.stdout).toMatch(/^10\.1\.2\.3 myhost\.internal$/m)
      expect(r.stdout).toMatch(/^agent-socket\nkey-socket$/m)
      expect(r.outputs.imageid).toBe(r.outputs['image-id'])

      // Masked (each line as the runner masks), and otherwise nowhere: log, argv, outputs, summary, image.
      expect(r.stdout).toContain(`::add-mask::${FILE_SECRET.split('\n')[0]}`)
      const unmasked = r.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
      const argv = r.dockerCalls.map(c => c.join(' ')).join('\n')
      const image = execFileSync('docker', ['save', tag], { maxBuffer: 256 << 20 }).toString('latin1')
      for (const haystack of [unmasked, r.stderr, argv, JSON.stringify(r.outputs), r.summary, image]) {
        for (const part of FILE_SECRET.split('\n')) expect(haystack.includes(part) || haystack.includes(Buffer.from(part).toString('latin1'))).toBe(false)
      }
      expect(argv).toContain(`--secret id=tok,src=${path.join(ws, 'secrets', 'token.txt')}`)
    } finally {
      agent.stop()
    }
  })

  it('without the ssh input the same Dockerfile cannot build: the forwarding is what made it pass', async () => {
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN --mount=type=ssh,required=true test -S "$SSH_AUTH_SOCK"\n`, Procfile: 'release: true\n' })
    const tag = uniqueTag('no-ssh')
    tags.push(tag)
    const r = await runAction({ workspace: ws, inputs: { tags: tag } })
    expect(r.code).toBe(1)
    expect(errorLines(r.stdout)).toEqual(['::error::docker buildx build failed with exit code 1'])
  })

  it('a secret file, context or key outside the workspace is one error before any Docker side effect', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-outside-'))
    fs.writeFileSync(path.join(outside, 'token'), 'outside-secret')
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\n`, Procfile: 'release: true\n' })
    const rel = path.relative(ws, path.join(outside, 'token'))
    for (const [input, value, message] of [
      ['secret-files', `tok=${rel}`, `secret-files: "${rel}" resolves outside the workspace`],
      ['build-contexts', `shared=${path.dirname(rel)}`, 'resolves outside the workspace'],
      ['ssh', `k=${rel}`, `ssh: "${rel}" resolves outside the workspace`],
      ['secret-files', 'tok=missing.txt', 'secret-files: missing.txt does not exist'],
      ['build-contexts', 'shared=Dockerfile', 'build-contexts: Dockerfile is not a folder'],
      ['ssh', 'default', 'ssh: default forwards the agent at SSH_AUTH_SOCK, which is not set']
    ]) {
      const r = await runAction({ workspace: ws, inputs: { tags: uniqueTag('outside'), [input]: value } })
      expect(r.code, `${input}=${value}`).toBe(1)
      const errors = errorLines(r.stdout)
      expect(errors, `${input}=${value}`).toHaveLength(1)
      expect(errors[0]).toContain(message)
      expect(sideEffectCalls(r.dockerCalls), `${input}=${value}`).toEqual([])
      expect(r.stdout).not.toContain('outside-secret')
    }
    fs.rmSync(outside, { recursive: true, force: true })
  })

  it('cache export refused by the docker driver: one error naming docker/setup-buildx-action', async () => {
    const tag = uniqueTag('cache-to')
    tags.push(tag)
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo built > /built\n`, Procfile: 'release: true\n' })
    const r = await runAction({ workspace: ws, inputs: { tags: tag, 'cache-to': 'type=local,dest=cache' } })
    expect(r.code).toBe(1)
    // buildx's own words stay in the build log group; the step's one error says what to do.
    expect(r.stdout).toContain('Cache export is not supported for the docker driver')
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::cache-to: .*docker\/setup-buildx-action step .*\(it creates and selects a docker-container builder\)/)
    expect(r.outputs.released).toBe('false')
    // type=inline is a cache export every driver does: the same build passes.
    const inline = await runAction({ workspace: ws, inputs: { tags: tag, 'cache-to': 'type=inline' } })
    expect(inline.code, inline.stdout).toBe(0)
  })
})

describeEngine('build-contexts on Engine 20.10', () => {
  it("its BuildKit's Dockerfile frontend has no named contexts: one error saying what does", async () => {
    const ws = makeApp({
      'lib/greeting.txt': 'hi\n',
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY --from=shared greeting.txt /greeting.txt\n`,
      Procfile: 'release: true\n'
    })
    const r = await runAction({ workspace: ws, inputs: { tags: uniqueTag('contexts-old'), 'build-contexts': 'shared=lib' } })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('unsupported frontend capability moby.buildkit.frontend.contexts')
    expect(errorLines(r.stdout)).toEqual([expect.stringMatching(/^::error::build-contexts: .*Docker Engine 23.*docker\/setup-buildx-action/)])
  })
})

/**
 * Engine 20.10's builtin BuildKit (v0.8) ignores --shm-size and --ulimit without a word (seen here:
 * /dev/shm stays 64 MiB, nofile stays the daemon's). Newer engines honour them: run these on the
 * Engine >= 24 that scripts/containerd-engine.sh unpacks, as a private daemon (classic store).
 */
const bin = containerdEngineBin()
const describeNewer = bin ? describeEngine : describeEngine.skip

describeNewer('build-contexts, shm-size and ulimit on an engine whose BuildKit has them', () => {
  it('COPY --from a named context; RUN sees the /dev/shm size and the open-files limit asked for', async () => {
    const daemon = await startPrivateDaemon({ bin })
    try {
      const ws = makeApp({
        'lib/greeting.txt': 'from the named context\n',
        Dockerfile: `FROM ${BASE_IMAGE}\nCOPY --from=shared greeting.txt /greeting.txt\nRUN df -k /dev/shm | tail -n 1 | tr -s " " | cut -d" " -f2 > /shm.txt && ulimit -n > /nofile.txt\n`,
        Procfile: 'release: cat /greeting.txt; echo "shm=$(cat /shm.txt) nofile=$(cat /nofile.txt)"\n'
      })
      const r = await runAction({
        workspace: ws,
        inputs: { tags: 'rp-test/shm:1', 'build-contexts': 'shared=lib', 'shm-size': '96m', ulimit: 'nofile=1234:2345' },
        env: { DOCKER_HOST: daemon.host }
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.stdout).toMatch(/^from the named context$/m)
      expect(r.stdout).toMatch(/^shm=98304 nofile=1234$/m)
    } finally {
      daemon.stop()
    }
  })
})
