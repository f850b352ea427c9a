import { describe, expect, it } from 'vitest'
import { emptyResult, outputValues, summaryMarkdown } from '../../src/outputs.js'
import { rewriteImageConfig } from '../../src/commit/archive.js'
import { chooseReleaseCommand } from '../../src/manifests/release-command.js'
import { digestFromPushOutput, pushedIsImage, pushTags } from '../../src/image/push.js'
import { parseTagRef, refName } from '../../src/image/ref.js'
import { FakeDocker } from '../helpers/fake-docker.js'

describe('outputs and summary (SPEC 6)', () => {
  const r = {
    ...emptyResult(),
    image: 'app:1',
    tags: ['app:1', 'app:latest'],
    releaseCommand: 'migrate',
    releaseSource: 'Procfile' as const,
    phases: [
      { phase: 'predeploy' as const, command: '', status: 'skipped' as const, exitCode: null, durationSeconds: null },
      { phase: 'release' as const, command: 'migrate | tee', status: 'failed' as const, exitCode: 3, durationSeconds: 1.23456 }
    ],
    failure: { phase: 'release' as const, tail: 'connecting with pw=hunter2\nfailed' }
  }
  it('sets every output', () => {
    expect(outputValues(r)).toMatchObject({
      tags: 'app:1\napp:latest',
      'release-exit-code': '3',
      'release-duration': '1.235',
      released: 'false',
      phases: JSON.stringify([r.phases[0], { ...r.phases[1], durationSeconds: 1.235 }])
    })
    expect(outputValues(emptyResult())['release-exit-code']).toBe('')
    expect('first-deploy' in outputValues(emptyResult())).toBe(false)
  })
  it('names image-id and digest as docker/build-push-action does too (imageid, digest)', () => {
    const out = outputValues({ ...emptyResult(), imageId: 'sha256:abc', digest: 'sha256:def' })
    expect(out.imageid).toBe('sha256:abc')
    expect(out['image-id']).toBe('sha256:abc')
    expect(out.digest).toBe('sha256:def')
  })
  it('redacts secrets from the failed task output tail', () => {
    const md = summaryMarkdown(r, ['hunter2'], { GITHUB_RUN_ID: '7', GITHUB_REPOSITORY: 'a/b' })
    // SPEC 11, 5.2: the command is escaped as Markdown text inside <code> (it was a backtick code span).
    expect(md).toContain('| release | <code>migrate \\| tee</code> | failed | 3 | 1.2s |')
    expect(md).toContain('connecting with pw=***\nfailed')
    expect(md).not.toContain('hunter2')
    expect(md).toContain('[Full log](https://github.com/a/b/actions/runs/7)')
  })
})

describe('predeploy config rewrite (SPEC 4.3)', () => {
  it('restores the original config, drops the container config and its argv', () => {
    const original = { Env: ['PATH=/bin'], Entrypoint: null, Cmd: ['web'], Labels: null, WorkingDir: '/app' }
    const committed = JSON.stringify({
      config: { Env: ['PATH=/bin', 'SECRET=s3'], Entrypoint: ['/bin/sh', '-c'], Cmd: ['migrate'] },
      container_config: { Env: ['SECRET=s3'] },
      container: 'abc',
      history: [{ created_by: 'x' }, { created_by: '/bin/sh -c migrate s3' }],
      rootfs: { type: 'layers', diff_ids: ['sha256:1'] }
    })
    const out = rewriteImageConfig(committed, original, 'release-phase predeploy: migrate')
    expect(out).not.toContain('s3')
    expect(JSON.parse(out)).toEqual({
      config: { ...original, Labels: { 'release-phase.predeploy': 'true' } },
      history: [{ created_by: 'x' }, { created_by: 'release-phase predeploy: migrate', comment: 'release-phase' }],
      rootfs: { type: 'layers', diff_ids: ['sha256:1'] }
    })
  })
})

