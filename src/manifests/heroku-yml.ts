import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml'
import { ManifestError, type Location } from '../errors.js'
import { orNone } from './or-none.js'

export interface HerokuYml {
  /** Shell form (string) or exec form (argv, verbatim). */
  releaseCommand?: string | string[]
  /** Where `release.command` stands, for annotating later errors about the command. */
  releaseAt?: Location
  releaseImage?: string
  /** build.docker: process type → Dockerfile path, relative to the app root. */
  dockerfiles: Record<string, string>
}

/** Parses heroku.yml (design.md §2.6); YAML errors and wrong types carry line and column. */
export function parseHerokuYml(text: string, file: string): HerokuYml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number | undefined, msg: string): never => {
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset)
    throw new ManifestError(msg, file, pos?.line, pos?.col)
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    at(e.pos[0], `heroku.yml is not valid YAML: ${e.message.split('\n')[0]}`)
  }
  const result: HerokuYml = { dockerfiles: {} }
  const root = doc.contents
  if (root === null || (isScalar(root) && root.value === null)) return result
  if (!isMap(root)) at(root.range?.[0], 'heroku.yml must be a mapping')
  const child = (parent: Node, key: string): Node | undefined => {
    if (!isMap(parent)) return undefined
    const v = parent.get(key, true) as Node | undefined
    return v === undefined || (isScalar(v) && v.value === null) ? undefined : v
  }
  const mapAt = (parent: Node, key: string, path: string): Node | undefined => {
    const v = child(parent, key)
    if (v !== undefined && !isMap(v)) at(v.range?.[0], `${path} must be a mapping`)
    return v
  }
  const stringAt = (node: Node, path: string): string => {
    if (!isScalar(node) || typeof node.value !== 'string') at(node.range?.[0], `${path} must be a string`)
    return (node as { value: string }).value
  }

  const release = mapAt(root as Node, 'release', 'release')
  if (release) {
    const cmd = child(release, 'command')
    if (cmd) {
      if (isSeq(cmd)) {
        result.releaseCommand = orNone(cmd.items.map((item, i) => stringAt(item as Node, `release.command[${i}]`)))
      } else if (isScalar(cmd) && typeof cmd.value === 'string') {
        result.releaseCommand = orNone(cmd.value)
      } else {
        at(cmd.range?.[0], 'release.command must be a string or a list of strings')
      }
      const pos = cmd.range ? lineCounter.linePos(cmd.range[0]) : undefined
      if (result.releaseCommand !== undefined && pos) result.releaseAt = { file, line: pos.line, column: pos.col }
    }
    const image = child(release, 'image')
    if (image) result.releaseImage = stringAt(image, 'release.image')
  }
  const build = mapAt(root as Node, 'build', 'build')
  const docker = build && mapAt(build, 'docker', 'build.docker')
  if (docker && isMap(docker)) {
    for (const pair of docker.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key)
      const value = pair.value as Node | null
      if (!value) at((pair.key as Node)?.range?.[0], `build.docker.${key} must be a string`)
      result.dockerfiles[key] = stringAt(value!, `build.docker.${key}`)
    }
  }
  return result
}
