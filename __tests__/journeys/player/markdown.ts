import * as fs from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../../helpers/engine.js'

/** A ```yaml block of a Markdown file, named by the heading above it. */
export interface Block {
  file: string
  heading: string
  /** 1-based index among the file's yaml blocks. */
  index: number
  content: string
}

export function yamlBlocks(file: string): Block[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8')
  const blocks: Block[] = []
  let heading = ''
  const re = /^(#{1,6}) (.+)$|^```yaml\n([\s\S]*?)^```$/gm
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2]) heading = m[2].trim()
    else blocks.push({ file, heading, index: blocks.length + 1, content: m[3] })
  }
  return blocks
}

/** The one workflow block under a heading (a missing or ambiguous heading fails the journey). */
export function block(file: string, heading: string): Block {
  const found = yamlBlocks(file).filter(b => b.heading === heading)
  if (found.length !== 1)
    throw new Error(
      `${file}: ${found.length} yaml blocks under "${heading}" (headings: ${yamlBlocks(file)
        .map(b => b.heading)
        .join(' | ')})`
    )
  return found[0]
}
