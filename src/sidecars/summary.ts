import { redact } from '../masking.js'
import { fenced as fence, mdText as md } from '../untrusted.js'
import type { SidecarReport } from './argv.js'

const STATUS: Record<SidecarReport['status'], string> = {
  ready: 'ready',
  running: 'running (no readiness probe)',
  exited: 'exited',
  'not-ready': 'never ready',
  cancelled: 'cancelled',
  failed: 'could not start'
}

/** The job summary's sidecar section (issue 16): which sidecars each task had, and when each was ready. */
export function sidecarSummary(reports: SidecarReport[], secrets: string[]): string[] {
  if (reports.length === 0) return []
  const lines = ['### Sidecars', '', '| task | sidecar | image | status | ready after |', '| --- | --- | --- | --- | --- |']
  for (const r of reports) {
    const status = r.exitCode !== null && r.status === 'exited' ? `exited with code ${r.exitCode}` : STATUS[r.status]
    const ready = r.readySeconds === null ? '' : `${r.readySeconds.toFixed(1)}s`
    lines.push(`| ${r.phase} | ${md(r.name)} | ${md(redact(r.image, secrets))} | ${status} | ${ready} |`)
  }
  lines.push('')
  for (const r of reports.filter(x => x.tail)) {
    lines.push(`#### Last lines of sidecar ${md(r.name)} (${r.phase})`, '', fence(redact(r.tail!, secrets)), '')
  }
  return lines
}
