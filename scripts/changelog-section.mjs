#!/usr/bin/env node
// Prints the body of one version's section of CHANGELOG.md (Keep a Changelog format), for the
// GitHub release notes: `node scripts/changelog-section.mjs 1.2.0 [CHANGELOG.md]`.
// Fails when the section is missing or empty: a release without notes is a mistake.
import * as fs from 'node:fs'

export function changelogSection(text, version) {
  const lines = text.split(/\r?\n/)
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const start = lines.findIndex(l => new RegExp(`^## \\[?v?${escaped}\\]?(\\s|$)`).test(l))
  if (start < 0) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex(l => /^## /.test(l) || /^\[[^\]]+\]: /.test(l))
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
  return body === '' ? undefined : body
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (!version) {
    console.error('usage: changelog-section.mjs VERSION [CHANGELOG.md]')
    process.exit(2)
  }
  const body = changelogSection(fs.readFileSync(file, 'utf8'), version.replace(/^v/, ''))
  if (body === undefined) {
    console.error(`${file} has no section (or an empty one) for ${version}: add "## [${version.replace(/^v/, '')}] - YYYY-MM-DD" with its changes`)
    process.exit(1)
  }
  console.log(body)
}
