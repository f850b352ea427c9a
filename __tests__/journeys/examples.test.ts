import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { expect, it } from 'vitest'
import { describeEngine, taskRecord } from '../helpers/engine.js'
import { DEPLOY_USER } from '../helpers/remote-host.js'
import { workflow } from './catalog.js'
import { DATABASE_URL, DIGEST_REF, expectGreen, lines, printOnFailure, stepsRunning } from './expect-run.js'
import { playWorkflow, type RunRecord } from './player/workflow.js'
import { fixtureCopy, startWorld, type WorldOptions } from './player/world.js'

/** The other examples of docs/workflows.md: attestation, services: postgres, gha cache, monorepo, build-push-action. */
async function play(key: Parameters<typeof workflow>[0], opts: WorldOptions, check: (run: RunRecord) => void | Promise<void>) {
  const w = await startWorld(opts)
  try {
    const run = await playWorkflow(workflow(key).content, w, key)
    await check(run)
  } finally {
    await w.stop()
  }
}

const production = { production: { DATABASE_URL } }

describeEngine('docs/workflows.md examples', () => {
  it('attests the released digest: subject-digest is the digest the registry holds', () =>
    play('attest', { fixture: fixtureCopy('web'), environments: production }, run => {
      expectGreen(run)
      const [release, attest] = run.jobs.release.steps.slice(-2)
      expect(release.outputs.digest, printOnFailure(run)).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(release.outputs.image).toMatch(DIGEST_REF)
      expect([attest.uses, attest.inputs['subject-digest'], attest.inputs['push-to-registry'], attest.ok]).toEqual([
        'actions/attest-build-provenance@v4',
        release.outputs.digest,
        'true',
        true
      ])
      expect(run.log.join('\n')).toContain('actions/attest-build-provenance → local check')
    }))

  it("runs the migration against the job's postgres service, reached by its id on the job network", () =>
    play('services', { fixture: fixtureCopy('pgapp') }, run => {
      expectGreen(run)
      const [release] = stepsRunning(run, 'release')
      expect(release.inputs.network, printOnFailure(run)).toMatch(/^rp-journey-/)
      expect(lines(release.stdout, /^migrations applied: /)).toEqual(['migrations applied: 1'])
      spawnSync('docker', ['image', 'rm', release.inputs.tags], { stdio: 'ignore' }) // the example's local tag, app:ci
    }))

  it('builds with the gha cache after docker/setup-buildx-action', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web'), environments: production })
    try {
      // setup-buildx-action's builder is what exports the cache (see local-actions.ts for the player's).
      const first = await playWorkflow(workflow('ghaCache').content, w, 'ghaCache')
      expectGreen(first)
      const [release] = stepsRunning(first, 'release')
      expect([release.inputs['cache-from'], release.inputs['cache-to']]).toEqual([`type=local,src=${w.cacheDir}`, `type=local,dest=${w.cacheDir},mode=max`])
      expect(first.log.join('\n')).toContain('cache-to: type=gha,mode=max → type=local')
      // Beside the builder's engine (containerd image store) the predeploy commit reads no layer.
      expect(first.log.join('\n')).toContain('predeploy commit: config-only')
      // The export really happened: an OCI layout whose index names a cache manifest held in blobs/.
      const index = JSON.parse(fs.readFileSync(path.join(w.cacheDir, 'index.json'), 'utf8')) as { manifests: { digest: string }[] }
      expect(index.manifests.length, printOnFailure(first)).toBeGreaterThan(0)
      for (const m of index.manifests) expect(fs.existsSync(path.join(w.cacheDir, 'blobs', ...m.digest.split(':')))).toBe(true)
      // A later run (its builder's own cache pruned, as on a fresh runner) imports that cache.
      const second = await playWorkflow(workflow('ghaCache').content, w, 'ghaCache again')
      expectGreen(second)
      expect(stepsRunning(second, 'release')[0].stdout, printOnFailure(second)).toMatch(/importing cache manifest from local:/)
    } finally {
      await w.stop()
    }
  })

  it('releases each app of a monorepo with its dotenv secrets', () =>
    play('monorepo', { fixture: fixtureCopy('monorepo'), environments: { production: { RELEASE_ENV: `DATABASE_URL=${DATABASE_URL}\n` } } }, run => {
      expectGreen(run)
      const out = run.actionSteps().map(s => [s.job.id, s.job.environment, lines(s.stdout, /^release of /)[0]])
      expect(out, printOnFailure(run)).toEqual(
        ['api', 'worker', 'web'].map(app => [`release (${app})`, 'production', `release of ${app}: migrated db.production.internal/app`])
      )
    }))

  it('runs the release in an image pushed by docker/build-push-action, by digest', () =>
    play('buildPushAction', { fixture: fixtureCopy('web'), environments: production }, run => {
      expectGreen(run)
      const [build, release] = run.jobs.release.steps.slice(-2)
      expect(build.outputs.digest, printOnFailure(run)).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(release.inputs.image).toBe(`${release.inputs.image.split('@')[0]}@${build.outputs.digest}`)
      expect(lines(release.stdout, /^release: migrated /)).toEqual(['release: migrated db.production.internal/app'])
    }))

  it('Jets: configure-aws-credentials’ session reaches the release by name, masked; config/jets/env through env-files (issue 23)', () =>
    play('jets', { fixture: fixtureCopy('jets'), environments: production }, run => {
      expectGreen(run)
      const release = run.jobs.release.steps.at(-1)!
      expect(release.outputs.released, printOnFailure(run)).toBe('true')
      expect(lines(release.stdout, /^(aws credentials|region|jets):/)).toEqual([
        'aws credentials: present (40 characters of secret key)',
        'region: us-east-1',
        // .env.production wins over .env on the same name.
        'jets: app=shop memory=1536'
      ])
      // The session's values are masked and reach the task by name only.
      const task = taskRecord({ started: release.started! }, 'release')!
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
        expect(task.Config.Env).toContainEqual(expect.stringMatching(new RegExp(`^${name}=.`)))
      }
      // The made-up session's shapes (local-actions.ts): key id, 40-character secret, session token.
      for (const mask of [/^::add-mask::ASIA[0-9A-F]{16}$/, /^::add-mask::[0-9a-f]{40}$/, /^::add-mask::IQoJb3JpZ2luX2VjE[0-9a-f]{64}$/]) {
        expect(lines(release.stdout, mask), String(mask)).toHaveLength(1)
      }
      for (const argv of release.dockerCalls!) expect(argv.join(' ')).not.toMatch(/ASIA[0-9A-F]{16}/)
      // Committed env files are configuration: not masked (a mask of 1536 would hide outputs).
      expect(lines(release.stdout, /^::add-mask::(shop|1536|512)$/)).toEqual([])
    }))

  it('release on the deploy host: build, predeploy, release and push run on the host over one SSH connection (issue 24)', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web'), environments: production })
    try {
      const host = await w.deployHost()
      w.vars.DEPLOY_HOST = `${DEPLOY_USER}@${host.address}:${host.sshPort}`
      w.vars.DEPLOY_KNOWN_HOSTS = host.knownHosts
      w.environments.production.DEPLOY_SSH_KEY = host.clientKey
      const before = host.accepted()
      const run = await playWorkflow(workflow('deployHost').content, w, 'deployHost')
      expectGreen(run)
      const release = run.jobs.release.steps.find(s => s.post)!
      expect(release.outputs.released, printOnFailure(run)).toBe('true')
      expect(release.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      // Ran on the host: the predeploy's image is there under the live tag the last step gave it.
      expect(host.docker('image', 'inspect', '--format', '{{.Id}}', 'web:live').trim()).toBe(release.outputs['image-id'])
      expect(lines(release.stdout, /^release: migrated /)).toEqual(['release: migrated db.production.internal/app'])
      expect(release.stdout).toMatch(/^predeploy commit: config-only/m)
      // Main and post of the action: one connection each; the last step's docker CLI: one more.
      expect(host.accepted() - before).toBe(3)
      expect(release.inputs['docker-host']).toBe(`ssh://${DEPLOY_USER}@${host.address}:${host.sshPort}`)
    } finally {
      await w.stop()
    }
  })

  it('metadata-action: its tags, labels and annotations reach the registry verbatim (issue 23)', async () => {
    const w = await startWorld({ fixture: fixtureCopy('web'), environments: production })
    try {
      const run = await playWorkflow(workflow('metadata').content, w, 'metadata')
      expectGreen(run)
      const [meta, release] = run.jobs.release.steps.filter(s => s.uses?.startsWith('docker/metadata-action') || s.post)
      expect(release.outputs.released, printOnFailure(run)).toBe('true')
      expect(release.inputs.tags).toBe(meta.outputs.tags)
      expect(release.outputs.tags).toBe(meta.outputs.tags)
      expect(meta.outputs.tags).toMatch(/^127\.0\.0\.1:\d+\/acme\/web-[^:]+:sha-[0-9a-f]{7}$/)
      // What the registry holds: the manifest annotations and the config labels, each as given.
      const name = meta.outputs.tags.slice(w.registry.host.length + 1).split(':')[0]
      const top = JSON.parse(
        (
          await w.registry.get(
            `/v2/${name}/manifests/${release.outputs.digest}`,
            'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json'
          )
        ).body
      ) as {
        manifests?: { digest: string }[]
        annotations?: Record<string, string>
        config?: { digest: string }
      }
      const manifest = top.manifests
        ? (JSON.parse(
            (await w.registry.get(`/v2/${name}/manifests/${top.manifests[0].digest}`, 'application/vnd.oci.image.manifest.v1+json')).body
          ) as typeof top)
        : top
      const given = (text: string, prefix = '') => Object.fromEntries(text.split('\n').map(l => l.slice(prefix.length).split(/=(.*)/s).slice(0, 2)))
      expect(manifest.annotations).toMatchObject(given(meta.outputs.annotations, 'manifest:'))
      const config = JSON.parse((await w.registry.get(`/v2/${name}/blobs/${manifest.config!.digest}`)).body) as { config: { Labels: Record<string, string> } }
      expect(config.config.Labels).toMatchObject(given(meta.outputs.labels))
    } finally {
      await w.stop()
    }
  })
})
