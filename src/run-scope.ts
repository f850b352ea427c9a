import * as fs from 'node:fs'
import { ActionError } from './errors.js'
import { makeTempDir, newRunId } from './run-record.js'

/** Stops one piece of running work; `force` (a second signal) skips any grace period. Returns what it stopped. */
export type CancelHook = (force: boolean) => Promise<string | undefined> | string | undefined

/**
 * Everything one run owns, passed explicitly instead of living in module variables: its id (the
 * label on every container and image it makes, which the post step removes), its temporary
 * directory, the work to stop when the job is cancelled, and the removals started in the background
 * that must be finished before the step ends.
 */
export class RunScope {
  private cancelled = false
  private readonly hooks = new Set<CancelHook>()
  private readonly pending: Promise<unknown>[] = []
  private readonly waiting: (() => Promise<unknown>)[] = []
  private readonly last: (() => Promise<unknown>)[] = []

  constructor(
    readonly runId: string,
    readonly tempDir: string
  ) {}

  /** A new run with a fresh id and a private temporary directory under RUNNER_TEMP. */
  static create(env: NodeJS.ProcessEnv = process.env): RunScope {
    return new RunScope(newRunId(), makeTempDir(env))
  }

  get isCancelled(): boolean {
    return this.cancelled
  }

  /** No build, task or push may start once the run was cancelled. */
  throwIfCancelled(): void {
    if (this.cancelled) throw new ActionError('cancelled by a signal before the next step started; nothing further was run or pushed')
  }

  /** Registers work to stop on cancellation; the returned function unregisters it. */
  onCancel(hook: CancelHook): () => void {
    this.hooks.add(hook)
    return () => this.hooks.delete(hook)
  }

  /** Stops every registered piece of work (in parallel) and returns what was stopped. */
  async cancel(force: boolean): Promise<string[]> {
    this.cancelled = true
    const stopped = await Promise.all([...this.hooks].map(async hook => hook(force)))
    return stopped.filter((s): s is string => !!s)
  }

  /** Work started in the background (a finished container's removal), awaited by close(). */
  defer(work: Promise<unknown>): void {
    this.pending.push(work.catch(() => undefined))
  }

  /**
   * Work that must wait for every removal started so far and for the next task container to exist
   * (on the containerd store its create is the image's first unpack): it then runs beside that task.
   * With no task after it, it runs in close(), once every deferred removal is done.
   */
  afterNextCreate(work: () => Promise<unknown>): void {
    this.waiting.push(work)
  }

  /** A task container was created: the work waiting for one starts, after the removals started so far. */
  taskCreated(): void {
    if (this.waiting.length === 0) return
    const before = Promise.all([...this.pending])
    for (const work of this.waiting.splice(0)) this.defer(before.then(work))
  }

  /** Work that must wait until every deferred removal is done (it runs in close()). */
  atClose(work: () => Promise<unknown>): void {
    this.last.push(work)
  }

  /**
   * Waits for every deferred removal, runs the atClose work, then `final` (closing the engine's
   * connection, whose sockets live in the directory), then deletes the temporary directory.
   */
  async close(final?: () => Promise<void>): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0))
    for (const work of [...this.waiting.splice(0), ...this.last.splice(0)]) await work().catch(() => undefined)
    try {
      await final?.()
    } finally {
      fs.rmSync(this.tempDir, { recursive: true, force: true })
    }
  }
}
