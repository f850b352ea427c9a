/**
 * Why a fast path cannot be taken, so the caller takes the slower one and says why in the log (the
 * predeploy commit's config-only paths, design.md §4.6). One shape for every such answer.
 */
export interface Fallback {
  reason: string
}

export const fallback = (reason: string): Fallback => ({ reason })

export function isFallback<T>(r: T | Fallback): r is Fallback {
  return typeof r === 'object' && r !== null && 'reason' in r
}
