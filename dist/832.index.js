export const id = 832;
export const ids = [832];
export const modules = {

/***/ 9247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ fallback),
/* harmony export */   R: () => (/* binding */ isFallback)
/* harmony export */ });
const fallback = (reason) => ({ reason });
function isFallback(r) {
    return typeof r === 'object' && r !== null && 'reason' in r;
}


/***/ }),

/***/ 2320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ cleanScanLine),
/* harmony export */   Of: () => (/* binding */ pathsToRead),
/* harmony export */   Wf: () => (/* binding */ namesHolding),
/* harmony export */   Xq: () => (/* binding */ FileSearch),
/* harmony export */   ZX: () => (/* binding */ isWholeTar),
/* harmony export */   pG: () => (/* binding */ findingMessage),
/* harmony export */   xT: () => (/* binding */ scanForms)
/* harmony export */ });
/* unused harmony exports withoutLineBreaks, scanShapes */
/* harmony import */ var _masking_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6527);
/**
 * design.md §4.6: before the predeploy container is committed, the files it changed are searched for
 * every masked form of every secret. The config of the commit is kept clean (§11.1), but a task can
 * write a value into a file: an Elixir release with `reboot_system_after_config` writes its evaluated
 * runtime configuration, Rails and Node tools write caches and credential files. Pure: the caller reads
 * the container's changes and files (scan-changes.ts).
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
 * last `longest - 1` bytes of the one before, so a form split across two chunks is still found. Line
 * breaks are left out of both the content and the forms (issue 33): base64 wrapped at 64 columns (PEM)
 * or 76 (MIME), with LF or CRLF, still holds the form, whatever the column it starts at.
 */
class FileSearch {
    carry = Buffer.alloc(0);
    needles;
    keep;
    found;
    constructor(forms) {
        this.needles = [...forms].map(([form, owner]) => ({ bytes: withoutLineBreaks(Buffer.from(form, 'utf8')), owner })).filter(n => n.bytes.length > 0);
        this.keep = Math.max(0, ...this.needles.map(n => n.bytes.length)) - 1;
    }
    push(raw) {
        if (this.found !== undefined)
            return;
        const chunk = withoutLineBreaks(raw);
        // The chunk itself, and the seam with the one before (its last bytes and this one's first): no copy
        // of the chunk, whatever its size.
        const seam = this.carry.length > 0 ? Buffer.concat([this.carry, chunk.subarray(0, this.keep)]) : undefined;
        for (const n of this.needles) {
            if (chunk.indexOf(n.bytes) >= 0 || (seam !== undefined && seam.indexOf(n.bytes) >= 0)) {
                this.found = n.owner;
                return;
            }
        }
        const kept = chunk.length >= this.keep ? chunk.subarray(chunk.length - this.keep) : Buffer.concat([this.carry, chunk]);
        this.carry = Buffer.from(kept.subarray(Math.max(0, kept.length - this.keep)));
    }
}
/** `b` without its CR and LF bytes (`b` itself when it has none: most binary chunks are copied once). */
function withoutLineBreaks(b) {
    if (b.indexOf(10) < 0 && b.indexOf(13) < 0)
        return b;
    const out = Buffer.allocUnsafe(b.length);
    let n = 0;
    for (let i = 0; i < b.length; i++) {
        const c = b[i];
        if (c !== 10 && c !== 13)
            out[n++] = c;
    }
    return out.subarray(0, n);
}
/** Whose form one of these strings (an entry's name, its link target) holds, if any. */
function namesHolding(forms, names) {
    for (const [form, owner] of forms)
        if (names.some(n => n.includes(form)))
            return owner;
    return undefined;
}
/**
 * Whether `bytes` of archive ending in `end` (its last bytes, up to 1024) is a whole tar: tar writers
 * end one with two zero blocks, so an archive cut short on the way is not read as a clean one. An
 * empty read (nothing there any more) is whole too.
 */
function isWholeTar(bytes, end) {
    if (bytes === 0)
        return true;
    return bytes % 512 === 0 && end.length === 1024 && end.every(b => b === 0);
}
/**
 * The forms the scan searches, from the masked ones: a file the task wrote fails the step, so a form
 * that matches by chance must not be searched. Kept: forms of 8 characters or more, except a word of
 * letters alone under 16 (`production`, a setting held in a secrets-dotenv document) and PEM armour lines
 * (`-----BEGIN RSA PRIVATE KEY-----`, in every bundle of test keys); the lines between them are kept.
 * Each kept form is searched also as the accidental shapes of issue 33 write it (scanShapes).
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
        for (const shape of [form, ...scanShapes(form)])
            if (!out.has(shape))
                out.set(shape, owner);
        // A base64 form of a value that does not end on a 3-byte boundary ends in a character that also
        // encodes the next byte: within longer data it differs. Its bytes up to there are searched too.
        for (const b64 of (0,_masking_js__WEBPACK_IMPORTED_MODULE_0__/* .base64Variations */ .uE)(form)) {
            const partial = b64.length % 4 !== 0 && owners.has(b64) ? b64.slice(0, -1) : undefined;
            if (partial && partial.length >= 8 && !out.has(partial))
                out.set(partial, owner);
        }
    }
    return out;
}
/**
 * A form as tools write it into files without meaning to hide it (issue 33), beyond the runner's own
 * encoders (masking.ts): URL encoding as a URL path, a form body or with lower-case hex; and JSON or
 * JavaScript `\u` escapes as Go (`<>&`), Python and JavaScript's ensure_ascii (non-ASCII), .NET's
 * System.Text.Json (upper-case hex, `<>&'+` too) and PHP (`\/`) write them. Only shapes that differ.
 */
