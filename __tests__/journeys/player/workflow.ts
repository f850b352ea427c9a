import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../../helpers/engine.js'
import { asJson, condition, interpolate, interpolateDeep, scalar, type Contexts } from './expressions.js'
import { startServices, type Service } from './services.js'
import { runPost, runStep, type RunningJob, type Step, type StepResult } from './steps.js'
import { SUBSTITUTIONS, type World } from './world.js'
import { describe as describePermissions, effective, widening, type Permissions } from './permissions.js'

/**
 * Plays a workflow job by job, in `needs` order, as GitHub Actions would run it on a push to main,
 * or, for a workflow with no `push` trigger but `pull_request`, on a pull request into main.
 */
export interface Job {
  name?: string
  'runs-on'?: unknown
  needs?: string | string[]
  if?: unknown
  environment?: string | { name: string; url?: string }
  outputs?: Record<string, string>
  steps?: Step[]
  env?: Record<string, unknown>
  strategy?: { matrix?: Record<string, unknown[]>; 'fail-fast'?: boolean; 'max-parallel'?: number }
  concurrency?: unknown
  permissions?: unknown
  services?: Record<string, Service>
  'timeout-minutes'?: number
  uses?: string
  with?: Record<string, unknown>
  secrets?: Record<string, unknown> | 'inherit'
}

export interface Workflow {
  name?: string
  on: unknown
  jobs: Record<string, Job>
  env?: Record<string, unknown>
  concurrency?: unknown
  permissions?: unknown
}

export type Result = 'success' | 'failure' | 'skipped'

export interface StepRecord extends StepResult {
  uses?: string
  run?: string
  skipped?: boolean
}

export interface JobRecord {
  id: string
  result: Result
  outputs: Record<string, string>
  environment?: string
  runsOn?: unknown
  steps: StepRecord[]
}

export interface RunRecord {
  runId: string
  /** By job id; a matrix job as `id (value, …)`, a reusable workflow's as `caller / id`. */
  jobs: Record<string, JobRecord>
  log: string[]
  /** Every step of this action that ran, in order, with the job it ran in. */
  actionSteps(): (StepRecord & { job: JobRecord })[]
}

const JOB_KEYS = new Set([
  'name',
  'runs-on',
  'needs',
  'if',
  'environment',
  'outputs',
  'steps',
  'env',
  'strategy',
  'concurrency',
  'permissions',
  'services',
  'timeout-minutes',
  'uses',
  'with',
  'secrets'
])
const WORKFLOW_KEYS = new Set(['name', 'on', 'jobs', 'env', 'concurrency', 'permissions', 'run-name'])
const REUSABLE = /^[^/]+\/release-phase\/\.github\/workflows\/([^@/]+)@[^/]+$/

export async function playWorkflow(source: string | Workflow, w: World, label: string): Promise<RunRecord> {
  const wf = typeof source === 'string' ? (parse(source) as Workflow) : source
  const runId = String(w.nextRunId++)
  const record: RunRecord = {
    runId,
    jobs: {},
    log: [],
    actionSteps: () => Object.values(record.jobs).flatMap(j => j.steps.filter(s => s.post !== undefined).map(s => ({ ...s, job: j })))
  }
  const log = (l: string) => record.log.push(l)
  log(`▶ ${label}: run ${runId} of ${w.repository}, local substitutions:`)
  for (const [doc, local] of SUBSTITUTIONS) log(`    ${doc} → ${local}`)
  const unknown = Object.keys(wf).filter(k => !WORKFLOW_KEYS.has(k))
  if (unknown.length) throw new Error(`${label}: the player cannot run a workflow with ${unknown.join(', ')}`)
  const github = githubContext(w, runId, playedEvent(wf.on, label))
  if (github.event_name === 'pull_request') log(`  event pull_request #1 (head ${github.event.pull_request!.head.sha}) into main`)
  const job = { workflow_repository: w.repository, workflow_sha: github.sha }
  // GitHub refuses a run whose called workflow asks for more than its caller's token holds.
  checkCalledPermissions(wf, label)
  const scope: TokenScope = { workflow: wf.permissions }
  const results = await playJobs(wf.jobs, { github, vars: w.vars, env: wf.env ?? {}, inputs: {}, job }, w, record, '', w.secrets, scope)
  log(
    `■ ${label}: ${Object.entries(results)
      .map(([id, r]) => `${id}=${r.result}`)
      .join(' ')}`
  )
  return record
}

