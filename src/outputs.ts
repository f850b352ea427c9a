import * as core from './runner.js'
import type { Phase } from './inputs/settings.js'
import { commandText, type ReleaseSource } from './manifests/release-command.js'
import type { Manifests } from './manifests/load.js'
import type { ReleasePlan } from './release-plan.js'
import { redact } from './masking.js'
import { fenced, mdText } from './untrusted.js'
export type PhaseStatus = 'succeeded' | 'failed' | 'timed-out' | 'cancelled' | 'skipped' | 'not-run'
import { sidecarSummary } from './sidecars/summary.js'
import type { SidecarReport } from './sidecars/argv.js'

export interface PhaseResult {
  phase: Phase
  command: string
  status: PhaseStatus
  exitCode: number | null
  durationSeconds: number | null
}

/** Everything the step reports; filled in as the run goes, written out whatever the outcome. */
export interface RunResult {
  image: string
  imageId: string
  digest: string
  tags: string[]
  metadata: string
  releaseCommand: string
  releaseSource: ReleaseSource
  phases: PhaseResult[]
  processes: Record<string, string>
  postdeployCommand: string
  firstDeployCommand: string
  firstDeploy?: boolean
  released: boolean
  plan?: string
  failure?: { phase: Phase; tail: string }
  error?: string
  /** Things the reader of the summary must not miss (e.g. no task had a command). */
  notes?: string[]
  /** one report per sidecar per task, in start order. */
  sidecars?: SidecarReport[]
}

export function emptyResult(): RunResult {
  return {
    image: '',
    imageId: '',
    digest: '',
    tags: [],
    metadata: '',
    releaseCommand: '',
    releaseSource: 'none',
    phases: [],
    processes: {},
    postdeployCommand: '',
    firstDeployCommand: '',
    released: false
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000

/** The action's outputs (design.md §6), as name → value. */
export function outputValues(r: RunResult): Record<string, string> {
  const release = r.phases.find(p => p.phase === 'release')
  const ran = release && release.exitCode !== null
  const out: Record<string, string> = {
    image: r.image,
    'image-id': r.imageId,
    // build-push-action's name for the same value: a workflow switching over keeps its expressions.
    imageid: r.imageId,
    digest: r.digest,
    tags: r.tags.join('\n'),
    metadata: r.metadata,
    'release-command': r.releaseCommand,
    'release-source': r.releaseSource,
    'release-exit-code': ran ? String(release.exitCode) : '',
    'release-duration': ran && release.durationSeconds !== null ? String(round(release.durationSeconds)) : '',
    phases: JSON.stringify(r.phases.map(p => ({ ...p, durationSeconds: p.durationSeconds === null ? null : round(p.durationSeconds) }))),
    processes: JSON.stringify(r.processes),
    'postdeploy-command': r.postdeployCommand,
    'first-deploy-command': r.firstDeployCommand,
    released: String(r.released)
  }
  if (r.firstDeploy !== undefined) out['first-deploy'] = String(r.firstDeploy)
  if (r.plan !== undefined) out.plan = r.plan
  return out
}

export function writeOutputs(r: RunResult): void {
  for (const [k, v] of Object.entries(outputValues(r))) core.setOutput(k, v)
}

/** The job summary (design.md §6): phases table, image and digest, a failed task's redacted output tail. Untrusted text is escaped (untrusted.ts). */
export function summaryMarkdown(r: RunResult, secrets: string[], env: NodeJS.ProcessEnv = process.env): string {
  const lines = ['## release-phase', '']
  if (r.phases.length > 0) {
    lines.push('| phase | command | status | exit code | duration |', '| --- | --- | --- | --- | --- |')
    for (const p of r.phases) {
      const dur = p.durationSeconds === null ? '' : `${p.durationSeconds.toFixed(1)}s`
      const cmd = p.command ? `<code>${mdText(redact(p.command, secrets))}</code>` : ''
      lines.push(`| ${p.phase} | ${cmd} | ${p.status} | ${p.exitCode ?? ''} | ${dur} |`)
    }
    lines.push('')
  }
  for (const note of r.notes ?? []) lines.push(`**Note:** ${mdText(note)}`, '')
  if (r.image) lines.push(`**Image:** <code>${mdText(r.image)}</code>`)
  if (r.imageId) lines.push(`**Image id:** <code>${mdText(r.imageId)}</code>`)
  lines.push(`**Digest:** ${r.digest ? `<code>${mdText(r.digest)}</code>` : '(not pushed)'}`)
  lines.push(`**Released:** ${r.released ? 'yes' : 'no'}`, '')
  if (r.error) lines.push(`**Error:** ${mdText(redact(r.error, secrets))}`, '')
  lines.push(...sidecarSummary(r.sidecars ?? [], secrets))
  if (r.failure) {
    lines.push(`### Last lines of the ${r.failure.phase} task`, '', fenced(redact(r.failure.tail, secrets)), '')
  }
  if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY) {
    lines.push(`[Full log](${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID})`, '')
  }
  return lines.join('\n')
}

export function writeSummary(r: RunResult, secrets: string[]): void {
  core.appendSummary(summaryMarkdown(r, secrets))
}

/** The outputs known from the plan alone, so they are set even when the run fails early. */
export function describePlan(result: RunResult, plan: ReleasePlan, manifests: Manifests): void {
  result.releaseCommand = commandText(plan.release.command)
  result.releaseSource = plan.release.source
  result.processes = Object.fromEntries((manifests.procfile ?? []).filter(e => e.name !== 'release').map(e => [e.name, e.command]))
  result.postdeployCommand = manifests.appJson?.postdeploy ?? ''
  result.firstDeployCommand = manifests.appJson?.firstDeploy ?? ''
  result.firstDeploy = plan.firstDeploy
  result.phases = plan.phases.map(p => ({ phase: p.phase, command: p.text, status: 'not-run', exitCode: null, durationSeconds: null }))
}