function scanShapes(form) {
    const component = encodeURIComponent(form);
    const json = JSON.stringify(form).slice(1, -1);
    const u = (upper) => (c) => {
        const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
        return `\\u${upper ? hex.toUpperCase() : hex}`;
    };
    const shapes = [
        component,
        component.replace(/%[0-9A-F]{2}/g, h => h.toLowerCase()),
        new URLSearchParams({ v: form }).toString().slice(2),
        encodeURI(form),
        json.replace(/[<>&\u2028\u2029]/g, u(false)),
        json.replace(/[\u0080-\uffff]/g, u(false)),
        json.replace(/[<>&'+`]|[\u0080-\uffff]/g, u(true)),
        json.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, u(false))
    ];
    return [...new Set(shapes)].filter(x => x !== form && x !== json);
}
function findingMessage(findings) {
    const [first] = findings;
    const more = findings.length > 1 ? ` (and ${findings.length - 1} more file${findings.length > 2 ? 's' : ''})` : '';
    const where = first.part === 'name'
        ? `the name or link target of ${first.file}`
        : first.part === 'archive'
            ? `what it changed under ${first.file} (a file name, link target or attribute)`
            : first.file;
    return (`predeploy wrote the value of ${first.owner} into ${where}${more}; committing it would put the secret in the image and every registry it is pushed to. ` +
        'Nothing was committed or pushed. Make the task keep that value in memory or write it outside the image (a volume through run-args), or delete the file before the task ends');
}
/** The log line of a scan that found nothing: how much was read back, from how many changed paths. */
function cleanScanLine(paths, bytes) {
    const size = bytes < 1 << 20 ? `${Math.max(1, Math.round(bytes / 1024))} KiB` : `${(bytes / (1 << 20)).toFixed(1)} MiB`;
    return `predeploy: what the task wrote holds no secret (${paths} changed path${paths === 1 ? '' : 's'}, ${size} read back)`;
}


/***/ }),

/***/ 9832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/release-plan.ts
var release_plan = __webpack_require__(3912);
// EXTERNAL MODULE: ./src/docker/cli.ts + 1 modules
var docker_cli = __webpack_require__(8683);
// EXTERNAL MODULE: ./src/image/inspect.ts
var inspect = __webpack_require__(4557);
// EXTERNAL MODULE: ./src/task/argv.ts
var argv = __webpack_require__(951);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
;// CONCATENATED MODULE: ./src/task/log.ts
/**
 * Reading back the end of a task's log (`docker logs --timestamps --tail N`, stdout and stderr apart).
 * Pure: the caller runs docker.
 *
 * Why timestamps: the two streams arrive through two pipes, so their arrival order means nothing.
 * Why the partial line is moved: the engine keeps an unterminated last line in its buffer until the
 * stream closes and stamps it with that moment, so `Applying x...` printed before a crash would sort
 * after the traceback the crash printed. It was printed after the stream's previous line, and a task
 * that died mid-line almost always printed the rest (the traceback) after it: it goes right there.
 */
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z (.*)$/s;
/** A sortable key: RFC 3339 with its fraction padded (docker trims trailing zeros). */
function stampKey(stamp, fraction) {
    return `${stamp}.${(fraction ?? '').padEnd(9, '0')}`;
}
function entries(text, open) {
    const lines = text.split('\n');
    lines.pop(); // '' after the last newline, or the unterminated line (kept below)
    const partial = open ? text.slice(text.lastIndexOf('\n') + 1) : undefined;
    const out = [];
    let key = '';
    for (const line of partial === undefined ? lines : [...lines, partial]) {
        const m = STAMP.exec(line);
        if (m)
            key = stampKey(m[1], m[2]);
        out.push({ key, text: m ? m[3] : line });
    }
    if (open && out.length > 0) {
        // Re-stamped just after the stream's previous line ('' sorts before every stamp).
        out[out.length - 1].key = out.length > 1 ? `${out[out.length - 2].key}~` : '';
    }
    return out;
}
function taskLog(stdout, stderr, lines) {
    const all = [...entries(stdout, stdout !== '' && !stdout.endsWith('\n')), ...entries(stderr, stderr !== '' && !stderr.endsWith('\n'))];
    // Array.prototype.sort is stable: equal stamps keep stdout before stderr.
    all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
        tail: all
            .slice(-lines)
            .map(e => e.text)
            .join('\n')
    };
}

// EXTERNAL MODULE: ./src/relay.ts
var relay = __webpack_require__(1066);
;// CONCATENATED MODULE: ./src/task/run.ts






async function removeContainer(cli, name) {
    await cli.removeContainers([name]);
}
async function stopContainer(cli, name, grace) {
    await cli.exec(['stop', '--time', String(grace), name]);
}
/**
 * `docker start --attach` returns the container's exit code, or its own when docker itself failed
 * (daemon gone, attach lost). Ask the daemon: a task is only failed or succeeded by its real exit.
 */
async function assertExited(cli, name, phase, exitCode, tail) {
    const r = await cli.exec(['container', 'inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', name]);
    const [status, code] = r.stdout.trim().split(' ');
    const last = (0,errors/* excerpt */.Kb)(tail.split('\n').pop() ?? '', 300);
    if (r.code === 0 && status === 'created')
        throw new errors/* DockerError */.Bi(`${phase} task container could not start: ${last}`);
    if (r.code !== 0 || status !== 'exited' || Number(code) !== exitCode) {
        const why = r.code !== 0 ? (0,errors/* lastLine */.fM)(r.stderr) : `container is ${status}`;
        const engine = cli.remote ? `the connection to ${cli.engineName}` : 'the Docker engine';
        throw new errors/* DockerError */.Bi(`${phase} task: lost ${engine} while it ran (${why}); last output: ${last}`);
    }
}
/**
 * The end of the task's log, read back from the engine (the output itself went straight to the step
 * log, never through this process): the last lines for the job summary. Undefined when the engine keeps no readable log (log driver `none`, container gone).
 */
async function readLog(cli, name, lines = 30) {
    const r = await cli.exec(['logs', '--timestamps', '--tail', String(lines), name]);
    return r.code === 0 ? taskLog(r.stdout, r.stderr, lines) : undefined;
}
/**
 * Runs one task container to its end. While it runs, cancelling the scope stops it with its grace
 * period (so a migration can roll back) and removes it; `force` skips the grace but still removes.
 */
