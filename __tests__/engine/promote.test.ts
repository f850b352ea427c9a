import { createHash } from 'node:crypto'
import * as http from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BASE_IMAGE, describeEngine, docker, makeApp, runAction } from '../helpers/engine.js'
import { startRegistry, type Registry } from '../helpers/registry.js'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** One call to the registry's HTTP API with its credentials (uploads and manifests, as a build does). */
function call(reg: Registry, method: string, url: string, body?: Buffer, type?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const u = new URL(url, `http://${reg.host}`)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method,
        path: u.pathname + u.search,
        auth: `${reg.user}:${reg.password}`,
        headers: type ? { 'content-type': type } : {}
      },
      res => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function blob(reg: Registry, repo: string, data: Buffer): Promise<{ digest: string; size: number }> {
  const start = await call(reg, 'POST', `/v2/${repo}/blobs/uploads/`)
  const location = String(start.headers.location)
  const put = await call(reg, 'PUT', `${location}${location.includes('?') ? '&' : '?'}digest=${sha(data)}`, data, 'application/octet-stream')
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status}`)
  return { digest: sha(data), size: data.length }
}

async function manifest(reg: Registry, repo: string, ref: string, json: unknown, type: string): Promise<{ digest: string; size: number }> {
  const body = Buffer.from(JSON.stringify(json))
  const r = await call(reg, 'PUT', `/v2/${repo}/manifests/${ref}`, body, type)
  if (r.status !== 201) throw new Error(`manifest ${ref}: HTTP ${r.status}`)
  return { digest: sha(body), size: body.length }
}

/**
 * What docker/build-push-action pushes behind a builder that adds provenance: an OCI index holding the
 * image's manifest and an attestation manifest, with an index annotation. Built here through the
 * registry's API around a pushed image.
 */
async function attestedIndex(reg: Registry, repo: string): Promise<string> {
  const ref = `${reg.host}/${repo}:candidate-image`
  docker('tag', BASE_IMAGE, ref)
  const pushed = /digest: (sha256:[0-9a-f]{64}) size: (\d+)/.exec(docker('--config', reg.dockerConfig, 'push', ref))!
  docker('image', 'rm', ref)
  const statement = await blob(reg, repo, Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://slsa.dev/provenance/v0.2"}'))
  const config = await blob(
    reg,
    repo,
    Buffer.from(JSON.stringify({ architecture: 'unknown', os: 'unknown', config: {}, rootfs: { type: 'layers', diff_ids: [statement.digest] } }))
  )
  const attestation = await manifest(
    reg,
    repo,
    'sha256-attestation',
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.in-toto+json', ...statement, annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } }]
    },
    OCI_MANIFEST
  )
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      {
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest: pushed[1],
        size: Number(pushed[2]),
        platform: { architecture: 'amd64', os: 'linux' }
      },
      {
        mediaType: OCI_MANIFEST,
        ...attestation,
        platform: { architecture: 'unknown', os: 'unknown' },
        annotations: { 'vnd.docker.reference.digest': pushed[1], 'vnd.docker.reference.type': 'attestation-manifest' }
      }
    ],
    annotations: { 'org.opencontainers.image.title': 'app' }
  }
  return (await manifest(reg, repo, 'candidate', index, OCI_INDEX)).digest
}

describeEngine('promotion of an unchanged image is registry-side: the same index, attestations and annotations included (issue 23)', () => {
  let reg: Registry
  beforeAll(async () => {
    reg = await startRegistry()
  })
  afterAll(() => reg?.stop())

  it('release on the attested index by digest, then production tags in two repositories name that very index', async () => {
    const index = await attestedIndex(reg, 'team/attested')
    const r = await runAction({
      workspace: makeApp({ Procfile: 'release: echo migrated\n' }),
      inputs: {
        image: `${reg.host}/team/attested@${index}`,
        phases: 'release',
        tags: `${reg.host}/team/attested:production\n${reg.host}/other/attested:production`,
        push: 'true'
      },
      env: { DOCKER_CONFIG: reg.dockerConfig }
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^migrated$/m)
    expect(r.outputs.digest).toBe(index)
    expect(r.outputs.image).toBe(`${reg.host}/team/attested@${index}`)
    expect(r.stdout).not.toMatch(/rebuilt manifest/)
    expect(r.dockerCalls.filter(c => c[0] === 'push')).toEqual([])
    for (const repo of ['team/attested', 'other/attested']) {
      const got = await reg.get(`/v2/${repo}/manifests/production`, OCI_INDEX)
      expect(got.headers['docker-content-digest'], repo).toBe(index)
      const body = JSON.parse(got.body) as { manifests: { annotations?: Record<string, string> }[]; annotations: Record<string, string> }
      expect(body.manifests.some(m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')).toBe(true)
      expect(body.annotations).toEqual({ 'org.opencontainers.image.title': 'app' })
    }
    for (const t of [`${reg.host}/team/attested@${index}`, `${reg.host}/team/attested:production`, `${reg.host}/other/attested:production`]) {
      try {
        docker('image', 'rm', t)
      } catch {
        // not local
      }
    }
  })
})
