import * as fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const action = parse(fs.readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs: Record<string, string>
}
const readme = fs.readFileSync('README.md', 'utf8')
const table = (heading: string) => {
  const section = readme.split(`### ${heading}\n`)[1].split('\n### ')[0].split('\n## ')[0]
  return section
    .split('\n')
    .filter(l => l.startsWith('| `'))
    .map(l => l.split(' | ').map(c => c.replace(/^\| /, '').replace(/ \|$/, '')))
}
const unescape = (s: string) => s.replace(/\\\|/g, '|')

describe('README and action.yml stay in sync', () => {
  it('lists every input with its default and description', () => {
    const rows = table('Inputs')
    expect(rows.map(r => r[0])).toEqual(Object.keys(action.inputs).map(k => `\`${k}\``))
    for (const [name, def, desc] of rows) {
      const input = action.inputs[name.slice(1, -1)]
      expect(def, name).toBe(input.default ? `\`${input.default}\`` : '')
      expect(unescape(desc), name).toBe(input.description)
    }
  })
  it('lists every output with its description', () => {
    const rows = table('Outputs')
    expect(rows.map(r => r[0])).toEqual(Object.keys(action.outputs).map(k => `\`${k}\``))
    for (const [name, desc] of rows) expect(unescape(desc), name).toBe(action.outputs[name.slice(1, -1)].description)
  })
  it('runs the bundle on node24 with an always-run post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js', 'post-if': 'always()' })
  })
  it('the inputs the code reads are exactly the declared ones', () => {
    const src = fs
      .readdirSync('src', { recursive: true })
      .filter(f => String(f).endsWith('.ts'))
      .map(f => fs.readFileSync(`src/${f}`, 'utf8'))
      .join('\n')
    // Inputs are read as get('x'), or through bool(get, 'x'), oneOf(get, 'x', ...), manifest('x', ...).
    const read = new Set([...src.matchAll(/(?:(?<![.\w])get\(|\b(?:bool|oneOf)\(get, |\bmanifest\()'([a-z-]+)'/g)].map(m => m[1]))
    // Both ways: nothing read that action.yml does not declare, nothing declared that no code reads.
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort())
  })
})