async function runTask(cli, spec, scope) {
    const name = (0,argv/* containerName */.xN)(spec.runId, spec.phase);
    const env = (0,secrets/* valuesOf */.sm)(spec.vars);
    let cancelled = false;
    // Created first, registered, then started: a signal at any moment finds the container by name,
    // and one that came just before registration is seen by the check below. `docker run` would leave
    // a window where the container exists but the handler cannot know it. On a local socket the create
    // is the action's own request (no process start); elsewhere, and with run-args, the CLI's.
    const created = await cli.createContainer((0,argv/* createArgv */.X)(spec, name), env, (0,argv/* createRequest */.WL)(spec, name, env));
    if (created.code !== 0) {
        // A connection lost after the request went out may still leave the container: removed by name.
        scope.defer(removeContainer(cli, name));
        throw (0,docker_cli/* commandFailure */._I)(`creating the ${spec.phase} container`, created);
    }
    scope.taskCreated();
    const unregister = scope.onCancel(async (force) => {
        cancelled = true;
        if (!force)
            await stopContainer(cli, name, spec.stopTimeoutSeconds);
        await removeContainer(cli, name);
        return name;
    });
    let timedOut = false;
    let succeeded = false;
    let timer;
    const started = process.hrtime.bigint();
    try {
        if (scope.isCancelled) {
            cancelled = true;
            return { container: name, status: 'cancelled', exitCode: 143, durationSeconds: 0, tail: '' };
        }
        if (spec.timeoutSeconds > 0) {
            timer = setTimeout(() => {
                timedOut = true;
                void stopContainer(cli, name, spec.stopTimeoutSeconds);
            }, spec.timeoutSeconds * 1000);
        }
        // The task's output is shown as printed and never obeyed: it cannot save state, set outputs or
        // masks, or issue annotations (design.md §5.6).
        const resume = (0,relay/* stopCommands */.FN)();
        let exitCode;
        try {
            exitCode = await cli.attach(['start', '--attach', name]);
        }
        finally {
            // Its last line may be open, and nothing here sees its bytes (nor can the engine's log say so
            // reliably: it splits lines at 16 KiB): the line is always ended, so the token starts a line
            // of its own (design.md §4.7). The price: one blank line after a task that ended its own.
            process.stdout.write('\n');
            resume();
        }
        const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
        // The summary's tail of a failed task, read back from the engine (20-30 ms, only on failure).
        const log = exitCode !== 0 ? await readLog(cli, name) : undefined;
        // A zero can only be the container's; anything else may be docker's own failure: ask the daemon.
        const tail = exitCode === 0 ? '' : (log?.tail ?? '');
        if (exitCode !== 0 && !timedOut && !cancelled)
            await assertExited(cli, name, spec.phase, exitCode, tail);
        const status = cancelled ? 'cancelled' : timedOut ? 'timed-out' : exitCode === 0 ? 'succeeded' : 'failed';
        succeeded = status === 'succeeded';
        return { container: name, status, exitCode, durationSeconds, tail };
    }
    finally {
        if (timer)
            clearTimeout(timer);
        unregister();
        // Only a predeploy that succeeded keeps its container (to be committed); every other ends here.
        if (timedOut || cancelled)
            await removeContainer(cli, name);
        else if (!spec.keep || !succeeded)
            scope.defer(removeContainer(cli, name));
    }
}

// EXTERNAL MODULE: ./src/image/ref.ts
var image_ref = __webpack_require__(2812);
;// CONCATENATED MODULE: ./src/image/push.ts




/** `docker push` prints `<tag>: digest: sha256:… size: N` as its last step. */
function digestFromPushOutput(out) {
    return /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
}
/**
 * Whether `digest`, just pushed under `tag`, is the image `imageId`: the engine records a pushed manifest
 * digest on the image it pushed (RepoDigests), and on the containerd store the image id is that digest.
 */
function pushedIsImage(tag, digest, imageId, repoDigests) {
    if (digest === imageId)
        return true;
    const repo = (0,image_ref/* familiarName */.hG)(tag);
    return repoDigests.some(rd => {
        const parsed = engineRef(rd);
        return parsed?.digest === digest && (0,image_ref/* familiarName */.hG)(parsed) === repo;
    });
}
/** A reference the engine or buildx printed, parsed; undefined when it is not one. */
function engineRef(text) {
    try {
        return (0,image_ref/* parseImageRef */.Q)(text);
    }
    catch {
        return undefined;
    }
}
/**
 * design.md §6.1: pushes each tag as exactly the image whose phases passed; returns the registry's
 * manifest digest of the first. A tag is a name any process on the engine can move (a second run of the
 * same workflow on a shared self-hosted engine builds the same tag), so each is pointed at `imageId`
 * right before its push, and what was pushed is checked after it: a mismatch fails before the next tag.
 */
async function pushTags(cli, tags, imageId, checkCancelled = () => undefined) {
    let digest = '';
    for (const ref of tags) {
        const tag = (0,image_ref/* formatRef */.rq)(ref);
        // A cancelled job pushes no further tag.
        checkCancelled();
        await cli.ok(['tag', imageId, tag], `docker tag ${tag}`);
        const r = await cli.exec(['push', tag]);
        if (r.code !== 0)
            throw new errors/* DockerError */.Bi(`docker push ${tag} failed: ${(0,errors/* lastLine */.fM)(r.stderr) || (0,errors/* lastLine */.fM)(r.stdout)}`);
        // The registry's and docker's words: shown, never obeyed (relay.ts).
        const resume = (0,relay/* stopCommands */.FN)();
        process.stdout.write(r.stdout.endsWith('\n') || r.stdout === '' ? r.stdout : `${r.stdout}\n`);
        resume();
        const d = digestFromPushOutput(r.stdout);
        if (!d)
            throw new errors/* DockerError */.Bi(`docker push ${tag} reported no digest`);
        const now = await (0,inspect/* inspectImage */.mm)(cli, imageId);
        if (!pushedIsImage(ref, d, imageId, now?.repoDigests ?? [])) {
            throw new errors/* DockerError */.Bi(`docker push ${tag} pushed ${d}, which is not the image whose phases passed (${imageId}): something else on this Docker engine ` +
                `re-tagged ${tag} between this step's tag and its push (another run of this workflow?). The registry holds that other image under ${tag} now; no further tag is pushed`);
        }
        if (!digest)
            digest = d;
    }
    return digest;
}
/** An OCI index or a Docker manifest list (what build-push-action pushes with provenance or for platforms). */
function isIndex(raw) {
    try {
        const m = JSON.parse(raw);
        return /index|manifest\.list/.test(m.mediaType ?? '') || Array.isArray(m.manifests);
    }
    catch {
        return false;
    }
}
/**
 * The digest `imagetools create` reports pushing to each tag (`pushing sha256:… to <tag>`), keyed by the
 * tag as docker prints it familiarly: buildx prints the normalized name (`docker.io/acme/app:prod`).
 */
function pushedByImagetools(output) {
    const out = new Map();
    for (const m of output.matchAll(/pushing (sha256:[0-9a-f]{64}) to (\S+)/g)) {
        const printed = engineRef(m[2]);
        out.set(printed && printed.digest === undefined ? familiarTag(printed) : m[2], m[1]);
    }
    return out;
}
/** `docker.io/library/app:1` → `app:1`. */
function familiarTag(ref) {
    return `${(0,image_ref/* familiarName */.hG)(ref)}:${(0,image_ref/* tagOf */.cO)(ref)}`;
}
/**
 * design.md §3.5: promotes an unchanged image whose registry manifest is an index (attestations and
 * annotations included) registry-side, so every tag gets that very index: `docker buildx imagetools
 * create` copies a single index as it is (a `docker push` would push a manifest rebuilt from the local
 * image, without the attestations, under another digest). Undefined when the source is not an index:
 * then `docker push` keeps its digest.
 */
