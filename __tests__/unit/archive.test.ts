import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { extract as tarExtract } from 'tar-stream'
import { describe, expect, it } from 'vitest'
import { restoredConfig, rewriteSavedImage, type ArchiveEntry } from '../../src/commit/archive.js'
import { assembleCommitConfig, configOnlyArchive, layerFlags, type HistoryItem, type InspectedImage } from '../../src/commit/classic.js'

/**
 * Stored `docker save` archives of a temporary predeploy commit (see __tests__/fixtures/archives/README.md):
 * the container ran with `-e FIXTURE_SECRET=fake-secret-Zq7`, so the value sits in the saved config.
 */
const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'archives')
const SECRET = 'fake-secret-Zq7'
const ORIGINAL = { Env: ['PATH=/bin', 'FROM_IMAGE=1'], Cmd: ['/hello'] }
const NOTE = 'release-phase predeploy: echo task'
const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

async function readArchive(file: string): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = []
  const extract = tarExtract()
  extract.on('entry', (header, stream, next) => {
    const parts: Buffer[] = []
    stream.on('data', (b: unknown) => void parts.push(b as Buffer))
    stream.on('end', () => {
      if (header.type === 'file') entries.push({ name: header.name, body: Buffer.concat(parts) })
      next()
    })
  })
  const done = new Promise<void>(resolve => extract.on('finish', resolve))
  extract.end(gunzipSync(fs.readFileSync(path.join(FIXTURES, file))))
  await done
  return entries
}

const fixtureId = (layout: string): string => fs.readFileSync(path.join(FIXTURES, `${layout}-id.txt`), 'utf8').trim()
const json = (entries: ArchiveEntry[], name: string): any => JSON.parse(entries.find(e => e.name === name)!.body.toString('utf8'))
const everything = (entries: ArchiveEntry[]): string => entries.map(e => e.body.toString('latin1')).join('\n')

describe('the predeploy archive rewrite on stored archives (SPEC 4.3)', () => {
  it('classic layout (Engine 20.10 docker save): clean config, id = config digest, layers untouched', async () => {
    const input = await readArchive('classic-save.tar.gz')
    expect(everything(input)).toContain(SECRET) // config and container_config (and the v1 json) hold it
    const r = rewriteSavedImage(input, { imageId: fixtureId('classic'), original: ORIGINAL, tags: ['app:1', 'app:latest'], note: NOTE })
    expect(everything(r.entries)).not.toContain(SECRET)
    expect(everything(r.entries)).not.toContain('/bin/sh -c echo task') // the container's argv, in history and both configs
    expect(r.containerdStore).toBe(false)
    const manifest = json(r.entries, 'manifest.json')
    expect(manifest).toHaveLength(1)
    expect(manifest[0].RepoTags).toEqual(['app:1', 'app:latest'])
    const configEntry = r.entries.find(e => e.name === manifest[0].Config)!
    expect(r.id).toBe(sha(configEntry.body))
    expect(configEntry.name).toBe(`${r.id.slice(7)}.json`)
    const config = JSON.parse(configEntry.body.toString('utf8'))
    expect(config.config).toEqual(restoredConfig(ORIGINAL))
    expect(config).not.toHaveProperty('container_config')
    expect(config).not.toHaveProperty('container')
    expect(config.history.at(-1)).toMatchObject({ created_by: NOTE, comment: 'release-phase' })
    // The layers pass through byte for byte, and are what a config-only load leaves out.
    expect([...r.layerNames]).toEqual(manifest[0].Layers)
    for (const name of r.layerNames) expect(r.entries.find(e => e.name === name)!.body).toEqual(input.find(e => e.name === name)!.body)
  })

  it('OCI layout (containerd image store, Engine 26): every blob named by its digest, id = manifest digest', async () => {
    const input = await readArchive('containerd-save.tar.gz')
    expect(everything(input)).toContain(SECRET)
    const r = rewriteSavedImage(input, { imageId: fixtureId('containerd'), original: ORIGINAL, tags: ['app:1'], note: NOTE })
    expect(everything(r.entries)).not.toContain(SECRET)
    expect(r.containerdStore).toBe(true)
    // The loader checks each blob against its name: a stale digest anywhere would fail the load.
    for (const e of r.entries.filter(e => e.name.startsWith('blobs/sha256/'))) expect(sha(e.body), e.name).toBe(`sha256:${e.name.slice(13)}`)
    const index = json(r.entries, 'index.json')
    expect(index.manifests).toHaveLength(1)
    expect(index.manifests[0].digest).toBe(r.id)
    const manifest = json(r.entries, `blobs/sha256/${r.id.slice(7)}`)
    expect(index.manifests[0].size).toBe(Buffer.byteLength(JSON.stringify(manifest)))
    const config = json(r.entries, `blobs/sha256/${manifest.config.digest.slice(7)}`)
    expect(config.config).toEqual(restoredConfig(ORIGINAL))
    expect(config.history.at(-1)).toMatchObject({ created_by: NOTE, comment: 'release-phase' })
    const legacy = json(r.entries, 'manifest.json')
    expect(legacy[0]).toMatchObject({ Config: `blobs/sha256/${manifest.config.digest.slice(7)}`, RepoTags: ['app:1'] })
    expect([...r.layerNames]).toEqual(manifest.layers.map((l: { digest: string }) => `blobs/sha256/${l.digest.slice(7)}`))
    // Nothing of the temporary commit's manifest or config is written back.
    const old = json(input, 'index.json').manifests[0].digest.slice(7)
    expect(r.entries.map(e => e.name)).not.toContain(`blobs/sha256/${old}`)
  })

  it('an archive with neither layout is an error, not an empty load', () => {
    expect(() => rewriteSavedImage([{ name: 'x', body: Buffer.from('') }], { imageId: 'sha256:00', original: ORIGINAL, tags: [], note: NOTE })).toThrow(
      /no image config/
    )
  })
})

