export const id = 687;
export const ids = [687,633];
export const modules = {

/***/ 8687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  assembleConfig: () => (/* binding */ assembleConfig),
  commitPredeploy: () => (/* binding */ commitPredeploy),
  openProbe: () => (/* binding */ openProbe),
  removeSuperseded: () => (/* binding */ removeSuperseded),
  saveRewriteLoad: () => (/* binding */ saveRewriteLoad),
  temporaryCommit: () => (/* binding */ temporaryCommit)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/run-record.ts
var run_record = __webpack_require__(1894);
// EXTERNAL MODULE: ./src/digest.ts
var src_digest = __webpack_require__(2187);
;// CONCATENATED MODULE: ./src/commit/archive.ts


/**
 * The image-archive rewrite of the predeploy commit, as a pure transform: the small entries of a
 * `docker save` archive in, the entries to give `docker load` out. No I/O here: the save → transform
 * → load plumbing is in save-load.ts, the tests feed stored archives of both layouts.
 */
const PREDEPLOY_LABEL = 'release-phase.predeploy';
/** The committed image's config: the original's exactly, plus the predeploy label. */
function restoredConfig(original) {
    const labels = { ...(original.Labels ?? {}), [PREDEPLOY_LABEL]: 'true' };
    return { ...original, Labels: labels };
}
/**
 * Rewrites one image config JSON so that nothing the container had leaks: `config` becomes the
 * original image's, `container_config` (the container's own config, with every `-e` value in it) and
 * `container` go, and the commit's history line names the task, not its argv.
 */
function rewriteImageConfig(json, original, note) {
    const cfg = JSON.parse(json);
    cfg.config = restoredConfig(original);
    delete cfg.container_config;
    delete cfg.container;
    const history = cfg.history;
    if (history && history.length > 0) {
        history[history.length - 1] = { ...history[history.length - 1], created_by: note, comment: 'release-phase' };
    }
    return JSON.stringify(cfg);
}
const hexOf = (digest) => digest.replace(/^sha256:/, '');
/** Entries the loader never needs and that hold the container config: the legacy per-layer v1 json. */
const isLegacyV1 = (name) => /^[0-9a-f]{64}\/(json|VERSION)$/.test(name) || name === 'repositories';
/**
 * Rewrites a saved image archive: either layout (legacy `<id>.json` + `<layer>/layer.tar`, where the
 * image id is the config digest; or OCI `blobs/sha256/…` + `index.json`, from Engine 25+ and the
 * containerd image store, where blobs are named by digest and checked on load).
 */
function rewriteSavedImage(input, req) {
    const byName = new Map(input.map(e => [e.name.replace(/^\.\//, ''), e.body]));
    const legacyConfig = `${hexOf(req.imageId)}.json`;
    if (byName.has(legacyConfig))
        return rewriteLegacy(byName, legacyConfig, req);
    if (byName.has('index.json'))
        return rewriteOci(byName, req);
    throw new errors/* DockerError */.Bi('docker save produced no image config for the predeploy commit');
}
function rewriteLegacy(byName, configName, req) {
    const config = Buffer.from(rewriteImageConfig(byName.get(configName).toString('utf8'), req.original, req.note));
    const manifest = JSON.parse(byName.get('manifest.json')?.toString('utf8') ?? '[]');
    if (manifest.length !== 1)
        throw new errors/* DockerError */.Bi(`docker save wrote ${manifest.length} manifests for one commit`);
    // The config is named by its new digest, as docker save names it (the loader reads whichever is named).
    const newName = `${(0,src_digest/* sha256hex */.L)(config)}.json`;
    manifest[0] = { ...manifest[0], Config: newName, RepoTags: req.tags };
    const entries = [];
    for (const [name, body] of byName) {
        if (isLegacyV1(name) || name === configName || name === 'manifest.json')
            continue;
        entries.push({ name, body });
    }
    entries.push({ name: newName, body: config }, { name: 'manifest.json', body: Buffer.from(JSON.stringify(manifest)) });
    return { entries, id: `sha256:${(0,src_digest/* sha256hex */.L)(config)}`, containerdStore: false, layerNames: new Set(manifest[0].Layers ?? []) };
}
/** A new config blob, a manifest that points at it, an index that points at that, and manifest.json. */
function rewriteOci(byName, req) {
    const blob = (digest) => byName.get(`blobs/sha256/${hexOf(digest)}`);
    const index = JSON.parse(byName.get('index.json').toString('utf8'));
    if (!index.manifests || index.manifests.length !== 1)
        throw new errors/* DockerError */.Bi(`docker save wrote ${index.manifests?.length ?? 0} manifests for one commit`);
    const desc = index.manifests[0];
    const manifestBlob = blob(desc.digest);
    if (!manifestBlob)
        throw new errors/* DockerError */.Bi(`the image manifest ${desc.digest} is missing from docker save`);
    const manifest = JSON.parse(manifestBlob.toString('utf8'));
    const configBlob = blob(manifest.config.digest);
    if (!configBlob)
        throw new errors/* DockerError */.Bi(`the image config ${manifest.config.digest} is missing from docker save`);
    const newConfig = Buffer.from(rewriteImageConfig(configBlob.toString('utf8'), req.original, req.note));
    const configDigest = `sha256:${(0,src_digest/* sha256hex */.L)(newConfig)}`;
    const newManifest = Buffer.from(JSON.stringify({ ...manifest, config: { ...manifest.config, digest: configDigest, size: newConfig.length } }));
    const manifestDigest = `sha256:${(0,src_digest/* sha256hex */.L)(newManifest)}`;
    const newIndex = { ...index, manifests: [{ ...desc, digest: manifestDigest, size: newManifest.length }] };
    const dropped = new Set([`blobs/sha256/${hexOf(desc.digest)}`, `blobs/sha256/${hexOf(manifest.config.digest)}`, 'index.json', 'manifest.json']);
    const entries = [];
    for (const [name, body] of byName)
        if (!dropped.has(name) && !isLegacyV1(name))
            entries.push({ name, body });
    entries.push({ name: `blobs/sha256/${hexOf(configDigest)}`, body: newConfig }, { name: `blobs/sha256/${hexOf(manifestDigest)}`, body: newManifest });
    entries.push({ name: 'index.json', body: Buffer.from(JSON.stringify(newIndex)) });
    const legacy = byName.get('manifest.json');
    if (legacy !== undefined) {
        const m = JSON.parse(legacy.toString('utf8'));
        for (const e of m) {
            e.Config = `blobs/sha256/${hexOf(configDigest)}`;
            e.RepoTags = req.tags;
        }
        entries.push({ name: 'manifest.json', body: Buffer.from(JSON.stringify(m)) });
    }
    // With the containerd image store an image's id is its manifest digest; elsewhere its config digest.
    const containerdStore = desc.digest === req.imageId;
    return {
        entries,
        id: containerdStore ? manifestDigest : configDigest,
        containerdStore,
        layerNames: new Set(manifest.layers.map(l => `blobs/sha256/${hexOf(l.digest)}`))
    };
}

// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./src/commit/save-load.ts



/** Entries at most this large are held in memory (configs, manifests, small layers); larger ones stream. */
const SMALL_ENTRY = 1 << 20;
/**
 * `docker save <image> | transform | docker load`: the archive's small entries go through `transform`
 * (archive.ts); large ones (layers) stream past it, or with `configOnly` are dropped, as are the layers
 * the transform names (`docker load` skips reading a layer the engine already has). Memory stays flat.
 * `ok` is false when load refused the archive in config-only mode (the caller retries in full).
 */
async function saveTransformLoad(cli, imageId, transform, configOnly) {
    const save = cli.open(['save', imageId]);
    const load = cli.open(['load', '--quiet'], 'pipe');
    const saveErr = collectText(save);
    const loadErr = collectText(load);
    load.stdout.resume();
    const extract = (0,tar_stream.extract)();
    const pack = (0,tar_stream.pack)();
    const small = [];
    let result;
    extract.on('entry', (header, stream, next) => {
        const name = header.name.replace(/^\.\//, '');
        if (header.type === 'file' && (header.size ?? 0) <= SMALL_ENTRY) {
            const parts = [];
            stream.on('data', (b) => void parts.push(b));
            stream.on('end', () => (small.push({ name, body: Buffer.concat(parts) }), next()));
            return;
        }
        if (configOnly && header.type === 'file') {
            stream.on('end', next);
            stream.resume();
            return;
        }
        stream.pipe(pack.entry(header, next));
    });
    const finish = new Promise((resolve, reject) => {
        extract.on('finish', () => {
            void (async () => {
                result = transform(small);
                for (const e of result.entries) {
                    if (configOnly && result.layerNames.has(e.name))
                        continue;
                    await putEntry(pack, e);
                }
                pack.finalize();
            })().then(resolve, e => {
                pack.destroy(e);
                reject(e);
            });
        });
    });
    const saveFailed = () => new errors/* DockerError */.Bi(`docker save of the predeploy commit failed: ${(0,errors/* lastLine */.fM)(saveErr())}`);
    const all = Promise.all([(0,promises_.pipeline)(save.stdout, extract), finish, (0,promises_.pipeline)(pack, load.stdin), save.closed, load.closed]);
    // A save that failed leaves the rewrite an empty archive: its own error is the news, not the rewrite's.
    const [, , , saveCode, loadCode] = await all.catch(async (e) => {
        throw (await save.closed.catch(() => 1)) !== 0 ? saveFailed() : e;
    });
    if (saveCode !== 0)
        throw saveFailed();
    if (loadCode !== 0) {
        if (configOnly)
            return { ok: false, result: result };
        throw new errors/* DockerError */.Bi(`docker load of the predeploy commit failed: ${(0,errors/* lastLine */.fM)(loadErr())}`);
    }
    return { ok: true, result: result };
}
function putEntry(pack, e) {
    const header = { name: e.name, size: e.body.length, mode: 0o644, type: 'file', mtime: new Date(0) };
    return new Promise((resolve, reject) => pack.entry(header, e.body, err => (err ? reject(err) : resolve())));
}
/** Writes entries to a tar in memory (the tiny archives of the fast commit path). */
async function tarEntries(entries) {
    const pack = (0,tar_stream.pack)();
    const parts = [];
    pack.on('data', (b) => void parts.push(b));
    const ended = new Promise((resolve, reject) => (pack.on('end', resolve), pack.on('error', reject)));
    for (const e of entries)
        await putEntry(pack, e);
    pack.finalize();
    await ended;
    return Buffer.concat(parts);
}
function collectText(c) {
    let text = '';
    c.stderr.on('data', (b) => (text += b.toString()));
    return () => text;
}

// EXTERNAL MODULE: ./src/commit/fallback.ts
var fallback = __webpack_require__(9247);
;// CONCATENATED MODULE: ./src/commit/classic.ts



/** Dockerfile instructions that only set metadata: never a layer, with either builder. */
const METADATA_ONLY = /^(\/bin\/sh -c #\(nop\)\s+)?(ENV|CMD|LABEL|EXPOSE|USER|ENTRYPOINT|ARG|VOLUME|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|MAINTAINER)\b/;
/** Go's zero time marshals as year 1; the API reports it as that instant's Unix seconds. */
const isoSeconds = (unix) => new Date(unix * 1000).toISOString().replace(/\.000Z$/, 'Z');
/**
 * Which of the parent's history entries carry a layer. The history API does not say: it reports each
 * entry's layer size, and an entry with a layer of zero bytes (say, only symlinks) looks like one with
 * none. Proof by counting: entries with a size have a layer; metadata-only instructions have none; the
 * rest must then all have one or all have none to add up to the layer count. Anything else is
 * ambiguous, and the caller falls back to reading the archive.
 */
function layerFlags(parent, layerCount) {
    const sized = parent.filter(h => h.Size > 0).length;
    const open = parent.filter(h => h.Size <= 0 && !METADATA_ONLY.test(h.CreatedBy)).length;
    const need = layerCount - sized;
    if (need !== 0 && need !== open) {
        return (0,fallback/* fallback */.N)(`${parent.length} history entries cannot be matched to ${layerCount} layers (${sized} with a size, ${open} undecided)`);
    }
    return parent.map(h => h.Size > 0 || (need > 0 && !METADATA_ONLY.test(h.CreatedBy)));
}
/**
 * The committed image's config, as the archive rewrite would make it from `docker save`: the temporary
 * commit's, with `config` the original's plus the predeploy label, no `container`/`container_config`,
 * and the commit's history line naming the task. Returns a reason instead when equivalence cannot be
 * shown. History times come from the API, to the second (the commit's own, from inspect, is exact).
 */
function assembleCommitConfig(committed, original, history, note) {
    const before = original.RootFS?.Layers ?? [];
    const after = committed.RootFS?.Layers ?? [];
    if (before.some((l, i) => after[i] !== l) || after.length - before.length > 1)
        return (0,fallback/* fallback */.N)("the commit's layers do not extend the original's");
    if (committed.Os !== original.Os || committed.Architecture !== original.Architecture)
        return (0,fallback/* fallback */.N)('the commit changed the platform');
    // A history entry can carry an author the API does not report; images with one take the slow path.
    if (original.Author)
        return (0,fallback/* fallback */.N)('the original image has an author, which history entries may carry');
    const oldestFirst = [...history].reverse();
    const parent = oldestFirst.slice(0, -1);
    const flags = layerFlags(parent, before.length);
    if ((0,fallback/* isFallback */.R)(flags))
        return flags;
    const entries = parent.map((h, i) => ({
        created: isoSeconds(h.Created),
        ...(h.CreatedBy ? { created_by: h.CreatedBy } : {}),
        ...(h.Comment ? { comment: h.Comment } : {}),
        ...(flags[i] ? {} : { empty_layer: true })
    }));
    const own = after.length === before.length ? { empty_layer: true } : {};
    entries.push({ created: committed.Created, created_by: note, comment: 'release-phase', ...own });
    const config = {
        architecture: committed.Architecture,
        ...(committed.Variant ? { variant: committed.Variant } : {}),
        config: restoredConfig(original.Config ?? {}),
        created: committed.Created,
        ...(committed.DockerVersion ? { docker_version: committed.DockerVersion } : {}),
        history: entries,
        os: committed.Os,
        ...(committed.OsVersion ? { 'os.version': committed.OsVersion } : {}),
        rootfs: { type: committed.RootFS?.Type ?? 'layers', diff_ids: after }
    };
    return JSON.stringify(config);
}
/**
 * A legacy-layout archive with the config and manifest.json only. Each layer entry names a file that
 * is not there: the loader resolves layers by chain id first and opens the file only for one it lacks
 * (then the load fails, and the caller takes the slow path).
 */
function configOnlyArchive(config, tags) {
    const hex = (0,src_digest/* sha256hex */.L)(config);
    const diffIds = JSON.parse(config).rootfs.diff_ids;
    const manifest = [{ Config: `${hex}.json`, RepoTags: tags, Layers: diffIds.map(d => `${d.replace(/^sha256:/, '')}/layer.tar`) }];
    return {
        entries: [
            { name: `${hex}.json`, body: Buffer.from(config) },
            { name: 'manifest.json', body: Buffer.from(JSON.stringify(manifest)) }
        ],
        id: `sha256:${hex}`
    };
}

// EXTERNAL MODULE: ./src/docker/engine-api.ts
var engine_api = __webpack_require__(2633);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/commit/loopback-registry.ts



/** Configs and manifests are a few KiB; anything near this is not what the registry asked for. */
const MAX_BODY = 4 << 20;
/** A probe makes one upload (the config) and two manifest pushes; a client making many is not the engine. */
const MAX_UPLOADS = 8;
/** The route check asks for one reference; the registry is open while the task runs, and keeps no more. */
const MAX_ASKED = 16;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
async function startLoopbackRegistry(repo) {
    const state = {
        asked: [],
        accept: new Set(),
        manifests: new Map(),
        blobs: new Map(),
        want: new Set(),
        uploadsStarted: 0
    };
    const uploads = new Map();
    const server = external_node_http_.createServer((req, res) => {
        readBody(req).then(body => {
            try {
                answer(req, res, body, repo, state, uploads);
            }
            catch {
                if (!res.headersSent)
                    reply(res, 500); // never a crash of the action: a client's bytes caused it
            }
        }, () => reply(res, 413));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address();
    return {
        host: `127.0.0.1:${port}`,
        repo,
        asked: state.asked,
        accept: state.accept,
        manifests: state.manifests,
        blobs: state.blobs,
        want: state.want,
        // The engine keeps its connections alive; close() alone would wait for them to time out (120 s).
        close: () => new Promise(resolve => {
            server.close(() => resolve());
            server.closeAllConnections();
        })
    };
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const parts = [];
        let size = 0;
        req.on('data', (b) => {
            size += b.length;
            if (size > MAX_BODY) {
                req.destroy();
                reject(new Error('too large'));
            }
            else
                parts.push(b);
        });
        req.on('end', () => resolve(Buffer.concat(parts)));
        req.on('error', reject);
    });
}
function reply(res, status, headers = {}) {
    res.writeHead(status, { 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Length': '0', ...headers });
    res.end();
}
/** The few calls of the distribution API a push and a failing pull make; anything else is refused. */
function answer(req, res, body, repo, s, uploads) {
    const url = new URL(req.url ?? '/', 'http://registry');
    const m = /^\/v2\/(.+)\/(manifests|blobs\/uploads|blobs)\/?([^/]*)$/.exec(url.pathname);
    if (url.pathname === '/v2/' || url.pathname === '/v2')
        return reply(res, 200);
    if (!m || m[1] !== repo)
        return reply(res, 404);
    const [, , kind, ref] = m;
    if (kind === 'manifests' && (req.method === 'GET' || req.method === 'HEAD')) {
        if (s.asked.length < MAX_ASKED)
            s.asked.push(ref);
        return reply(res, 404);
    }
    if (kind === 'manifests' && req.method === 'PUT') {
        if (!s.accept.has(ref))
            return reply(res, 404);
        if (s.manifests.size >= MAX_UPLOADS && !s.manifests.has(ref))
            return reply(res, 429);
        s.manifests.set(ref, body);
        return reply(res, 201, { 'Docker-Content-Digest': (0,src_digest/* sha256digest */.w)(body), Location: `/v2/${repo}/manifests/${(0,src_digest/* sha256digest */.w)(body)}` });
    }
    if (kind === 'blobs' && req.method === 'HEAD') {
        if (!DIGEST.test(ref) || s.want.has(ref))
            return reply(res, 404);
        return reply(res, 200, { 'Docker-Content-Digest': ref });
    }
    if (kind === 'blobs/uploads' && req.method === 'POST') {
        // Only a blob the registry asked for is uploaded; nothing is, before it asks.
        if (s.want.size === 0)
            return reply(res, 404);
        if (++s.uploadsStarted > MAX_UPLOADS)
            return reply(res, 429);
        const id = (0,external_node_crypto_.randomUUID)();
        uploads.set(id, []);
        return reply(res, 202, { Location: `/v2/${repo}/blobs/uploads/${id}`, 'Docker-Upload-UUID': id, Range: '0-0' });
    }
    const parts = kind === 'blobs/uploads' ? uploads.get(ref) : undefined;
    if (!parts)
        return reply(res, 404);
    parts.push(body);
    const size = parts.reduce((n, p) => n + p.length, 0);
    if (size > MAX_BODY)
        return (uploads.delete(ref), reply(res, 413));
    if (req.method === 'PATCH')
        return reply(res, 202, { Location: `/v2/${repo}/blobs/uploads/${ref}`, 'Docker-Upload-UUID': ref, Range: `0-${size - 1}` });
    if (req.method !== 'PUT')
        return reply(res, 405);
    uploads.delete(ref);
    const blob = Buffer.concat(parts);
    const digest = url.searchParams.get('digest') ?? '';
    if (!s.want.has(digest) || (0,src_digest/* sha256digest */.w)(blob) !== digest)
        return reply(res, 400);
    s.blobs.set(digest, blob);
    return reply(res, 201, { 'Docker-Content-Digest': digest, Location: `/v2/${repo}/blobs/${digest}` });
}

// EXTERNAL MODULE: ./src/docker/requests.ts
var requests = __webpack_require__(5804);
;// CONCATENATED MODULE: ./src/commit/containerd.ts




/** The Engine API wants an X-Registry-Auth header on pull and push; `{}` is "no credentials". */
const NO_AUTH = { 'X-Registry-Auth': Buffer.from('{}').toString('base64url') };
/**
 * Proves that the engine's pulls reach `registry` (started by the caller, closed by it), before the
 * temporary commit is named there; or why the probe cannot be used. It names and pushes nothing, so
 * it runs while the predeploy task does (issue 22: off the commit step).
 */
async function proveRoute(request, registry) {
    const repo = `${registry.host}/${registry.repo}`;
    const nonce = `route-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`;
    await request('POST', `/images/create?fromImage=${encodeURIComponent(repo)}&tag=${nonce}`, NO_AUTH);
    if (!registry.asked.includes(nonce))
        return (0,fallback/* fallback */.N)("the engine does not share this machine's loopback (a remote or rootless engine, or a job container)");
    const tag = `commit-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    registry.accept.add(tag);
    return { registry, repo, tag };
}
/**
 * The temporary commit's manifest, pushed by the engine under the route's name (which the commit was
 * given); or why not. The registry has every blob, so the engine reads no layer and sends only the
 * manifest, checked against the image id (in the containerd store, the manifest's digest).
 */
async function pushManifest(request, route, imageId) {
    const failed = await pushProbe(request, route);
    const manifest = route.registry.manifests.get(route.tag);
    if (failed || !manifest)
        return (0,fallback/* fallback */.N)(`the probe push failed (${failed || 'no manifest arrived'})`);
    if ((0,src_digest/* sha256digest */.w)(manifest) !== imageId)
        return (0,fallback/* fallback */.N)('the pushed manifest is not the commit (its digest differs from the image id)');
    return manifest;
}
/** The config `manifest` names, brought by a second push with its digest now wanted; or why not. */
async function pushConfig(request, route, manifest) {
    const configDigest = JSON.parse(manifest.toString('utf8')).config?.digest ?? '';
    route.registry.want.add(configDigest);
    const failed = await pushProbe(request, route);
    const config = route.registry.blobs.get(configDigest);
    if (failed || !config)
        return (0,fallback/* fallback */.N)(`the probe push of the config failed (${failed || 'no config arrived'})`);
    return config;
}
/** One push of the route's reference; the engine's error, '' when it went through. */
async function pushProbe(request, { repo, tag }) {
    const r = await request('POST', `/images/${encodeURIComponent(repo)}/push?tag=${tag}`, NO_AUTH);
    return r.status === 200 ? (0,requests/* streamError */.z)(r.text) : `HTTP ${r.status}`;
}
/**
 * The clean image from the commit's manifest and a config assembled from inspect and history (as on
 * the classic store, classic.ts): the manifest with its config descriptor replaced, as the small
 * entries of an OCI archive, and the new image's id (its manifest's digest). Pure.
 */
function assembledArchive(manifest, config) {
    const m = JSON.parse(manifest.toString('utf8'));
    const diffIds = JSON.parse(config).rootfs.diff_ids;
    if (m.layers?.length !== diffIds.length)
        return (0,fallback/* fallback */.N)(`the pushed manifest's layers (${m.layers?.length ?? 0}) are not the config's (${diffIds.length})`);
    const body = Buffer.from(config);
    const clean = Buffer.from(JSON.stringify({ ...m, config: { ...m.config, digest: (0,src_digest/* sha256digest */.w)(body), size: body.length } }));
    const id = (0,src_digest/* sha256digest */.w)(clean);
    return { id, entries: probedArchive(id, clean, body) };
}
/**
 * The probed manifest and config as the small entries of a saved OCI archive (index.json pointing at
 * the manifest), so that the rewrite of archive.ts, tested on real `docker save` output, applies as is.
 */
function probedArchive(imageId, manifest, config) {
    const mediaType = JSON.parse(manifest.toString('utf8')).mediaType ?? 'application/vnd.oci.image.manifest.v1+json';
    const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ mediaType, digest: imageId, size: manifest.length }] };
    return [
        { name: `blobs/sha256/${imageId.replace(/^sha256:/, '')}`, body: manifest },
        { name: `blobs/sha256/${(0,src_digest/* sha256digest */.w)(config).replace(/^sha256:/, '')}`, body: config },
        { name: 'index.json', body: Buffer.from(JSON.stringify(index)) },
        { name: 'oci-layout', body: Buffer.from('{"imageLayoutVersion":"1.0.0"}') }
    ];
}

// EXTERNAL MODULE: ./src/image/ref.ts
var ref = __webpack_require__(2812);
;// CONCATENATED MODULE: ./src/commit/commit.ts










/**
 * The temporary commit, the first half of `commitPredeploy`: the engine's own copy of the task's layer.
 * It holds the container's Env (every -e value), so it is labelled with the run id and the post step
 * removes it even when the runner is killed right here. (A commit also copies the container's own
 * labels, which include it; the change says so explicitly rather than relying on that.) The clean
 * image's config is the original's (restoredConfig), so it never carries this label. It names nothing
 * but the probe's reference (containerd store, `probe` open): it can be made while the predeploy scan
 * is still reading the same files.
 */
function temporaryCommit(cli, container, runId, probe) {
    const name = probe && !(0,fallback/* isFallback */.R)(probe) ? { repo: probe.route.repo, tag: probe.route.tag } : undefined;
    return (0,engine_api.engineApi)(cli).commit(container, [`LABEL ${run_record/* RUN_LABEL */.jQ}=${runId}`], name);
}
/** Never rejects: anything that goes wrong is why the commit takes the `docker save` path. */
async function openProbe(cli, runId) {
    const why = (reason) => (0,fallback/* fallback */.N)(`the engine uses the containerd image store, and ${reason}`);
    const { request, expose } = (0,engine_api.engineApi)(cli);
    if (!request)
        return why('is not on a local socket');
    const registry = await startLoopbackRegistry(`release-phase/probe-${runId}`).catch((e) => e);
    if (registry instanceof Error)
        return why(`the probe's registry did not start (${registry.message})`);
    // A remote engine reaches the registry through the SSH connection, on a port of its own loopback.
    const reach = expose && (await expose(Number(registry.host.split(':')[1])).catch((e) => (0,fallback/* fallback */.N)(e.message)));
    if (reach && (0,fallback/* isFallback */.R)(reach)) {
        await registry.close();
        return why(reach.reason);
    }
    let closed;
    const close = () => (closed ??= Promise.all([registry.close(), reach?.close()]).then(() => undefined));
    const failed = (e) => (0,fallback/* fallback */.N)(`the probe failed (${e.message})`);
    const route = await proveRoute(request, reach ? { ...registry, host: `127.0.0.1:${reach.port}` } : registry).catch(failed);
    if ((0,fallback/* isFallback */.R)(route)) {
        await close();
        return why(route.reason);
    }
    return {
        route,
        manifest: imageId => pushManifest(request, route, imageId).catch(failed),
        config: manifest => pushConfig(request, route, manifest).catch(failed),
        close
    };
}
/**
 * design.md §4.6: from the predeploy container's temporary commit (`temporaryCommit`), the image its
 * filesystem changes are kept in, with the original image config and no passed value in it.
 *
 * Why not plain `docker commit`: it copies the container's Env, where every `-e` value sits (this is how
 * Dokku bakes secrets into images), and neither `--change` nor the Engine API's commit body can remove
 * a variable: the daemon merges the container's Env back in. So the commit is temporary, and the image
 * the tags move to is loaded from a clean config:
 * - classic image store: the config is assembled from inspect + history and loaded with no layer at all
 *   (classic.ts);
 * - containerd image store: the engine pushes the commit's manifest to a registry the action runs on
 *   the loopback, which says it has every layer (containerd.ts); the manifest then names the config
 *   assembled as on the classic store (or, where it cannot be, the commit's own, by a second push,
 *   rewritten), and is loaded without its layers;
 * - otherwise (a containerd-store engine that cannot reach the action's loopback, such as tcp:// or
 *   rootless; on the classic store, a history that cannot be matched to layers): `docker save` →
 *   rewrite → `docker load` (archive.ts), whose cost grows with the image. Over SSH the registry is
 *   reached through the connection (engine/ssh.ts `expose`).
 * The first two cost the same whatever the image's size.
 * The temporary commit is removed, so the only image holding the filesystem change is the clean one.
 */
async function commitPredeploy(cli, tmpId, original, tags, note, hooks) {
    const api = (0,engine_api.engineApi)(cli);
    let tmpRemoved = false;
    try {
        const fast = await fastCommit(api, { tmpId, original, tags, note, log: hooks.log }, hooks.probe);
        if (!(0,fallback/* isFallback */.R)(fast)) {
            if (fast.containerdStore)
                tmpRemoved = await tagBesideRemoval(api, cli, fast.id, tags, tmpId);
            hooks.log('predeploy commit: config-only (no layer read)');
            return fast.id;
        }
        hooks.log(`predeploy commit: ${fast.reason}; rewriting the saved image instead (its cost grows with the image)`);
        // Every layer of a fresh commit is already in the engine: a config-only archive saves the load
        // side the untar-and-hash. An engine that wants the layers anyway gets the full archive.
        const first = await saveRewriteLoad(cli, tmpId, original, tags, note, true);
        const result = first.ok ? first : await saveRewriteLoad(cli, tmpId, original, tags, note, false);
        if (result.containerdStore)
            tmpRemoved = await removeFirst(cli, tmpId);
        return result.id;
    }
    finally {
        // Otherwise beside the next step: hooks.later's work is awaited before the run ends.
        if (!tmpRemoved)
            hooks.later(cli.removeImages([tmpId]));
    }
}
/**
 * In the containerd store the temporary commit owns the committed layer's snapshot; the new image only
 * claims it when it is next unpacked (the release container's create does that). Removing the
 * temporary image first makes that order certain instead of racing it.
 */
async function removeFirst(cli, tmpId) {
    await cli.removeImages([tmpId]);
    return true;
}
/**
 * containerd store, config-only: the loaded image is tagged beside the temporary commit's removal
 * (removeFirst), which needs only the load to have named the new image by its digest.
 */
async function tagBesideRemoval(api, cli, id, tags, tmpId) {
    const removal = removeFirst(cli, tmpId);
    try {
        for (const tag of tags) {
            const r = await api.request('POST', `/images/${id}/tag?repo=${encodeURIComponent((0,ref/* refName */.P7)(tag))}&tag=${encodeURIComponent((0,ref/* tagOf */.cO)(tag))}`);
            if (r.status !== 201)
                throw new errors/* DockerError */.Bi(`tagging the predeploy commit ${id} as ${(0,ref/* formatRef */.rq)(tag)} failed: HTTP ${r.status} ${(0,errors/* lastLine */.fM)(r.text)}`);
        }
    }
    finally {
        await removal;
    }
    return true;
}
/**
 * The config-only commit: on the containerd store through the probe (`probe`); on the classic store
 * the clean config assembled from inspect + history, loaded alone. Returns the new id, or why not.
 */
async function fastCommit(api, job, probe) {
    if (job.original.containerdStore)
        return containerdCommit(api, job, probe);
    const config = await assembleConfig(api, job);
    if ((0,fallback/* isFallback */.R)(config))
        return config;
    const archive = configOnlyArchive(config, job.tags.map(ref/* formatRef */.rq));
    const refused = await api.load(await tarEntries(archive.entries));
    if (refused)
        return (0,fallback/* fallback */.N)(`docker load refused the config-only archive (${refused})`);
    return { id: archive.id, containerdStore: false };
}
/** The clean config from what the engine reports of the commit and the original (classic.ts), or why not. */
async function assembleConfig(api, job) {
    const { tmpId, original, note } = job;
    const facts = await Promise.all([api.get(`/images/${tmpId}/json`), api.get(`/images/${original.id}/json`), api.get(`/images/${tmpId}/history`)]).catch((e) => e);
    if (facts instanceof Error)
        return (0,fallback/* fallback */.N)(`the engine did not describe the commit (${facts.message})`);
    const [committed, before, history] = facts;
    // The containerd store reports no graph driver data; each store's archive layout is its own.
    const containerdStore = committed.GraphDriver != null && committed.GraphDriver.Data == null;
    if (containerdStore !== original.containerdStore)
        return (0,fallback/* fallback */.N)("the commit's image store is not the one the built image's inspect showed");
    // That store's inspect reports the daemon's version, which its commits do not write into the config.
    return assembleCommitConfig(containerdStore ? { ...committed, DockerVersion: undefined } : committed, before, history, note);
}
/**
 * The containerd store: the commit's manifest from the loopback probe (containerd.ts) and the config
 * assembled as on the classic store, side by side; where the config cannot be assembled, the commit's
 * own, by a second push, through the rewrite of a saved archive. Loaded without the layers (then
 * tagged, tagBesideRemoval).
 */
async function containerdCommit(api, job, probe) {
    if (!probe || (0,fallback/* isFallback */.R)(probe))
        return probe ?? (0,fallback/* fallback */.N)('the engine uses the containerd image store, and its probe was not opened');
    const [manifest, config] = await Promise.all([probe.manifest(job.tmpId), assembleConfig(api, job)]);
    if ((0,fallback/* isFallback */.R)(manifest))
        return (0,fallback/* fallback */.N)(`the engine uses the containerd image store, and ${manifest.reason}`);
    const assembled = (0,fallback/* isFallback */.R)(config) ? config : assembledArchive(manifest, config);
    if ((0,fallback/* isFallback */.R)(assembled))
        job.log(`predeploy commit: the config could not be assembled (${assembled.reason}); a second push brings the commit's own`);
    const image = (0,fallback/* isFallback */.R)(assembled) ? await exactArchive(probe, manifest, job) : assembled;
    if ((0,fallback/* isFallback */.R)(image))
        return (0,fallback/* fallback */.N)(`the engine uses the containerd image store, and ${image.reason}`);
    const refused = await api.load(await tarEntries(image.entries));
    if (refused)
        return (0,fallback/* fallback */.N)(`docker load refused the config-only archive (${refused})`);
    return { id: image.id, containerdStore: true };
}
/** The commit's own config by a second push, rewritten as a saved archive is (archive.ts); its small entries. */
async function exactArchive(probe, manifest, job) {
    const config = await probe.config(manifest);
    if ((0,fallback/* isFallback */.R)(config))
        return config;
    const result = rewriteSavedImage(probedArchive(job.tmpId, manifest, config), {
        imageId: job.tmpId,
        original: job.original.config,
        tags: job.tags.map(ref/* formatRef */.rq),
        note: job.note
    });
    return { id: result.id, entries: result.entries.filter(e => !result.layerNames.has(e.name)) };
}
/**
 * One `docker save | rewrite | docker load` pass; `ok` false when load refused a config-only archive.
 * With the containerd image store images are named from the index's annotations, not manifest.json:
 * they are tagged after loading.
 */
async function saveRewriteLoad(cli, tmpId, original, tags, note, configOnly) {
    const names = tags.map(ref/* formatRef */.rq);
    const { ok, result } = await saveTransformLoad(cli, tmpId, entries => rewriteSavedImage(entries, { imageId: tmpId, original: original.config, tags: names, note }), configOnly);
    if (!ok)
        return { ok: false, id: '', containerdStore: result.containerdStore };
    if (result.containerdStore) {
        for (const tag of names) {
            const r = await cli.exec(['tag', result.id, tag]);
            if (r.code !== 0) {
                if (configOnly)
                    return { ok: false, id: '', containerdStore: true };
                throw new errors/* DockerError */.Bi(`tagging the predeploy commit ${result.id} as ${tag} failed: ${(0,errors/* lastLine */.fM)(r.stderr)}`);
            }
        }
    }
    return { ok: true, id: result.id, containerdStore: result.containerdStore };
}
/**
 * The image the action built, superseded by the predeploy commit, is removed once nothing refers to
 * it: one per deploy would fill a self-hosted runner's disk. Never by force: a tag, a digest, a child
 * image or a container keeps it (the engine refuses, or the check below skips it).
 */
async function removeSuperseded(cli, id, log) {
    const refs = await cli.inspectImageJson(id);
    if (refs.code !== 0)
        return;
    const { RepoTags, RepoDigests } = JSON.parse(refs.stdout);
    if ((RepoTags ?? []).length + (RepoDigests ?? []).length > 0)
        return log(`kept the image built before predeploy (${id}): it is still tagged`);
    const r = await cli.removeImages([id]);
    log(r.code === 0 ? `removed the image built before predeploy (${id})` : `kept the image built before predeploy (${id}): ${keptBecause(r.stderr)}`);
}
/** The engine's refusal in the user's terms: it is expected, not an error of the run. */
function keptBecause(stderr) {
    if (stderr.includes('dependent child images'))
        return 'other images are built on it (the engine keeps their parent)';
    const container = /being used by (?:running|stopped) container (\w+)/.exec(stderr);
    if (container)
        return `container ${container[1]} uses it`;
    return (0,errors/* lastLine */.fM)(stderr);
}


/***/ }),

/***/ 2633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   engineApi: () => (/* binding */ engineApi)
/* harmony export */ });
/* unused harmony export dialGet */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _socket_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4707);
/* harmony import */ var _requests_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5804);



// A static import: ncc's bundle of `await import('node:stream')` had no `Readable` (issue 24: every
// predeploy on an engine that is not a local socket crashed with "reading 'from'").



const REQUEST_TIMEOUT_MS = 30_000;
function engineApi(cli, env = cli.baseEnv) {
    const socket = (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .localSocket */ .rJ)(env);
    if (socket && node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync(socket))
        return {
            get: p => socketGet(socket, p),
            load: tar => socketLoad(socket, tar),
            commit: (c, ch, name) => socketCommit(socket, c, ch, name),
            // A pull or push that stalls (an engine retrying an unreachable registry) must not hold the run.
            request: (method, p, headers) => (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .socketRequest */ .tI)(socket, method, p, undefined, headers, REQUEST_TIMEOUT_MS),
            changes: async (c) => (await socketGet(socket, `/containers/${encodeURIComponent(c)}/changes`)) ?? [],
            archive: (c, p) => socketArchive(socket, c, p),
            expose: cli.expose
        };
    return {
        commit: async (c, ch, name) => (await cli.ok(['commit', '--pause=false', ...ch.flatMap(x => ['--change', x]), c, ...(name ? [`${name.repo}:${name.tag}`] : [])], 'docker commit')).trim(),
        get: p => dialGet(cli, p),
        // JSON, not `docker diff`'s lines: a file name may hold a line break (and then a line of its own).
        changes: async (c) => (await dialGet(cli, `/containers/${encodeURIComponent(c)}/changes`)) ?? [],
        archive: (c, p) => cliArchive(cli, c, p),
        load: async (tar) => {
            const r = await cli.exec(['load', '--quiet'], { input: node_stream__WEBPACK_IMPORTED_MODULE_3__.Readable.from(tar) });
            return r.code === 0 ? '' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(r.stderr) || `docker load exited with code ${r.code}`;
        }
    };
}
async function socketCommit(socketPath, container, changes, name) {
    const named = name ? [`repo=${encodeURIComponent(name.repo)}`, `tag=${encodeURIComponent(name.tag)}`] : [];
    const query = [`container=${encodeURIComponent(container)}`, 'pause=0', ...named, ...changes.map(c => `changes=${encodeURIComponent(c)}`)].join('&');
    const r = await (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .socketRequest */ .tI)(socketPath, 'POST', `/commit?${query}`);
    if (r.status !== 201)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`docker commit failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(r.text)}`);
    return JSON.parse(r.text).Id;
}
async function socketGet(socketPath, apiPath) {
    const r = await (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .socketRequest */ .tI)(socketPath, 'GET', apiPath);
    if (r.status !== 200)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`Engine API GET ${apiPath}: HTTP ${r.status} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(r.text)}`);
    return JSON.parse(r.text);
}
/** The load endpoint answers 200 and reports a failure inside its JSON message stream. */
async function socketLoad(socketPath, tar) {
    const r = await (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .socketRequest */ .tI)(socketPath, 'POST', '/images/load?quiet=1', tar);
    return r.status === 200 ? (0,_requests_js__WEBPACK_IMPORTED_MODULE_5__/* .streamError */ .z)(r.text) : `HTTP ${r.status} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(r.text)}`;
}
/** A path's tar, streamed from the socket; a 404 (the path is gone) is undefined. */
function socketArchive(socketPath, container, containerPath) {
    const apiPath = `/containers/${encodeURIComponent(container)}/archive?path=${encodeURIComponent(containerPath)}`;
    return new Promise((resolve, reject) => {
        const req = node_http__WEBPACK_IMPORTED_MODULE_1__.request({ socketPath, method: 'GET', path: apiPath }, res => {
            if (res.statusCode === 200)
                return resolve(res);
            res.resume();
            if (res.statusCode === 404)
                resolve(undefined);
            else
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`Engine API GET ${apiPath}: HTTP ${res.statusCode}`));
        });
        req.on('error', reject);
        req.end();
    });
}
/**
 * `docker cp container:path -` writes the path's tar to stdout: the same archive, through the CLI. The
 * stream ends only when docker has exited, and fails when docker did: a copy that broke off must never
 * read as a file with no secret in it.
 */
