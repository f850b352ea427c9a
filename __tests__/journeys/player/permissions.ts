/**
 * GITHUB_TOKEN's permissions as GitHub computes them, as strictly as GitHub (docs: "Controlling
 * permissions for GITHUB_TOKEN", "Reusing workflows: access and permissions"):
 * - a job's `permissions` replaces the workflow's whole; a scope either leaves out is `none`
 *   (`metadata: read` always holds); `read-all`, `write-all` and `{}` are shorthands;
 * - with neither declared, the repository's default applies: here the restricted default of new
 *   repositories and organisations, `contents: read` and `packages: read`;
 * - a called (reusable) workflow's jobs may only narrow the caller job's token: one that asks for more
 *   is refused before the run starts;
 * - `id-token` has no `read` level.
 * What needs what: a ghcr.io push `packages: write`; an attestation `id-token: write` and
 * `attestations: write`; listing deployments `deployments: read`.
 */
export type Level = 'none' | 'read' | 'write'
export type Permissions = Record<string, Level>

export const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'security-events',
  'statuses'
] as const

const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 }

function all(level: Level): Permissions {
  return Object.fromEntries(SCOPES.map(s => [s, s === 'id-token' && level === 'read' ? 'none' : level]))
}

/** The restricted default token: what a job gets when neither it nor its workflow declares `permissions`. */
export function restrictedDefault(): Permissions {
  return { ...all('none'), contents: 'read', packages: 'read' }
}

/** A `permissions:` value as GitHub reads it; undefined when not declared. Invalid values are errors. */
export function declared(value: unknown, where: string): Permissions | undefined {
  if (value === undefined || value === null) return undefined
  if (value === 'read-all') return all('read')
  if (value === 'write-all') return all('write')
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: permissions must be read-all, write-all or a mapping`)
  const out = all('none')
  for (const [scope, level] of Object.entries(value)) {
    if (!(SCOPES as readonly string[]).includes(scope)) throw new Error(`${where}: permissions: unknown scope ${scope}`)
    if (level !== 'read' && level !== 'write' && level !== 'none')
      throw new Error(`${where}: permissions: ${scope}: ${String(level)} is not read, write or none`)
    if (scope === 'id-token' && level === 'read') throw new Error(`${where}: permissions: id-token takes write or none`)
    out[scope] = level
  }
  return out
}

/** The job's token: its own `permissions`, else its workflow's, else `inherited` (the default, or the caller's). */
export function effective(workflow: unknown, job: unknown, where: string, inherited: Permissions = restrictedDefault()): Permissions {
  return declared(job, where) ?? declared(workflow, where) ?? inherited
}

export function allows(p: Permissions, scope: string, level: Level): boolean {
  return RANK[p[scope] ?? 'none'] >= RANK[level]
}

/** GitHub's refusal of a called workflow's job that asks for more than the caller's token holds. */
export function widening(asked: Permissions, caller: Permissions, job: string): string[] {
  return SCOPES.filter(s => RANK[asked[s]] > RANK[caller[s]]).map(
    s => `The nested job '${job}' is requesting '${s}: ${asked[s]}', but is only allowed '${s}: ${caller[s]}'.`
  )
}

export function describe(p: Permissions): string {
  const granted = SCOPES.filter(s => p[s] !== 'none').map(s => `${s}: ${p[s]}`)
  return granted.length ? granted.join(', ') : 'nothing but metadata: read'
}
