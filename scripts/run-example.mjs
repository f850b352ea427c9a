// Runs the example app's predeploy and release phases on the local engine through dist/index.js,
// exactly as the runner starts the action: INPUT_* variables and the runner's file commands.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
if (spawnSync('bash', [path.join(root, 'scripts/base-image.sh')], { stdio: 'inherit' }).status !== 0) process.exit(1)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-phase-example-'))
const files = Object.fromEntries(['output', 'summary', 'state'].map(n => [n, path.join(dir, n)]))
Object.values(files).forEach(f => fs.writeFileSync(f, ''))
fs.mkdirSync(path.join(dir, 'temp'))
const env = {
  ...process.env,
  GITHUB_WORKSPACE: root,
  GITHUB_OUTPUT: files.output,
  GITHUB_STEP_SUMMARY: files.summary,
  GITHUB_STATE: files.state,
  RUNNER_TEMP: path.join(dir, 'temp'),
  'INPUT_WORKING-DIRECTORY': 'example',
  INPUT_TAGS: 'release-phase-example:local',
  INPUT_PHASES: 'predeploy,release',
  INPUT_ENV: 'GREETING=hello from the example'
}
const main = spawnSync(process.execPath, [path.join(root, 'dist/index.js')], { env, stdio: 'inherit' })
// The post step, as the runner runs it after the job: STATE_* from the main step.
const state = {}
for (const m of fs.readFileSync(files.state, 'utf8').matchAll(/^(.+)<<(.+)\n([\s\S]*?)\n\2$/gm)) state[`STATE_${m[1]}`] = m[3]
spawnSync(process.execPath, [path.join(root, 'dist/post/index.js')], { env: { ...env, ...state }, stdio: 'inherit' })
console.log('\nOutputs (GITHUB_OUTPUT):')
for (const m of fs.readFileSync(files.output, 'utf8').matchAll(/^(.+)<<(.+)\n([\s\S]*?)\n\2$/gm)) console.log(`  ${m[1]}: ${m[3].replace(/\n/g, '\n    ')}`)
fs.rmSync(dir, { recursive: true, force: true })
process.exit(main.status ?? 1)
