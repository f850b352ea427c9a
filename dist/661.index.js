export const id = 661;
export const ids = [661];
export const modules = {

/***/ 5312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PK: () => (/* binding */ isCliEnvName),
/* harmony export */   gf: () => (/* binding */ childEnv),
/* harmony export */   m: () => (/* binding */ reservedTaskNames)
/* harmony export */ });
/**
 * The names the docker CLI, its buildx plugin and the Go runtime under them read from their own
 * environment (design.md §5.3). Task values live in the environment of the `docker create` child (design.md §5.4),
 * so a task variable with one of these names would steer the action's own CLI: `DOCKER_HOST` from a
 * pull request's app.json would send every secret, inside the create request, to a server it names.
 *
 * Sources:
 * - docker CLI, "Environment variables": https://docs.docker.com/reference/cli/docker/#environment-variables
 *   (DOCKER_API_VERSION, DOCKER_CERT_PATH, DOCKER_CONFIG, DOCKER_CONTENT_TRUST(_SERVER), DOCKER_CONTEXT,
 *   DOCKER_DEFAULT_PLATFORM, DOCKER_HIDE_LEGACY_COMMANDS, DOCKER_HOST, DOCKER_TLS, DOCKER_TLS_VERIFY,
 *   BUILDKIT_PROGRESS, DOCKER_BUILDKIT, DOCKER_CLI_HINTS, ...; and "HTTP_PROXY, HTTPS_PROXY, NO_PROXY"
 *   which the CLI honours when it connects to a tcp:// daemon). The CLI's default config directory is
 *   `$HOME/.docker`; it finds credential helpers (`docker-credential-*`) and `ssh` (ssh:// hosts) on PATH.
 * - buildx, "Build tool configuration variables": https://docs.docker.com/build/building/variables/
 *   (BUILDKIT_COLORS, BUILDKIT_HOST, BUILDKIT_PROGRESS, BUILDKIT_TTY_LOG_LINES, BUILDX_BAKE_*, BUILDX_BUILDER,
 *   BUILDX_CONFIG, BUILDX_EXPERIMENTAL, BUILDX_GIT_*, BUILDX_METADATA_*, BUILDX_NO_DEFAULT_*,
 *   EXPERIMENTAL_BUILDKIT_SOURCE_POLICY, SOURCE_DATE_EPOCH); OTEL_* configure the CLI's and buildx's
 *   OpenTelemetry exporters (an endpoint the CLI would send traces to).
 * - Go runtime and crypto/x509 on Linux: SSL_CERT_FILE, SSL_CERT_DIR (trusted CAs), GODEBUG; TMPDIR.
 * - The dynamic loader and glibc, for every dynamically linked child (the docker CLI of Docker's own
 *   packages is a PIE binary, as is any shell wrapper on PATH): LD_* (LD_PRELOAD runs a committed .so on
 *   the runner host, LD_DEBUG_OUTPUT writes wherever it names), GCONV_PATH, GLIBC_TUNABLES, and the
 *   resolver's HOSTALIASES, LOCALDOMAIN, RES_OPTIONS (where a tcp:// daemon's name resolves).
 * Whole prefixes are taken where the tools own them, so names added in later versions are covered.
 */
const PREFIXES = ['DOCKER_', 'BUILDX_', 'BUILDKIT_', 'OTEL_', 'LD_'];
const EXACT = new Set([
    'HOME',
    'PATH',
    'SSH_AUTH_SOCK',
    'SOURCE_DATE_EPOCH',
    'EXPERIMENTAL_BUILDKIT_SOURCE_POLICY',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'GODEBUG',
    'TMPDIR',
    'GCONV_PATH',
    'GLIBC_TUNABLES',
    'HOSTALIASES',
    'LOCALDOMAIN',
    'RES_OPTIONS'
]);
/** Go's net/http reads both spellings of the proxy variables. */
const CASELESS = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY']);
/** True when the docker CLI, buildx or the Go runtime under them read `name` from their environment. */
function isCliEnvName(name) {
    return EXACT.has(name) || CASELESS.has(name.toUpperCase()) || PREFIXES.some(p => name.startsWith(p));
}
/**
 * The environment of a docker child: the action's own environment (minus its inputs), the task values
 * by name, and then every CLI-controlling name forced back to the action's own value (or removed). The
 * input check (reservedTaskNames) already refuses such task names; this second layer makes it impossible
 * for a task value to reach the CLI's configuration even if that check were bypassed.
 */
