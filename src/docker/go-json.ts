/**
 * The docker CLI decodes its files (config.json, a context's meta.json) with Go's encoding/json, which
 * matches an object key to a struct field without regard to case, by Unicode simple folding (so `ſ`
 * reads as `s` and the Kelvin sign as `k`), and lets the last matching key in the text win. The action
 * reads those files as the CLI does, or an attacker's spelling would mean one thing to the CLI and
 * another here.
 */

/** Two spellings of one field: JSON.parse keeps no order between them, so which one Go takes is unknown. */
export const AMBIGUOUS = Symbol('ambiguous')

/** A key as Go's decoder compares it with a field name (ASCII field names: only ſ and K fold into them). */
export function goFold(key: string): string {
  return key
    .replace(/\u017f/g, 's')
    .replace(/\u212a/g, 'k')
    .toLowerCase()
}

/**
 * The value Go would decode into the field `name` of a struct from `obj` (undefined: none). One key
 * spelt twice alike is JSON.parse's last, as Go's; spelt two ways, AMBIGUOUS.
 */
export function goField(obj: unknown, name: string): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined
  const folded = goFold(name)
  const keys = Object.keys(obj).filter(k => goFold(k) === folded)
  if (keys.length > 1) return AMBIGUOUS
  return keys.length === 1 ? (obj as Record<string, unknown>)[keys[0]] : undefined
}
