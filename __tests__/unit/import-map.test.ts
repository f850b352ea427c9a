import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Issue 21: the shape of src/, held by a test. Every import (static, type-only, dynamic) is read from
 * the text; the map has no circle, and the pure modules (rules, parsers, plans: everything but the
 * I/O places below) never import an I/O place: the arrows point from I/O to rules, never back.
 */
const SRC = path.resolve(__dirname, '..', '..', 'src')

/** Where the action touches processes, sockets, the engine and the runner's files. */
const IO = [
  // go-json.ts (a reading rule) and requests.ts (request types) are pure, beside the transport that uses them.
  /^docker\/(?!go-json\.ts$|requests\.ts$)/,
  /^engine\/(connect|ssh|leftovers)\.ts$/,
  /^commit\/(commit|containerd|loopback-registry|save-load|scan-changes)\.ts$/,
  /^task\/(run|log)\.ts$/,
  /^image\/(inspect|acquire|push|buildx-install)\.ts$/,
  /^sidecars\/pod\.ts$/,
  /^(index|post-entry|main|post|resolve|execute|dry-run|first-deploy)\.ts$/
]
const isIo = (file: string): boolean => IO.some(re => re.test(file))

function sources(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sources(full)
    return e.name.endsWith('.ts') ? [path.relative(SRC, full)] : []
  })
}

/** The src-relative files `file` imports. */
export function importsOf(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)\.js'/gm)].map(m => m[1])
  return specs.map(spec => path.normalize(path.join(path.dirname(file), spec)) + '.ts')
}

function importMap(): Map<string, string[]> {
  return new Map(sources().map(f => [f, importsOf(f, fs.readFileSync(path.join(SRC, f), 'utf8'))]))
}

/** Every circle of the map, each as the path that closes it. */
export function circles(map: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const walk = (node: string, trail: string[]): void => {
    if (state.get(node) === 'done') return
    if (state.get(node) === 'open') {
      found.push([...trail.slice(trail.indexOf(node)), node])
      return
    }
    state.set(node, 'open')
    for (const next of map.get(node) ?? []) walk(next, [...trail, node])
    state.set(node, 'done')
  }
  for (const node of map.keys()) walk(node, [])
  return found
}

describe('the import map of src/ (issue 21)', () => {
  const map = importMap()

  it('reads every import form, so that the checks below can fail', () => {
    expect(importsOf('a/b.ts', "import x from './c.js'\nimport type { Y } from '../d.js'\nconst z = await import('./e/f.js')\nimport './g.js'")).toEqual([
      'a/c.ts',
      'd.ts',
      'a/e/f.ts',
      'a/g.ts'
    ])
    expect(
      circles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', ['a.ts']],
          ['d.ts', ['a.ts']]
        ])
      )
    ).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']])
    expect(map.size).toBeGreaterThan(50)
    for (const targets of map.values()) for (const t of targets) expect(map.has(t), t).toBe(true)
  })

  it('has no circle', () => {
    expect(circles(map)).toEqual([])
  })

  it('is at most 10 layers deep: the longest chain of imports, type-only ones included (issue 34)', () => {
    const depth = new Map<string, number>()
    const layers = (file: string): number => {
      if (!depth.has(file)) depth.set(file, 1 + Math.max(0, ...(map.get(file) ?? []).map(layers)))
      return depth.get(file)!
    }
    const deepest = [...map.keys()].sort((a, b) => layers(b) - layers(a))[0]
    expect(layers(deepest), deepest).toBeLessThanOrEqual(10)
    expect(layers('index.ts')).toBeGreaterThan(5)
  })

  it('pure modules import no I/O module (no back arrow)', () => {
    const back = [...map].flatMap(([file, targets]) => (isIo(file) ? [] : targets.filter(isIo).map(t => `${file} → ${t}`)))
    expect(back).toEqual([])
  })
})
