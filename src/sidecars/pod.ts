/**
 * Sidecars (issue 16): started before a task, probed until ready, removed after it.
 *
 * One network namespace, owned by the first sidecar: it joins the `network` input (or the default
 * bridge); every other sidecar and the task join it with `--network container:<owner>`, so the task
 * reaches each sidecar at localhost, as a release command does behind a PaaS proxy. The owner is a
 * sidecar rather than a separate holder container because no holder image can be assumed on a
 * user's machine (no pause or busybox image is guaranteed, and the app image may have no `sleep`).
 *
 * Readiness is probed from this process through the owner's address on its network (a bridge IP from
 * `docker inspect`, or 127.0.0.1 on the host network): a port bound on 0.0.0.0 inside the namespace
 * answers there, whatever tools the images carry. A listener bound to 127.0.0.1 only is reachable by
 * the task but not by the probe (a documented limit).
 */
import * as net from 'node:net'
import * as core from '../runner.js'
import { ActionError, DockerError, excerpt, lastLine } from '../errors.js'
import type { Phase } from '../inputs/settings.js'
import { valuesOf } from '../secrets.js'
import { redact } from '../masking.js'
import type { ResolvedSidecar } from './spec.js'
import type { DockerClient } from '../docker/cli.js'
import { RedactingLines, stopCommands } from '../relay.js'
import { sidecarArgv, sidecarContainerName, type SidecarReport } from './argv.js'
import type { RunScope } from '../run-scope.js'

interface Member {
  sc: ResolvedSidecar
  container: string
  report: SidecarReport
  startedAt: number
}

/** The sidecars of one task. */
export class Pod {
  readonly members: Member[] = []
  private stopped = false
  /** Every sidecar was ready and the task may start. */
  ready = false
  /** Undoes the registration with the run scope: a second signal removes a live pod at once. */
  private readonly unregister: () => void
  constructor(
    private readonly cli: DockerClient,
    private readonly scope: RunScope,
    readonly phase: Phase,
    readonly ownerNetwork: string,
    private readonly secrets: string[]
  ) {
    // The first signal lets the task's grace run beside its sidecars; a second removes them now.
    this.unregister = scope.onCancel(async force => {
      if (!force) return undefined
      await this.stop(false)
      return `sidecars of the ${phase} task`
    })
  }

  /** The task's `--network`: the owner's namespace. */
  get taskNetwork(): string {
    return `container:${this.members[0].container}`
  }

  async add(sc: ResolvedSidecar, runId: string, report: SidecarReport): Promise<void> {
    const container = sidecarContainerName(runId, this.phase, sc.name)
    const network = this.members.length === 0 ? this.ownerNetwork : this.taskNetwork
    // Pulled first, by a CLI process that holds none of the values: a credential helper the pull
    // starts must not see them (the create below then finds the image locally).
    const present = await this.cli.exec(['image', 'inspect', '--format', '{{.Id}}', sc.image])
    if (present.code !== 0) {
      await this.cli.ok(['pull', sc.image], `creating sidecar ${sc.name}`).catch(e => {
        report.status = 'failed'
        throw e
      })
    }
    const env = valuesOf(sc.vars)
    await this.cli.ok(sidecarArgv(sc, container, runId, this.phase, network), `creating sidecar ${sc.name}`, { env }).catch(e => {
      report.status = 'failed'
      throw e
    })
    const m: Member = { sc, container, report, startedAt: Date.now() }
    this.members.push(m)
    const r = await this.cli.exec(['start', container])
    m.startedAt = Date.now()
    if (r.code !== 0) {
      report.status = 'failed'
      throw new DockerError(`sidecar ${sc.name} could not start: ${excerpt(redact(lastLine(r.stderr), this.secrets), 300)}`)
    }
  }