function childEnv(own, task = {}) {
    const env = {};
    for (const [k, v] of Object.entries(own))
        if (!k.startsWith('INPUT_'))
            env[k] = v;
    for (const [k, v] of Object.entries(task)) {
        if (isCliEnvName(k))
            continue;
        env[k] = v;
    }
    return env;
}
/** The task variable names the CLI would read: an error before any side effect (design.md §5.3). */
function reservedTaskNames(names) {
    return [...names].filter(isCliEnvName);
}


/***/ }),

/***/ 1670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PW: () => (/* binding */ Tail),
/* harmony export */   Vo: () => (/* binding */ DockerCli),
/* harmony export */   ce: () => (/* binding */ findDocker),
/* harmony export */   fM: () => (/* binding */ lastLine)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _cli_env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5312);





/** Finds `docker` on PATH without a shell. */
function findDocker(envPath = process.env.PATH ?? '') {
    for (const dir of envPath.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (!dir)
            continue;
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'docker');
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync(candidate, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync(candidate).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
/**
 * The one place the action starts `docker`. Children get our environment minus the action's
 * inputs (INPUT_GITHUB-TOKEN must not reach a container's credential helper or a debug dump),
 * plus the task values the caller adds, never under a name the CLI reads (cli-env.ts). Children run in their own process group so that a Ctrl-C or the
 * runner's SIGINT reaches only us; we then stop the task container with its grace period.
 */
class DockerCli {
    bin;
    baseEnv;
    cancellable = new Set();
    constructor(bin) {
        const found = bin ?? findDocker();
        if (!found) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi('the docker CLI was not found on PATH; install Docker (on GitHub-hosted Ubuntu runners it is preinstalled)');
        }
        this.bin = found;
        this.baseEnv = (0,_cli_env_js__WEBPACK_IMPORTED_MODULE_4__/* .childEnv */ .gf)(process.env);
    }
    start(args, env, stdio) {
        // Task values join by name; the CLI's own configuration stays the action's (cli-env.ts).
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(this.bin, args, { env: env ? (0,_cli_env_js__WEBPACK_IMPORTED_MODULE_4__/* .childEnv */ .gf)(this.baseEnv, env) : this.baseEnv, stdio, detached: true });
    }
    /** Runs a short command and returns its output (for inspect, version, commit, ...). */
    exec(args, opts = {}) {
        return new Promise((resolve, reject) => {
            const child = this.start(args, opts.env, [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe']);
            const out = [];
            const err = [];
            child.stdout.on('data', (b) => out.push(b));
            child.stderr.on('data', (b) => err.push(b));
            if (opts.input)
                opts.input.pipe(child.stdin);
            child.on('error', reject);
            child.on('close', code => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
        });
    }
    /** The combined stdout and stderr of a short command, in arrival order (docker logs). */
    combined(args) {
        return new Promise((resolve, reject) => {
            const child = this.start(args, undefined, ['ignore', 'pipe', 'pipe']);
            const parts = [];
            child.stdout.on('data', (b) => parts.push(b));
            child.stderr.on('data', (b) => parts.push(b));
            child.on('error', reject);
            child.on('close', code => resolve({ code: code ?? 1, output: Buffer.concat(parts).toString('utf8') }));
        });
    }
    /**
     * Runs a command whose output goes straight to our own stdout and stderr descriptors: no byte of it
     * passes through this process, so memory stays flat however much a task prints, and nothing is
     * buffered or reordered. Resolves to the exit code.
     */
    attach(args) {
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(this.bin, args, { env: this.baseEnv, stdio: ['ignore', 1, 2], detached: true });
            child.on('error', reject);
            child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)));
        });
    }
    /** Like exec, but a non-zero exit is an error carrying docker's own message. */
    async ok(args, what, opts = {}) {
        const r = await this.exec(args, opts);
        if (r.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerError */ .Bi(`${what} failed: ${lastLine(r.stderr) || `docker exited with code ${r.code}`}`);
        return r.stdout;
    }
    /** Runs a long command with its output written live to our stdout, unbuffered; resolves to the exit code. */
    stream(args, opts = {}) {
        return new Promise((resolve, reject) => {
            const child = this.start(args, opts.env, ['ignore', 'pipe', 'pipe']);
            if (opts.cancellable)
                this.cancellable.add(child);
            const forward = (b) => {
                process.stdout.write(b);
                opts.onChunk?.(b);
            };
            child.stdout.on('data', forward);
            child.stderr.on('data', forward);
            child.on('error', reject);
            child.on('close', (code, signal) => {
                this.cancellable.delete(child);
                resolve(code ?? (signal ? 128 + 15 : 1));
            });
        });
    }
    /** Ends a running build or pull (SIGTERM: buildx cancels the build cleanly). */
    cancelStreams() {
        for (const child of this.cancellable)
            child.kill('SIGTERM');
    }
    /** Starts a child whose stdout the caller consumes (docker save). */
    spawnRaw(args, stdin = 'ignore') {
        return this.start(args, undefined, [stdin, 'pipe', 'pipe']);
    }
}
function lastLine(text) {
    const ls = text
        .trim()
        .split('\n')
        .filter(l => l.trim() !== '');
    return (ls[ls.length - 1] ?? '').trim();
}
/** Keeps the last `max` lines of a stream in bounded memory. */
class Tail {
    max;
    maxLine;
    lines = [];
    partial = '';
    constructor(max = 30, maxLine = 2000) {
        this.max = max;
        this.maxLine = maxLine;
    }
    push(chunk) {
        const text = this.partial + chunk.toString('utf8');
        const parts = text.split('\n');
        this.partial = parts.pop().slice(-this.maxLine);
        for (const p of parts.slice(-this.max))
            this.lines.push(p.length > this.maxLine ? p.slice(0, this.maxLine) + '…' : p);
        if (this.lines.length > this.max)
            this.lines = this.lines.slice(-this.max);
    }
    text() {
        const all = this.partial ? [...this.lines, this.partial] : this.lines;
        return all.slice(-this.max).join('\n');
    }
}


