import { block, type Block } from './player/markdown.js'

/**
 * Every workflow the docs show, by the heading it sits under: each journey plays one of these,
 * and catalog.test.ts fails when the docs gain a workflow no journey plays.
 */
export const README = 'README.md'
export const DOCS = 'docs/workflows.md'
export const CATALOG = {
  readme: [README, 'Usage'],
  gatedJob: [DOCS, 'One gated job: the release runs inside the environment'],
  buildApproveRelease: [DOCS, 'Build, then approve, then release'],
  attest: [DOCS, 'Attest the released image'],
  services: [DOCS, 'Migrations against a `services:` database'],
  rehearsal: [DOCS, 'Release rehearsal on pull requests'],
  ghaCache: [DOCS, 'Cache layers in the GitHub Actions cache'],
  metadata: [DOCS, 'Tags, labels and annotations from docker/metadata-action'],
  jets: [DOCS, 'Jets: AWS credentials and `config/jets/env`'],
  deployHost: [DOCS, 'Release on the deploy host over SSH'],
  monorepo: [DOCS, 'A monorepo: one release phase per app'],
  buildPushAction: [DOCS, 'An image built by docker/build-push-action'],
  reusable: [DOCS, 'From another repository, in one line']
} as const satisfies Record<string, readonly [string, string]>

export const workflow = (key: keyof typeof CATALOG): Block => block(CATALOG[key][0], CATALOG[key][1])
