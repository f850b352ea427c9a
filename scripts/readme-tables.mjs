// Regenerates the README's inputs and outputs tables from action.yml (a unit test fails when they drift).
// Only the two tables are replaced: the text around them (under ### Inputs and ### Outputs) is kept.
import * as fs from 'node:fs'
import { parse } from 'yaml'

const action = parse(fs.readFileSync('action.yml', 'utf8'))
const esc = s => String(s).replace(/\|/g, '\\|')
const inputs = ['| input | default | description |', '| --- | --- | --- |']
for (const [k, v] of Object.entries(action.inputs)) inputs.push(`| \`${k}\` | ${v.default ? '`' + esc(v.default) + '`' : ''} | ${esc(v.description)} |`)
const outputs = ['| output | description |', '| --- | --- |']
for (const [k, v] of Object.entries(action.outputs)) outputs.push(`| \`${k}\` | ${esc(v.description)} |`)

/** The table that starts with `header` after `heading`, replaced by `rows`. */
function replaceTable(text, heading, header, rows) {
  const at = text.indexOf(heading)
  const start = text.indexOf(`${header}\n`, at)
  if (at < 0 || start < 0) throw new Error(`README.md: no "${header}" table under ${heading}`)
  let end = start
  while (text.startsWith('|', end)) end = text.indexOf('\n', end) + 1
  return text.slice(0, start) + rows.join('\n') + '\n' + text.slice(end)
}

let readme = fs.readFileSync('README.md', 'utf8')
readme = replaceTable(readme, '### Inputs\n', inputs[0], inputs)
readme = replaceTable(readme, '### Outputs\n', outputs[0], outputs)
fs.writeFileSync('README.md', readme)
