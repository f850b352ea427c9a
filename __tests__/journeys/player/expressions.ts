import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { truthy } from '@actions/expressions/result'

/**
 * `${{ }}` through @actions/expressions, GitHub's own evaluator for the grammar (the one its
 * language services use): operators, coercions, fromJSON/format/contains… behave as on a runner.
 * Only the status functions are supplied here; anything else unknown (hashFiles, …) is an error.
 */
export type Contexts = Record<string, unknown>
export type JobStatus = 'success' | 'failure'

const CONTEXTS = ['github', 'env', 'secrets', 'vars', 'inputs', 'needs', 'steps', 'job', 'jobs', 'matrix', 'runner', 'strategy']

function statusFunctions(status: JobStatus) {
  const fn = (name: string, value: () => boolean) => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) })
  return [fn('success', () => status === 'success'), fn('failure', () => status === 'failure'), fn('always', () => true), fn('cancelled', () => false)]
}

export function evaluate(expression: string, contexts: Contexts, status: JobStatus = 'success'): data.ExpressionData {
  const lexed = new Lexer(expression).lex()
  const functions = statusFunctions(status)
  const expr = new Parser(lexed.tokens, CONTEXTS, functions).parse()
  const ctx = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary
  return new Evaluator(expr, ctx, new Map(functions.map(f => [f.name, f]))).evaluate()
}

/** A value as the runner hands it to a step: strings as they are, objects as JSON. */
export function asString(value: data.ExpressionData): string {
  if (value.kind === data.Kind.Dictionary || value.kind === data.Kind.Array) {
    return JSON.stringify(value, data.replacer)
  }
  return value.coerceString()
}

export function asJson(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer))
}

/** The end of the expression opened at `start` (just after `${{`), skipping '…' literals. */
function closing(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    if (text[i] === "'") {
      for (i++; i < text.length && !(text[i] === "'" && text[i + 1] !== "'"); i++) if (text[i] === "'") i++
    } else if (text.startsWith('}}', i)) return i
  }
  throw new Error(`unterminated \${{ in: ${text}`)
}

/**
 * A template value: a lone `${{ x }}` keeps its type (a boolean input stays a boolean,
 * fromJSON gives an array); mixed text is joined as strings, as the runner does.
 */
export function interpolate(text: string, contexts: Contexts, status?: JobStatus): data.ExpressionData {
  const parts: data.ExpressionData[] = []
  let rest = 0
  let literal = ''
  for (let open = text.indexOf('${{'); open !== -1; open = text.indexOf('${{', rest)) {
    literal += text.slice(rest, open)
    if (literal) parts.push(new data.StringData(literal))
    literal = ''
    const end = closing(text, open + 3)
    parts.push(evaluate(text.slice(open + 3, end).trim(), contexts, status))
    rest = end + 2
  }
  literal += text.slice(rest)
  if (literal) parts.push(new data.StringData(literal))
  if (parts.length === 1) return parts[0]
  return new data.StringData(parts.map(asString).join(''))
}

/** Interpolates every string of a YAML value (a `with:`, `env:` map, …). */
export function interpolateDeep(value: unknown, contexts: Contexts): unknown {
  if (typeof value === 'string') return value.includes('${{') ? asJson(interpolate(value, contexts)) : value
  if (Array.isArray(value)) return value.map(v => interpolateDeep(v, contexts))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, contexts)]))
  return value
}

/** A step's or job's `if:` (with or without `${{ }}`), default `success()`. */
export function condition(text: unknown, contexts: Contexts, status: JobStatus): boolean {
  if (text === undefined) return status === 'success'
  if (typeof text === 'boolean') return text
  const src = String(text).trim()
  const expr = src.startsWith('${{') && src.endsWith('}}') ? src.slice(3, -2) : src
  // As on GitHub: an `if` without a status function is implicitly `success() && (…)`.
  const implicit = /\b(success|failure|always|cancelled)\(\)/.test(expr) ? expr : `success() && (${expr})`
  return truthy(evaluate(implicit, contexts, status))
}

/** A scalar as the runner passes it to an input or env variable. */
export function scalar(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
