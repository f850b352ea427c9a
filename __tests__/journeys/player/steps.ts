import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { parseFileCommands, ROOT, runAction, type ContainerRecord } from '../../helpers/engine.js'
import { interpolateDeep, scalar, type Contexts } from './expressions.js'
import { LOCAL_ACTIONS, type JobEnv } from './local-actions.js'
import type { World } from './world.js'

/** One step of a job: `uses:` (this action or a local equivalent) or `run:` through bash. */
export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
  if?: unknown
  shell?: string
  'working-directory'?: string
  'continue-on-error'?: boolean
  'timeout-minutes'?: number
}

export interface StepResult {
  ok: boolean
  outputs: Record<string, string>
  /** The inputs the step ran with (after expressions and substitutions). */
  inputs: Record<string, string>
  stdout: string
  /** For this action: every docker call its main step made (argv after `docker`). */
  dockerCalls?: string[][]
  /** For this action: every container its main step started, as the engine held it (helpers/engine.ts). */
  started?: ContainerRecord[]
  /** For this action: what its post step needs. */
  post?: { state: Record<string, string>; runnerTemp: string; env: Record<string, string>; inputs: Record<string, string> }
}

export interface RunningJob extends JobEnv {
  name: string
  /** The runner's variables for every step: GITHUB_*, RUNNER_*, DOCKER_CONFIG, and GITHUB_ENV's. */
  env: Record<string, string>
}

const STEP_KEYS = new Set(['id', 'name', 'uses', 'run', 'with', 'env', 'if', 'shell', 'working-directory', 'continue-on-error', 'timeout-minutes'])
export const THIS_ACTION = /^[^/]+\/release-phase@[^/]+$/

const actionYml = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }

export function checkStepKeys(step: Step): void {
  const unknown = Object.keys(step).filter(k => !STEP_KEYS.has(k))
  if (unknown.length) throw new Error(`the player cannot run a step with ${unknown.join(', ')}`)
  if (!step.uses === !step.run) throw new Error('a step needs exactly one of uses: and run:')
}

function strings(map: unknown, ctx: Contexts, w: World): Record<string, string> {
  const evaluated = interpolateDeep(map ?? {}, ctx) as Record<string, unknown>
  return Object.fromEntries(Object.entries(evaluated).map(([k, v]) => [k, w.substitute(scalar(v))]))
}

export async function runStep(step: Step, job: RunningJob, ctx: Contexts, w: World): Promise<StepResult> {
  checkStepKeys(step)
  const env = { ...job.env, ...strings(step.env, ctx, w) }
  const inputs = strings(step.with, ctx, w)
  if (step.run !== undefined) return runBash(w.substitute(scalar(interpolateDeep(step.run, ctx))), step, job, env)
  const uses = step.uses!
  if (THIS_ACTION.test(uses) || isThisActionCheckedOut(uses, job)) return runThisAction(inputs, job, { ...ctx, env }, env, w)
  const local = LOCAL_ACTIONS[uses.split('@')[0]]
  if (!local) throw new Error(`the player has no local equivalent for uses: ${uses}`)
  const r = await local(w, job, inputs, uses.split('@')[1] ?? '')
  return { ...r, inputs, stdout: '' }
}

/** `uses: ./dir` where an earlier checkout put this action (its action.yml) into the workspace. */
function isThisActionCheckedOut(uses: string, job: RunningJob): boolean {
  if (!uses.startsWith('./')) return false
  const file = path.join(job.workspace, uses, 'action.yml')
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
}

