import { expect } from 'vitest'
import type { RunRecord, StepRecord, JobRecord } from './player/workflow.js'

/** Shared checks of the journeys; on failure they print the player's whole log. */
export const DATABASE_URL = 'postgres://app:prod-pw-Q7v@db.production.internal/app'
export const DIGEST_REF = /^127\.0\.0\.1:\d+\/acme\/web-[^@]+@sha256:[0-9a-f]{64}$/

export const printOnFailure = (...runs: RunRecord[]) => `\n${runs.flatMap(r => r.log).join('\n')}`

export function expectGreen(run: RunRecord): void {
  const results = Object.fromEntries(Object.entries(run.jobs).map(([id, j]) => [id, j.result]))
  expect(results, printOnFailure(run)).toEqual(Object.fromEntries(Object.keys(run.jobs).map(id => [id, 'success'])))
}

/** The steps of this action that ran a given phase (by their `phases` input), with their job. */
export function stepsRunning(run: RunRecord, phase: string): (StepRecord & { job: JobRecord })[] {
  return run.actionSteps().filter(s => s.inputs.phases.split(/[\s,]+/).includes(phase))
}

export const lines = (text: string, re: RegExp): string[] => text.split('\n').filter(l => re.test(l))