async function promoteIndex(cli, source, digest, tags, checkCancelled, log) {
    const raw = await cli.exec(['buildx', 'imagetools', 'inspect', '--raw', source]);
    if (raw.code !== 0) {
        log(`could not read the registry manifest of ${source} (${(0,errors/* lastLine */.fM)(raw.stderr)}): pushing with docker push, which keeps no index or attestation`);
        return undefined;
    }
    if (!isIndex(raw.stdout))
        return undefined;
    checkCancelled();
    let output = '';
    const code = await cli.stream(['buildx', 'imagetools', 'create', ...tags.flatMap(t => ['--tag', (0,image_ref/* formatRef */.rq)(t)]), source], {
        cancellable: true,
        onChunk: b => (output += b.toString())
    });
    if (code !== 0)
        throw new errors/* DockerError */.Bi(`docker buildx imagetools create failed: ${(0,errors/* lastLine */.fM)(output)}`);
    const pushed = pushedByImagetools(output);
    for (const t of tags) {
        if (pushed.get(familiarTag(t)) !== digest) {
            throw new errors/* DockerError */.Bi(`promoting ${source}: ${(0,image_ref/* formatRef */.rq)(t)} was given ${pushed.get(familiarTag(t)) ?? 'nothing'} instead of the index itself (${digest})`);
        }
    }
    return digest;
}

// EXTERNAL MODULE: ./src/image/acquire.ts
var acquire = __webpack_require__(7037);
// EXTERNAL MODULE: ./src/image/prebuilt.ts
var prebuilt = __webpack_require__(4502);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/sidecars/argv.ts
var sidecars_argv = __webpack_require__(8896);
;// CONCATENATED MODULE: ./src/sidecars/pod.ts
/**
 * Sidecars (issue 16): started before a task, probed until ready, removed after it.
 *
 * One network namespace, owned by the first sidecar: it joins the `network` input (or the default
 * bridge); every other sidecar and the task join it with `--network container:<owner>`, so the task
 * reaches each sidecar at localhost, as a release command does behind a PaaS proxy. The owner is a
 * sidecar rather than a separate holder container because no holder image can be assumed on a
 * user's machine (no pause or busybox image is guaranteed, and the app image may have no `sleep`).
 *
 * Readiness is probed from this process through the owner's address on its network (a bridge IP from
 * `docker inspect`, or 127.0.0.1 on the host network): a port bound on 0.0.0.0 inside the namespace
 * answers there, whatever tools the images carry. A listener bound to 127.0.0.1 only is reachable by
 * the task but not by the probe (a documented limit).
 */







