import type { Phase } from '../inputs/settings.js'
import { RUN_LABEL } from '../run-record.js'
import type { ResolvedSidecar } from './spec.js'

export type SidecarStatus = 'ready' | 'running' | 'exited' | 'not-ready' | 'cancelled' | 'failed'

/** What the summary tells of one sidecar of one task. */
export interface SidecarReport {
  phase: Phase
  name: string
  image: string
  status: SidecarStatus
  /** Seconds from `docker start` until every readiness port accepted a connection (or until running). */
  readySeconds: number | null
  exitCode: number | null
  /** Its last log lines, redacted, when it failed before the task started. */
  tail?: string
}

export function sidecarContainerName(runId: string, phase: Phase, name: string): string {
  return `release-phase-${runId}-${phase}-sidecar-${name}`
}

/** `docker create` argv: values travel as `-e NAME` only, in the docker child's environment (design.md §5.4). */
export function sidecarArgv(sc: ResolvedSidecar, container: string, runId: string, phase: Phase, network: string): string[] {
  const argv = ['create', '--name', container, '--label', `${RUN_LABEL}=${runId}`, '--label', `release-phase.phase=${phase}`]
  argv.push('--label', `release-phase.sidecar=${sc.name}`)
  if (network) argv.push('--network', network)
  argv.push(...sc.options)
  for (const name of sc.vars.keys()) argv.push('-e', name)
  argv.push(sc.image, ...(sc.command ?? []))
  return argv
}

/** Dry run (design.md §10): each sidecar's argv as a task of `phase` would start it, names only. */
export function sidecarPlan(sidecars: ResolvedSidecar[], phase: Phase, network: string): { name: string; image: string; ready: string; argv: string[] }[] {
  const owner = sidecars[0] && sidecarContainerName('<run-id>', phase, sidecars[0].name)
  return sidecars.map((sc, i) => ({
    name: sc.name,
    image: sc.image,
    ready: sc.ready ? `tcp ${sc.ready.tcp.join(', ')} within ${sc.ready.timeoutSeconds}s` : 'running',
    argv: ['docker', ...sidecarArgv(sc, sidecarContainerName('<run-id>', phase, sc.name), '<run-id>', phase, i === 0 ? network : `container:${owner}`)]
  }))
}