/** The event a run plays: a push to main when the workflow has that trigger, else a pull request. */
function playedEvent(on: unknown, label: string): 'push' | 'pull_request' {
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : Object.keys(on ?? {})
  if (triggers.includes('push')) return 'push'
  if (triggers.includes('pull_request')) return 'pull_request'
  throw new Error(`${label}: the player plays push and pull_request only, not on: ${triggers.join(', ')}`)
}

function githubContext(w: World, runId: string, event: 'push' | 'pull_request') {
  const sha = `${runId}`.padEnd(40, '0')
  // On a pull request GITHUB_SHA is the merge commit; the branch's own commit is head.sha.
  const pr = { number: 1, head: { sha: `${runId}`.padEnd(40, 'b'), ref: 'feature' }, base: { ref: 'main', sha } }
  const pull = event === 'pull_request'
  return {
    repository: w.repository,
    repository_owner: w.repository.split('/')[0],
    sha: pull ? `${runId}`.padEnd(40, 'e') : sha,
    ref: pull ? 'refs/pull/1/merge' : 'refs/heads/main',
    ref_name: pull ? '1/merge' : 'main',
    head_ref: pull ? 'feature' : '',
    base_ref: pull ? 'main' : '',
    event_name: event,
    event: pull ? { number: 1, pull_request: pr } : ({} as { number?: number; pull_request?: typeof pr }),
    actor: w.registry.user,
    // Each job's own (playJob): a token of the caller's never reaches a job.
    token: '',
    run_id: runId,
    run_attempt: '1',
    server_url: w.api.serverUrl,
    api_url: w.api.url,
    workspace: ''
  }
}

type NeedsResults = Record<string, { result: Result; outputs: Record<string, string> }>

/** Where a job's token comes from: its workflow's `permissions`, and the caller's token in a called workflow. */
interface TokenScope {
  workflow: unknown
  caller?: Permissions
}

/**
 * Before anything runs, as GitHub validates a run: each job that calls this repository's reusable
 * workflow hands it a token the called jobs may only narrow.
 */
function checkCalledPermissions(wf: Workflow, label: string): void {
  for (const [id, job] of Object.entries(wf.jobs)) {
    const m = job.uses ? REUSABLE.exec(job.uses) : null
    if (!m) continue
    const caller = effective(wf.permissions, job.permissions, `job ${id}`)
    const called = parse(fs.readFileSync(path.join(ROOT, '.github/workflows', m[1]), 'utf8')) as Workflow
    const refused = Object.entries(called.jobs).flatMap(([cid, cj]) =>
      widening(effective(called.permissions, cj.permissions, `${m[1]} job ${cid}`, caller), caller, cid)
    )
    if (refused.length) throw new WorkflowRefused(`${label}: GitHub refuses to start this run: ${refused.join(' ')}`)
  }
}

/** A run GitHub would not start: the player refuses it the same way, before any job. */
export class WorkflowRefused extends Error {}

