export const id = 208;
export const ids = [208];
export const modules = {

/***/ 1164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ acquireImage),
/* harmony export */   kk: () => (/* binding */ lookupKey),
/* harmony export */   p4: () => (/* binding */ isVerified)
/* harmony export */ });
/* unused harmony export expectedRepoDigest */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7206);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1670);
/* harmony import */ var _image_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3905);





/** The name docker looks the image up by: `name@digest` for a digest reference (a tag beside it is ignored). */
function lookupKey(text, ref) {
    return ref.digest ? (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .digestRef */ .yb)({ ...ref, digest: ref.digest }) : text;
}
/** `repo@digest` as the engine records it in RepoDigests (familiar name: no docker.io/library/). */
function expectedRepoDigest(ref) {
    return ref.digest ? `${(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarName */ .hG)(ref)}@${ref.digest}` : undefined;
}
/**
 * Whether the local image is the one the digest names. Needed because the engine also resolves
 * `name@sha256:X` to the image whose *id* is X, whatever its name: only a RepoDigests entry proves
 * that image came from (or went to) that repository under that manifest digest.
 */
function isVerified(info, ref) {
    const expected = expectedRepoDigest(ref);
    return expected === undefined || info.repoDigests.includes(expected);
}
function pullFailure(key, ref, output) {
    const why = (0,_cli_js__WEBPACK_IMPORTED_MODULE_3__/* .lastLine */ .fM)(output).replace(/^Error response from daemon: /, '') || 'no output';
    const hint = 
    // Not for access or network failures: there the digest is not what is wrong.
    ref.digest && !/unauthorized|denied|authenticat|connection|no such host|timeout|tls|certificate/i.test(why)
        ? `; the registry has no image with that digest in ${(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarName */ .hG)(ref)}: pass a registry manifest digest (a release run's digest or image output), not an image id`
        : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image: docker pull ${key} failed: ${why}${hint}`);
}
/**
 * design.md §3.4: the pre-built image, as is. Looked up locally (by digest when the reference has one),
 * pulled when absent, and for a digest reference verified: its RepoDigests must hold that exact
 * repo@digest, or the run stops before any container starts.
 */
async function acquireImage(cli, text, ref, checkCancelled = () => undefined) {
    const key = lookupKey(text, ref);
    let info = await (0,_image_js__WEBPACK_IMPORTED_MODULE_4__/* .inspectImage */ .mm)(cli, key);
    if (info && !isVerified(info, ref))
        info = undefined;
    if (!info) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Pulling ${key}`);
        const tail = new _cli_js__WEBPACK_IMPORTED_MODULE_3__/* .Tail */ .PW(5);
        const code = await cli.stream(['pull', key], { cancellable: true, onChunk: b => tail.push(b) }).finally(() => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4());
        checkCancelled();
        if (code !== 0)
            throw pullFailure(key, ref, tail.text());
        info = await (0,_image_js__WEBPACK_IMPORTED_MODULE_4__/* .inspectImage */ .mm)(cli, key);
        if (!info)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image ${key} is not in the local engine after pulling it`);
    }
    if (!isVerified(info, ref)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image: ${key} resolved to ${info.id}, whose registry digests (${info.repoDigests.join(', ') || 'none'}) do not include ${expectedRepoDigest(ref)}: refusing to run an image other than the one named`);
    }
    return info;
}


/***/ }),

/***/ 5208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   execute: () => (/* binding */ execute)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _release_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3912);
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1670);
/* harmony import */ var _docker_image_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3905);
/* harmony import */ var _docker_task_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3435);
/* harmony import */ var _docker_push_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8038);
/* harmony import */ var _docker_acquire_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1164);
/* harmony import */ var _prebuilt_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9416);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7607);
/* harmony import */ var _docker_sidecars_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1918);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4323);
/* harmony import */ var _entrypoint_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(781);
/* harmony import */ var _predeploy_scan_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(2855);
















/**
 * Walks a resolved plan: acquire the image → bind the phases to it → run them in order (committing
 * predeploy) → publish. Fills `result` as it goes, so outputs are written whatever the outcome.
 */