describe('release command precedence (SPEC 2.5)', () => {
  const procfile = [{ name: 'release', command: 'from-procfile', line: 1 }]
  it.each([
    [
      procfile,
      { releaseCommand: 'yml', dockerfiles: {} },
      'in',
      'Procfile',
      'from-procfile',
      'release command defined in Procfile and heroku.yml and input; using the Procfile one (heroku.yml, input ignored)'
    ],
    [
      undefined,
      { releaseCommand: ['a', 'b'], dockerfiles: {} },
      'in',
      'heroku.yml',
      ['a', 'b'],
      'release command defined in heroku.yml and input; using the heroku.yml one (input ignored)'
    ],
    [[], undefined, 'in', 'input', 'in', undefined],
    [undefined, undefined, '  ', 'none', undefined, undefined]
  ])('case %#', (p, h, input, source, command, warning) => {
    // A Procfile command carries its line, for annotating a later error about it.
    expect(chooseReleaseCommand(p, h, input)).toEqual({ source, command, warning, ...(source === 'Procfile' ? { line: 1 } : {}) })
  })
})

describe('push helpers', () => {
  it('reads the digest, and a tag names its repository (a port is not a tag)', () => {
    expect(digestFromPushOutput(`latest: digest: sha256:${'a'.repeat(64)} size: 528`)).toBe(`sha256:${'a'.repeat(64)}`)
    expect(refName(parseTagRef('127.0.0.1:5000/team/app:v1'))).toBe('127.0.0.1:5000/team/app')
    expect(refName(parseTagRef('127.0.0.1:5000/team/app'))).toBe('127.0.0.1:5000/team/app')
  })
})

/** The fake engine for push: `repoDigests` is what inspect reports after the last push. */
function pushCli(repoDigests: (tag: string) => string[]) {
  let last = ''
  const cli = new FakeDocker({
    push: args => ((last = args[1]), { stdout: `${args[1]}: digest: sha256:${'b'.repeat(64)} size: 1\n` }),
    'image inspect': () => ({ stdout: JSON.stringify({ Id: 'sha256:' + 'a'.repeat(64), RepoDigests: repoDigests(last) }) })
  })
  return { cli, calls: cli.calls }
}

const quiet = async <T>(p: () => Promise<T>): Promise<T> => {
  const write = process.stdout.write
  process.stdout.write = (() => true) as typeof process.stdout.write
  try {
    return await p()
  } finally {
    process.stdout.write = write
  }
}

const tags = (...texts: string[]) => texts.map(t => parseTagRef(t))

describe('pushTags', () => {
  const id = 'sha256:' + 'a'.repeat(64)
  const pushed = 'sha256:' + 'b'.repeat(64)

  it('points each tag at the image that passed right before pushing it', async () => {
    const { cli, calls } = pushCli(tag => [`${refName(parseTagRef(tag))}@${pushed}`])
    expect(await quiet(() => pushTags(cli, tags('r/a:1', 'r/a:2'), id))).toBe(pushed)
    expect(calls.filter(c => c[0] !== 'image')).toEqual([
      ['tag', id, 'r/a:1'],
      ['push', 'r/a:1'],
      ['tag', id, 'r/a:2'],
      ['push', 'r/a:2']
    ])
  })

  it('fails when the engine did not record the pushed digest on this image (the tag was moved in between)', async () => {
    const { cli, calls } = pushCli(() => [])
    await expect(quiet(() => pushTags(cli, tags('r/a:1', 'r/a:2'), id))).rejects.toThrow(/pushed sha256:b+, which is not the image whose phases passed/)
    expect(calls.filter(c => c[0] === 'push')).toEqual([['push', 'r/a:1']])
  })

  it('matches Docker Hub names as docker prints them, and the containerd store by id', () => {
    expect(pushedIsImage(parseTagRef('docker.io/library/app:1'), pushed, id, [`app@${pushed}`])).toBe(true)
    expect(pushedIsImage(parseTagRef('other/app:1'), pushed, id, [`app@${pushed}`])).toBe(false)
    expect(pushedIsImage(parseTagRef('r/a:1'), pushed, pushed, [])).toBe(true)
  })

  it('pushes no further tag once the job is cancelled', async () => {
    const { cli, calls } = pushCli(tag => [`${refName(parseTagRef(tag))}@${pushed}`])
    let cancelled = false
    const check = (): void => {
      if (cancelled) throw new Error('cancelled')
      cancelled = true
    }
    await expect(quiet(() => pushTags(cli, tags('r/a:1', 'r/a:2'), id, check))).rejects.toThrow('cancelled')
    expect(calls.filter(c => c[0] === 'push')).toEqual([['push', 'r/a:1']])
  })
})
