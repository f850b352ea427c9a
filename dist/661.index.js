export const id = 661;
export const ids = [661];
export const modules = {

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

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* unused harmony export ownTempDir */
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
    const filter = `label=release-phase.run=${runId}`;
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


/***/ })

};