  /** State of every member, by container name, in one inspect: a missing one is `gone`. */
  async states(): Promise<Map<string, { status: string; exitCode: number }>> {
    const out = new Map<string, { status: string; exitCode: number }>()
    const r = await this.cli.exec([
      'container',
      'inspect',
      '--format',
      '{{.Name}} {{.State.Status}} {{.State.ExitCode}}',
      ...this.members.map(m => m.container)
    ])
    for (const line of r.stdout.split('\n')) {
      const [name, status, code] = line.trim().split(' ')
      if (name && status) out.set(name.replace(/^\//, ''), { status, exitCode: Number(code) })
    }
    for (const m of this.members) if (!out.has(m.container)) out.set(m.container, { status: 'gone', exitCode: -1 })
    return out
  }

  /** The address the probe connects to: the owner's IP on its network, or loopback on the host's. */
  async probeHost(): Promise<string> {
    const owner = this.members[0]
    let target = owner.container
    for (let hop = 0; hop < 3; hop++) {
      const r = await this.cli.exec(['container', 'inspect', '--format', '{{.HostConfig.NetworkMode}}\t{{json .NetworkSettings.Networks}}', target])
      if (r.code !== 0) throw new DockerError(`sidecar ${owner.sc.name}: docker inspect failed: ${lastLine(r.stderr)}`)
      const [mode, json] = r.stdout.trim().split('\t')
      if (mode === 'host') return '127.0.0.1'
      // `network: container:<other>`: the namespace is that container's; ask it.
      if (mode.startsWith('container:')) {
        target = mode.slice('container:'.length)
        continue
      }
      const networks = JSON.parse(json || '{}') as Record<string, { IPAddress?: string }>
      const ip = (this.ownerNetwork && networks[this.ownerNetwork]?.IPAddress) || Object.values(networks).find(n => n.IPAddress)?.IPAddress
      if (ip) return ip
      break
    }
    throw new ActionError(`sidecars: the first sidecar (${owner.sc.name}) has no IP address the runner can probe; readiness needs a bridge or host network`)
  }

  /**
   * Waits until every sidecar's ports accept connections, each within its own timeout; fails at once
   * when one exits. Sidecars without `ready` count as ready when they are running.
   */
  async waitReady(): Promise<void> {
    const remaining = new Map(this.members.filter(m => m.sc.ready).map(m => [m, new Set(m.sc.ready!.tcp)]))
    const unreachable = new Set<Member>()
    let host = ''
    for (;;) {
      if (this.scope.isCancelled)
        throw new ActionError(`cancelled while the sidecars of the ${this.phase} task started; they were removed and the task did not run`)
      // Exits first: a sidecar that died at once has no address to probe, and its exit code is the news.
      const states = await this.states()
      for (const m of this.members) {
        const st = states.get(m.container)!
        if (st.status !== 'running') {
          m.report.status = 'exited'
          m.report.exitCode = st.exitCode
          throw await this.failure(m, `exited with code ${st.exitCode} before the ${this.phase} task started`)
        }
      }
      if (remaining.size === 0) return
      host ||= await this.probeHost()
      for (const [m, ports] of remaining) {
        for (const port of [...ports]) {
          const r = await tryConnect(host, port, 1000)
          if (r === 'open') ports.delete(port)
          else if (r === 'unreachable') unreachable.add(m)
        }
        if (ports.size === 0) {
          m.report.readySeconds = (Date.now() - m.startedAt) / 1000
          m.report.status = 'ready'
          remaining.delete(m)
        } else if (Date.now() - m.startedAt > m.sc.ready!.timeoutSeconds * 1000) {
          m.report.status = 'not-ready'
          const hint = unreachable.has(m)
            ? ` (the runner could not reach ${host} at all: connections timed out instead of being refused; in a job container, set network to the job's network)`
            : ''
          throw await this.failure(
            m,
            `did not accept connections on port ${[...ports].join(', ')} within ${m.sc.ready!.timeoutSeconds}s${hint}; the ${this.phase} task did not start`
          )
        }
      }
      // Ready now: one more pass checks that none exited meanwhile.
      if (remaining.size > 0) await new Promise(r => setTimeout(r, 250))
    }
  }

  /** The error for a sidecar that failed before the task: its last log lines, redacted. */
  private async failure(m: Member, what: string): Promise<ActionError> {
    const logs = await this.cli.combined(['logs', '--tail', '20', m.container])
    const tail = logs.code === 0 ? redact(logs.output.replace(/\n$/, ''), this.secrets) : ''
    m.report.tail = tail
    const lines = tail
      .split('\n')
      .filter(l => l.trim() !== '')
      .slice(-10)
      .map(l => excerpt(l, 300))
    return new ActionError(`sidecar ${m.sc.name} ${what}${lines.length > 0 ? `. Its last lines:\n${lines.join('\n')}` : ''}`)
  }

  /**
   * After the task (whatever its outcome) or after a failed start: warn about a sidecar that died
   * during the task, show each one's log in a group, then remove them all with their volumes.
   */
  async stop(showLogs = true): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    try {
      if (showLogs) await this.reportAndShow()
    } finally {
      await removeMembers(
        this.cli,
        this.members.map(m => m.container)
      )
      this.unregister()
    }
  }

  private async reportAndShow(): Promise<void> {
    const states = await this.states()
    for (const m of this.members) {
      const st = states.get(m.container)
      if (st && st.status !== 'running' && m.report.status !== 'exited' && m.report.status !== 'failed') {
        m.report.status = 'exited'
        m.report.exitCode = st.exitCode
        core.warning(`sidecar ${m.sc.name} exited with code ${st.exitCode} ${this.ready ? 'while' : 'before'} the ${this.phase} task ran`)
      }
      if (st?.status === 'created') continue
      core.startGroup(`sidecar ${m.sc.name} log (${this.phase})`)
      const resume = stopCommands()
      await showLog(this.cli, m.container, this.secrets)
      resume()
      core.endGroup()
    }
  }
}

/** A container's whole log to our stdout, redacted line by line; its stdout and stderr each end on a newline. */
function showLog(cli: DockerClient, container: string, secrets: string[]): Promise<void> {
  return new Promise(resolve => {
    const child = cli.open(['logs', container])
    const write = (t: string): void => void process.stdout.write(t)
    const out = new RedactingLines(secrets, write)
    const err = new RedactingLines(secrets, write)
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.closed.then(
      () => {
        // The action's own lines never continue a sidecar's unterminated last line (design.md §4.7).
        out.end()
        err.end()
        resolve()
      },
      () => resolve()
    )
  })
}

async function removeMembers(cli: DockerClient, containers: string[]): Promise<void> {
  if (containers.length === 0) return
  const r = await cli.removeContainers(containers)
  if (r.code !== 0 && !/No such container/i.test(r.stderr)) core.warning(`could not remove sidecars ${containers.join(', ')}: ${lastLine(r.stderr)}`)
}

/** One TCP connection attempt: accepted, refused (nothing listens yet), or no answer at all. */
export function tryConnect(host: string, port: number, timeoutMs: number): Promise<'open' | 'refused' | 'unreachable'> {
  return new Promise(resolve => {
    const socket = net.connect({ host, port })
    const done = (r: 'open' | 'refused' | 'unreachable'): void => {
      socket.destroy()
      resolve(r)
    }
    socket.setTimeout(timeoutMs, () => done('unreachable'))
    socket.once('connect', () => done('open'))
    socket.once('error', (e: NodeJS.ErrnoException) => done(['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT'].includes(e.code ?? '') ? 'unreachable' : 'refused'))
  })
}

/**
 * Starts the sidecars of one task and waits until they are ready. Returns undefined when there are
 * none. On any failure every sidecar already created is removed before the error propagates.
 */
export async function startSidecars(
  cli: DockerClient,
  sidecars: ResolvedSidecar[],
  scope: RunScope,
  opts: { phase: Phase; network: string; secrets: string[] },
  reports: SidecarReport[]
): Promise<Pod | undefined> {
  if (sidecars.length === 0) return undefined
  const pod = new Pod(cli, scope, opts.phase, opts.network, opts.secrets)
  try {
    core.info(`Starting sidecars for the ${opts.phase} task: ${sidecars.map(s => `${s.name} (${s.image})`).join(', ')}`)
    for (const sc of sidecars) {
      if (scope.isCancelled) throw new ActionError(`cancelled while the sidecars of the ${opts.phase} task started; they were removed and the task did not run`)
      const report: SidecarReport = { phase: opts.phase, name: sc.name, image: sc.image, status: 'running', readySeconds: null, exitCode: null }
      reports.push(report)
      await pod.add(sc, scope.runId, report)
    }
    await pod.waitReady()
    pod.ready = true
    for (const m of pod.members) {
      if (!m.sc.ready) m.report.readySeconds = (Date.now() - m.startedAt) / 1000
      core.info(`sidecar ${m.sc.name} ${m.sc.ready ? `ready on port ${m.sc.ready.tcp.join(', ')}` : 'running'} after ${m.report.readySeconds!.toFixed(1)}s`)
    }
    return pod
  } catch (e) {
    if (scope.isCancelled) pod.members.forEach(m => m.report.status === 'running' && (m.report.status = 'cancelled'))
    await pod.stop(!scope.isCancelled)
    throw e
  }
}
