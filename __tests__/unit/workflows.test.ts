import * as fs from 'node:fs'
import * as path from 'node:path'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseSidecars } from '../../src/sidecars/spec.js'

const action = parse(fs.readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> }

/** Every ```yaml block of a Markdown file. */
function yamlBlocks(file: string): { name: string; content: string }[] {
  const text = fs.readFileSync(file, 'utf8')
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i) => ({ name: `${file}#${i + 1}`, content: m[1] }))
}

const workflows = [
  ...fs.readdirSync('.github/workflows').map(f => ({ name: `.github/workflows/${f}`, content: fs.readFileSync(path.join('.github/workflows', f), 'utf8') })),
  ...yamlBlocks('docs/workflows.md'),
  ...yamlBlocks('docs/sidecars.md'),
  ...yamlBlocks('README.md')
]

/** Steps that run this action: `uses: ./`, `./release-phase-action` (the reusable workflow's own checkout) or `<owner>/release-phase@ref`. */
function actionSteps(doc: { jobs?: Record<string, { steps?: { uses?: string; with?: Record<string, unknown>; id?: string }[] }> }) {
  return Object.values(doc.jobs ?? {}).flatMap(j =>
    (j.steps ?? []).filter(s => s.uses === './' || s.uses === './release-phase-action' || /^[^/]+\/release-phase@/.test(s.uses ?? ''))
  )
}

describe('workflows and YAML examples validate', () => {
  it('finds the files and examples', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(7)
  })

  it.each(workflows)('$name', async ({ name, content }) => {
    const result = parseWorkflow({ name, content }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([])
    const template = await convertWorkflowTemplate(result.context, result.value!)
    expect((template.errors ?? []).map(e => e.Message)).toEqual([])
    // The workflow schema cannot know this action: check its inputs and outputs ourselves.
    const doc = parse(content)
    for (const step of actionSteps(doc)) {
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${name}: with.${key}`).toContain(key)
      // The sidecars examples parse as the action would parse them.
      if (typeof step.with?.sidecars === 'string') expect(parseSidecars(step.with.sidecars, { network: '', runArgs: [] }).length, name).toBeGreaterThan(0)
    }
    for (const m of content.matchAll(/steps\.release\.outputs\.([a-z-]+)/g)) expect(Object.keys(action.outputs), `${name}: ${m[0]}`).toContain(m[1])
  })

  it('the reusable workflow is callable: workflow_call with typed inputs, secrets and outputs', () => {
    const doc = parse(fs.readFileSync('.github/workflows/release.yml', 'utf8'))
    const call = doc.on.workflow_call
    expect(Object.values(call.inputs).every((i: unknown) => typeof (i as { type: string }).type === 'string')).toBe(true)
    expect(Object.keys(call.secrets)).toEqual(['release-env', 'registry-password'])
    expect(Object.keys(call.outputs)).toEqual(['image', 'digest', 'released'])
  })
})
