import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect } from 'vitest'
import { stepState } from './runner-protocol.js'
import { BASE_IMAGE, REAL_DOCKER, ROOT } from './machine.js'
import { readArgvRecords, recordArgvSh } from './argv-record.js'

export { BASE_IMAGE, REAL_DOCKER, ROOT }

/**
 * The bundle the engine tests start: built from src/ by the engine project's global setup
 * (engine-setup.ts), never the committed dist/, so a stale dist/ cannot hide a change in src/.
 */
export const BUNDLE = path.join(ROOT, '.test-dist', 'index.js')
/** The post step's bundle (action.yml `runs.post`). */
export const POST_BUNDLE = path.join(ROOT, '.test-dist', 'post', 'index.js')

/** Engine suites: skipped only outside CI when no engine answers (the global setup fails CI instead). */
export const describeEngine: typeof describe =
  process.env.RELEASE_PHASE_NO_ENGINE === '1' && process.env.CI !== 'true' ? (describe.skip as typeof describe) : describe

let counter = 0
export function uniqueTag(name: string): string {
  return `rp-test/${name}:${process.pid}-${Date.now().toString(36)}-${counter++}`
}

/** A throwaway workspace with the given files (paths relative to it). */
export function makeApp(files: Record<string, string>, modes: Record<string, number> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-app-'))
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, content)
    if (modes[rel]) fs.chmodSync(file, modes[rel])
  }
  return dir
}

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /**
   * The state the post step would get: every `::save-state` the runner would obey in the output, then the
   * GITHUB_STATE file, keys ignoring case and keeping their first spelling (runner-protocol.ts).
   */
  state: Record<string, string>
  /** What the action wrote to GITHUB_STATE itself. */
  fileState: Record<string, string>
  /**
   * What the runner reads, its worst case: it reads stdout and stderr on two readers and hands over a
   * stream's open last line only when that stream ends, so stderr's lines are taken after stdout's.
   */
  output: string
  runnerTemp: string
  /** Every docker argv the action started, in order (recorded by a shim on PATH). */
  dockerCalls: string[][]
  /**
   * Every container the action started (`docker start`), as the engine held it just before: what it was
   * created with, whether by a `docker create` process or by the action's own Engine API request.
   */
  started: ContainerRecord[]
}

/** `docker container inspect`'s record, the parts the tests read. */
export interface ContainerRecord {
  Id: string
  /** `/<name>`. */
  Name: string
  Config: { Image: string; Cmd: string[] | null; Entrypoint: string[] | null; Env: string[]; Labels: Record<string, string> }
  HostConfig: { Init: boolean | null; NetworkMode: string; Tmpfs?: Record<string, string> | null }
}

/** Parses the runner's file-command format: `name<<DELIM\nvalue\nDELIM` (and plain `name=value`). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i])
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

export interface RunOptions {
  workspace: string
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** Run the post step with the state the main step saved. */
  post?: { state: Record<string, string>; runnerTemp: string }
  /** PATH to use instead of the shim + real PATH (e.g. one without docker). */
  path?: string
  onStart?: (child: ChildProcess) => void
  /** Reuse a runner temp dir. */
  runnerTemp?: string
  /** A command to start node through (e.g. unshare for a different machine view). */
  wrap?: string[]
  /**
   * Shell the docker shim runs before a given subcommand (`push` → a snippet), as something else on the
   * same engine would act at that moment ("$2" is the subcommand's first argument).
   */
  shimBefore?: Record<string, string>
}

/** Starts `node dist/index.js` exactly as the runner does: INPUT_* env and the file commands. */
export function runAction(opts: RunOptions): Promise<ActionRun> {
  const runnerTemp = opts.post?.runnerTemp ?? opts.runnerTemp ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-files-'))
  const outputFile = path.join(files, 'output')
  const summaryFile = path.join(files, 'summary')
  const stateFile = path.join(files, 'state')
  for (const f of [outputFile, summaryFile, stateFile]) fs.writeFileSync(f, '')
  const shimDir = path.join(files, 'bin')
  const log = path.join(files, 'docker.log')
  fs.mkdirSync(shimDir)
  fs.writeFileSync(log, '')
  const hooks = Object.entries(opts.shimBefore ?? {})
    .map(([sub, sh]) => `if [ "$1" = '${sub}' ]; then ${sh}; fi\n`)
    .join('')
  // The container a `docker start` names last, inspected first (in the engine the action's env chose),
  // a file each: starts may run side by side.
  const startedDir = path.join(files, 'started')
  fs.mkdirSync(startedDir)
  const inspect = `if [ "$1" = start ]; then for last; do :; done; '${REAL_DOCKER}' container inspect "$last" > '${startedDir}'/"$(date +%s%N)-$$" 2>/dev/null; fi\n`
  fs.writeFileSync(path.join(shimDir, 'docker'), `#!/bin/sh\n${recordArgvSh(log)}${inspect}${hooks}exec '${REAL_DOCKER}' "$@"\n`, {
    mode: 0o755
  })
  const env: NodeJS.ProcessEnv = {
    PATH: opts.path ?? `${shimDir}:${process.env.PATH}`,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    RUNNER_TEMP: runnerTemp,
    ...opts.env
  }
  for (const [k, v] of Object.entries(opts.inputs ?? {})) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  for (const [k, v] of Object.entries(opts.post?.state ?? {})) env[`STATE_${k}`] = v
  return new Promise((resolve, reject) => {
    const [cmd, ...args] = [...(opts.wrap ?? []), process.execPath, opts.post ? POST_BUNDLE : BUNDLE]
    const child = spawn(cmd, args, { env, cwd: opts.workspace, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', b => (stdout += b))
    child.stderr.on('data', b => (stderr += b))
    opts.onStart?.(child)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const calls = readArgvRecords(log)
      const output = stdout + (stdout === '' || stdout.endsWith('\n') ? '' : '\n') + stderr
      resolve({
        code,
        signal,
        stdout,
        stderr,
        outputs: parseFileCommands(fs.readFileSync(outputFile, 'utf8')),
        summary: fs.readFileSync(summaryFile, 'utf8'),
        state: stepState(output, parseFileCommands(fs.readFileSync(stateFile, 'utf8'))),
        fileState: parseFileCommands(fs.readFileSync(stateFile, 'utf8')),
        output,
        runnerTemp,
        dockerCalls: calls,
        started: startedRecords(startedDir)
      })
    })
  })
}