/** This action: action.yml's defaults (evaluated), `with:` as INPUT_*, the step's env; main now, post later. */
async function runThisAction(withInputs: Record<string, string>, job: RunningJob, ctx: Contexts, env: Record<string, string>, w: World): Promise<StepResult> {
  const unknown = Object.keys(withInputs).filter(k => !(k in actionYml.inputs))
  if (unknown.length) throw new Error(`with: ${unknown.join(', ')} is not an input of action.yml`)
  const defaults = Object.fromEntries(
    Object.entries(actionYml.inputs)
      .filter(([, i]) => i.default !== undefined)
      .map(([k, i]) => [k, scalar(interpolateDeep(i.default, ctx))])
  )
  const inputs = { ...defaults, ...withInputs }
  for (const key of ['cache-from', 'cache-to'] as const) {
    const local = w.substituteCache(key, inputs[key])
    if (local !== inputs[key]) job.log(`${key}: ${inputs[key]} → ${local} (no cache service here)`)
    inputs[key] = local
  }
  if (inputs.sidecars) inputs.sidecars = w.substituteSidecars(inputs.sidecars, job.log)
  job.log(`release-phase → node .test-dist/index.js (main), inputs: ${Object.keys(withInputs).join(', ')}`)
  // The runner gives JavaScript actions (not run: steps) the cache service's URL and token.
  const runtime = { ACTIONS_RUNTIME_TOKEN: 'journeys-runtime-token', ACTIONS_CACHE_URL: `${env.GITHUB_API_URL}/_apis/artifactcache/` }
  const wrap = await besideBuilder(env, w, job)
  const r = await runAction({ workspace: job.workspace, inputs, env: { ...env, ...runtime }, runnerTemp: job.runnerTemp, wrap })
  for (const l of r.stdout.split('\n')) if (l) job.log(`  ${l}`)
  for (const l of r.stderr.split('\n')) if (l) job.log(`  (stderr) ${l}`)
  return {
    ok: r.code === 0,
    outputs: r.outputs,
    inputs,
    stdout: r.stdout,
    dockerCalls: r.dockerCalls,
    started: r.started,
    post: { state: r.state, runnerTemp: r.runnerTemp, env, inputs }
  }
}

/**
 * A runner's engine shares the runner's loopback (the predeploy commit's manifest probe relies on it);
 * setup-buildx-action's builder here has a network namespace of its own: the action runs in it.
 */
async function besideBuilder(env: Record<string, string>, w: World, job: RunningJob): Promise<string[] | undefined> {
  const builder = await w.startedBuilder()
  if (!builder || env.DOCKER_HOST !== builder.host) return undefined
  job.log("release-phase runs in the builder engine's network namespace (a runner's engine shares the runner's loopback)")
  return builder.inNetns
}

export async function runPost(post: NonNullable<StepResult['post']>, job: RunningJob): Promise<boolean> {
  job.log('release-phase → node .test-dist/index.js (post, post-if: always())')
  // The runner gives the post step the same inputs and step env as main (actions/cache's post reads its inputs).
  const r = await runAction({ workspace: job.workspace, env: post.env, inputs: post.inputs, post })
  for (const l of r.stdout.split('\n')) if (l) job.log(`  ${l}`)
  return r.code === 0
}

/** `run:` as the runner runs it: bash -e -o pipefail, GITHUB_OUTPUT/GITHUB_ENV honoured. */
function runBash(script: string, step: Step, job: RunningJob, env: Record<string, string>): Promise<StepResult> {
  if (step.shell && step.shell !== 'bash') throw new Error(`the player runs run: steps with bash only, not shell: ${step.shell}`)
  const files = fs.mkdtempSync(path.join(job.runnerTemp, 'step-'))
  const output = path.join(files, 'output')
  const envFile = path.join(files, 'env')
  const summary = path.join(files, 'summary')
  for (const f of [output, envFile, summary]) fs.writeFileSync(f, '')
  const cwd = path.resolve(job.workspace, step['working-directory'] ?? '.')
  job.log(`run: ${script.trim().split('\n')[0]}${script.trim().includes('\n') ? ' …' : ''}`)
  return new Promise((resolve, reject) => {
    // OpenSSH finds ~ in the password database, not $HOME: the job's home is mounted over it, so that a
    // step's ~/.ssh is the job's own on both counts, as on a runner (whose HOME is its user's home).
    const bash = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', script]
    const ownHome = [
      'unshare',
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      'mount --bind "$1" "$2" && shift 2 && exec "$@"',
      'sh',
      env.HOME,
      os.userInfo().homedir
    ]
    const [cmd, ...args] = env.HOME && env.HOME !== os.userInfo().homedir ? [...ownHome, ...bash] : bash
    const child = spawn(cmd, args, {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, GITHUB_OUTPUT: output, GITHUB_ENV: envFile, GITHUB_STEP_SUMMARY: summary },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.on('data', b => (stdout += b))
    child.stderr.on('data', b => (stdout += b))
    child.on('error', reject)
    child.on('close', code => {
      for (const l of stdout.split('\n')) if (l) job.log(`  ${l}`)
      Object.assign(job.env, parseFileCommands(fs.readFileSync(envFile, 'utf8')))
      resolve({ ok: code === 0, outputs: parseFileCommands(fs.readFileSync(output, 'utf8')), inputs: {}, stdout })
    })
  })
}
