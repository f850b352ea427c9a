import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/engine.js'
import { CATALOG, DOCS, README } from './catalog.js'
import { parse } from 'yaml'
import { yamlBlocks } from './player/markdown.js'

interface Doc {
  jobs: Record<string, { environment?: unknown; steps?: { uses?: string; with?: Record<string, unknown>; env?: unknown }[] }>
}

/** No documented workflow escapes the player: each yaml block is in the catalog the journeys play. */
describe('the journeys cover every documented workflow', () => {
  it('every yaml block of README.md and docs/workflows.md is played by a journey', () => {
    const documented = [...yamlBlocks(README), ...yamlBlocks(DOCS)].map(b => `${b.file} / ${b.heading}`)
    const played = Object.values(CATALOG).map(([file, heading]) => `${file} / ${heading}`)
    expect(documented.sort()).toEqual(played.sort())
  })

  it("every file under .github/workflows is played, or is this repository's own CI or publishing", () => {
    // release.yml (for users) is played through the reusable journey; ci.yml runs this very suite;
    // publish.yml releases this repository. A new workflow must be classed here, consciously.
    const own = ['ci.yml', 'publish.yml']
    expect(fs.readdirSync(path.join(ROOT, '.github/workflows')).filter(f => !own.includes(f))).toEqual(['release.yml'])
  })

  it('every documented release task that reads a secret runs in a job gated by an environment (issue #10)', () => {
    const docs = [...yamlBlocks(README), ...yamlBlocks(DOCS)].map(b => ({ name: `${b.file} / ${b.heading}`, content: b.content }))
    docs.push({ name: 'release.yml', content: fs.readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8') })
    let checked = 0
    for (const { name, content } of docs) {
      for (const [id, job] of Object.entries((parse(content) as Doc).jobs)) {
        for (const step of job.steps ?? []) {
          if (!/release-phase@/.test(step.uses ?? '')) continue
          const phases = String(step.with?.phases ?? 'predeploy,release')
          if (!/\brelease\b/.test(phases) || !JSON.stringify(step.env ?? {}).includes('secrets.')) continue
          checked++
          expect(job.environment, `${name}: job ${id} runs the release with a secret but names no environment`).toBeTruthy()
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(7)
  })
})