/***/ }),

/***/ 4584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ RUN_LABEL)
/* harmony export */ });
/** The label on every container and temporary image of one run: the post step removes what carries it. */
const RUN_LABEL = 'release-phase.run';


/***/ }),

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* unused harmony export ownTempDir */
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4584);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1670);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2462);
/* harmony import */ var _workspace_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7076);







/** main's run ids: 12 hex digits (randomBytes(6)). A forged state must not widen the label filter. */
const RUN_ID = /^[0-9a-f]{12}$/;
/**
 * The state could be forged (a `::save-state::` line from untrusted text, as an older version allowed): only a
 * directory that main could have made is removed: directly inside RUNNER_TEMP, named `release-phase-…`,
 * a real directory (not a link), all checked on real paths.
 */
function ownTempDir(tempDir, runnerTemp) {
    if (!tempDir || !runnerTemp || !node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(tempDir))
        return false;
    let st;
    try {
        st = node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync(tempDir);
    }
    catch {
        return false;
    }
    if (!st.isDirectory())
        return false;
    const real = (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_5__/* .realpathExisting */ .zE)(tempDir);
    return node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(real) === (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_5__/* .realpathExisting */ .zE)(runnerTemp) && /^release-phase-[A-Za-z0-9]{6}$/.test(node_path__WEBPACK_IMPORTED_MODULE_2__.basename(real));
}
async function removeLabelled(cli, runId, removed) {
    const filter = `label=${_labels_js__WEBPACK_IMPORTED_MODULE_6__/* .RUN_LABEL */ .j}=${runId}`;
    const ps = await cli.exec(['ps', '--all', '--quiet', '--filter', filter]);
    const ids = ps.code === 0 ? ps.stdout.split('\n').filter(Boolean) : [];
    if (ps.code !== 0)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`post: could not list containers: ${ps.stderr.trim()}`);
    if (ids.length > 0) {
        const rm = await cli.exec(['rm', '--force', '--volumes', ...ids]);
        if (rm.code !== 0)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`post: could not remove containers ${ids.join(', ')}: ${rm.stderr.trim()}`);
        else
            removed.push(...ids.map(id => `container ${id}`));
    }
    // Images after containers: a container of the run may use one. The temporary predeploy commit holds
    // every task value in its config; an interrupted run must not leave it (design.md §9.3).
    const ls = await cli.exec(['image', 'ls', '--all', '--quiet', '--no-trunc', '--filter', filter]);
    const images = ls.code === 0 ? [...new Set(ls.stdout.split('\n').filter(Boolean))] : [];
    if (ls.code !== 0)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`post: could not list images: ${ls.stderr.trim()}`);
    if (images.length > 0) {
        const rmi = await cli.exec(['image', 'rm', '--force', '--no-prune', ...images]);
        if (rmi.code !== 0)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`post: could not remove images ${images.join(', ')}: ${rmi.stderr.trim()}`);
        else
            removed.push(...images.map(id => `image ${id}`));
    }
}
/**
 * The post step (`post-if: always()`): removes every container and image labelled with this run's id
 * and the run's temporary directory. Safe when main never reached Docker: no run id, nothing to do.
 */