/** The sidecars of one task. */
class Pod {
    cli;
    scope;
    phase;
    ownerNetwork;
    secrets;
    members = [];
    stopped = false;
    /** Every sidecar was ready and the task may start. */
    ready = false;
    /** Undoes the registration with the run scope: a second signal removes a live pod at once. */
    unregister;
    constructor(cli, scope, phase, ownerNetwork, secrets) {
        this.cli = cli;
        this.scope = scope;
        this.phase = phase;
        this.ownerNetwork = ownerNetwork;
        this.secrets = secrets;
        // The first signal lets the task's grace run beside its sidecars; a second removes them now.
        this.unregister = scope.onCancel(async (force) => {
            if (!force)
                return undefined;
            await this.stop(false);
            return `sidecars of the ${phase} task`;
        });
    }
    /** The task's `--network`: the owner's namespace. */
    get taskNetwork() {
        return `container:${this.members[0].container}`;
    }
    async add(sc, runId, report) {
        const container = (0,sidecars_argv/* sidecarContainerName */.Ix)(runId, this.phase, sc.name);
        const network = this.members.length === 0 ? this.ownerNetwork : this.taskNetwork;
        // Pulled first, by a CLI process that holds none of the values: a credential helper the pull
        // starts must not see them (the create below then finds the image locally).
        const present = await this.cli.exec(['image', 'inspect', '--format', '{{.Id}}', sc.image]);
        if (present.code !== 0) {
            await this.cli.ok(['pull', sc.image], `creating sidecar ${sc.name}`).catch(e => {
                report.status = 'failed';
                throw e;
            });
        }
        const env = (0,secrets/* valuesOf */.sm)(sc.vars);
        await this.cli.ok((0,sidecars_argv/* sidecarArgv */.oQ)(sc, container, runId, this.phase, network), `creating sidecar ${sc.name}`, { env }).catch(e => {
            report.status = 'failed';
            throw e;
        });
        const m = { sc, container, report, startedAt: Date.now() };
        this.members.push(m);
        const r = await this.cli.exec(['start', container]);
        m.startedAt = Date.now();
        if (r.code !== 0) {
            report.status = 'failed';
            throw new errors/* DockerError */.Bi(`sidecar ${sc.name} could not start: ${(0,errors/* excerpt */.Kb)((0,masking/* redact */.E$)((0,errors/* lastLine */.fM)(r.stderr), this.secrets), 300)}`);
        }
    }
    /** State of every member, by container name, in one inspect: a missing one is `gone`. */
    async states() {
        const out = new Map();
        const r = await this.cli.exec([
            'container',
            'inspect',
            '--format',
            '{{.Name}} {{.State.Status}} {{.State.ExitCode}}',
            ...this.members.map(m => m.container)
        ]);
        for (const line of r.stdout.split('\n')) {
            const [name, status, code] = line.trim().split(' ');
            if (name && status)
                out.set(name.replace(/^\//, ''), { status, exitCode: Number(code) });
        }
        for (const m of this.members)
            if (!out.has(m.container))
                out.set(m.container, { status: 'gone', exitCode: -1 });
        return out;
    }
    /** The address the probe connects to: the owner's IP on its network, or loopback on the host's. */
    async probeHost() {
        const owner = this.members[0];
        let target = owner.container;
        for (let hop = 0; hop < 3; hop++) {
            const r = await this.cli.exec(['container', 'inspect', '--format', '{{.HostConfig.NetworkMode}}\t{{json .NetworkSettings.Networks}}', target]);
            if (r.code !== 0)
                throw new errors/* DockerError */.Bi(`sidecar ${owner.sc.name}: docker inspect failed: ${(0,errors/* lastLine */.fM)(r.stderr)}`);
            const [mode, json] = r.stdout.trim().split('\t');
            if (mode === 'host')
                return '127.0.0.1';
            // `network: container:<other>`: the namespace is that container's; ask it.
            if (mode.startsWith('container:')) {
                target = mode.slice('container:'.length);
                continue;
            }
            const networks = JSON.parse(json || '{}');
            const ip = (this.ownerNetwork && networks[this.ownerNetwork]?.IPAddress) || Object.values(networks).find(n => n.IPAddress)?.IPAddress;
            if (ip)
                return ip;
            break;
        }
        throw new errors/* ActionError */.lZ(`sidecars: the first sidecar (${owner.sc.name}) has no IP address the runner can probe; readiness needs a bridge or host network`);
    }
    /**
     * Waits until every sidecar's ports accept connections, each within its own timeout; fails at once
     * when one exits. Sidecars without `ready` count as ready when they are running.
     */
    async waitReady() {
        const remaining = new Map(this.members.filter(m => m.sc.ready).map(m => [m, new Set(m.sc.ready.tcp)]));
        const unreachable = new Set();
        let host = '';
        for (;;) {
            if (this.scope.isCancelled)
                throw new errors/* ActionError */.lZ(`cancelled while the sidecars of the ${this.phase} task started; they were removed and the task did not run`);
            // Exits first: a sidecar that died at once has no address to probe, and its exit code is the news.
            const states = await this.states();
            for (const m of this.members) {
                const st = states.get(m.container);
                if (st.status !== 'running') {
                    m.report.status = 'exited';
                    m.report.exitCode = st.exitCode;
                    throw await this.failure(m, `exited with code ${st.exitCode} before the ${this.phase} task started`);
                }
            }
            if (remaining.size === 0)
                return;
            host ||= await this.probeHost();
            for (const [m, ports] of remaining) {
                for (const port of [...ports]) {
                    const r = await tryConnect(host, port, 1000);
                    if (r === 'open')
                        ports.delete(port);
                    else if (r === 'unreachable')
                        unreachable.add(m);
                }
                if (ports.size === 0) {
                    m.report.readySeconds = (Date.now() - m.startedAt) / 1000;
                    m.report.status = 'ready';
                    remaining.delete(m);
                }
                else if (Date.now() - m.startedAt > m.sc.ready.timeoutSeconds * 1000) {
                    m.report.status = 'not-ready';
                    const hint = unreachable.has(m)
                        ? ` (the runner could not reach ${host} at all: connections timed out instead of being refused; in a job container, set network to the job's network)`
                        : '';
                    throw await this.failure(m, `did not accept connections on port ${[...ports].join(', ')} within ${m.sc.ready.timeoutSeconds}s${hint}; the ${this.phase} task did not start`);
                }
            }
            // Ready now: one more pass checks that none exited meanwhile.
            if (remaining.size > 0)
                await new Promise(r => setTimeout(r, 250));
        }
    }
    /** The error for a sidecar that failed before the task: its last log lines, redacted. */
    async failure(m, what) {
        const logs = await this.cli.combined(['logs', '--tail', '20', m.container]);
        const tail = logs.code === 0 ? (0,masking/* redact */.E$)(logs.output.replace(/\n$/, ''), this.secrets) : '';
        m.report.tail = tail;
        const lines = tail
            .split('\n')
            .filter(l => l.trim() !== '')
            .slice(-10)
            .map(l => (0,errors/* excerpt */.Kb)(l, 300));
        return new errors/* ActionError */.lZ(`sidecar ${m.sc.name} ${what}${lines.length > 0 ? `. Its last lines:\n${lines.join('\n')}` : ''}`);
    }
    /**
     * After the task (whatever its outcome) or after a failed start: warn about a sidecar that died
     * during the task, show each one's log in a group, then remove them all with their volumes.
     */
    async stop(showLogs = true) {
        if (this.stopped)
            return;
        this.stopped = true;
        try {
            if (showLogs)
                await this.reportAndShow();
        }
        finally {
            await removeMembers(this.cli, this.members.map(m => m.container));
            this.unregister();
        }
    }
    async reportAndShow() {
        const states = await this.states();
        for (const m of this.members) {
            const st = states.get(m.container);
            if (st && st.status !== 'running' && m.report.status !== 'exited' && m.report.status !== 'failed') {
                m.report.status = 'exited';
                m.report.exitCode = st.exitCode;
                runner/* warning */.$e(`sidecar ${m.sc.name} exited with code ${st.exitCode} ${this.ready ? 'while' : 'before'} the ${this.phase} task ran`);
            }
            if (st?.status === 'created')
                continue;
            runner/* startGroup */.Oh(`sidecar ${m.sc.name} log (${this.phase})`);
            const resume = (0,relay/* stopCommands */.FN)();
            await showLog(this.cli, m.container, this.secrets);
            resume();
            runner/* endGroup */.N4();
        }
    }
}
/** A container's whole log to our stdout, redacted line by line; its stdout and stderr each end on a newline. */
function showLog(cli, container, secrets) {
    return new Promise(resolve => {
        const child = cli.open(['logs', container]);
        const write = (t) => void process.stdout.write(t);
        const out = new relay/* RedactingLines */.no(secrets, write);
        const err = new relay/* RedactingLines */.no(secrets, write);
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.closed.then(() => {
            // The action's own lines never continue a sidecar's unterminated last line (design.md §4.7).
            out.end();
            err.end();
            resolve();
        }, () => resolve());
    });
}
async function removeMembers(cli, containers) {
    if (containers.length === 0)
        return;
    const r = await cli.removeContainers(containers);
    if (r.code !== 0 && !/No such container/i.test(r.stderr))
        runner/* warning */.$e(`could not remove sidecars ${containers.join(', ')}: ${(0,errors/* lastLine */.fM)(r.stderr)}`);
}
/** One TCP connection attempt: accepted, refused (nothing listens yet), or no answer at all. */
function tryConnect(host, port, timeoutMs) {
    return new Promise(resolve => {
        const socket = external_node_net_.connect({ host, port });
        const done = (r) => {
            socket.destroy();
            resolve(r);
        };
        socket.setTimeout(timeoutMs, () => done('unreachable'));
        socket.once('connect', () => done('open'));
        socket.once('error', (e) => done(['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT'].includes(e.code ?? '') ? 'unreachable' : 'refused'));
    });
}
/**
 * Starts the sidecars of one task and waits until they are ready. Returns undefined when there are
 * none. On any failure every sidecar already created is removed before the error propagates.
 */
async function startSidecars(cli, sidecars, scope, opts, reports) {
    if (sidecars.length === 0)
        return undefined;
    const pod = new Pod(cli, scope, opts.phase, opts.network, opts.secrets);
    try {
        runner/* info */.pq(`Starting sidecars for the ${opts.phase} task: ${sidecars.map(s => `${s.name} (${s.image})`).join(', ')}`);
        for (const sc of sidecars) {
            if (scope.isCancelled)
                throw new errors/* ActionError */.lZ(`cancelled while the sidecars of the ${opts.phase} task started; they were removed and the task did not run`);
            const report = { phase: opts.phase, name: sc.name, image: sc.image, status: 'running', readySeconds: null, exitCode: null };
            reports.push(report);
            await pod.add(sc, scope.runId, report);
        }
        await pod.waitReady();
        pod.ready = true;
        for (const m of pod.members) {
            if (!m.sc.ready)
                m.report.readySeconds = (Date.now() - m.startedAt) / 1000;
            runner/* info */.pq(`sidecar ${m.sc.name} ${m.sc.ready ? `ready on port ${m.sc.ready.tcp.join(', ')}` : 'running'} after ${m.report.readySeconds.toFixed(1)}s`);
        }
        return pod;
    }
    catch (e) {
        if (scope.isCancelled)
            pod.members.forEach(m => m.report.status === 'running' && (m.report.status = 'cancelled'));
        await pod.stop(!scope.isCancelled);
        throw e;
    }
}

// EXTERNAL MODULE: ./src/run-record.ts
var run_record = __webpack_require__(1894);
// EXTERNAL MODULE: ./src/image/build.ts
var build = __webpack_require__(6489);
// EXTERNAL MODULE: ./src/task/entrypoint.ts
var entrypoint = __webpack_require__(5955);
// EXTERNAL MODULE: ./src/commit/scan.ts
var commit_scan = __webpack_require__(2320);
// EXTERNAL MODULE: ./src/commit/fallback.ts
var fallback = __webpack_require__(9247);
;// CONCATENATED MODULE: ./src/execute.ts




















/**
 * Walks a resolved plan: acquire the image → bind the phases to it → run them in order (committing
 * predeploy) → publish. Fills `result` as it goes, so outputs are written whatever the outcome.
 */
async function execute(plan, outer) {
    const ctx = { ...outer, own: runName(outer) };
    const { result } = ctx;
    let info = await acquireImage(plan, ctx);
    const acquired = info.id;
    result.tags = plan.tags.map(image_ref/* formatRef */.rq);
    result.imageId = info.id;
    // Bound before the first container starts: exec-mode errors must not leave half a release.
    const phases = (0,release_plan/* bindPhases */.Sh)(plan, { entrypoint: info.entrypoint, env: (0,inspect/* imageEnv */.Zw)(info) });
    for (const [i, p] of phases.entries()) {
        info = await runPhase(plan, p, info, result.phases[i], ctx);
    }
    ctx.scope.throwIfCancelled();
    // Every phase passed: only now do the tags move, on the engine, then in the registry (design.md §9.3).
    await moveTags(plan, info.id, ctx);
    result.image = result.tags[0] ?? (0,prebuilt/* unpushedImage */.u6)([], [], source(plan)).image;
    await publish(plan, info, info.id === acquired, ctx);
    result.released = true;
    runner/* info */.pq(`Released ${result.image} (${result.imageId})`);
}
/**
 * A failed or cancelled run leaves every tag where it was (issue 33). The image its phases ran in is
 * named only for the run; when the run ends short of moveTags, the name goes, and with it the image,
 * unless something else (an older tag of the same content, a container) still holds it.
 */
function runName(ctx) {
    const name = (0,run_record/* runImageName */.Qx)(ctx.scope.runId);
    let state = 'none';
    const remove = () => ctx.cli.exec(['image', 'rm', name]);
    return {
        ref: (0,image_ref/* parseTagRef */.h2)(name),
        given: () => {
            if (state !== 'none')
                return;
            state = 'given';
            ctx.scope.atClose(async () => {
                if (state !== 'given')
                    return;
                const r = await remove();
                const deleted = r.code === 0 ? /^Deleted: (\S+)/m.exec(r.stdout)?.[1] : undefined;
                runner/* info */.pq(`no tag was moved${deleted ? `; removed the image whose phases did not all pass (${deleted})` : ''}`);
            });
        },
        release: async () => {
            if (state !== 'given')
                return;
            state = 'released';
            const r = await remove();
            // The tags did move; a name left behind is said, and the post step removes it.
            if (r.code !== 0)
                runner/* warning */.$e(`could not remove the run's own name ${name} from the released image: ${(0,errors/* lastLine */.fM)(r.stderr)}`);
        }
    };
}
/** Points each requested tag at the image whose phases passed, then drops the run's own name. */
async function moveTags(plan, id, ctx) {
    for (const t of plan.tags.map(image_ref/* formatRef */.rq))
        await ctx.cli.ok(['tag', id, t], `docker tag ${t}`);
    await ctx.own.release();
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
        await (await __webpack_require__.e(/* import() */ 927).then(__webpack_require__.bind(__webpack_require__, 5927))).ensureBuildx(cli, s.buildxVersion, s.buildxDownloadUrl);
    }
    if (plan.image.kind === 'reference') {
        await ctx.engine;
        return (0,acquire/* acquireReference */.gB)(cli, plan.image.ref, plan.image.parsed, () => scope.throwIfCancelled());
    }
    const files = { iidfile: external_node_path_.join(scope.tempDir, 'iid'), metadataFile: external_node_path_.join(scope.tempDir, 'metadata.json') };
    scope.throwIfCancelled();
    runner/* startGroup */.Oh(`Building ${(0,image_ref/* formatRef */.rq)(plan.tags[0])}`);
    const tail = new docker_cli/* Tail */.PW(5);
    ctx.own.given();
    const code = await cli.stream((0,release_plan/* planBuildArgv */.Ih)(plan, files, scope.runId), { cancellable: true, onChunk: b => tail.push(b) }).finally(() => runner/* endGroup */.N4());
    await ctx.engine;
    scope.throwIfCancelled();
    if (code !== 0 && (0,inspect/* isBuildxMissing */.Tk)(tail.text()))
        throw new errors/* DockerError */.Bi(inspect/* BUILDX_MISSING */.QG);
    if (code !== 0)
        throw new errors/* ActionError */.lZ((0,build/* buildFailure */.He)(code, tail.text(), cli.remote));
    ctx.result.metadata = external_node_fs_.existsSync(files.metadataFile) ? (0,build/* namedMetadata */.TA)(external_node_fs_.readFileSync(files.metadataFile, 'utf8').trim(), plan.tags) : '';
    const id = external_node_fs_.readFileSync(files.iidfile, 'utf8').trim();
    const inspected = await (0,inspect/* inspectImage */.mm)(cli, id);
    if (!inspected)
        throw new errors/* ActionError */.lZ(`the built image ${id} is not in the local engine (was --load ignored by the builder?)`);
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
        throw new errors/* DockerError */.Bi(`annotations: could not tell this engine's image store (docker info: ${(0,errors/* lastLine */.fM)(status.stderr)})`);
    const containerdStore = status.stdout.includes('io.containerd.snapshotter');
    if (containerdStore && !commit)
        return;
    const why = containerdStore
        ? 'the predeploy commit writes a new manifest, which keeps the config and labels but no manifest annotation'
        : "this engine's classic image store keeps no manifest for a loaded image, and docker push writes one without annotations";
    throw new errors/* ActionError */.lZ(`annotations: ${why}, so they would be dropped. Use labels (LABEL in the Dockerfile or the labels input), ` +
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
        runner/* info */.pq(`${p.phase}: ${p.skip ?? 'no command'}, skipped`);
        return info;
    }
    scope.throwIfCancelled();
    // Sidecars start and are ready before the task, which joins their namespace; removed after it.
    const pod = await startSidecars(cli, [...plan.sidecars], scope, { phase: p.phase, network: plan.settings.network, secrets: ctx.masks.forms }, (ctx.result.sidecars ??= []));
    // A Heroku user expects a shell: say when the words go to the image's ENTRYPOINT instead.
    const how = p.invocation.mode === 'exec' ? ` (as arguments of the image's ENTRYPOINT ${JSON.stringify(info.entrypoint)}, without a shell)` : '';
    const probe = p.phase === 'predeploy' ? openProbeBeside(info, ctx) : Promise.resolve(undefined);
    runner/* info */.pq(`Running ${p.phase} task: ${p.text}${how}`);
    runner/* startGroup */.Oh(`${p.phase} output`);
    const outcome = await runTask(cli, (0,release_plan/* taskSpec */.VL)(plan, p.phase, p.invocation, info.id, scope.runId), scope)
        .finally(() => runner/* endGroup */.N4())
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
    const tmpId = await scanBesideCommit(plan, p, outcome.container, r, ctx, probe);
    r.status = 'succeeded';
    return commit(plan, p, info, outcome, tmpId, ctx, await probe);
}
/**
 * While the predeploy task runs (issue 22: off the commit step), the commit's code loads and, on the
 * containerd store, its manifest probe opens (commit/commit.ts openProbe). The commit closes it; so
 * does the run's end, for a task that failed or a run that was cancelled.
 */
function openProbeBeside(info, ctx) {
    const loaded = Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(687)]).then(__webpack_require__.bind(__webpack_require__, 8687));
    if (!info.containerdStore)
        return loaded.then(() => undefined, () => undefined);
    // openProbe never rejects; the chunk's import might: a rejection here must not go unobserved while the task runs.
    const probe = loaded.then(m => m.openProbe(ctx.cli, ctx.scope.runId), (e) => (0,fallback/* fallback */.N)(`the probe's code did not load (${e.message})`));
    ctx.scope.atClose(async () => {
        const open = await probe;
        if (open && !(0,fallback/* isFallback */.R)(open))
            await open.close();
    });
    return probe;
}
/**
 * Before anything is named or pushed, the files the predeploy task wrote are searched for secrets: a
 * value in a file would be pushed with the image, so such a predeploy has failed. The temporary commit
 * is made meanwhile (issue 22): both read the same layer, and it names nothing but the probe's
 * reference (containerd store). Returns its id once the scan has passed and the run was not cancelled
 * meanwhile.
 */