async function execute(plan, ctx) {
    const { result } = ctx;
    let info = await acquireImage(plan, ctx);
    const acquired = info.id;
    result.tags = [...plan.tags];
    result.image = plan.tags[0] ?? (0,_prebuilt_js__WEBPACK_IMPORTED_MODULE_10__/* .unpushedImage */ .u6)([], [], source(plan)).image;
    result.imageId = info.id;
    // Bound before the first container starts: exec-mode errors must not leave half a release.
    const phases = (0,_release_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .bindPhases */ .Sh)(plan, { entrypoint: info.entrypoint, env: (0,_docker_image_js__WEBPACK_IMPORTED_MODULE_6__/* .imageEnv */ .Zw)(info) });
    for (const [i, p] of phases.entries()) {
        info = await runPhase(plan, p, info, result.phases[i], ctx);
    }
    ctx.scope.throwIfCancelled();
    await publish(plan, info, info.id === acquired, ctx);
    result.released = true;
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Released ${result.image} (${result.imageId})`);
}
/** The image the tasks run in: built from the workspace, or the given reference (pulled when absent). */
async function acquireImage(plan, ctx) {
    const { cli, scope } = ctx;
    const s = plan.settings;
    // Before buildx is installed: nothing is done for a build that would drop them.
    if (s.annotations.length > 0 && plan.image.kind === 'build')
        await checkAnnotationsKept(plan, ctx);
    if (s.buildxVersion && plan.image.kind === 'build') {
        await ctx.engine;
        await (await __webpack_require__.e(/* import() */ 901).then(__webpack_require__.bind(__webpack_require__, 8901))).ensureBuildx(cli, s.buildxVersion, s.buildxDownloadUrl);
    }
    if (plan.image.kind === 'reference') {
        await ctx.engine;
        const info = await (0,_docker_acquire_js__WEBPACK_IMPORTED_MODULE_9__/* .acquireImage */ .OG)(cli, plan.image.ref, plan.image.parsed, () => scope.throwIfCancelled());
        for (const t of s.tags)
            await cli.ok(['tag', info.id, t], `docker tag ${t}`);
        return info;
    }
    const files = { iidfile: node_path__WEBPACK_IMPORTED_MODULE_2__.join(scope.tempDir, 'iid'), metadataFile: node_path__WEBPACK_IMPORTED_MODULE_2__.join(scope.tempDir, 'metadata.json') };
    scope.throwIfCancelled();
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Building ${plan.tags[0]}`);
    const tail = new _docker_cli_js__WEBPACK_IMPORTED_MODULE_5__/* .Tail */ .PW(5);
    const code = await cli.stream((0,_release_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .planBuildArgv */ .Ih)(plan, files), { cancellable: true, onChunk: b => tail.push(b) }).finally(() => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4());
    await ctx.engine;
    scope.throwIfCancelled();
    if (code !== 0 && (0,_docker_image_js__WEBPACK_IMPORTED_MODULE_6__/* .isBuildxMissing */ .Tk)(tail.text()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(_docker_image_js__WEBPACK_IMPORTED_MODULE_6__/* .BUILDX_MISSING */ .QG);
    if (code !== 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ((0,_build_js__WEBPACK_IMPORTED_MODULE_13__/* .buildFailure */ .He)(code, tail.text()));
    ctx.result.metadata = node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(files.metadataFile) ? node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync(files.metadataFile, 'utf8').trim() : '';
    const id = node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync(files.iidfile, 'utf8').trim();
    const inspected = await (0,_docker_image_js__WEBPACK_IMPORTED_MODULE_6__/* .inspectImage */ .mm)(cli, id);
    if (!inspected)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`the built image ${id} is not in the local engine (was --load ignored by the builder?)`);
    return inspected;
}
/**
 * design.md §3.1: manifest annotations are never dropped in silence. The classic image store keeps no
 * manifest of a `--load`ed image (docker push then writes one without them), and the predeploy commit
 * writes a new manifest on either store: both are refused before the build, with what to do instead.
 */
async function checkAnnotationsKept(plan, ctx) {
    const commit = plan.phases.some(p => p.phase === 'predeploy' && !p.skip);
    const status = await ctx.cli.exec(['info', '--format', '{{json .DriverStatus}}']);
    await ctx.engine;
    if (status.code !== 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(`annotations: could not tell this engine's image store (docker info: ${(0,_docker_cli_js__WEBPACK_IMPORTED_MODULE_5__/* .lastLine */ .fM)(status.stderr)})`);
    const containerdStore = status.stdout.includes('io.containerd.snapshotter');
    if (containerdStore && !commit)
        return;
    const why = containerdStore
        ? 'the predeploy commit writes a new manifest, which keeps the config and labels but no manifest annotation'
        : "this engine's classic image store keeps no manifest for a loaded image, and docker push writes one without annotations";
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`annotations: ${why}, so they would be dropped. Use labels (LABEL in the Dockerfile or the labels input), ` +
        'or build and push with docker/build-push-action and give its digest as image');
}
/** The pre-built image reference, parsed; undefined for a build. */
function source(plan) {
    return plan.image.kind === 'reference' ? plan.image.parsed : undefined;
}
/** Runs one phase; returns the image later phases run in (a new one after a predeploy commit). */
async function runPhase(plan, p, info, r, ctx) {
    const { cli, scope } = ctx;
    if (p.skip || !p.invocation) {
        r.status = 'skipped';
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${p.phase}: ${p.skip ?? 'no command'}, skipped`);
        return info;
    }
    scope.throwIfCancelled();
    // Sidecars start and are ready before the task, which joins their namespace; removed after it.
    const pod = await (0,_docker_sidecars_js__WEBPACK_IMPORTED_MODULE_12__/* .startSidecars */ .HW)(cli, [...plan.sidecars], scope, { phase: p.phase, network: plan.settings.network, secrets: ctx.masks.forms }, (ctx.result.sidecars ??= []));
    // A Heroku user expects a shell: say when the words go to the image's ENTRYPOINT instead.
    const how = p.invocation.mode === 'exec' ? ` (as arguments of the image's ENTRYPOINT ${JSON.stringify(info.entrypoint)}, without a shell)` : '';
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Running ${p.phase} task: ${p.text}${how}`);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`${p.phase} output`);
    const outcome = await (0,_docker_task_js__WEBPACK_IMPORTED_MODULE_7__/* .runTask */ .ZZ)(cli, (0,_release_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .taskSpec */ .VL)(plan, p.phase, p.invocation, info.id, scope.runId), scope)
        .finally(() => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4())
        .finally(() => pod?.stop());
    Object.assign(r, { exitCode: outcome.exitCode, durationSeconds: outcome.durationSeconds });
    if (outcome.status !== 'succeeded') {
        // A cancel is neither the task's failure nor a timeout: a later job must be able to tell them apart.
        r.status = outcome.status;
        ctx.result.failure = { phase: p.phase, tail: outcome.tail };
        throw taskError(plan, p, outcome, info);
    }
    if (p.phase !== 'predeploy') {
        r.status = 'succeeded';
        return info;
    }
    // Before anything is committed: a value the task wrote into a file would be pushed with the image.
    // Such a predeploy has failed: what it made cannot be released.
    const found = await scanPredeployFiles(plan, p, outcome.container, ctx).catch((e) => {
        scope.defer((0,_docker_task_js__WEBPACK_IMPORTED_MODULE_7__/* .removeContainer */ .od)(cli, outcome.container));
        throw e;
    });
    if (found) {
        r.status = 'failed';
        scope.defer((0,_docker_task_js__WEBPACK_IMPORTED_MODULE_7__/* .removeContainer */ .od)(cli, outcome.container));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(found);
    }
    r.status = 'succeeded';
    return commit(plan, p, info, outcome, ctx);
}
/** design.md §4.6: the files the predeploy task changed, searched for secrets; the error, when one holds any. */
async function scanPredeployFiles(plan, p, container, ctx) {
    const { scanChangedFiles } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(43)]).then(__webpack_require__.bind(__webpack_require__, 3043));
    const { engineApi } = await __webpack_require__.e(/* import() */ 633).then(__webpack_require__.bind(__webpack_require__, 2633));
    const initMounted = (0,_docker_task_js__WEBPACK_IMPORTED_MODULE_7__/* .initArgs */ .Gt)({ init: plan.settings.init, invocation: p.invocation }).includes('--init');
    const scan = await scanChangedFiles(engineApi(ctx.cli), container, (0,_predeploy_scan_js__WEBPACK_IMPORTED_MODULE_15__/* .scanForms */ .xT)(ctx.masks.owners), initMounted);
    if (scan.findings.length > 0)
        return (0,_predeploy_scan_js__WEBPACK_IMPORTED_MODULE_15__/* .findingMessage */ .pG)(scan.findings);
    if (scan.files > 0)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`predeploy: ${scan.files} file${scan.files === 1 ? '' : 's'} the task wrote hold no secret`);
    return undefined;
}
function taskError(plan, p, outcome, info) {
    if (outcome.status === 'cancelled')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${p.phase} task was cancelled; its container was stopped and removed`);
    if (outcome.status === 'timed-out')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${p.phase} task timed out after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_11__/* .formatDuration */ .a)(plan.settings.timeoutSeconds)}`);
    const repeated = p.invocation ? (0,_entrypoint_js__WEBPACK_IMPORTED_MODULE_14__/* .repeatsEntrypoint */ .rt)(p.invocation, info.entrypoint) : undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${p.phase} task failed with exit code ${outcome.exitCode}: ${p.text}${repeated ? ` (${repeated})` : ''}`);
}
/**
 * The predeploy container's filesystem becomes the image every later phase and tag uses. The image
 * the action built (never a given `image`) is removed once superseded and unreferenced.
 */