/** Jobs in dependency order; a job whose needs did not all succeed is skipped unless its `if` says otherwise. */
async function playJobs(
  jobs: Record<string, Job>,
  base: Contexts,
  w: World,
  record: RunRecord,
  prefix: string,
  secrets: Record<string, string>,
  scope: TokenScope
): Promise<NeedsResults> {
  const done: NeedsResults = {}
  const pending = new Set(Object.keys(jobs))
  while (pending.size) {
    const ready = [...pending].filter(id => needsOf(jobs[id]).every(n => n in done))
    if (!ready.length) throw new Error(`jobs ${[...pending].join(', ')} need jobs that do not exist or form a cycle`)
    for (const id of ready) {
      pending.delete(id)
      const job = jobs[id]
      const unknown = Object.keys(job).filter(k => !JOB_KEYS.has(k))
      if (unknown.length) throw new Error(`job ${id}: the player cannot run ${unknown.join(', ')}`)
      const needs = Object.fromEntries(needsOf(job).map(n => [n, done[n]]))
      const allOk = needsOf(job).every(n => done[n].result === 'success')
      const ctx = { ...base, needs, secrets, job: { ...(base.job as object), status: allOk ? 'success' : 'failure' } }
      if (!condition(job.if, ctx, allOk ? 'success' : 'failure')) {
        record.log.push(`job ${prefix}${id}: skipped`)
        done[id] = { result: 'skipped', outputs: {} }
        continue
      }
      done[id] = job.uses
        ? await playReusable(id, job, ctx, w, record, prefix, effective(scope.workflow, job.permissions, `job ${id}`, scope.caller))
        : await playMatrix(id, job, ctx, w, record, prefix, secrets, effective(scope.workflow, job.permissions, `job ${id}`, scope.caller))
    }
  }
  return done
}

const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs])

/** `strategy.matrix` axes (arrays only) as a cross product; `include`/`exclude` are not supported. */
async function playMatrix(
  id: string,
  job: Job,
  ctx: Contexts,
  w: World,
  record: RunRecord,
  prefix: string,
  secrets: Record<string, string>,
  permissions: Permissions
) {
  const axes = Object.entries(job.strategy?.matrix ?? {})
  if (axes.some(([k, v]) => k === 'include' || k === 'exclude' || !Array.isArray(v)))
    throw new Error(`job ${id}: the player supports matrix axes that are plain lists only`)
  let combos: Record<string, unknown>[] = [{}]
  for (const [k, values] of axes) combos = combos.flatMap(c => values.map(v => ({ ...c, [k]: v })))
  let result: Result = 'success'
  let outputs: Record<string, string> = {}
  for (const matrix of combos) {
    const name = axes.length ? `${prefix}${id} (${Object.values(matrix).join(', ')})` : `${prefix}${id}`
    const r = await playJob(name, job, { ...ctx, matrix }, w, record, secrets, permissions)
    if (r.result !== 'success') result = 'failure'
    outputs = { ...outputs, ...r.outputs }
  }
  return { result, outputs }
}