async function scanBesideCommit(plan, p, container, r, ctx, probe) {
    const { cli, scope } = ctx;
    const { temporaryCommit } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(687)]).then(__webpack_require__.bind(__webpack_require__, 8687));
    // The scan need not wait for the probe's route check; only the commit, which is named after it.
    const made = probe
        .then(pr => temporaryCommit(cli, container, scope.runId, pr))
        .then(id => ({ id }), (error) => ({ error }));
    const found = await scanPredeployFiles(plan, p, container, ctx).catch((error) => ({ error }));
    const tmp = found === undefined ? await made : undefined;
    if (tmp && 'id' in tmp && !scope.isCancelled)
        return tmp.id;
    // Not to be committed: the temporary commit (it holds every task value) goes once it has settled,
    // then the container, in the background (the error is not held up by a slow commit).
    const discard = made.then(async (t) => ('id' in t ? cli.removeImages([t.id]) : undefined)).catch(() => undefined);
    scope.defer(discard.then(() => removeContainer(cli, container)));
    if (found === undefined) {
        // The task itself passed; what failed after it is the temporary commit, or the run was cancelled
        // (then the commit's outcome does not matter).
        r.status = 'succeeded';
        scope.throwIfCancelled();
        throw tmp.error;
    }
    if (typeof found !== 'string')
        throw found.error;
    r.status = 'failed';
    throw new errors/* ActionError */.lZ(found);
}
/** design.md §4.6: the files the predeploy task changed, searched for secrets; the error, when one holds any. */
async function scanPredeployFiles(plan, p, container, ctx) {
    const { scanChangedFiles } = await __webpack_require__.e(/* import() */ 777).then(__webpack_require__.bind(__webpack_require__, 6158));
    const { engineApi } = await __webpack_require__.e(/* import() */ 633).then(__webpack_require__.bind(__webpack_require__, 2633));
    const initMounted = (0,argv/* initArgs */.Gt)({ init: plan.settings.init, invocation: p.invocation }).includes('--init');
    const scan = await scanChangedFiles(engineApi(ctx.cli), container, (0,commit_scan/* scanForms */.xT)(ctx.masks.owners), initMounted);
    if (scan.findings.length > 0)
        return (0,commit_scan/* findingMessage */.pG)(scan.findings);
    if (scan.paths > 0)
        runner/* info */.pq((0,commit_scan/* cleanScanLine */.Fw)(scan.paths, scan.bytes));
    return undefined;
}
function taskError(plan, p, outcome, info) {
    if (outcome.status === 'cancelled')
        return new errors/* ActionError */.lZ(`${p.phase} task was cancelled; its container was stopped and removed`);
    if (outcome.status === 'timed-out')
        return new errors/* ActionError */.lZ(`${p.phase} task timed out after ${(0,duration/* formatDuration */.a)(plan.settings.timeoutSeconds)}`);
    const repeated = p.invocation ? (0,entrypoint/* repeatsEntrypoint */.rt)(p.invocation, info.entrypoint) : undefined;
    return new errors/* ActionError */.lZ(`${p.phase} task failed with exit code ${outcome.exitCode}: ${p.text}${repeated ? ` (${repeated})` : ''}`);
}
/**
 * The predeploy container's filesystem becomes the image every later phase and tag uses. The image
 * the action built (never a given `image`) is removed once superseded and unreferenced.
 */
