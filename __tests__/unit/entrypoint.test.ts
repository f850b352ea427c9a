import { describe, expect, it } from 'vitest'
import { INIT_WRAPPERS, SHELL_PREAMBLE as P, planInvocation, repeatsEntrypoint } from '../../src/task/entrypoint.js'

const lookup = (n: string) => (n === 'DB' ? { value: 'db1', secret: false } : undefined)
const plan = (cmd: string | string[], mode: 'auto' | 'shell' | 'exec', ep: string[] | null) =>
  planInvocation(cmd, mode, ep, '/bin/sh', lookup, 'release command')

describe('planInvocation (SPEC 4.2)', () => {
  it('auto, no ENTRYPOINT: shell mode', () => {
    expect(plan('echo a && echo b', 'auto', null)).toEqual({ mode: 'shell', wrapped: false, args: ['/bin/sh', '-c', P + 'echo a && echo b'] })
    expect(plan('x', 'auto', [])).toEqual({ mode: 'shell', wrapped: false, args: ['/bin/sh', '-c', P + 'x'] })
  })
  it.each(INIT_WRAPPERS.map(w => [w]))('auto, init wrapper %j: shell mode, wrapper kept', wrapper => {
    expect(plan('a | b', 'auto', wrapper)).toEqual({ mode: 'shell', wrapped: true, args: ['/bin/sh', '-c', P + 'a | b'] })
  })
  it.each([[['/usr/bin/tini']], [['/usr/bin/tini', '--', 'x']], [['/usr/bin/tini', '-s', '--']], [['/opt/tini', '--']]])('auto, %j is not a wrapper', ep => {
    expect(plan('migrate', 'auto', ep).mode).toBe('exec')
  })
  it('auto, real ENTRYPOINT: exec mode with the words', () => {
    expect(plan('eval "MyApp.Release.migrate"', 'auto', ['bin/my_app'])).toEqual({ mode: 'exec', wrapped: false, args: ['eval', 'MyApp.Release.migrate'] })
    expect(plan('migrate --db=$DB', 'auto', ['app'])).toEqual({ mode: 'exec', wrapped: false, args: ['migrate', '--db=db1'] })
  })
  it('shell replaces a real ENTRYPOINT, keeps a wrapper', () => {
    expect(plan('a && b', 'shell', ['bin/my_app'])).toEqual({ mode: 'shell', wrapped: false, entrypoint: '/bin/sh', args: ['-c', P + 'a && b'] })
    expect(plan('a && b', 'shell', ['/tini', '--'])).toEqual({ mode: 'shell', wrapped: true, args: ['/bin/sh', '-c', P + 'a && b'] })
  })
  it('exec without ENTRYPOINT: the first word is the program', () => {
    expect(plan("bin/rake 'db:migrate'", 'exec', null)).toEqual({ mode: 'exec', wrapped: false, args: ['bin/rake', 'db:migrate'] })
  })
  it('heroku.yml arrays are exec form verbatim in every mode', () => {
    for (const mode of ['auto', 'shell', 'exec'] as const) {
      expect(plan(['rake', '$DB && x'], mode, ['bin/app'])).toEqual({ mode: 'exec-form', wrapped: false, args: ['rake', '$DB && x'] })
    }
  })
  it('errors in exec mode name the phase', () => {
    expect(() => plan('migrate $NOPE', 'auto', ['app'])).toThrow('release command: variable $NOPE is not set')
    expect(() => plan('# only a comment', 'exec', null)).toThrow('release command: the command has no words after removing comments')
  })
})

describe('shell-through-entrypoint and a repeated ENTRYPOINT (issue 23)', () => {
  it('keeps the image ENTRYPOINT and hands it the shell', () => {
    const inv = planInvocation('bin/rails db:migrate && echo ok', 'shell-through-entrypoint', ['/rails/bin/docker-entrypoint'], '/bin/sh', lookup, 'release')
    expect(inv).toEqual({ mode: 'shell', wrapped: false, args: ['/bin/sh', '-c', `${P}bin/rails db:migrate && echo ok`] })
  })
  it('names a first word that repeats the ENTRYPOINT, by path or by name, in exec mode only', () => {
    const exec = (words: string[]) => ({ mode: 'exec' as const, wrapped: false, args: words })
    expect(repeatsEntrypoint(exec(['/app/bin/shop', 'eval', 'x']), ['/app/bin/shop'])).toMatch(
      /^its first word repeats the image's ENTRYPOINT \["\/app\/bin\/shop"\]/
    )
    expect(repeatsEntrypoint(exec(['bin/shop', 'eval']), ['/app/bin/shop'])).toMatch(/leave bin\/shop out$/)
    expect(repeatsEntrypoint(exec(['eval', 'x']), ['/app/bin/shop'])).toBeUndefined()
    expect(repeatsEntrypoint({ mode: 'shell', wrapped: false, args: ['/app/bin/shop'] }, ['/app/bin/shop'])).toBeUndefined()
  })
})
