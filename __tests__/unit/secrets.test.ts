import { describe, expect, it } from 'vitest'
import { maskValues, redact, resolveTaskEnv } from '../../src/secrets.js'

const base = { secrets: [], env: [], envFiles: [], appEnv: [], processEnv: {} }

describe('resolveTaskEnv (SPEC 5)', () => {
  it('env-files < env < secrets, secrets from the step env by source', () => {
    const { vars } = resolveTaskEnv({
      ...base,
      envFiles: [{ file: 'a.env', text: 'export A=file\nB="multi\nline"\nC=file # comment\n' }],
      env: [
        { name: 'A', value: 'env' },
        { name: 'D', value: 'plain' }
      ],
      secrets: [{ name: 'A', source: 'SRC' }],
      processEnv: { SRC: 'secret' }
    })
    expect(Object.fromEntries(vars)).toEqual({
      A: { value: 'secret', secret: true },
      B: { value: 'multi\nline', secret: true },
      C: { value: 'file', secret: true },
      D: { value: 'plain', secret: false }
    })
  })
  it('secrets-dotenv: a whole release.env in one step variable, below env', () => {
    const { vars } = resolveTaskEnv({
      ...base,
      secretsDotenv: ['RELEASE_ENV'],
      env: [{ name: 'B', value: 'env' }],
      processEnv: { RELEASE_ENV: 'A=from-dotenv\nB=loses\nexport C="x y"\n' }
    })
    expect(Object.fromEntries(vars)).toEqual({
      A: { value: 'from-dotenv', secret: true },
      B: { value: 'env', secret: false },
      C: { value: 'x y', secret: true }
    })
    expect(() => resolveTaskEnv({ ...base, secretsDotenv: ['NOPE'], secrets: [{ name: 'X', source: 'Y' }] })).toThrow(
      // SPEC 11, 5.1: the source after "=" is not repeated (it was "NOPE, Y (for X)").
      `secrets: these variables are not set in the step's env: NOPE, the variable named after "=" for X`
    )
  })

  it('one error lists every missing source', () => {
    expect(() =>
      resolveTaskEnv({
        ...base,
        secrets: [
          { name: 'A', source: 'A' },
          { name: 'B', source: 'X' }
        ],
        processEnv: { C: '1' }
      })
    ).toThrow(`secrets: these variables are not set in the step's env: A, the variable named after "=" for B`)
  })
  it('app.json env: provided, default, optional, required with descriptions, generator', () => {
    const appEnv = [
      { name: 'GIVEN', required: true },
      { name: 'DEF', value: 'd', required: true },
      { name: 'OPT', required: false }
    ]
    const { vars } = resolveTaskEnv({ ...base, appEnv, env: [{ name: 'GIVEN', value: 'g' }] })
    // Issue 11 (masking): a required variable without a default is masked even from the plain env input (was secret: false).
    expect(Object.fromEntries(vars)).toEqual({ GIVEN: { value: 'g', secret: true }, DEF: { value: 'd', secret: false } })
    expect(() =>
      resolveTaskEnv({
        ...base,
        appEnv: [
          { name: 'DATABASE_URL', description: 'Postgres URL', required: true },
          { name: 'TOKEN', required: true }
        ]
      })
    ).toThrow('app.json env requires variables that no input provides: DATABASE_URL (Postgres URL); TOKEN')
    expect(() => resolveTaskEnv({ ...base, appEnv: [{ name: 'SECRET_KEY_BASE', generator: 'secret', required: true }] })).toThrow(
      /SECRET_KEY_BASE has generator "secret": a CI run cannot generate a secret that stays the same/
    )
  })
  it('RELEASE_PHASE is always the action’s', () => {
    const r = resolveTaskEnv({ ...base, env: [{ name: 'RELEASE_PHASE', value: 'x' }] })
    expect(r.vars.has('RELEASE_PHASE')).toBe(false)
    expect(r.warnings[0]).toMatch(/RELEASE_PHASE is set by the action/)
  })
  it('masks every secret and every line of a multi-line one, not plain values', () => {
    const masked: string[] = []
    const vars = new Map([
      ['A', { value: 'l1\nl2', secret: true }],
      ['B', { value: 'plain', secret: false }]
    ])
    maskValues(vars, ['tok'], v => masked.push(v))
    // SPEC 11, 5.2 adds the runner's encoded forms (URL, JSON, base64) to each value and line.
    for (const v of ['l1\nl2', 'l1', 'l2', 'tok', 'l1%0Al2', 'l1\\nl2', 'bDEKbDI', 'dG9r']) expect(masked).toContain(v)
    expect(masked.join()).not.toContain('plain')
  })
  it('redacts longest first', () => {
    expect(redact('pass=abcdef and abc', ['abc', 'abcdef'])).toBe('pass=*** and ***')
  })
})
