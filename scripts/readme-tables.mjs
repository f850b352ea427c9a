// Regenerates the README's inputs/outputs tables from action.yml (a unit test fails when they drift).
import * as fs from 'node:fs'
import { parse } from 'yaml'

const action = parse(fs.readFileSync('action.yml', 'utf8'))
const esc = s => String(s).replace(/\|/g, '\\|')
let out = '### Inputs\n\n| input | default | description |\n| --- | --- | --- |\n'
for (const [k, v] of Object.entries(action.inputs)) out += `| \`${k}\` | ${v.default ? '`' + esc(v.default) + '`' : ''} | ${esc(v.description)} |\n`
out += '\n### Outputs\n\n| output | description |\n| --- | --- |\n'
for (const [k, v] of Object.entries(action.outputs)) out += `| \`${k}\` | ${esc(v.description)} |\n`
const readme = fs.readFileSync('README.md', 'utf8')
const start = readme.indexOf('### Inputs\n')
const end = readme.indexOf('## Run it here')
if (start < 0 || end < 0) throw new Error('README.md: the Inputs section or "## Run it here" is missing')
fs.writeFileSync('README.md', readme.slice(0, start) + out + '\n' + readme.slice(end))