async function commit(plan, p, info, outcome, ctx) {
    const { cli, scope } = ctx;
    const { commitPredeploy, removeSuperseded } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(269)]).then(__webpack_require__.bind(__webpack_require__, 5269));
    const log = (line) => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line);
    const built = plan.image.kind === 'build' ? info.id : undefined;
    try {
        const note = `release-phase predeploy: ${p.text}`;
        const id = await commitPredeploy(cli, outcome.container, info, [...plan.tags], note, { later: w => scope.defer(w), runId: scope.runId, log });
        ctx.result.imageId = id;
        // After every deferred removal (the temporary commit is its child), so it never races the
        // release's first unpack (containerd store) and never writes into a running task's output.
        if (built)
            scope.atClose(() => removeSuperseded(cli, built, log));
        // The commit carries the original config exactly: only the id (and the label) changed.
        return { ...info, id, repoDigests: [] };
    }
    finally {
        scope.defer((0,_docker_task_js__WEBPACK_IMPORTED_MODULE_7__/* .removeContainer */ .od)(cli, outcome.container));
    }
}
/**
 * Pushes the tags when asked (a promotion, for a pre-built image); otherwise names an unchanged pulled
 * image by its registry digest. (A predeploy commit makes a new image with none: nothing is claimed then.)
 */