async function post() {
    const { runId, tempDir } = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .savedRun */ .xY)();
    const removed = [];
    if (runId && !RUN_ID.test(runId))
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('post: the saved run id is not one this action makes; no container or image removed');
    else if (runId && (0,_docker_cli_js__WEBPACK_IMPORTED_MODULE_3__/* .findDocker */ .ce)())
        await removeLabelled(new _docker_cli_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerCli */ .Vo(), runId, removed);
    if (tempDir && node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(tempDir)) {
        if (!ownTempDir(tempDir, process.env.RUNNER_TEMP)) {
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('post: the saved temporary directory is not one this action makes (inside RUNNER_TEMP, named release-phase-…); left alone');
        }
        else {
            node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync(tempDir, { recursive: true, force: true });
            removed.push(`temporary directory ${tempDir}`);
        }
    }
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(removed.length > 0 ? `release-phase cleanup removed: ${removed.join('; ')}` : 'release-phase cleanup: nothing left behind');
}


/***/ }),

/***/ 7076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W3: () => (/* binding */ checkDirectory),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   l$: () => (/* binding */ checkRegularFile),
/* harmony export */   yt: () => (/* binding */ insidePath),
/* harmony export */   zE: () => (/* binding */ realpathExisting)
/* harmony export */ });
/* unused harmony export MAX_FILE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * design.md §2.2: the repository is untrusted input. Every path from an input or a manifest is resolved
 * with its links followed and must stay inside the workspace; the files read (manifests, env files) and
 * the Dockerfile must be regular files under a size limit.
 */



/**
 * 1 MiB: real manifests and env files are a few KiB. The action reads them whole before any side effect,
 * and every env-file value ends up in a process environment, where the kernel takes 2 MiB at most
 * (ARG_MAX) and 128 KiB per entry: a larger file can only be a mistake or an attack (`/dev/zero`).
 */
const MAX_FILE = 1024 * 1024;
/** The real path of `p`: links followed on the part that exists, the rest appended as written. */
function realpathExisting(p) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(p);
    const rest = [];
    let cur = abs;
    for (;;) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_1__.join(node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(cur), ...rest.reverse());
        }
        catch (e) {
            const code = e.code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw e;
            const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(cur);
            if (parent === cur)
                return abs;
            rest.push(node_path__WEBPACK_IMPORTED_MODULE_1__.basename(cur));
            cur = parent;
        }
    }
}
const outside = (root, p) => {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, p);
    return rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel);
};
/**
 * A path relative to `base` that must stay inside `root` (the workspace), on the text and again once
 * every link is followed. Returns the real path, so later reads cannot be sent elsewhere by a link.
 */
function insidePath(root, base, rel, name) {
    if (rel.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: the path contains a NUL byte`);
    if (node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: "${rel}" is absolute; give a path relative to the workspace`);
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(base, rel);
    if (outside(root, abs))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: "${rel}" resolves outside the workspace`);
    const real = realpathExisting(abs);
    if (outside(realpathExisting(root), real))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: "${rel}" resolves outside the workspace through a symbolic link`);
    return real;
}
function kind(st) {
    if (st.isDirectory())
        return 'a directory';
    if (st.isFIFO())
        return 'a FIFO';
    if (st.isCharacterDevice() || st.isBlockDevice())
        return 'a device';
    if (st.isSocket())
        return 'a socket';
    if (st.isFile())
        return 'a regular file';
    return 'of another file type';
}
/**
 * Reads a regular file of at most `limit` bytes; undefined when it does not exist. Opened with
 * O_NONBLOCK so a FIFO cannot hang the step, then checked with fstat before a byte is read.
 */
function readRegularFile(file, what, limit = MAX_FILE, whyLimit = `at most ${limit} are read`) {
    let fd;
    try {
        fd = node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            return undefined;
        if (code === 'EISDIR')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} is a directory, not a regular file`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} cannot be read (${code ?? e.message})`);
    }
    try {
        const st = node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync(fd);
        if (!st.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} is ${kind(st)}, not a regular file`);
        if (st.size > limit)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} is ${st.size} bytes; ${whyLimit}`);
        const buf = Buffer.alloc(st.size);
        let n = 0;
        while (n < st.size) {
            const r = node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync(fd, buf, n, st.size - n, n);
            if (r === 0)
                break;
            n += r;
        }
        return buf.subarray(0, n).toString('utf8');
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(fd);
    }
}
/** The Dockerfile: must exist and be a regular file under the limit (buildx would hang on a FIFO). */
function checkRegularFile(file, what, limit = MAX_FILE) {
    let st;
    try {
        st = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(file);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} not found`);
    }
    if (!st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} is ${kind(st)}, not a regular file`);
    if (st.size > limit)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} is ${st.size} bytes; at most ${limit} are accepted`);
}
/** A directory that must exist (the build context, an existing working directory). */
function checkDirectory(dir, what) {
    let st;
    try {
        st = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(dir);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} does not exist`);
    }
    if (!st.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${what} is ${kind(st)}, not a directory`);
}


/***/ })

};
