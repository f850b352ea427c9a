import { describe, expect, it } from 'vitest'
import { hiddenOutputs, maskValues, resolveTaskEnv, taskSecrets } from '../../src/secrets.js'
import { redact } from '../../src/masking.js'

const base = { secrets: [], env: [], envFiles: [], appEnv: [], processEnv: {} }

describe('resolveTaskEnv (SPEC 5)', () => {
  // SPEC §12 (issue 20): a committed env file is configuration; masking `true` would drop outputs.
  it('env-files < env < secrets, secrets from the step env by source; env-files values are not secrets', () => {
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
      B: { value: 'multi\nline', secret: false },
      C: { value: 'file', secret: false },
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
    const warnings: string[] = []
    const vars = new Map([
      ['A', { value: 'line1\nline2', secret: true }],
      ['B', { value: 'plain', secret: false }],
      ['PIN', { value: '42', secret: true }],
      ['CR', { value: 'part-one\rpart-two', secret: true }]
    ])
    const masks = maskValues(
      [...taskSecrets(vars), { name: 'github-token', value: 'tok-1' }],
      v => masked.push(v),
      w => warnings.push(w)
    )
    // SPEC 11, 5.2 adds the runner's encoded forms (URL, JSON, base64) to each value and line.
    for (const v of ['line1\nline2', 'line1', 'line2', 'tok-1', 'line1%0Aline2', 'line1\\nline2', 'bGluZTEKbGluZTI', 'dG9rLTE']) expect(masked).toContain(v)
    expect(masked.join()).not.toContain('plain')
    // SPEC §12: each part between the runner's line breaks, a lone CR included.
    expect(masked).toEqual(expect.arrayContaining(['part-one', 'part-two']))
    // SPEC §12: shorter than 4 characters: not a mask; a warning names the variable, never the value.
    expect(masked).not.toContain('42')
    expect(warnings).toEqual([expect.stringMatching(/^PIN: the value is shorter than 4 characters, so it is not masked/)])
    expect(warnings.join()).not.toContain('42')
    expect(masks.owners.get('line1')).toBe('A')
  })
  it('names the outputs the runner would drop for holding a masked value, never the value', () => {
    const masks = maskValues(
      [{ name: 'SEND_WELCOME_EMAILS', value: 'true' }],
      () => undefined,
      () => undefined
    )
    expect(hiddenOutputs({ released: 'true', image: 'x' }, masks)).toEqual([
      'output released holds the value of SEND_WELCOME_EMAILS, so the runner will not pass it to other jobs'
    ])
  })
  it('redacts longest first', () => {
    expect(redact('pass=abcdef and abc', ['abc', 'abcdef'])).toBe('pass=*** and ***')
  })
})
