export const id = 635;
export const ids = [635];
export const modules = {

/***/ 635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitPredeploy: () => (/* binding */ commitPredeploy)
/* harmony export */ });
/* unused harmony exports PREDEPLOY_LABEL, restoredConfig, rewriteImageConfig, rewriteOciLayout, saveRewriteLoad */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6118);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1670);
/* harmony import */ var _task_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1763);






const PREDEPLOY_LABEL = 'release-phase.predeploy';
/** The committed image's config: the original's exactly, plus the predeploy label. */
function restoredConfig(original) {
    const labels = { ...(original.Labels ?? {}), [PREDEPLOY_LABEL]: 'true' };
    return { ...original, Labels: labels };
}
/**
 * Rewrites one image config JSON (from `docker save`) so that nothing the container had leaks:
 * `config` becomes the original image's, `container_config` (the container's own config, with every
 * `-e` value in it) and `container` go, and the commit's history line names the task, not its argv.
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
/**
 * SPEC 4.3: commit the predeploy container so its filesystem changes are kept, with the original
 * image config and no passed value in it.
 *
 * Why save → rewrite → load: `docker commit` copies the container's Env, where every `-e` value sits
 * (this is how Dokku bakes secrets into images), and neither `--change` nor the Engine API's commit body
 * can remove a variable: the daemon merges the container's Env back in. The image config is plain JSON
 * inside `docker save`'s archive, so the action streams that archive through, swaps the config, drops the
 * legacy per-layer v1 json copies (which hold the container config too and which `docker load` ignores
 * when manifest.json is present) and loads it back. Layers pass through as streams: memory stays flat.
 * The temporary commit is removed, so the only image holding the filesystem change is the clean one.
 */
async function commitPredeploy(cli, container, original, tags, note) {
    const tmpId = (await cli.ok(['commit', '--pause=false', container], 'docker commit')).trim();
    let tmpRemoved = false;
    try {
        // Every layer of a fresh commit is already in the engine, and `docker load` skips reading the
        // tar of a layer it has: sending only the config and manifest saves the load side the whole
        // untar-and-hash. An engine that wants the layers anyway gets the full archive on a second try.
        const fast = await saveRewriteLoad(cli, tmpId, original, tags, note, true);
        const result = fast.ok ? fast : await saveRewriteLoad(cli, tmpId, original, tags, note, false);
        if (result.containerdStore) {
            // In the containerd store the temporary commit owns the committed layer's snapshot; the new
            // image only claims it when it is next unpacked (the release container's create does that).
            // Removing the temporary image first makes that order certain instead of racing it.
            await cli.exec(['image', 'rm', '--no-prune', tmpId]);
            tmpRemoved = true;
        }
        return result.id;
    }
    finally {
        if (!tmpRemoved)
            (0,_task_js__WEBPACK_IMPORTED_MODULE_5__/* .removeLater */ .Px)(cli.exec(['image', 'rm', '--no-prune', tmpId]));
    }
}
const sha256hex = (b) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex');
/** Blobs at most this large are held in memory (configs, manifests, small layers); larger ones stream. */
const SMALL_BLOB = 1 << 20;
/**
 * The OCI-layout half of the rewrite (docker save from Engine 25+, and the containerd image store,
 * where every blob is named by its digest and checked on load): a new config blob, a manifest that
 * points at it, an index that points at that, and manifest.json. Returns the blobs to write and the
 * new config and manifest digests.
 */
