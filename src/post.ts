import { RUN_LABEL, isRunId, ownTempDir, runDirs, runImageName, savedRun } from './run-record.js'
import * as core from './runner.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DockerCli, findDocker, type DockerClient } from './docker/cli.js'
import * as os from 'node:os'
import { envInput } from './inputs/grammar.js'
import { engineAddress, readEngineSettings } from './engine/address.js'
import { openEngine } from './engine/connect.js'
import { endLeftovers } from './engine/leftovers.js'

async function removeLabelled(cli: DockerClient, runId: string, removed: string[]): Promise<void> {
  const filter = `label=${RUN_LABEL}=${runId}`
  const ps = await cli.exec(['ps', '--all', '--quiet', '--filter', filter])
  const ids = ps.code === 0 ? ps.stdout.split('\n').filter(Boolean) : []
  if (ps.code !== 0) core.warning(`post: could not list containers: ${ps.stderr.trim()}`)
  if (ids.length > 0) {
    const rm = await cli.exec(['rm', '--force', '--volumes', ...ids])
    if (rm.code !== 0) core.warning(`post: could not remove containers ${ids.join(', ')}: ${rm.stderr.trim()}`)
    else removed.push(...ids.map(id => `container ${id}`))
  }
  // Images after containers: a container of the run may use one. The temporary predeploy commit holds
  // every task value in its config; an interrupted run must not leave it (design.md §9.3).
  const ls = await cli.exec(['image', 'ls', '--all', '--quiet', '--no-trunc', '--filter', filter])
  const images = ls.code === 0 ? [...new Set(ls.stdout.split('\n').filter(Boolean))] : []
  if (ls.code !== 0) core.warning(`post: could not list images: ${ls.stderr.trim()}`)
  if (images.length > 0) {
    const rmi = await cli.exec(['image', 'rm', '--force', '--no-prune', ...images])
    if (rmi.code !== 0) core.warning(`post: could not remove images ${images.join(', ')}: ${rmi.stderr.trim()}`)
    else removed.push(...images.map(id => `image ${id}`))
  }
  // A killed main's image still under the run's own name (its tags never moved): the name goes, and
  // the image with it unless another tag holds it. Gone already after a run that ended by itself.
  const own = await cli.exec(['image', 'rm', runImageName(runId)])
  if (own.code === 0) removed.push(`image ${runImageName(runId)}`)
  else if (!/No such image/i.test(own.stderr)) core.warning(`post: could not remove ${runImageName(runId)}: ${own.stderr.trim()}`)
}

/**
 * Runs `work` against the engine main used, reconnected from the same inputs and step env (a remote
 * engine: a connection of its own, closed after). A connection that fails is a warning: cleanup
 * never fails the job.
 */
async function onEngine(work: (cli: DockerClient) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'release-phase-'))
  try {
    const settings = readEngineSettings(envInput())
    const link = await openEngine(engineAddress(settings, process.env), settings, dir)
    try {
      await work(new DockerCli(undefined, link))
    } finally {
      await link.close()
    }
  } catch (e) {
    core.warning(`post: could not reach the engine to remove what the run left: ${(e as Error).message}`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The post step (`post-if: always()`): removes every container and image labelled with this run's id
 * and the run's temporary directory. Safe when main never reached Docker: no run id, nothing to do.
 * Named `run`, as main's is: the entry that @github/local-action calls.
 */
export async function run(): Promise<void> {
  const { runId, tempDir } = savedRun(core.getState)
  const removed: string[] = []
  if (runId && !isRunId(runId)) core.warning('post: the saved run id is not one this action makes; no container or image removed')
  else if (runId && findDocker()) await onEngine(cli => removeLabelled(cli, runId, removed))
  if (tempDir && fs.existsSync(tempDir)) {
    if (!ownTempDir(tempDir, process.env.RUNNER_TEMP)) {
      core.warning('post: the saved temporary directory is not one this action makes (inside RUNNER_TEMP, named release-phase-…); left alone')
    } else {
      const dirs = runDirs(tempDir)
      const ended = endLeftovers(dirs)
      if (ended > 0) removed.push(`${ended} ssh process${ended === 1 ? '' : 'es'} of the interrupted run`)
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
      removed.push(`temporary directory ${tempDir}`)
    }
  }
  core.info(removed.length > 0 ? `release-phase cleanup removed: ${removed.join('; ')}` : 'release-phase cleanup: nothing left behind')
}