describe('the config-only commit: config assembled from inspect + history', () => {
  /** What the engine reports about the classic fixture's temporary commit and its original. */
  async function classicFacts(): Promise<{ committed: InspectedImage; original: InspectedImage; history: HistoryItem[]; saved: any }> {
    const input = await readArchive('classic-save.tar.gz')
    const saved = json(input, `${fixtureId('classic').slice(7)}.json`)
    const committed: InspectedImage = {
      Id: fixtureId('classic'),
      Created: saved.created,
      DockerVersion: saved.docker_version,
      Architecture: saved.architecture,
      Os: saved.os,
      Config: saved.config,
      RootFS: { Type: 'layers', Layers: saved.rootfs.diff_ids }
    }
    const original: InspectedImage = {
      ...committed,
      Id: 'sha256:original',
      Config: ORIGINAL,
      RootFS: { Type: 'layers', Layers: saved.rootfs.diff_ids.slice(0, -1) }
    }
    const history = [...saved.history].reverse().map((h: any) => ({
      Created: Math.floor(Date.parse(h.created) / 1000),
      CreatedBy: h.created_by ?? '',
      Comment: h.comment ?? '',
      Size: h.empty_layer ? 0 : 14
    }))
    return { committed, original, history, saved }
  }

  it('equals the archive rewrite of the same commit, history times to the second', async () => {
    const { committed, original, history, saved } = await classicFacts()
    const assembled = assembleCommitConfig(committed, original, history, NOTE)
    expect(typeof assembled).toBe('string')
    expect(assembled as string).not.toContain(SECRET)
    const rewritten = JSON.parse(
      rewriteSavedImage(await readArchive('classic-save.tar.gz'), { imageId: committed.Id, original: ORIGINAL, tags: [], note: NOTE })
        .entries.find(e => e.name.endsWith('.json') && e.name !== 'manifest.json')!
        .body.toString('utf8')
    )
    rewritten.history[0].created = rewritten.history[0].created.replace(/\.\d+Z$/, 'Z')
    expect(JSON.parse(assembled as string)).toEqual(rewritten)
    expect(saved.config.Env.join()).toContain(SECRET) // the input did hold it
  })

  it('a config-only archive names the config by its digest and every layer, holding none', async () => {
    const { committed, original, history } = await classicFacts()
    const config = assembleCommitConfig(committed, original, history, NOTE) as string
    const a = configOnlyArchive(config, ['app:1'])
    expect(a.id).toBe(sha(config))
    expect(a.entries.map(e => e.name)).toEqual([`${a.id.slice(7)}.json`, 'manifest.json'])
    const manifest = json(a.entries, 'manifest.json')
    expect(manifest[0].RepoTags).toEqual(['app:1'])
    expect(manifest[0].Layers).toHaveLength(committed.RootFS!.Layers!.length)
  })

  it('a commit with no filesystem change adds an empty-layer history entry', async () => {
    const { committed, original, history } = await classicFacts()
    const none = { ...committed, RootFS: original.RootFS }
    const out = JSON.parse(assembleCommitConfig(none, original, history, NOTE) as string)
    expect(out.history.at(-1)).toMatchObject({ created_by: NOTE, empty_layer: true })
    expect(out.rootfs.diff_ids).toEqual(original.RootFS!.Layers)
  })

  const h = (CreatedBy: string, Size: number): HistoryItem => ({ Created: 1, CreatedBy, Comment: '', Size })
  it.each([
    ['sizes decide', [h('COPY a /a', 5), h('ENV A=1', 0), h('RUN x', 3)], 2, [true, false, true]],
    [
      'a zero-size layer is the one undecided entry',
      [h('COPY busybox /bin/busybox', 5), h('RUN busybox --install -s /bin', 0), h('ENV PATH=/bin', 0), h('CMD ["/bin/sh"]', 0)],
      2,
      [true, true, false, false]
    ],
    ['classic builder metadata', [h('/bin/sh -c #(nop) ADD file:1 in /', 9), h('/bin/sh -c #(nop)  CMD ["sh"]', 0)], 1, [true, false]],
    ['two undecided entries for one layer', [h('COPY a /a', 5), h('RUN true', 0), h('RUN ln -s a b', 0)], 2, 'cannot be matched'],
    ['more sized entries than layers', [h('COPY a /a', 5), h('COPY b /b', 5)], 1, 'cannot be matched']
  ])('layer flags: %s', (_, items, layers, expected) => {
    const r = layerFlags(items as HistoryItem[], layers as number)
    if (typeof expected === 'string') expect(r).toEqual({ reason: expect.stringContaining(expected) })
    else expect(r).toEqual(expected)
  })

  it('falls back when the commit does not extend the original, or the original has an author', async () => {
    const { committed, original, history } = await classicFacts()
    expect(assembleCommitConfig({ ...committed, RootFS: { Layers: ['sha256:other'] } }, original, history, NOTE)).toMatchObject({
      reason: expect.stringContaining('do not extend')
    })
    expect(assembleCommitConfig(committed, { ...original, Author: 'me' }, history, NOTE)).toMatchObject({ reason: expect.stringContaining('author') })
  })
})
