import * as core from './runner.js'
import type { RunResult } from './outputs.js'
import { bindPhases, dryRunView, type ReleasePlan } from './release-plan.js'
import { DockerCli, findDocker } from './docker/cli.js'
import { imageEnv, inspectImage, type ImageInfo } from './image/inspect.js'
import { isVerified, lookupKey } from './image/acquire.js'
import { unpushedImage } from './image/prebuilt.js'

/**
 * design.md §10: print the resolved plan and set `plan`; no build, container, push or download. A
 * pre-built image is inspected when the engine has it (reading changes nothing), so its entrypoint
 * mode is known; otherwise `auto` stays undecided.
 */
export async function dryRun(plan: ReleasePlan, result: RunResult, opts: { lookup: boolean } = { lookup: true }): Promise<void> {
  let known: ImageInfo | undefined
  // Not on an engine the inputs name: a dry run opens no connection (design.md §10).
  if (plan.image.kind === 'reference' && opts.lookup && findDocker()) {
    known = await inspectImage(new DockerCli(), lookupKey(plan.image.ref, plan.image.parsed)).catch(() => undefined)
    if (known && !isVerified(known, plan.image.parsed)) known = undefined
  }
  const phases = bindPhases(plan, { entrypoint: known ? known.entrypoint : undefined, env: known ? imageEnv(known) : new Map() })
  const view = dryRunView(plan, phases, known?.id ?? (plan.image.kind === 'reference' ? plan.image.ref : ''))
  core.info('Dry run: nothing is built, run or pushed. The plan:')
  if (view.build) core.info(`  build: ${view.build.argv.join(' ')}`)
  for (const p of view.phases) {
    core.info(`  ${p.phase}: ${p.willRun ? `${p.command} [${p.entrypointMode}]` : 'skipped'}`)
    if (p.argv) core.info(`    ${p.argv.join(' ')}`)
  }
  core.info(`  variables: ${[...view.variables.secret.map(n => `${n} (secret)`), ...view.variables.plain].join(', ') || 'none'}`)
  for (const sc of view.sidecars ?? []) {
    core.info(`  sidecar ${sc.name} (ready: ${sc.ready}), before each task:`)
    core.info(`    ${sc.argv.join(' ')}`)
  }
  if (view.push) core.info(`  push: ${view.push.tags.join(', ')}`)
  result.tags = view.tags
  result.image = view.tags[0] ?? unpushedImage([], [], plan.image.kind === 'reference' ? plan.image.parsed : undefined).image
  result.plan = JSON.stringify(view)
  for (const r of result.phases) r.status = phases.find(p => p.phase === r.phase)?.skip ? 'skipped' : 'not-run'
}
