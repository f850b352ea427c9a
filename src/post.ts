import * as core from './runner.js'
import * as fs from 'node:fs'
import { DockerCli, findDocker } from './docker/cli.js'
import { savedRun } from './state.js'

/**
 * The post step (`post-if: always()`): removes every container labelled with this run's id and the
 * run's temporary directory. Safe when main never reached Docker: no run id, nothing to do.
 */
export async function post(): Promise<void> {
  const { runId, tempDir } = savedRun()
  const removed: string[] = []
  if (runId && findDocker()) {
    const cli = new DockerCli()
    const ps = await cli.exec(['ps', '--all', '--quiet', '--filter', `label=release-phase.run=${runId}`])
    const ids = ps.code === 0 ? ps.stdout.split('\n').filter(Boolean) : []
    if (ps.code !== 0) core.warning(`post: could not list containers: ${ps.stderr.trim()}`)
    if (ids.length > 0) {
      const rm = await cli.exec(['rm', '--force', '--volumes', ...ids])
      if (rm.code !== 0) core.warning(`post: could not remove containers ${ids.join(', ')}: ${rm.stderr.trim()}`)
      else removed.push(...ids.map(id => `container ${id}`))
    }
  }
  if (tempDir && fs.existsSync(tempDir)) {
    fs.rmSync(tempDir, { recursive: true, force: true })
    removed.push(`temporary directory ${tempDir}`)
  }
  core.info(removed.length > 0 ? `release-phase cleanup removed: ${removed.join('; ')}` : 'release-phase cleanup: nothing left behind')
}