async function playJob(
  name: string,
  job: Job,
  ctx: Contexts,
  w: World,
  record: RunRecord,
  repoSecrets: Record<string, string>,
  permissions: Permissions
): Promise<JobRecord> {
  const log = (l: string) => record.log.push(`[${name}] ${l}`)
  const envName =
    job.environment === undefined ? undefined : scalar(asJson(interpolate(typeof job.environment === 'string' ? job.environment : job.environment.name, ctx)))
  const runsOn = job['runs-on'] === undefined ? undefined : interpolateDeep(job['runs-on'], ctx)
  if (typeof runsOn !== 'string' && !(Array.isArray(runsOn) && runsOn.every(l => typeof l === 'string')))
    throw new Error(`job ${name}: runs-on must be a label or a list of labels, got ${JSON.stringify(runsOn)}`)
  const jr: JobRecord = { id: name, result: 'success', outputs: {}, environment: envName, runsOn, steps: [] }
  record.jobs[name] = jr
  // Approval is granted here; the job then sees the environment's secrets over the repository's, and
  // a GITHUB_TOKEN of its own with exactly its permissions.
  const token = w.issueToken(permissions)
  const secrets = { ...repoSecrets, ...(envName ? w.environments[envName] : {}), GITHUB_TOKEN: token }
  ctx = { ...ctx, github: { ...(ctx.github as object), token } }
  const deployment = envName ? w.api.createDeployment(envName, String((ctx.github as { sha: string }).sha), record.runId) : undefined
  log(`runs-on ${JSON.stringify(runsOn)}${envName ? `, environment ${envName} (approved; its secrets; deployment ${deployment!.id} created)` : ''}`)
  log(`GITHUB_TOKEN: ${describePermissions(permissions)}`)
  const running = newRunner(name, ctx, log, token, permissions)
  let services: ReturnType<typeof startServices> | undefined
  const jobCtx: Contexts = { ...ctx, secrets, steps: {}, runner: { os: 'Linux', temp: running.runnerTemp } }
  try {
    services = job.services ? startServices(job.services, log) : undefined
    jobCtx.job = { ...(ctx.job as object), status: 'success', services: services?.context ?? {} }
    Object.assign(running.env, mapStrings(interpolateDeep({ ...(ctx.env as object), ...job.env }, jobCtx)))
    await playSteps(job.steps ?? [], running, jobCtx, jr, w)
  } finally {
    services?.stop()
    fs.rmSync(path.dirname(running.workspace), { recursive: true, force: true })
  }
  jr.outputs = mapStrings(interpolateDeep(job.outputs ?? {}, jobCtx))
  if (deployment) w.api.setStatus(deployment, jr.result === 'success' ? 'success' : 'failure')
  log(`result ${jr.result}`)
  return jr
}

function newRunner(name: string, ctx: Contexts, log: (l: string) => void, token: string, permissions: Permissions): RunningJob {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-journey-job-'))
  const [workspace, runnerTemp, dockerConfig, home] = ['workspace', 'temp', 'docker', 'home'].map(d => path.join(root, d))
  for (const dir of [workspace, runnerTemp, dockerConfig, home]) fs.mkdirSync(dir)
  const gh = ctx.github as Record<string, string>
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: gh.repository,
    GITHUB_REPOSITORY_OWNER: gh.repository_owner,
    GITHUB_SHA: gh.sha,
    GITHUB_REF: gh.ref,
    GITHUB_EVENT_NAME: gh.event_name,
    GITHUB_ACTOR: gh.actor,
    GITHUB_RUN_ID: gh.run_id,
    GITHUB_RUN_ATTEMPT: gh.run_attempt,
    GITHUB_SERVER_URL: gh.server_url,
    GITHUB_API_URL: gh.api_url,
    GITHUB_JOB: name,
    GITHUB_WORKSPACE: workspace,
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    DOCKER_CONFIG: dockerConfig,
    // A fresh runner's home: nothing in ~/.ssh, and what a step writes there stays in this job.
    HOME: home
  }
  return { name, token, permissions, workspace, runnerTemp, dockerConfig, env, log }
}

async function playSteps(steps: Step[], job: RunningJob, ctx: Contexts, jr: JobRecord, w: World) {
  const posts: NonNullable<StepResult['post']>[] = []
  for (const [i, step] of steps.entries()) {
    const status = jr.result === 'success' ? 'success' : 'failure'
    const stepCtx = { ...ctx, env: job.env, job: { ...(ctx.job as object), status } }
    if (!condition(step.if, stepCtx, status)) {
      jr.steps.push({ ok: true, skipped: true, outputs: {}, inputs: {}, stdout: '', uses: step.uses, run: step.run })
      continue
    }
    job.log(`step ${i + 1}: ${step.name ?? step.uses ?? 'run'}`)
    const r = await runStep(step, job, stepCtx, w)
    jr.steps.push({ ...r, uses: step.uses, run: step.run })
    if (r.post) posts.push(r.post)
    if (step.id)
      (ctx.steps as Record<string, unknown>)[step.id] = {
        outputs: r.outputs,
        outcome: r.ok ? 'success' : 'failure',
        conclusion: r.ok || step['continue-on-error'] ? 'success' : 'failure'
      }
    if (!r.ok && !step['continue-on-error']) jr.result = 'failure'
  }
  for (const post of posts.reverse()) if (!(await runPost(post, job))) jr.result = 'failure'
}

