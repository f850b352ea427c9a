import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'
import { ManifestError, type Location } from '../errors.js'
import { orNone } from './or-none.js'
import { VAR_NAME } from '../inputs/grammar.js'

export interface AppEnvVar {
  name: string
  description?: string
  value?: string
  required: boolean
  generator?: string
}

export interface AppJson {
  predeploy?: string
  postdeploy?: string
  firstDeploy?: string
  env: AppEnvVar[]
  /** Where each script stands, so a later error about its command names the line. */
  at?: { predeploy?: Location; postdeploy?: Location; firstDeploy?: Location }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Parses app.json (design.md §2.5, §5.2) as JSON with comments and trailing commas, as Dokku does.
 * jsonc-parser gives offsets for both syntax errors and nodes, so every error names a line and column.
 */
export function parseAppJson(text: string, file: string): AppJson {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.trim() === '') return { env: [] }
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false })
  const at = (offset: number, msg: string): never => {
    const { line, column } = lineColumn(text, offset)
    throw new ManifestError(msg, file, line, column)
  }
  if (errors.length > 0) at(errors[0].offset, `app.json is not valid JSON: ${printParseErrorCode(errors[0].error)}`)
  if (!root || root.type !== 'object') at(root?.offset ?? 0, 'app.json must contain a JSON object')

  const str = (path: string[]): string | undefined => {
    const node = findNodeAtLocation(root!, path)
    if (!node || node.type === 'null') return undefined
    if (node.type !== 'string') at(node.offset, `${path.join('.')} must be a string`)
    return node.value as string
  }
  // A non-object where an object is expected would otherwise make findNodeAtLocation silently miss.
  for (const path of [['scripts'], ['scripts', 'dokku'], ['env']]) {
    const node = findNodeAtLocation(root!, path)
    if (node && node.type !== 'object' && node.type !== 'null') at(node.offset, `${path.join('.')} must be an object`)
  }
  const where = (path: string[]): Location | undefined => {
    const node = findNodeAtLocation(root!, path)
    return node ? { file, ...lineColumn(text, node.offset) } : undefined
  }
  return {
    at: {
      predeploy: where(['scripts', 'dokku', 'predeploy']),
      postdeploy: where(['scripts', 'dokku', 'postdeploy']),
      firstDeploy: where(['scripts', 'postdeploy'])
    },
    predeploy: orNone(str(['scripts', 'dokku', 'predeploy'])),
    postdeploy: orNone(str(['scripts', 'dokku', 'postdeploy'])),
    firstDeploy: orNone(str(['scripts', 'postdeploy'])),
    env: parseEnv(findNodeAtLocation(root!, ['env']), at)
  }
}

function parseEnv(envNode: Node | undefined, at: (offset: number, msg: string) => never): AppEnvVar[] {
  if (!envNode || envNode.type !== 'object') return []
  const vars: AppEnvVar[] = []
  for (const prop of envNode.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? []
    const name = keyNode.value as string
    if (!VAR_NAME.test(name)) at(keyNode.offset, `env: "${name}" is not a valid variable name`)
    if (valueNode.type === 'string') {
      vars.push({ name, value: valueNode.value as string, required: true })
      continue
    }
    if (valueNode.type !== 'object') at(valueNode.offset, `env.${name} must be a string or an object`)
    const field = (key: string, type: string): unknown => {
      const f = findNodeAtLocation(valueNode, [key])
      if (!f || f.type === 'null') return undefined
      if (f.type !== type) at(f.offset, `env.${name}.${key} must be a ${type}`)
      return f.value
    }
    vars.push({
      name,
      description: field('description', 'string') as string | undefined,
      value: field('value', 'string') as string | undefined,
      required: (field('required', 'boolean') as boolean | undefined) ?? true,
      generator: field('generator', 'string') as string | undefined
    })
  }
  return vars
}
