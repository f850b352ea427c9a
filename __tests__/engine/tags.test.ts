import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, docker, makeApp, runAction, uniqueTag, whenLine } from '../helpers/engine.js'

/**
 * Issue 33: tags move only after the release passes. Before, the build tagged the image and the
 * predeploy commit moved the tags before any release ran: after a failed migration the engine's tag
 * named the image whose release failed (on a deploy host, a `push: false` flow then ran it). Each case
 * starts with the tag on a live image of its own and looks at where it points after the run.
 */
describeEngine('tags move only after the release passes (issue 33)', () => {
  const made: string[] = []
  afterAll(() => {
    for (const ref of made) {
      try {
        docker('image', 'rm', '--force', ref)
      } catch {
        // gone already
      }
    }
  })

  /** A tag on an image that stands for what runs in production now. */
  function liveTag(name: string): { tag: string; live: string } {
    const tag = uniqueTag(name)
    const ws = makeApp({ Dockerfile: `FROM ${BASE_IMAGE}\nLABEL live=${tag}\n` })
    docker('buildx', 'build', '--load', '-q', '-t', tag, ws)
    made.push(tag)
    return { tag, live: idOf(tag) }
  }
  const idOf = (ref: string): string => docker('image', 'inspect', '--format', '{{.Id}}', ref).trim()
  const exists = (ref: string): boolean => {
    try {
      docker('image', 'inspect', ref)
      return true
    } catch {
      return false
    }
  }
  const app = (release: string, predeploy = 'mkdir -p /app && echo built > /app/asset.css'): string =>
    makeApp({
      Dockerfile: `FROM ${BASE_IMAGE}\nLABEL candidate=${Date.now()}-${Math.random()}\n`,
      'app.json': JSON.stringify({ scripts: { dokku: { predeploy } } }),
      Procfile: `release: ${release}\n`
    })
  const runName = (runId: string): string => `release-phase/run-${runId}:image`

  it('a failed release leaves the tag on the live image; the failed image and the run name are gone', async () => {
    const { tag, live } = liveTag('tags-failed')
    const r = await runAction({ workspace: app('echo migrating && exit 3'), inputs: { tags: tag } })
    expect(r.code).toBe(1)
    expect(idOf(tag)).toBe(live)
    // The predeploy commit, the image the release failed in, is removed with the run's name.
    expect(r.outputs['image-id']).toMatch(/^sha256:/)
    expect(r.outputs['image-id']).not.toBe(live)
    expect(exists(r.outputs['image-id'])).toBe(false)
    expect(exists(runName(r.state['run-id']))).toBe(false)
    expect(r.stdout).toMatch(/no tag was moved; removed the image whose phases did not all pass/)
    expect(r.outputs.image ?? '').toBe('')
  })

  it('a failed predeploy too: the build never named the tag', async () => {
    const { tag, live } = liveTag('tags-predeploy')
    const r = await runAction({ workspace: app('echo never', 'exit 4'), inputs: { tags: tag } })
    expect(r.code).toBe(1)
    expect(idOf(tag)).toBe(live)
    expect(exists(runName(r.state['run-id']))).toBe(false)
  })

  it('a passed release moves the tag to the committed image, and the run name is gone', async () => {
    const { tag, live } = liveTag('tags-passed')
    const r = await runAction({ workspace: app('echo migrated'), inputs: { tags: tag } })
    expect(r.code, r.output).toBe(0)
    expect(idOf(tag)).toBe(r.outputs['image-id'])
    expect(idOf(tag)).not.toBe(live)
    expect(exists(runName(r.state['run-id']))).toBe(false)
    expect(r.outputs.image).toBe(tag)
    // buildx's metadata never names the run's own name (image/build.ts namedMetadata).
    expect(r.outputs.metadata).toMatch(/containerimage\.digest/)
    expect(r.outputs.metadata).not.toContain('release-phase/run-')
  })

  it('a cancelled release leaves the tag where it was', async () => {
    const { tag, live } = liveTag('tags-cancel')
    const r = await runAction({
      workspace: app("echo cancel-now && trap 'exit 143' TERM && sleep 30 & wait"),
      inputs: { tags: tag, 'stop-timeout': '2s' },
      onStart: whenLine(/cancel-now/, child => child.kill('SIGTERM'))
    })
    expect(r.code).toBe(1)
    expect(idOf(tag)).toBe(live)
    expect(exists(runName(r.state['run-id']))).toBe(false)
  })

  it('a killed run: the tag is where it was, and the post step removes the run name', async () => {
    const { tag, live } = liveTag('tags-kill')
    const ws = app('echo kill-now && sleep 6')
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-runner-'))
    const r = await runAction({ workspace: ws, runnerTemp, inputs: { tags: tag }, onStart: whenLine(/kill-now/, child => child.kill('SIGKILL')) })
    expect(r.signal).toBe('SIGKILL')
    expect(idOf(tag)).toBe(live)
    const run = r.state['run-id']
    expect(exists(runName(run)), 'the killed run left its name').toBe(true)
    // The release container still runs (sleep 6): post removes it, then the name and the image.
    const post = await runAction({ workspace: ws, post: { state: r.state, runnerTemp } })
    expect(post.code, post.output).toBe(0)
    expect(post.stdout).toContain(`image ${runName(run)}`)
    expect(exists(runName(run))).toBe(false)
    expect(idOf(tag)).toBe(live)
  })
})
