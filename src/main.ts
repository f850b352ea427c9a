import * as core from './runner.js'
import { ActionError, ManifestError } from './errors.js'
import { readSettings } from './inputs/settings.js'
import { envInput } from './inputs/grammar.js'
import { hiddenOutputs, maskValues, noMasks } from './secrets.js'
import type { NamedSecret } from './masking.js'
import { redact } from './masking.js'
import { describePlan, emptyResult, outputValues, writeOutputs, writeSummary } from './outputs.js'
import { RunScope } from './run-scope.js'
import { saveRun } from './run-record.js'
import { DockerCli, type DockerClient } from './docker/cli.js'
import { checkEngine } from './image/inspect.js'
import { openEngine } from './engine/connect.js'
import type { Engine } from './engine/address.js'
import { resolveRun } from './resolve.js'

/**
 * The main step: resolve the plan (every input error is raised here, before any Docker side
 * effect), then either print it (dry run) or execute it. Outputs and the summary are written
 * whatever the outcome.
 */
export async function run(): Promise<void> {
  const result = emptyResult()
  const masks = noMasks()
  const mask = (secrets: NamedSecret[]): void =>
    void maskValues(
      secrets,
      v => core.setSecret(v),
      w => core.warning(w),
      masks
    )
  let scope: RunScope | undefined
  let link: Engine | undefined
  let removeSignalHandlers = (): void => undefined
  try {
    // Loaded while the plan is resolved (its file is read and compiled meanwhile); a dry run never awaits it.
    const executeModule = import('./execute.js')
    executeModule.catch(() => undefined)
    const s = readSettings(envInput())
    const { plan, address, remote, notes } = await resolveRun(s, process.env, {
      info: line => core.info(line),
      warning: line => core.warning(line),
      mask,
      planned: (p, manifests) => describePlan(result, p, manifests)
    })
    if (notes.length > 0) result.notes = notes
    if (s.dryRun) {
      await (await import('./dry-run.js')).dryRun(plan, result, { lookup: !s.engine.host && !s.engine.context && !remote })
      return
    }

    // Everything above is validation; Docker side effects start here.
    scope = RunScope.create()
    saveRun(core.saveState, scope.runId, scope.tempDir)
    // A remote engine is reached (host key, key, its docker) before anything else is done (design.md §12).
    link = await openEngine(address, s.engine, scope.tempDir)
    const cli = new DockerCli(undefined, link)
    removeSignalHandlers = installSignalHandlers(cli, scope)
    // The daemon check runs beside the first command instead of before it; its verdict is awaited
    // before that command's result is used, so an unreachable engine still gets its own error. It starts
    // a turn after execute() is called, which spawns its first command (the build, or `docker info`
    // where annotations are checked) synchronously; a pulled reference or a buildx install awaits the
    // check first. So the check's request (~10 ms to set up) never delays that spawn; scheduled before
    // the module had loaded, it did in 2 of 6 stamped runs.
    const { execute } = await executeModule
    const engine = new Promise(next => setImmediate(next)).then(() => checkEngine(cli))
    engine.catch(() => undefined)
    if (link.remote) await engine
    await execute(plan, { cli, scope, engine, result, masks })
  } catch (e) {
    result.error = reportError(e, masks.forms)
  } finally {
    try {
      hiddenOutputs(outputValues(result), masks).forEach(w => core.warning(w))
      writeOutputs(result)
      writeSummary(result, masks.forms)
    } catch (e) {
      core.warning(`could not write the outputs or the job summary: ${(e as Error).message}`)
    }
    // Removals run beside the next step; none may be left when the step ends.
    const closeLink = async (): Promise<void> =>
      link?.close().catch((e: Error) => core.warning(`could not close the connection to ${link!.name}: ${e.message}`))
    await scope?.close(closeLink)
    removeSignalHandlers()
  }
}

function reportError(e: unknown, secrets: string[]): string {
  // Docker's own stderr can quote a value: the error line is redacted like the summary.
  const message = redact(e instanceof Error ? e.message : String(e), secrets)
  if (process.env.RUNNER_DEBUG === '1' && e instanceof Error && e.stack) core.debug(e.stack)
  if (e instanceof ManifestError) {
    core.error(message, { file: e.file, startLine: e.line, startColumn: e.column })
  } else if (e instanceof ActionError) {
    core.error(message)
  } else {
    core.error(`unexpected failure: ${message}`)
  }
  process.exitCode = 1
  return message
}

/**
 * SIGINT/SIGTERM (a cancelled job): stop the running task container with its grace so a migration can
 * roll back, remove it, end a running build, and let run() fail with its outputs written. No later
 * step starts (RunScope.throwIfCancelled). A second signal skips the grace but still removes, then exits.
 * The signal is said at once as a plain line: while a task or a build is relayed the runner obeys no
 * command (design.md §5.6), so the warning annotation is issued when the handlers are removed, after.
 */
function installSignalHandlers(cli: DockerClient, scope: RunScope): () => void {
  let signals = 0
  const warnings: string[] = []
  const stopStreams = scope.onCancel(() => void cli.cancelStreams())
  const handler = (signal: NodeJS.Signals): void => {
    signals++
    const force = signals > 1
    const said = `received ${signal}: ${force ? 'removing the task container now' : 'stopping the running task container'}`
    // A task may be mid-line, and the runner reads a line only at its end (design.md §4.7).
    process.stdout.write('\n')
    core.info(said)
    warnings.push(said)
    void scope.cancel(force).then(names => {
      if (names.length > 0) core.info(`removed ${names.join(', ')}`)
      // run() ends by itself (outputs, summary, deferred removals); exit only if docker hangs.
      if (force) setTimeout(() => process.exit(1), 10_000).unref()
    })
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    stopStreams()
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
    warnings.forEach(w => core.warning(w))
  }
}