const mapStrings = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries((v ?? {}) as object).map(([k, x]) => [k, scalar(x)]))

/** `jobs.<id>.uses: <owner>/release-phase/.github/workflows/<file>@<ref>` → this repository's file. */
async function playReusable(id: string, job: Job, ctx: Contexts, w: World, record: RunRecord, prefix: string, caller: Permissions) {
  const m = REUSABLE.exec(job.uses!)
  if (!m) throw new Error(`job ${id}: the player has no local equivalent for uses: ${job.uses}`)
  record.log.push(`job ${prefix}${id}: uses ${job.uses} → .github/workflows/${m[1]} of this repository`)
  const called = parse(fs.readFileSync(path.join(ROOT, '.github/workflows', m[1]), 'utf8')) as Workflow & { on: { workflow_call: WorkflowCall } }
  const call = called.on?.workflow_call
  if (!call) throw new Error(`.github/workflows/${m[1]} has no on.workflow_call`)
  const inputs = callInputs(call, interpolateDeep(job.with ?? {}, ctx) as Record<string, unknown>)
  const passed = job.secrets === 'inherit' ? (ctx.secrets as Record<string, string>) : mapStrings(interpolateDeep(job.secrets ?? {}, ctx))
  const undeclared = Object.keys(passed).filter(k => job.secrets !== 'inherit' && !(k in (call.secrets ?? {})))
  if (undeclared.length) throw new Error(`job ${id}: secrets ${undeclared.join(', ')} are not declared by the called workflow`)
  // The job context names the file that defines the job: here this repository's, at the ref called.
  const workflow = { workflow_repository: job.uses!.split('/').slice(0, 2).join('/'), workflow_sha: 'c0ffee'.padEnd(40, '0') }
  const base = { github: ctx.github, vars: ctx.vars, env: called.env ?? {}, inputs, job: workflow }
  // The called jobs' tokens derive from the caller job's (checked before the run: checkCalledPermissions).
  const jobs = await playJobs(called.jobs, base, w, record, `${prefix}${id} / `, passed, { workflow: called.permissions, caller })
  const outputs = mapStrings(interpolateDeep(Object.fromEntries(Object.entries(call.outputs ?? {}).map(([k, o]) => [k, o.value])), { ...base, jobs }))
  const result: Result = Object.values(jobs).every(j => j.result !== 'failure') ? 'success' : 'failure'
  return { result, outputs }
}

interface WorkflowCall {
  inputs?: Record<string, { type: 'string' | 'boolean' | 'number'; required?: boolean; default?: unknown }>
  secrets?: Record<string, { required?: boolean }>
  outputs?: Record<string, { value: string }>
}

/** `with:` checked against on.workflow_call.inputs: declared names, required ones, types, defaults. */
function callInputs(call: WorkflowCall, given: Record<string, unknown>): Record<string, unknown> {
  const declared = call.inputs ?? {}
  const unknown = Object.keys(given).filter(k => !(k in declared))
  if (unknown.length) throw new Error(`with: ${unknown.join(', ')} is not an input of the called workflow`)
  const out: Record<string, unknown> = {}
  for (const [k, spec] of Object.entries(declared)) {
    if (!(k in given) && spec.required) throw new Error(`input ${k} is required by the called workflow`)
    const v = k in given ? given[k] : spec.default
    if (v !== undefined && typeof v !== spec.type) throw new Error(`input ${k} must be a ${spec.type}, got ${JSON.stringify(v)}`)
    out[k] = v ?? (spec.type === 'boolean' ? false : spec.type === 'number' ? 0 : '')
  }
  return out
}