async function publish(plan, info, unchanged, ctx) {
    const { result } = ctx;
    if (plan.settings.push) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Pushing ${plan.tags.join(', ')}`);
        result.digest = await pushOrPromote(plan, info, unchanged, ctx).finally(() => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4());
        result.image = `${(0,_docker_push_js__WEBPACK_IMPORTED_MODULE_8__/* .repositoryOf */ ._M)(plan.tags[0])}@${result.digest}`;
        const changed = (0,_prebuilt_js__WEBPACK_IMPORTED_MODULE_10__/* .promotionWarning */ .gc)(source(plan), result.digest, unchanged);
        if (changed)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(changed);
        return;
    }
    const named = (0,_prebuilt_js__WEBPACK_IMPORTED_MODULE_10__/* .unpushedImage */ .u6)([...plan.tags], info.repoDigests, unchanged ? source(plan) : undefined);
    if (named.digest)
        Object.assign(result, named);
}
/** An unchanged image whose registry manifest is an index is promoted registry-side; anything else pushed. */
async function pushOrPromote(plan, info, unchanged, ctx) {
    const cancelled = () => ctx.scope.throwIfCancelled();
    const from = unchanged ? (0,_prebuilt_js__WEBPACK_IMPORTED_MODULE_10__/* .registrySource */ .Bf)(source(plan), info.repoDigests) : undefined;
    const promoted = from && (await (0,_docker_push_js__WEBPACK_IMPORTED_MODULE_8__/* .promoteIndex */ .Tz)(ctx.cli, from.ref, from.digest, [...plan.tags], cancelled, line => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line)));
    return promoted || (0,_docker_push_js__WEBPACK_IMPORTED_MODULE_8__/* .pushTags */ .YP)(ctx.cli, [...plan.tags], info.id, cancelled);
}


/***/ }),

/***/ 2855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ pathsToRead),
/* harmony export */   Xq: () => (/* binding */ FileSearch),
/* harmony export */   pG: () => (/* binding */ findingMessage),
/* harmony export */   xT: () => (/* binding */ scanForms)
/* harmony export */ });
/**
 * design.md §4.6: before the predeploy container is committed, the files it changed are searched for
 * every masked form of every secret. The config of the commit is kept clean (§11.1), but a task can
 * write a value into a file: an Elixir release with `reboot_system_after_config` writes its evaluated
 * runtime configuration, Rails and Node tools write caches and credential files. Pure: the caller reads
 * the container's changes and files (docker/changes.ts).
 */
/**
 * Files the engine bind-mounts into every container: what is written to them is not committed. Docker's
 * init is mounted at `/sbin/docker-init` only under `--init`; without it a task could write there, and
 * that is committed, so it is skipped only then. (`/.dockerenv` is an ordinary file: always searched.)
 */
const ENGINE_MOUNTS = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf'];
const INIT_MOUNT = '/sbin/docker-init';
/**
 * The paths to read back, as few as cover every added or changed file: an added directory with nothing
 * of the engine's inside is read whole (its descendants come in its archive); otherwise each listed
 * path with nothing listed below it is read alone (a changed directory is listed only because something
 * inside it changed). The cost follows the change, not the image.
 */
function pathsToRead(changes, initMounted) {
    const mounts = new Set(initMounted ? [...ENGINE_MOUNTS, INIT_MOUNT] : ENGINE_MOUNTS);
    const live = changes.filter(c => c.Kind !== 2 && !mounts.has(c.Path));
    const hasBelow = new Set();
    for (const c of changes)
        for (let p = parentOf(c.Path); p !== undefined; p = parentOf(p))
            hasBelow.add(p);
    const holdsEngine = new Set();
    for (const e of mounts)
        for (let p = parentOf(e); p !== undefined; p = parentOf(p))
            holdsEngine.add(p);
    const whole = new Set(live.filter(c => c.Kind === 1 && !holdsEngine.has(c.Path)).map(c => c.Path));
    const insideWhole = (p) => {
        for (let q = parentOf(p); q !== undefined; q = parentOf(q))
            if (whole.has(q))
                return true;
        return false;
    };
    return live
        .filter(c => !insideWhole(c.Path) && (whole.has(c.Path) || !hasBelow.has(c.Path)))
        .map(c => c.Path)
        .sort();
}
function parentOf(p) {
    const i = p.lastIndexOf('/');
    return i <= 0 ? undefined : p.slice(0, i);
}
/**
 * Searches one file's content as it streams, in bounded memory: each chunk is searched together with the
 * last `longest - 1` bytes of the one before, so a form split across two chunks is still found.
 */
class FileSearch {
    carry = Buffer.alloc(0);
    needles;
    keep;
    found;
    constructor(forms) {
        this.needles = [...forms].map(([form, owner]) => ({ bytes: Buffer.from(form, 'utf8'), owner }));
        this.keep = Math.max(0, ...this.needles.map(n => n.bytes.length)) - 1;
    }
    push(chunk) {
        if (this.found !== undefined)
            return;
        const window = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
        for (const n of this.needles) {
            if (window.indexOf(n.bytes) >= 0) {
                this.found = n.owner;
                return;
            }
        }
        this.carry = Buffer.from(window.subarray(Math.max(0, window.length - this.keep)));
    }
}
/**
 * The forms the scan searches, from the masked ones: a file the task wrote fails the step, so a form
 * that matches by chance must not be searched. Kept: forms of 8 characters or more, except a word of
 * letters alone under 16 (`production`, a setting held in a secrets-dotenv document) and PEM armour lines
 * (`-----BEGIN RSA PRIVATE KEY-----`, in every bundle of test keys); the lines between them are kept.
 */
function scanForms(owners) {
    const out = new Map();
    for (const [form, owner] of owners) {
        if (form.length < 8)
            continue;
        if (form.length < 16 && /^[A-Za-z]+$/.test(form))
            continue;
        if (/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(form.trim()))
            continue;
        out.set(form, owner);
    }
    return out;
}
function findingMessage(findings) {
    const [first] = findings;
    const more = findings.length > 1 ? ` (and ${findings.length - 1} more file${findings.length > 2 ? 's' : ''})` : '';
    return (`predeploy wrote the value of ${first.owner} into ${first.file}${more}; committing it would put the secret in the image and every registry it is pushed to. ` +
        'Nothing was committed or pushed. Make the task keep that value in memory or write it outside the image (a volume through run-args), or delete the file before the task ends');
}


/***/ })

};