/**
 * The engine's form of `--network container:<name>`: it records the container's id. The sidecar named
 * must be one the action started.
 */
export function namespaceOf(r: Pick<ActionRun, 'started'>, name: string): string {
  const c = r.started.find(x => x.Name === `/${name}`)
  if (!c) throw new Error(`no container ${name} was started`)
  return `container:${c.Id}`
}

/** The task container of a phase the action started (a sidecar's carries release-phase.sidecar too). */
export function taskRecord(r: Pick<ActionRun, 'started'>, phase: string): ContainerRecord | undefined {
  return r.started.find(c => c.Config.Labels['release-phase.phase'] === phase && !c.Config.Labels['release-phase.sidecar'])
}

/**
 * The names of the containers the engine created for a run from `sinceMs` on, read from its event log:
 * a create through the socket or the CLI, started or not, removed since or not. The engine replays only
 * its last 256 events (moby's eventsLimit): with that many since `sinceMs` the log cannot tell, and
 * this throws instead of answering "none".
 */
export function containersCreated(runId: string, sinceMs: number): string[] {
  const [since, until] = [sinceMs, Date.now()].map(ms => (ms / 1000).toFixed(3))
  const all = docker('events', '--since', since, '--until', until, '--format', '{{.Type}}').split('\n').filter(Boolean)
  if (all.length >= 256) throw new Error(`the engine's event log holds its last 256 events only, and ${all.length} came since the run began`)
  const filters = ['type=container', 'event=create', `label=release-phase.run=${runId}`].flatMap(f => ['--filter', f])
  return docker('events', '--since', since, '--until', until, ...filters, '--format', '{{.Actor.Attributes.name}}')
    .split('\n')
    .filter(Boolean)
}

/** No container of the run was created, through the CLI or the socket (the run got as far as its id). */
export function noContainerCreated(r: Pick<ActionRun, 'state'>, sinceMs: number): void {
  expect(r.state['run-id']).toMatch(/^[0-9a-f]{12}$/)
  expect(containersCreated(r.state['run-id'], sinceMs)).toEqual([])
}

/** In start order (the files are named by the time of each start). */
function startedRecords(dir: string): ContainerRecord[] {
  return fs
    .readdirSync(dir)
    .sort((a, b) => Number(BigInt(a.split('-')[0]) - BigInt(b.split('-')[0])))
    .map(f => fs.readFileSync(path.join(dir, f), 'utf8'))
    .filter(text => text.trim() !== '')
    .map(text => (JSON.parse(text) as ContainerRecord[])[0])
}

/** The docker commands that change something (everything but inspect/version/info/ps/history). */
export function sideEffectCalls(calls: string[][]): string[][] {
  return calls.filter(c => !['version', 'info', 'ps'].includes(c[0]) && !(c[0] === 'image' && c[1] === 'inspect') && !(c[0] === 'buildx' && c[1] === 'version'))
}

export function docker(...args: string[]): string {
  const r = spawnSync(REAL_DOCKER, args, { encoding: 'utf8', timeout: 60_000 })
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`)
  return r.stdout
}

export function containersOfRun(runId: string): string[] {
  return docker('ps', '-a', '-q', '--filter', `label=release-phase.run=${runId}`).split('\n').filter(Boolean)
}

/** Images labelled with a run's id: its temporary predeploy commit, until it is removed. */
export function imagesOfRun(runId: string): string[] {
  return docker('image', 'ls', '--all', '--quiet', '--filter', `label=release-phase.run=${runId}`).split('\n').filter(Boolean)
}

export function imageConfig(ref: string): Record<string, unknown> {
  return JSON.parse(docker('image', 'inspect', '--format', '{{json .Config}}', ref))
}

/**
 * An `onStart` that calls `fn` once, the first time the action's stdout holds a whole line matching
 * `line` (so the echoed `Running … task: <command>` line, which contains the text, does not count).
 */
export function whenLine(line: RegExp, fn: (child: ChildProcess) => void): (child: ChildProcess) => void {
  const whole = new RegExp(`^${line.source}$`, 'm')
  return child => {
    let seen = ''
    let fired = false
    child.stdout!.on('data', (b: Buffer) => {
      seen += b.toString()
      if (!fired && whole.test(seen)) {
        fired = true
        fn(child)
      }
    })
  }
}

/** The `::error` lines the action printed. */
export function errorLines(stdout: string): string[] {
  return stdout.split('\n').filter(l => l.startsWith('::error'))
}