async function commit(plan, p, info, outcome, tmpId, ctx, probe) {
    const { cli, scope } = ctx;
    const { commitPredeploy, removeSuperseded } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(687)]).then(__webpack_require__.bind(__webpack_require__, 8687));
    const log = (line) => runner/* info */.pq(line);
    const built = plan.image.kind === 'build' ? info.id : undefined;
    try {
        const note = `release-phase predeploy: ${p.text}`;
        // The commit is named for the run only: the tags move once every phase passed.
        ctx.own.given();
        const id = await commitPredeploy(cli, tmpId, info, [ctx.own.ref], note, { later: w => scope.defer(w), log, probe });
        ctx.result.imageId = id;
        // After the removals started so far (the temporary commit is its child, the predeploy container
        // uses it) and once the release container exists (containerd store: its first unpack is done),
        // beside the release task; its line is held until the run ends, never inside a task's output.
        if (built) {
            const lines = [];
            scope.afterNextCreate(() => removeSuperseded(cli, built, line => lines.push(line)));
            scope.atClose(async () => lines.forEach(log));
        }
        // The commit carries the original config exactly: only the id (and the label) changed.
        return { ...info, id, repoDigests: [] };
    }
    finally {
        scope.defer(removeContainer(cli, outcome.container));
        if (probe && !(0,fallback/* isFallback */.R)(probe))
            scope.defer(probe.close());
    }
}
/**
 * Pushes the tags when asked (a promotion, for a pre-built image); otherwise names an unchanged pulled
 * image by its registry digest. (A predeploy commit makes a new image with none: nothing is claimed then.)
 */
