import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/engine.js'
import { CATALOG, DOCS, README } from './catalog.js'
import { yamlBlocks } from './player/markdown.js'

/** No documented workflow escapes the player: each yaml block is in the catalog the journeys play. */
describe('the journeys cover every documented workflow', () => {
  it('every yaml block of README.md and docs/workflows.md is played by a journey', () => {
    const documented = [...yamlBlocks(README), ...yamlBlocks(DOCS)].map(b => `${b.file} / ${b.heading}`)
    const played = Object.values(CATALOG).map(([file, heading]) => `${file} / ${heading}`)
    expect(documented.sort()).toEqual(played.sort())
  })

  it('every file under .github/workflows is played, or is this repository\'s own CI or publishing', () => {
    // release.yml (for users) is played through the reusable journey; ci.yml runs this very suite;
    // publish.yml releases this repository. A new workflow must be classed here, consciously.
    const own = ['ci.yml', 'publish.yml']
    expect(fs.readdirSync(path.join(ROOT, '.github/workflows')).filter(f => !own.includes(f))).toEqual(['release.yml'])
  })
})
