/**
 * Whether the step's env holds a value under `name`. `empty` is its own answer: an unset repository or
 * environment secret expands to an empty string (design.md §5.3), which is never a usable value.
 * Whitespace alone counts as empty.
 */
export function inStepEnv(env: NodeJS.ProcessEnv, name: string): 'set' | 'unset' | 'empty' {
  const v = env[name]
  if (v === undefined) return 'unset'
  return v.trim() === '' ? 'empty' : 'set'
}