async function cliArchive(cli, container, containerPath) {
    const child = cli.open(['cp', `${container}:${containerPath}`, '-']);
    const out = new node_stream__WEBPACK_IMPORTED_MODULE_3__.PassThrough();
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b.toString()));
    child.stdout.pipe(out, { end: false });
    child.closed.then(code => {
        if (code === 0)
            out.end();
        else
            out.destroy(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`docker cp ${container}:${containerPath} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(stderr) || `exit code ${code}`}`));
    }, (e) => out.destroy(e));
    return out;
}
/**
 * One GET through `docker system dial-stdio`. HTTP/1.0 keeps the response plain (no chunking); stdin
 * stays open until the response has been read, because a half-closed connection can make the server
 * drop the request.
 */
function dialGet(cli, apiPath) {
    return new Promise((resolve, reject) => {
        const child = cli.open(['system', 'dial-stdio'], 'pipe');
        const parts = [];
        let stderr = '';
        let settled = false;
        const done = (err, value) => {
            if (settled)
                return;
            settled = true;
            child.stdin.end();
            if (err)
                reject(err);
            else
                resolve(value);
        };
        // Without a Content-Length (a large body), an HTTP/1.0 response ends when the server closes.
        const parse = (ended) => {
            const raw = Buffer.concat(parts);
            const split = raw.indexOf('\r\n\r\n');
            if (split < 0)
                return;
            const head = raw.subarray(0, split).toString('latin1');
            const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
            const body = raw.subarray(split + 4);
            if (length ? body.length < Number(length[1]) : !ended)
                return;
            const status = Number(/^HTTP\/\d\.\d (\d+)/.exec(head)?.[1] ?? 0);
            const text = (length ? body.subarray(0, Number(length[1])) : body).toString('utf8');
            if (status !== 200)
                return done(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`Engine API GET ${apiPath}: HTTP ${status} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(text)}`));
            try {
                done(undefined, JSON.parse(text));
            }
            catch (e) {
                done(e);
            }
        };
        child.stdout.on('data', (b) => (parts.push(b), parse(false)));
        child.stdout.on('end', () => parse(true));
        child.stderr.on('data', (b) => (stderr += b.toString()));
        child.closed.then(code => done(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`docker system dial-stdio ended (${code}) before the Engine API answered: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(stderr)}`)), (e) => done(e));
        child.stdin.on('error', () => undefined);
        child.stdin.write(`GET ${apiPath} HTTP/1.0\r\nHost: docker\r\n\r\n`);
    });
}


/***/ }),

/***/ 5804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ streamError)
/* harmony export */ });
// The Engine API's shapes the action reads and writes itself (ADR 0013): the transport (socket.ts, cli.ts,
// engine-api.ts) and the code that fills or reads them (task/argv.ts, commit/) share them without either
// importing the other.
/** The first error in one of the Engine API's JSON message streams (load, pull, push), '' for none. */
function streamError(text) {
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        const m = JSON.parse(line);
        if (m.error)
            return m.error;
    }
    return '';
}


/***/ })

};
