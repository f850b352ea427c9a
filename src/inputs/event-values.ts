import { InputError } from '../errors.js'
import { readRegularFile } from '../workspace-files.js'
import type { InputGetter } from './grammar.js'

/**
 * ADR 0015 (issue 33): an event value cannot add a list item. `tags: ghcr.io/acme/app:pr-${{ github.head_ref }}`
 * with a branch named `x,ghcr.io/acme/app` would be two tags, the second overwriting production's; a pull
 * request title with a line break would add a line to `env`. The runner hands the action only the
 * expanded text, so the rule is read on it: a list input whose text holds an event value that itself
 * holds one of that input's separators is an error naming the input and where the value came from.
 */

/** What splits each list input's items (inputs/grammar.ts `list`, `lines`; task/words.ts for run-args). */
const COMMA_OR_LINE = /[,\r\n]/
const LINE = /[\r\n]/
const WORD = /[\s'"\\]/
/** A shell's input: words, and what starts another command or substitutes one. */
const SHELL = /[\s'"\\;|&$`<>()]/
/** YAML (flow collections, mappings, quotes, comments) whose options and commands are split into words too. */
const YAML = /[\s,:{}[\]#&*!|>'"%@`\\]/
export const LIST_INPUTS: Readonly<Record<string, RegExp>> = {
  tags: COMMA_OR_LINE,
  phases: COMMA_OR_LINE,
  platforms: COMMA_OR_LINE,
  'add-hosts': COMMA_OR_LINE,
  allow: COMMA_OR_LINE,
  'no-cache-filters': COMMA_OR_LINE,
  ssh: COMMA_OR_LINE,
  'build-args': LINE,
  labels: LINE,
  // buildx reads each line as CSV attributes: a comma adds one (`ref=` elsewhere).
  'cache-from': COMMA_OR_LINE,
  'cache-to': COMMA_OR_LINE,
  annotations: LINE,
  'build-contexts': LINE,
  'secret-files': LINE,
  ulimit: LINE,
  secrets: LINE,
  env: LINE,
  'env-files': LINE,
  'secrets-dotenv': LINE,
  'build-secrets': LINE,
  sidecars: YAML,
  'docker-known-hosts': LINE,
  'run-args': WORD,
  // Split into words in exec mode, and a shell's input otherwise.
  'release-command': SHELL
}

/** One value the event chose (a branch, a title, a commit message), and where it is read from. */
export interface EventValue {
  source: string
  value: string
}

/** The runner's variables that carry a ref someone outside the workflow may have named. */
const REF_VARIABLES = ['GITHUB_HEAD_REF', 'GITHUB_BASE_REF', 'GITHUB_REF_NAME', 'GITHUB_REF']
/**
 * The payload's parts that whoever may start the workflow cannot choose: `workflow_dispatch` inputs and
 * a `repository_dispatch` client_payload come from someone with write access, on purpose.
 */
const TRUSTED_PAYLOAD = new Set(['inputs', 'client_payload'])
/** What any list input splits on: a payload string without one of these cannot split an item. */
const SPLITS = new RegExp([COMMA_OR_LINE, LINE, WORD, YAML, SHELL].map(r => r.source).join('|'))
/** GitHub sends payloads of up to 25 MB; a larger file is not read, so it cannot be checked. */
const MAX_EVENT_FILE = 32 * 1024 * 1024

/**
 * The event values that could split an item: the ref variables and every string of the event payload
 * (GITHUB_EVENT_PATH) that holds a comma, a line break or white space, with the path it was found at.
 */
export function eventValues(env: NodeJS.ProcessEnv): EventValue[] {
  const out: EventValue[] = REF_VARIABLES.filter(n => env[n]).map(n => ({ source: n, value: env[n]! }))
  if (!env.GITHUB_EVENT_PATH) return out
  const text = readRegularFile(env.GITHUB_EVENT_PATH, 'the event payload (GITHUB_EVENT_PATH)', MAX_EVENT_FILE)
  if (text === undefined) return out
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch {
    throw new InputError('the event payload (GITHUB_EVENT_PATH) is not JSON, so list inputs cannot be checked for event values')
  }
  const stack: { at: string; value: unknown }[] = [{ at: 'github.event', value: payload }]
  while (stack.length > 0) {
    const { at, value } = stack.pop()!
    if (typeof value === 'string' && SPLITS.test(value)) out.push({ source: at, value })
    if (typeof value !== 'object' || value === null) continue
    for (const [k, v] of Object.entries(value)) {
      if (at === 'github.event' && TRUSTED_PAYLOAD.has(k)) continue
      stack.push({ at: Array.isArray(value) ? `${at}[${k}]` : `${at}.${k}`, value: v })
    }
  }
  return out
}

/** The event value that would add an item to `name`, if its text holds one. */
export function splittingValue(name: string, text: string, values: () => readonly EventValue[]): EventValue | undefined {
  const separator = LIST_INPUTS[name]
  if (!separator || !separator.test(text)) return undefined
  const folded = text.toLowerCase()
  // Case folded: a workflow may lower-case a branch name for a tag (toLower(), metadata-action's raw).
  const splits = (v: string): boolean => separator.test(v) && v.replace(new RegExp(separator, 'g'), '') !== ''
  // Trimmed too: the runner's input is trimmed, so a value at its start or end loses its outer blanks.
  const found = (v: string): boolean => splits(v) && folded.includes(v.toLowerCase())
  return values().find(v => found(v.value) || found(v.value.trim()))
}

/** `get`, refusing a list input that an event value would split (its values read once, when first needed). */
export function guardLists(get: InputGetter, read: () => EventValue[]): InputGetter {
  let values: EventValue[] | undefined
  const once = (): EventValue[] => (values ??= read())
  return name => {
    const text = get(name)
    const hit = splittingValue(name, text, once)
    if (hit) throw new InputError(splitError(name, hit))
    return text
  }
}

function splitError(name: string, hit: EventValue): string {
  const fix =
    name === 'tags'
      ? 'make tags with docker/metadata-action (it turns a ref into one valid tag)'
      : `put it in the step's env and name that variable here (${name === 'build-args' ? 'build-args: NAME takes its value from the step env' : 'secrets: NAME passes it by name'})`
  return (
    `${name}: the text holds ${hit.source}, an event value (chosen by whoever names the branch or writes the pull request, issue or commit), ` +
    `and that value holds a separator of this input, so it would add items to the list. Never interpolate such a value into a list input: ${fix}`
  )
}
