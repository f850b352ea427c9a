import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/action-parser'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// GitHub's own action schema (shipped with @actions/workflow-parser) lists the Feather icons and
// colours the Marketplace accepts.
const schema = JSON.parse(fs.readFileSync('node_modules/@actions/workflow-parser/dist/action-v1.0.min.json', 'utf8')) as {
  definitions: Record<string, { 'allowed-values'?: string[] }>
}
const ICONS = schema.definitions['branding-icon']['allowed-values']!
const COLORS = schema.definitions['branding-color']['allowed-values']!
const text = fs.readFileSync('action.yml', 'utf8')
const action = parse(text) as { name: string; description: string; branding: { icon: string; color: string } }

/** Names the Marketplace keeps for its categories and GitHub features: an action cannot take them. */
const RESERVED = [
  'actions',
  'api-management',
  'chat',
  'code-quality',
  'code-review',
  'continuous-integration',
  'container-ci',
  'dependency-management',
  'deployment',
  'github',
  'ides',
  'learning',
  'localization',
  'mobile',
  'monitoring',
  'project-management',
  'publishing',
  'security',
  'support',
  'testing',
  'utilities'
]
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

describe('action.yml is ready for the GitHub Marketplace', () => {
  it("validates against GitHub's action schema", () => {
    const result = parseAction({ name: 'action.yml', content: text }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([])
    expect(ICONS.length).toBeGreaterThan(200)
  })
  it('description: one line, under 125 characters (the Marketplace refuses 125 or more)', () => {
    expect(typeof action.description).toBe('string')
    expect(action.description).not.toContain('\n')
    expect(action.description.length).toBeLessThan(125)
  })
  it('branding: an icon and a colour the Marketplace accepts', () => {
    expect(ICONS).toContain(action.branding.icon)
    expect(COLORS).toContain(action.branding.color)
    // Brand icons and a few others are left out of GitHub's set: the schema knows which.
    expect(ICONS).not.toContain('key')
  })
  it('name: distinctive, not the bare repository name or a reserved Marketplace word', () => {
    expect(action.name.trim()).toBe(action.name)
    expect(action.name.length).toBeGreaterThan(0)
    expect(slug(action.name)).not.toBe('release-phase')
    expect(RESERVED).not.toContain(slug(action.name))
  })
})

describe('release process', () => {
  const publish = parse(fs.readFileSync('.github/workflows/publish.yml', 'utf8'))
  const runs: string[] = publish.jobs.publish.steps.map((s: { run?: string; uses?: string }) => s.run ?? s.uses)
  const index = (re: RegExp) => runs.findIndex(r => re.test(r))

  it('a version tag checks the commit, then releases and moves the major tag, in that order', () => {
    expect(publish.on.push.tags).toEqual(['v*.*.*'])
    expect(publish.permissions).toEqual({ contents: 'write' })
    const order = [
      /^npm ci$/,
      /package\.json/,
      /^npm run build$/,
      /git status --porcelain -- dist/,
      /^npm run test:unit$/,
      /changelog-section\.mjs/,
      /gh release create/,
      /git push --force origin "refs\/tags\/\$major"/
    ]
    const at = order.map(index)
    expect(
      at.every(i => i >= 0),
      JSON.stringify(at)
    ).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })

  it('release notes come from the CHANGELOG section of the version; a missing one fails the release', () => {
    const run = (v: string) => spawnSync(process.execPath, ['scripts/changelog-section.mjs', v], { encoding: 'utf8' })
    const ok = run('v0.1.0')
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/^First release\.\n\n### Added\n/)
    expect(ok.stdout).not.toContain('## [')
    const missing = run('v9.9.9')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('CHANGELOG.md has no section')
  })

  it("CHANGELOG.md keeps an Unreleased section and a section for package.json's version", async () => {
    const { changelogSection } = await import('../../scripts/changelog-section.mjs')
    const changelog = fs.readFileSync('CHANGELOG.md', 'utf8')
    expect(changelogSection(changelog, 'Unreleased')).toMatch(/### Added/)
    const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version as string
    expect(changelog).toMatch(new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'))
  })
})

describe('docs/reusable-workflow.md', () => {
  const doc = fs.readFileSync('docs/reusable-workflow.md', 'utf8')
  const snippet = /```yaml\n([\s\S]*?)```/.exec(doc)![1]

  it('its snippet, placed in a called workflow, validates and runs the action checked out at job.workflow_sha', async () => {
    const content = `on:\n  workflow_call:\n    inputs:\n      working-directory:\n        type: string\n      tags:\n        type: string\njobs:\n  release:\n    runs-on: ubuntu-latest\n${snippet}`
    const result = parseWorkflow({ name: 'release.yml', content }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([])
    const template = await convertWorkflowTemplate(result.context, result.value!)
    expect((template.errors ?? []).map(e => e.Message)).toEqual([])
    const steps = parse(content).jobs.release.steps
    const checkout = steps.find((s: { with?: { ref?: string } }) => s.with?.ref)
    expect(checkout.with).toMatchObject({ repository: '${{ job.workflow_repository }}', ref: '${{ job.workflow_sha }}' })
    expect(steps.find((s: { id?: string }) => s.id === 'release').uses).toBe(`./${checkout.with.path}`)
  })
})