async function publish(plan, info, unchanged, ctx) {
    const { result } = ctx;
    if (plan.settings.push) {
        runner/* startGroup */.Oh(`Pushing ${plan.tags.map(image_ref/* formatRef */.rq).join(', ')}`);
        result.digest = await pushOrPromote(plan, info, unchanged, ctx).finally(() => runner/* endGroup */.N4());
        result.image = `${(0,image_ref/* refName */.P7)(plan.tags[0])}@${result.digest}`;
        const changed = (0,prebuilt/* promotionWarning */.gc)(source(plan), result.digest, unchanged);
        if (changed)
            runner/* warning */.$e(changed);
        return;
    }
    const named = (0,prebuilt/* unpushedImage */.u6)(plan.tags, info.repoDigests, unchanged ? source(plan) : undefined);
    if (named.digest)
        Object.assign(result, named);
}
/** An unchanged image whose registry manifest is an index is promoted registry-side; anything else pushed. */
async function pushOrPromote(plan, info, unchanged, ctx) {
    const cancelled = () => ctx.scope.throwIfCancelled();
    const from = unchanged ? (0,prebuilt/* registrySource */.Bf)(source(plan), info.repoDigests) : undefined;
    const promoted = from && (await promoteIndex(ctx.cli, from.ref, from.digest, plan.tags, cancelled, line => runner/* info */.pq(line)));
    return promoted || pushTags(ctx.cli, plan.tags, info.id, cancelled);
}


/***/ }),

/***/ 7037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gB: () => (/* binding */ acquireReference),
/* harmony export */   kk: () => (/* binding */ lookupKey),
/* harmony export */   p4: () => (/* binding */ isVerified)
/* harmony export */ });
/* unused harmony export expectedRepoDigest */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2812);
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8683);
/* harmony import */ var _inspect_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4557);





/** The name docker looks the image up by: `name@digest` for a digest reference (a tag beside it is ignored). */
function lookupKey(text, ref) {
    return ref.digest ? (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .digestRef */ .yb)({ ...ref, digest: ref.digest }) : text;
}
/** `repo@digest` as the engine records it in RepoDigests (familiar name: no docker.io/library/). */
function expectedRepoDigest(ref) {
    return ref.digest ? `${(0,_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarName */ .hG)(ref)}@${ref.digest}` : undefined;
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
    const why = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(output).replace(/^Error response from daemon: /, '') || 'no output';
    const hint = 
    // Not for access or network failures: there the digest is not what is wrong.
    ref.digest && !/unauthorized|denied|authenticat|connection|no such host|timeout|tls|certificate/i.test(why)
        ? `; the registry has no image with that digest in ${(0,_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarName */ .hG)(ref)}: pass a registry manifest digest (a release run's digest or image output), not an image id`
        : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image: docker pull ${key} failed: ${why}${hint}`);
}
/**
 * design.md §3.4: the pre-built image, as is. Looked up locally (by digest when the reference has one),
 * pulled when absent, and for a digest reference verified: its RepoDigests must hold that exact
 * repo@digest, or the run stops before any container starts.
 */
async function acquireReference(cli, text, ref, checkCancelled = () => undefined) {
    const key = lookupKey(text, ref);
    let info = await (0,_inspect_js__WEBPACK_IMPORTED_MODULE_4__/* .inspectImage */ .mm)(cli, key);
    if (info && !isVerified(info, ref))
        info = undefined;
    if (!info) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Pulling ${key}`);
        const tail = new _docker_cli_js__WEBPACK_IMPORTED_MODULE_3__/* .Tail */ .PW(5);
        const code = await cli.stream(['pull', key], { cancellable: true, onChunk: b => tail.push(b) }).finally(() => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4());
        checkCancelled();
        if (code !== 0)
            throw pullFailure(key, ref, tail.text());
        info = await (0,_inspect_js__WEBPACK_IMPORTED_MODULE_4__/* .inspectImage */ .mm)(cli, key);
        if (!info)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image ${key} is not in the local engine after pulling it`);
    }
    if (!isVerified(info, ref)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image: ${key} resolved to ${info.id}, whose registry digests (${info.repoDigests.join(', ') || 'none'}) do not include ${expectedRepoDigest(ref)}: refusing to run an image other than the one named`);
    }
    return info;
}


/***/ })

};
