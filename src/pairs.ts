/**
 * `KEY=VALUE`, split at the first `=` (a value may hold more): the one rule of every such input, manifest
 * entry and image ENV line. `value` is undefined for a bare `KEY`; nothing is trimmed, callers decide.
 */
export function splitPair(text: string): { key: string; value: string | undefined } {
  const eq = text.indexOf('=')
  return eq < 0 ? { key: text, value: undefined } : { key: text.slice(0, eq), value: text.slice(eq + 1) }
}