function rewriteOciLayout(blobs, indexJson, manifestJson, original, tags, note) {
    const index = JSON.parse(indexJson);
    if (!index.manifests || index.manifests.length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(`docker save wrote ${index.manifests?.length ?? 0} manifests for one commit`);
    const desc = index.manifests[0];
    const manifestBlob = blobs.get(desc.digest.replace(/^sha256:/, ''));
    if (!manifestBlob)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(`the image manifest ${desc.digest} is missing from docker save`);
    const manifest = JSON.parse(manifestBlob.toString('utf8'));
    const oldConfigHex = manifest.config.digest.replace(/^sha256:/, '');
    const configBlob = blobs.get(oldConfigHex);
    if (!configBlob)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(`the image config ${manifest.config.digest} is missing from docker save`);
    const newConfig = Buffer.from(rewriteImageConfig(configBlob.toString('utf8'), original, note));
    const configDigest = `sha256:${sha256hex(newConfig)}`;
    manifest.config = { ...manifest.config, digest: configDigest, size: newConfig.length };
    const newManifest = Buffer.from(JSON.stringify(manifest));
    const manifestDigest = `sha256:${sha256hex(newManifest)}`;
    index.manifests[0] = { ...desc, digest: manifestDigest, size: newManifest.length };
    const out = new Map(blobs);
    out.delete(oldConfigHex);
    out.delete(desc.digest.replace(/^sha256:/, ''));
    out.set(configDigest.slice(7), newConfig);
    out.set(manifestDigest.slice(7), newManifest);
    let legacy;
    if (manifestJson !== undefined) {
        const m = JSON.parse(manifestJson);
        for (const e of m) {
            e.Config = `blobs/sha256/${configDigest.slice(7)}`;
            e.RepoTags = tags;
        }
        legacy = JSON.stringify(m);
    }
    return { blobs: out, index: JSON.stringify(index), manifestJson: legacy, configDigest, manifestDigest, layers: manifest.layers.map(l => l.digest.slice(7)) };
}
/**
 * One `docker save | rewrite | docker load` pass; `ok` false when load refused a config-only archive.
 * Handles both archive layouts: the legacy one (`<id>.json` config, `<layer>/layer.tar`, where the
 * image id is the config digest) and the OCI one (`blobs/sha256/…` with `index.json`; with the
 * containerd image store the image id is the manifest digest, and images are tagged after loading).
 */
async function saveRewriteLoad(cli, tmpId, original, tags, note, configOnly) {
    const save = cli.spawnRaw(['save', tmpId]);
    const load = cli.spawnRaw(['load', '--quiet'], 'pipe');
    let saveErr = '';
    let loadErr = '';
    save.stderr.on('data', (b) => (saveErr += b.toString()));
    load.stderr.on('data', (b) => (loadErr += b.toString()));
    load.stdout.resume();
    const hex = tmpId.replace(/^sha256:/, '');
    const extract = (0,tar_stream__WEBPACK_IMPORTED_MODULE_2__.extract)();
    const pack = (0,tar_stream__WEBPACK_IMPORTED_MODULE_2__.pack)();
    const put = (header, body) => new Promise((resolve, reject) => pack.entry({ ...header, size: body.length }, body, e => (e ? reject(e) : resolve())));
    const blobs = new Map();
    const held = new Map();
    const texts = new Map();
    let legacyId = '';
    const collect = (stream, done) => {
        const parts = [];
        stream.on('data', (b) => void parts.push(b));
        stream.on('end', () => done(Buffer.concat(parts)));
    };
    extract.on('entry', (header, stream, next) => {
        const name = header.name.replace(/^\.\//, '');
        const drop = () => {
            stream.on('end', next);
            stream.resume();
        };
        // The legacy per-layer v1 json holds the container config too; the loader ignores it.
        if (/^[0-9a-f]{64}\/(json|VERSION)$/.test(name) || name === 'repositories')
            return drop();
        if (name === `${hex}.json`) {
            // Legacy layout: the config, rewritten on the spot; the image id is its digest.
            return collect(stream, b => {
                const body = Buffer.from(rewriteImageConfig(b.toString('utf8'), original.config, note));
                legacyId = `sha256:${sha256hex(body)}`;
                put(header, body).then(() => next(), next);
            });
        }
        if (name === 'manifest.json' || name === 'index.json' || name === 'oci-layout') {
            held.set(name, header);
            return collect(stream, b => ((texts.set(name, b.toString('utf8')), next())));
        }
        if (name.startsWith('blobs/sha256/') && (header.size ?? 0) <= SMALL_BLOB) {
            held.set(name, header);
            return collect(stream, b => ((blobs.set(name.slice('blobs/sha256/'.length), b), next())));
        }
        if (configOnly && (/\/layer\.tar$/.test(name) || name.startsWith('blobs/')))
            return drop();
        stream.pipe(pack.entry(header, next));
    });
    let newId = '';
    let containerdStore = false;
    const finish = new Promise((resolve, reject) => {
        extract.on('finish', () => {
            void (async () => {
                const blank = (name) => held.get(name) ?? { name, mode: 0o644, type: 'file', mtime: new Date(0) };
                const indexJson = texts.get('index.json');
                if (indexJson !== undefined && !legacyId) {
                    const r = rewriteOciLayout(blobs, indexJson, texts.get('manifest.json'), original.config, tags, note);
                    containerdStore = JSON.parse(indexJson).manifests[0].digest === tmpId;
                    newId = containerdStore ? r.manifestDigest : r.configDigest;
                    const layers = new Set(r.layers);
                    for (const [digest, body] of r.blobs) {
                        if (configOnly && layers.has(digest))
                            continue;
                        await put({ ...blank(`blobs/sha256/${digest}`), name: `blobs/sha256/${digest}` }, body);
                    }
                    await put(blank('index.json'), Buffer.from(r.index));
                    if (r.manifestJson !== undefined)
                        await put(blank('manifest.json'), Buffer.from(r.manifestJson));
                }
                else {
                    newId = legacyId;
                    for (const [digest, body] of blobs)
                        await put(blank(`blobs/sha256/${digest}`), body);
                    if (indexJson !== undefined)
                        await put(blank('index.json'), Buffer.from(indexJson));
                    const manifestJson = texts.get('manifest.json');
                    if (manifestJson !== undefined) {
                        const m = JSON.parse(manifestJson);
                        for (const e of m)
                            e.RepoTags = tags;
                        await put(blank('manifest.json'), Buffer.from(JSON.stringify(m)));
                    }
                }
                const layout = texts.get('oci-layout');
                if (layout !== undefined)
                    await put(blank('oci-layout'), Buffer.from(layout));
                pack.finalize();
            })().then(resolve, e => {
                pack.destroy(e);
                reject(e);
            });
        });
    });
    const exited = (c) => new Promise(r => c.on('close', code => r(code ?? 1)));
    const [, , , saveCode, loadCode] = await Promise.all([(0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(save.stdout, extract), finish, (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(pack, load.stdin), exited(save), exited(load)]);
    if (saveCode !== 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(`docker save of the predeploy commit failed: ${(0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .fM)(saveErr)}`);
    if (!newId)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi('docker save produced no image config for the predeploy commit');
    if (loadCode !== 0) {
        if (configOnly)
            return { ok: false, id: '', containerdStore };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(`docker load of the predeploy commit failed: ${(0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .fM)(loadErr)}`);
    }
    // The containerd store names loaded images from the index's annotations, not manifest.json: tag them.
    if (containerdStore) {
        for (const tag of tags) {
            const r = await cli.exec(['tag', newId, tag]);
            if (r.code !== 0) {
                if (configOnly)
                    return { ok: false, id: '', containerdStore };
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(`tagging the predeploy commit ${newId} as ${tag} failed: ${(0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .fM)(r.stderr)}`);
            }
        }
    }
    return { ok: true, id: newId, containerdStore };
}


/***/ })

};
