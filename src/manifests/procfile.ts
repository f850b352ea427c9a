import { ManifestError, excerpt } from '../errors.js'

export interface ProcfileEntry {
  name: string
  command: string
  line: number
}

const ENTRY = /^([A-Za-z0-9_-]+)[ \t]*:(.*)$/
const MAX_NAME = 63

/** Parses a Procfile (design.md §2.4). Pure: `file` is only used to annotate errors. */
export function parseProcfile(text: string, file: string): ProcfileEntry[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const entries: ProcfileEntry[] = []
  const seen = new Map<string, number>()
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    const raw = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i]
    const fail = (msg: string): never => {
      throw new ManifestError(msg, file, lineNo)
    }
    if (raw.includes('\0')) fail('Procfile line contains a NUL byte')
    const line = raw.trimStart()
    if (line === '' || line.startsWith('#') || line.startsWith('//')) continue
    const m = ENTRY.exec(line)
    if (!m) fail(`Procfile line is neither a comment nor a "name: command" entry: ${excerpt(line)}`)
    const [, name, rest] = m!
    if (name.length > MAX_NAME) fail(`Procfile process name "${excerpt(name, 20)}" is ${name.length} characters; at most ${MAX_NAME} are allowed`)
    const command = rest.trim()
    if (command === '') fail(`Procfile process "${name}" has an empty command`)
    const first = seen.get(name)
    if (first !== undefined) fail(`Procfile process "${name}" is defined twice (first on line ${first})`)
    seen.set(name, lineNo)
    entries.push({ name, command, line: lineNo })
  }
  return entries
}
