export const id = 169;
export const ids = [169];
export const modules = {

/***/ 4323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ buildFailure),
/* harmony export */   S6: () => (/* binding */ buildLabels),
/* harmony export */   h4: () => (/* binding */ githubContext),
/* harmony export */   nK: () => (/* binding */ defaultTags),
/* harmony export */   v$: () => (/* binding */ buildArgv)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _build_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1913);


function githubContext(env) {
    return { repository: env.GITHUB_REPOSITORY, sha: env.GITHUB_SHA, serverUrl: env.GITHUB_SERVER_URL || 'https://github.com' };
}
/** design.md §3: `<repository, lower-cased>:<sha>` in GitHub, `<folder>:local` outside. */
function defaultTags(s, gh) {
    if (gh.repository && gh.sha)
        return [`${gh.repository.toLowerCase()}:${gh.sha}`];
    const folder = node_path__WEBPACK_IMPORTED_MODULE_0__.basename(s.workingDirectory)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[._-]+|[._-]+$/g, '');
    return [`${folder || 'app'}:local`];
}
/** OCI labels from the GitHub context; the user's `labels` win on the same key. */
function buildLabels(s, gh, now) {
    const labels = new Map();
    if (gh.repository) {
        labels.set('org.opencontainers.image.source', `${gh.serverUrl}/${gh.repository}`);
        if (gh.sha)
            labels.set('org.opencontainers.image.revision', gh.sha);
        labels.set('org.opencontainers.image.created', now.toISOString());
    }
    for (const l of s.labels) {
        const eq = l.indexOf('=');
        labels.set(eq < 0 ? l : l.slice(0, eq), eq < 0 ? '' : l.slice(eq + 1));
    }
    return [...labels].map(([k, v]) => `${k}=${v}`);
}
/** The `docker buildx build` argv (design.md §3). Build secrets are `env=` references: values never appear. */
function buildArgv(s, opts) {
    const argv = ['buildx', 'build'];
    if (s.builder)
        argv.push('--builder', s.builder);
    argv.push('--load', '--iidfile', opts.iidfile, '--metadata-file', opts.metadataFile);
    argv.push('--file', opts.dockerfile);
    if (s.target)
        argv.push('--target', s.target);
    if (s.platform)
        argv.push('--platform', s.platform);
    if (s.pull)
        argv.push('--pull');
    if (s.noCache)
        argv.push('--no-cache');
    for (const a of s.buildArgs)
        argv.push('--build-arg', a);
    for (const l of opts.labels)
        argv.push('--label', l);
    for (const t of opts.tags)
        argv.push('--tag', t);
    for (const c of s.cacheFrom)
        argv.push('--cache-from', c);
    for (const c of s.cacheTo)
        argv.push('--cache-to', c);
    for (const b of s.buildSecrets)
        argv.push('--secret', `id=${b.name},env=${b.source}`);
    argv.push(...(0,_build_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .buildExtrasArgv */ .SN)(s));
    argv.push(s.context);
    return argv;
}
// buildx 0.13: "Cache export is not supported for the docker driver."; older: "cache export feature is currently not supported for docker driver".
const CACHE_EXPORT_REFUSED = /cache export (feature )?is (currently )?not supported for (the )?docker driver/i;
/** The error for a failed build, from its last output lines: buildx's own words are not always a fix. */
function buildFailure(code, tail) {
    if (CACHE_EXPORT_REFUSED.test(tail)) {
        return ('cache-to: the builder uses the docker driver, which cannot export build cache on this engine. ' +
            'Add a docker/setup-buildx-action step before this one (it creates and selects a docker-container builder), ' +
            'or use cache-to: type=inline, or remove cache-to');
    }
    if (tail.includes('unsupported frontend capability moby.buildkit.frontend.contexts')) {
        return ("build-contexts: this engine's builtin BuildKit has no named contexts (Docker Engine 23 or later has them). " +
            'Add a docker/setup-buildx-action step before this one to build with a docker-container builder');
    }
    return `docker buildx build failed with exit code ${code}`;
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

/***/ 3905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QG: () => (/* binding */ BUILDX_MISSING),
/* harmony export */   Tk: () => (/* binding */ isBuildxMissing),
/* harmony export */   Xx: () => (/* binding */ checkEngine),
/* harmony export */   Zw: () => (/* binding */ imageEnv),
/* harmony export */   mm: () => (/* binding */ inspectImage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1670);


const BUILDX_MISSING = 'docker buildx is not installed; set the buildx-version input (e.g. 0.13.1) to install it, or use docker/setup-buildx-action before this step';
/** What the CLI prints when the buildx plugin is absent (checked on a failed build, not before every run). */
function isBuildxMissing(output) {
    return /'buildx' is not a docker command|unknown command:? "?(docker )?buildx/i.test(output);
}
/** The daemon answers (design.md §9). buildx is checked by the build itself: a pre-check costs every run a CLI start. */
async function checkEngine(cli) {
    const info = await cli.exec(['version', '--format', '{{.Server.Version}}']);
    if (info.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`cannot reach the Docker daemon (${(0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(info.stderr) || 'no answer'}); start it, or set DOCKER_HOST to a reachable engine`);
    }
}
async function inspectImage(cli, ref) {
    const r = await cli.exec(['image', 'inspect', '--format', '{{json .}}', ref]);
    if (r.code !== 0) {
        if (/no such image/i.test(r.stderr))
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`docker image inspect ${ref} failed: ${(0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(r.stderr)}`);
    }
    const raw = JSON.parse(r.stdout);
    const config = raw.Config ?? {};
    return {
        id: raw.Id,
        repoDigests: raw.RepoDigests ?? [],
        entrypoint: config.Entrypoint ?? null,
        cmd: config.Cmd ?? null,
        env: config.Env ?? [],
        config
    };
}
/** Image ENV as a map, for exec-mode `$NAME` expansion. */
function imageEnv(info) {
    const m = new Map();
    for (const kv of info.env) {
        const eq = kv.indexOf('=');
        if (eq > 0)
            m.set(kv.slice(0, eq), kv.slice(eq + 1));
    }
    return m;
}


/***/ }),

/***/ 8038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YP: () => (/* binding */ pushTags),
/* harmony export */   _M: () => (/* binding */ repositoryOf)
/* harmony export */ });
/* unused harmony export digestFromPushOutput */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1670);


/** `docker push` prints `<tag>: digest: sha256:… size: N` as its last step. */
function digestFromPushOutput(out) {
    return /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
}
/** `registry/repo:tag` → `registry/repo` (a port's colon is not a tag). */
function repositoryOf(ref) {
    const noDigest = ref.split('@')[0];
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
/** design.md §6: pushes each tag; returns the registry's manifest digest of the first. */
async function pushTags(cli, tags) {
    let digest = '';
    for (const tag of tags) {
        const r = await cli.exec(['push', tag]);
        if (r.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`docker push ${tag} failed: ${(0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(r.stderr) || (0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(r.stdout)}`);
        process.stdout.write(r.stdout);
        const d = digestFromPushOutput(r.stdout);
        if (!d)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`docker push ${tag} reported no digest`);
        if (!digest)
            digest = d;
    }
    return digest;
}


/***/ }),

/***/ 1918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ sidecarPlan),
/* harmony export */   HW: () => (/* binding */ startSidecars),
/* harmony export */   Ix: () => (/* binding */ sidecarContainerName)
/* harmony export */ });
/* unused harmony exports sidecarArgv, Pod, RedactingLines, tryConnect */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8578);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1670);
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





function sidecarContainerName(runId, phase, name) {
    return `release-phase-${runId}-${phase}-sidecar-${name}`;
}
/** `docker create` argv: values travel as `-e NAME` only, in the docker child's environment (design.md §5.4). */
function sidecarArgv(sc, container, runId, phase, network) {
    const argv = ['create', '--name', container, '--label', `release-phase.run=${runId}`, '--label', `release-phase.phase=${phase}`];
    argv.push('--label', `release-phase.sidecar=${sc.name}`);
    if (network)
        argv.push('--network', network);
    argv.push(...sc.options);
    for (const name of sc.vars.keys())
        argv.push('-e', name);
    argv.push(sc.image, ...(sc.command ?? []));
    return argv;
}
/** Dry run (design.md §10): each sidecar's argv as a task of `phase` would start it, names only. */
function sidecarPlan(sidecars, phase, network) {
    const owner = sidecars[0] && sidecarContainerName('<run-id>', phase, sidecars[0].name);
    return sidecars.map((sc, i) => ({
        name: sc.name,
        image: sc.image,
        ready: sc.ready ? `tcp ${sc.ready.tcp.join(', ')} within ${sc.ready.timeoutSeconds}s` : 'running',
        argv: ['docker', ...sidecarArgv(sc, sidecarContainerName('<run-id>', phase, sc.name), '<run-id>', phase, i === 0 ? network : `container:${owner}`)]
    }));
}
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
        const container = sidecarContainerName(runId, this.phase, sc.name);
        const network = this.members.length === 0 ? this.ownerNetwork : this.taskNetwork;
        const env = {};
        for (const [k, v] of sc.vars)
            env[k] = v.value;
        await this.cli.ok(sidecarArgv(sc, container, runId, this.phase, network), `creating sidecar ${sc.name}`, { env }).catch(e => {
            report.status = 'failed';
            throw e;
        });
        const m = { sc, container, report, startedAt: Date.now() };
        this.members.push(m);
        const r = await this.cli.exec(['start', container]);
        m.startedAt = Date.now();
        if (r.code !== 0) {
            report.status = 'failed';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`sidecar ${sc.name} could not start: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)((0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .fM)(r.stderr), this.secrets), 300)}`);
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`sidecar ${owner.sc.name}: docker inspect failed: ${(0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .fM)(r.stderr)}`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`sidecars: the first sidecar (${owner.sc.name}) has no IP address the runner can probe; readiness needs a bridge or host network`);
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`cancelled while the sidecars of the ${this.phase} task started; they were removed and the task did not run`);
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
        const tail = logs.code === 0 ? (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(logs.output.replace(/\n$/, ''), this.secrets) : '';
        m.report.tail = tail;
        const lines = tail
            .split('\n')
            .filter(l => l.trim() !== '')
            .slice(-10)
            .map(l => (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(l, 300));
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`sidecar ${m.sc.name} ${what}${lines.length > 0 ? `. Its last lines:\n${lines.join('\n')}` : ''}`);
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
                _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`sidecar ${m.sc.name} exited with code ${st.exitCode} ${this.ready ? 'while' : 'before'} the ${this.phase} task ran`);
            }
            if (st?.status === 'created')
                continue;
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .startGroup */ .Oh(`sidecar ${m.sc.name} log (${this.phase})`);
            await showLog(this.cli, m.container, this.secrets);
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .endGroup */ .N4();
        }
    }
}
/**
 * Writes a log line by line with every known secret form replaced by `***`, so no value depends on the
 * runner's masking alone; memory holds one line (a longer one is cut and written redacted as is).
 */
class RedactingLines {
    secrets;
    write;
    maxLine;
    partial = '';
    constructor(secrets, write, maxLine = 1 << 20) {
        this.secrets = secrets;
        this.write = write;
        this.maxLine = maxLine;
    }
    push(chunk) {
        const parts = (this.partial + chunk.toString('utf8')).split('\n');
        this.partial = parts.pop();
        for (const line of parts)
            this.write((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(line, this.secrets) + '\n');
        if (this.partial.length > this.maxLine) {
            this.write((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(this.partial, this.secrets) + '\n');
            this.partial = '';
        }
    }
    /** The last line, terminated: the next line the action writes starts fresh. */
    end() {
        if (this.partial !== '')
            this.write((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(this.partial, this.secrets) + '\n');
        this.partial = '';
    }
}
/** A container's whole log to our stdout, redacted line by line; its stdout and stderr each end on a newline. */
function showLog(cli, container, secrets) {
    return new Promise(resolve => {
        const child = cli.spawnRaw(['logs', container]);
        const write = (t) => void process.stdout.write(t);
        const out = new RedactingLines(secrets, write);
        const err = new RedactingLines(secrets, write);
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', () => resolve());
        child.on('close', () => {
            // The action's own lines never continue a sidecar's unterminated last line (design.md §4.7).
            out.end();
            err.end();
            resolve();
        });
    });
}
async function removeMembers(cli, containers) {
    if (containers.length === 0)
        return;
    const r = await cli.exec(['rm', '--force', '--volumes', ...containers]);
    if (r.code !== 0 && !/No such container/i.test(r.stderr))
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`could not remove sidecars ${containers.join(', ')}: ${(0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .fM)(r.stderr)}`);
}
/** One TCP connection attempt: accepted, refused (nothing listens yet), or no answer at all. */
function tryConnect(host, port, timeoutMs) {
    return new Promise(resolve => {
        const socket = node_net__WEBPACK_IMPORTED_MODULE_0__.connect({ host, port });
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
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Starting sidecars for the ${opts.phase} task: ${sidecars.map(s => `${s.name} (${s.image})`).join(', ')}`);
        for (const sc of sidecars) {
            if (scope.isCancelled)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`cancelled while the sidecars of the ${opts.phase} task started; they were removed and the task did not run`);
            const report = { phase: opts.phase, name: sc.name, image: sc.image, status: 'running', readySeconds: null, exitCode: null };
            reports.push(report);
            await pod.add(sc, scope.runId, report);
        }
        await pod.waitReady();
        pod.ready = true;
        for (const m of pod.members) {
            if (!m.sc.ready)
                m.report.readySeconds = (Date.now() - m.startedAt) / 1000;
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`sidecar ${m.sc.name} ${m.sc.ready ? `ready on port ${m.sc.ready.tcp.join(', ')}` : 'running'} after ${m.report.readySeconds.toFixed(1)}s`);
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


/***/ }),

/***/ 3435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xN: () => (/* binding */ containerName),
  X: () => (/* binding */ createArgv),
  od: () => (/* binding */ removeContainer),
  ZZ: () => (/* binding */ runTask)
});

// UNUSED EXPORTS: initArgs

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/docker/cli.ts
var docker_cli = __webpack_require__(1670);
;// CONCATENATED MODULE: ./src/docker/task-log.ts
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
    const stdoutOpen = stdout !== '' && !stdout.endsWith('\n');
    const all = [...entries(stdout, stdoutOpen), ...entries(stderr, stderr !== '' && !stderr.endsWith('\n'))];
    // Array.prototype.sort is stable: equal stamps keep stdout before stderr.
    all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
        tail: all
            .slice(-lines)
            .map(e => e.text)
            .join('\n'),
        stdoutOpen
    };
}

;// CONCATENATED MODULE: ./src/docker/task.ts



function containerName(runId, phase) {
    return `release-phase-${runId}-${phase}`;
}
/**
 * design.md §4.2 (`docker run` split into create + start, see runTask). Variables go as `-e NAME` only:
 * their values are in the docker child's environment.
 */
function createArgv(spec, name) {
    const argv = ['create', '--name', name, '--label', `release-phase.run=${spec.runId}`, '--label', `release-phase.phase=${spec.phase}`];
    if (spec.network)
        argv.push('--network', spec.network);
    argv.push(...initArgs(spec));
    argv.push(...spec.runArgs);
    argv.push('-e', `RELEASE_PHASE=${spec.phase}`);
    for (const name of spec.vars.keys())
        argv.push('-e', name);
    if (spec.invocation.entrypoint !== undefined)
        argv.push('--entrypoint', spec.invocation.entrypoint);
    argv.push(spec.image, ...spec.invocation.args);
    return argv;
}
/**
 * design.md §4.2: a shell or a runtime as PID 1 ignores SIGTERM, so a stopped task would only end at
 * SIGKILL. docker's init (tini) is PID 1 instead; TINI_KILL_PROCESS_GROUP makes it (and an image's own
 * tini) signal the task's whole process group, so the migration under `sh -c` gets SIGTERM itself:
 * plain tini signals only the shell, which dies at once and takes the migration down with it, unwarned.
 * Before the task's variables, so a task that sets the variable itself wins.
 */
function initArgs(spec) {
    if (!spec.init)
        return [];
    const group = ['-e', 'TINI_KILL_PROCESS_GROUP=1'];
    return spec.invocation.wrapped ? group : ['--init', ...group];
}
async function removeContainer(cli, name) {
    await cli.exec(['rm', '--force', '--volumes', name]);
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
        const why = r.code !== 0 ? (0,docker_cli/* lastLine */.fM)(r.stderr) : `container is ${status}`;
        throw new errors/* DockerError */.Bi(`${phase} task: lost the Docker engine while it ran (${why}); last output: ${last}`);
    }
}
/**
 * The end of the task's log, read back from the engine (the output itself went straight to the step
 * log, never through this process): the last lines for the job summary, and whether stdout ended
 * mid-line. Undefined when the engine keeps no readable log (log driver `none`, container gone).
 */
async function readLog(cli, name, lines = 30) {
    const r = await cli.exec(['logs', '--timestamps', '--tail', String(lines), name]);
    return r.code === 0 ? taskLog(r.stdout, r.stderr, lines) : undefined;
}
/**
 * design.md §4.7: the action's next line (`::endgroup::`) must not continue the task's unterminated
 * last line, or the runner never sees the command. A newline only when stdout ended open (or when
 * that cannot be known), so the common case has no blank line.
 */
function freshLine(log) {
    if (!log || log.stdoutOpen)
        process.stdout.write('\n');
}
/**
 * Runs one task container to its end. While it runs, cancelling the scope stops it with its grace
 * period (so a migration can roll back) and removes it; `force` skips the grace but still removes.
 */
async function runTask(cli, spec, scope) {
    const name = containerName(spec.runId, spec.phase);
    const env = {};
    for (const [k, v] of spec.vars)
        env[k] = v.value;
    let cancelled = false;
    // Created first, registered, then started: a signal at any moment finds the container by name,
    // and one that came just before registration is seen by the check below. `docker run` would leave
    // a window where the container exists but the handler cannot know it.
    await cli.ok(createArgv(spec, name), `creating the ${spec.phase} container`, { env });
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
        const exitCode = await cli.attach(['start', '--attach', name]);
        const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
        const log = await readLog(cli, name);
        freshLine(log);
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


/***/ }),

/***/ 169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/workspace-files.ts
var workspace_files = __webpack_require__(7076);
;// CONCATENATED MODULE: ./src/manifests/procfile.ts

const ENTRY = /^([A-Za-z0-9_-]+)[ \t]*:(.*)$/;
const MAX_NAME = 63;
/** Parses a Procfile (design.md §2.4). Pure: `file` is only used to annotate errors. */
function parseProcfile(text, file) {
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const entries = [];
    const seen = new Map();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const lineNo = i + 1;
        const raw = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
        const fail = (msg) => {
            throw new errors/* ManifestError */.Sh(msg, file, lineNo);
        };
        if (raw.includes('\0'))
            fail('Procfile line contains a NUL byte');
        const line = raw.trimStart();
        if (line === '' || line.startsWith('#') || line.startsWith('//'))
            continue;
        const m = ENTRY.exec(line);
        if (!m)
            fail(`Procfile line is neither a comment nor a "name: command" entry: ${(0,errors/* excerpt */.Kb)(line)}`);
        const [, name, rest] = m;
        if (name.length > MAX_NAME)
            fail(`Procfile process name "${(0,errors/* excerpt */.Kb)(name, 20)}" is ${name.length} characters; at most ${MAX_NAME} are allowed`);
        const command = rest.trim();
        if (command === '')
            fail(`Procfile process "${name}" has an empty command`);
        const first = seen.get(name);
        if (first !== undefined)
            fail(`Procfile process "${name}" is defined twice (first on line ${first})`);
        seen.set(name, lineNo);
        entries.push({ name, command, line: lineNo });
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/manifests/load.ts




/**
 * A manifest, or undefined when it does not exist ("no tasks from it"). A regular file under the size
 * limit only (workspace-files.ts): a link to /dev/zero or a FIFO must fail, not hang.
 */
function readOptional(file, what) {
    return (0,workspace_files/* readRegularFile */.XF)(file, what);
}
/** A parser's stack overflow on pathological nesting becomes an annotated error, not a crash. */
function parseGuarded(parse, file) {
    try {
        return parse();
    }
    catch (e) {
        if (e instanceof RangeError)
            throw new errors/* ManifestError */.Sh(`${file} is nested too deeply to be read`, file, 1);
        throw e;
    }
}
/** Flow collections nested deeper than this are refused before parsing (no real heroku.yml comes close). */
const MAX_YAML_DEPTH = 256;
/**
 * The line of the first `[`/`{` nested deeper than `limit` in YAML text (quoted scalars and comments
 * skipped), or undefined. The yaml parser survives a 200000-deep document, but only after ~6 s and
 * ~300 MB, ending in a stack overflow it reports as a syntax error; this answers at once.
 */
function deepYamlLine(text, limit = MAX_YAML_DEPTH) {
    let depth = 0;
    let line = 1;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n')
            line++;
        else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
            while (i + 1 < text.length && text[i + 1] !== '\n')
                i++;
        }
        else if (c === '"' || c === "'") {
            for (i++; i < text.length && text[i] !== c; i++) {
                if (text[i] === '\n')
                    line++;
                if (c === '"' && text[i] === '\\')
                    i++;
            }
        }
        else if (c === '[' || c === '{') {
            if (++depth > limit)
                return line;
        }
        else if ((c === ']' || c === '}') && depth > 0)
            depth--;
    }
    return undefined;
}
/** The app.json and heroku.yml parsers (and jsonc-parser, yaml) load only when those files exist. */
async function loadManifests(s) {
    const rel = (f) => external_node_path_.relative(s.workspace, f) || f;
    const m = { found: [] };
    const procfile = readOptional(s.procfile, `procfile: ${rel(s.procfile)}`);
    if (procfile !== undefined) {
        m.procfile = parseProcfile(procfile, rel(s.procfile));
        m.found.push(rel(s.procfile));
    }
    const appJson = readOptional(s.appJson, `app-json: ${rel(s.appJson)}`);
    if (appJson !== undefined) {
        const { parseAppJson } = await Promise.all(/* import() */[__webpack_require__.e(547), __webpack_require__.e(888)]).then(__webpack_require__.bind(__webpack_require__, 3888));
        m.appJson = parseGuarded(() => parseAppJson(appJson, rel(s.appJson)), rel(s.appJson));
        m.found.push(rel(s.appJson));
    }
    const herokuYml = readOptional(s.herokuYml, `heroku-yml: ${rel(s.herokuYml)}`);
    if (herokuYml !== undefined) {
        const deep = deepYamlLine(herokuYml);
        if (deep !== undefined)
            throw new errors/* ManifestError */.Sh(`heroku.yml nests collections deeper than ${MAX_YAML_DEPTH} levels`, rel(s.herokuYml), deep);
        const { parseHerokuYml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(655)]).then(__webpack_require__.bind(__webpack_require__, 655));
        m.herokuYml = parseGuarded(() => parseHerokuYml(herokuYml, rel(s.herokuYml)), rel(s.herokuYml));
        m.found.push(rel(s.herokuYml));
    }
    return m;
}

// EXTERNAL MODULE: ./src/manifests/presence.ts
var presence = __webpack_require__(141);
// EXTERNAL MODULE: ./src/manifests/release-command.ts
var release_command = __webpack_require__(4903);
// EXTERNAL MODULE: ./src/secrets.ts + 1 modules
var src_secrets = __webpack_require__(8578);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
;// CONCATENATED MODULE: ./src/sidecars-summary.ts


const STATUS = {
    ready: 'ready',
    running: 'running (no readiness probe)',
    exited: 'exited',
    'not-ready': 'never ready',
    cancelled: 'cancelled',
    failed: 'could not start'
};
/** The job summary's sidecar section (issue 16): which sidecars each task had, and when each was ready. */
function sidecarSummary(reports, secrets) {
    if (reports.length === 0)
        return [];
    const lines = ['### Sidecars', '', '| task | sidecar | image | status | ready after |', '| --- | --- | --- | --- | --- |'];
    for (const r of reports) {
        const status = r.exitCode !== null && r.status === 'exited' ? `exited with code ${r.exitCode}` : STATUS[r.status];
        const ready = r.readySeconds === null ? '' : `${r.readySeconds.toFixed(1)}s`;
        lines.push(`| ${r.phase} | ${(0,untrusted/* mdText */.bC)(r.name)} | ${(0,untrusted/* mdText */.bC)((0,src_secrets/* redact */.E$)(r.image, secrets))} | ${status} | ${ready} |`);
    }
    lines.push('');
    for (const r of reports.filter(x => x.tail)) {
        lines.push(`#### Last lines of sidecar ${(0,untrusted/* mdText */.bC)(r.name)} (${r.phase})`, '', (0,untrusted/* fenced */.OF)((0,src_secrets/* redact */.E$)(r.tail, secrets)), '');
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/outputs.ts




function emptyResult() {
    return {
        image: '',
        imageId: '',
        digest: '',
        tags: [],
        metadata: '',
        releaseCommand: '',
        releaseSource: 'none',
        phases: [],
        processes: {},
        postdeployCommand: '',
        firstDeployCommand: '',
        released: false
    };
}
const round = (n) => Math.round(n * 1000) / 1000;
/** The action's outputs (design.md §6), as name → value. */
function outputValues(r) {
    const release = r.phases.find(p => p.phase === 'release');
    const ran = release && release.exitCode !== null;
    const out = {
        image: r.image,
        'image-id': r.imageId,
        // build-push-action's name for the same value: a workflow switching over keeps its expressions.
        imageid: r.imageId,
        digest: r.digest,
        tags: r.tags.join('\n'),
        metadata: r.metadata,
        'release-command': r.releaseCommand,
        'release-source': r.releaseSource,
        'release-exit-code': ran ? String(release.exitCode) : '',
        'release-duration': ran && release.durationSeconds !== null ? String(round(release.durationSeconds)) : '',
        phases: JSON.stringify(r.phases.map(p => ({ ...p, durationSeconds: p.durationSeconds === null ? null : round(p.durationSeconds) }))),
        processes: JSON.stringify(r.processes),
        'postdeploy-command': r.postdeployCommand,
        'first-deploy-command': r.firstDeployCommand,
        released: String(r.released)
    };
    if (r.firstDeploy !== undefined)
        out['first-deploy'] = String(r.firstDeploy);
    if (r.plan !== undefined)
        out.plan = r.plan;
    return out;
}
function writeOutputs(r) {
    for (const [k, v] of Object.entries(outputValues(r)))
        runner/* setOutput */.uH(k, v);
}
/** The job summary (design.md §6): phases table, image and digest, a failed task's redacted output tail. Untrusted text is escaped (untrusted.ts). */
function summaryMarkdown(r, secrets, env = process.env) {
    const lines = ['## release-phase', ''];
    if (r.phases.length > 0) {
        lines.push('| phase | command | status | exit code | duration |', '| --- | --- | --- | --- | --- |');
        for (const p of r.phases) {
            const dur = p.durationSeconds === null ? '' : `${p.durationSeconds.toFixed(1)}s`;
            const cmd = p.command ? `<code>${(0,untrusted/* mdText */.bC)((0,src_secrets/* redact */.E$)(p.command, secrets))}</code>` : '';
            lines.push(`| ${p.phase} | ${cmd} | ${p.status} | ${p.exitCode ?? ''} | ${dur} |`);
        }
        lines.push('');
    }
    for (const note of r.notes ?? [])
        lines.push(`**Note:** ${(0,untrusted/* mdText */.bC)(note)}`, '');
    if (r.image)
        lines.push(`**Image:** <code>${(0,untrusted/* mdText */.bC)(r.image)}</code>`);
    if (r.imageId)
        lines.push(`**Image id:** <code>${(0,untrusted/* mdText */.bC)(r.imageId)}</code>`);
    lines.push(`**Digest:** ${r.digest ? `<code>${(0,untrusted/* mdText */.bC)(r.digest)}</code>` : '(not pushed)'}`);
    lines.push(`**Released:** ${r.released ? 'yes' : 'no'}`, '');
    if (r.error)
        lines.push(`**Error:** ${(0,untrusted/* mdText */.bC)((0,src_secrets/* redact */.E$)(r.error, secrets))}`, '');
    lines.push(...sidecarSummary(r.sidecars ?? [], secrets));
    if (r.failure) {
        lines.push(`### Last lines of the ${r.failure.phase} task`, '', (0,untrusted/* fenced */.OF)((0,src_secrets/* redact */.E$)(r.failure.tail, secrets)), '');
    }
    if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY) {
        lines.push(`[Full log](${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID})`, '');
    }
    return lines.join('\n');
}
function writeSummary(r, secrets) {
    runner/* appendSummary */.fe(summaryMarkdown(r, secrets));
}

// EXTERNAL MODULE: ./src/release-plan.ts + 1 modules
var release_plan = __webpack_require__(6707);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/run-scope.ts





/**
 * Everything one run owns, passed explicitly instead of living in module variables: its id (the
 * label on every container and image it makes, which the post step removes), its temporary
 * directory, the work to stop when the job is cancelled, and the removals started in the background
 * that must be finished before the step ends.
 */
class RunScope {
    runId;
    tempDir;
    cancelled = false;
    hooks = new Set();
    pending = [];
    last = [];
    constructor(runId, tempDir) {
        this.runId = runId;
        this.tempDir = tempDir;
    }
    /** A new run with a fresh id and a private temporary directory under RUNNER_TEMP. */
    static create(env = process.env) {
        const tempDir = external_node_fs_.mkdtempSync(external_node_path_.join(env.RUNNER_TEMP || external_node_os_.tmpdir(), 'release-phase-'));
        return new RunScope((0,external_node_crypto_.randomBytes)(6).toString('hex'), tempDir);
    }
    get isCancelled() {
        return this.cancelled;
    }
    /** No build, task or push may start once the run was cancelled. */
    throwIfCancelled() {
        if (this.cancelled)
            throw new errors/* ActionError */.lZ('cancelled by a signal before the next step started; nothing further was run or pushed');
    }
    /** Registers work to stop on cancellation; the returned function unregisters it. */
    onCancel(hook) {
        this.hooks.add(hook);
        return () => this.hooks.delete(hook);
    }
    /** Stops every registered piece of work (in parallel) and returns what was stopped. */
    async cancel(force) {
        this.cancelled = true;
        const stopped = await Promise.all([...this.hooks].map(async (hook) => hook(force)));
        return stopped.filter((s) => !!s);
    }
    /** Work started in the background (a finished container's removal), awaited by close(). */
    defer(work) {
        this.pending.push(work.catch(() => undefined));
    }
    /** Work that must wait until every deferred removal is done (it runs in close()). */
    atClose(work) {
        this.last.push(work);
    }
    /** Waits for every deferred removal, runs the atClose work, then deletes the temporary directory. */
    async close() {
        while (this.pending.length > 0)
            await Promise.all(this.pending.splice(0));
        for (const work of this.last.splice(0))
            await work().catch(() => undefined);
        external_node_fs_.rmSync(this.tempDir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
// EXTERNAL MODULE: ./src/build-inputs.ts
var build_inputs = __webpack_require__(1913);
// EXTERNAL MODULE: ./src/build.ts
var build = __webpack_require__(4323);
// EXTERNAL MODULE: ./src/docker/cli.ts
var docker_cli = __webpack_require__(1670);
// EXTERNAL MODULE: ./src/docker/image.ts
var docker_image = __webpack_require__(3905);
;// CONCATENATED MODULE: ./src/main.ts



















/**
 * The main step: resolve the plan (every input error is raised here, before any Docker side
 * effect), then either print it (dry run) or execute it. Outputs and the summary are written
 * whatever the outcome.
 */
async function run() {
    const result = emptyResult();
    let masked = [];
    let scope;
    let removeSignalHandlers = () => undefined;
    try {
        const s = (0,inputs/* readSettings */.sb)((0,inputs/* envInput */.Ck)());
        const manifests = await loadManifests(s);
        runner/* info */.pq(`Manifests found: ${manifests.found.length > 0 ? manifests.found.join(', ') : 'none'}`);
        (0,presence/* requireManifests */.UM)(s, manifests);
        const release = (0,release_command/* chooseReleaseCommand */.A2)(manifests.procfile, manifests.herokuYml, s.releaseCommand);
        if (release.warning)
            runner/* warning */.$e(release.warning);
        const vars = taskVariables(s, manifests);
        // Each sidecar's values (task variables by name, step env secrets), masked with the task's.
        const { sidecars, sidecarSecrets } = await sidecarsOf(s, vars);
        // build-secrets values (read from the step env) are masked like every other secret.
        const buildSecrets = s.image ? [] : (0,src_secrets/* buildSecretValues */.XF)(s.buildSecrets, process.env);
        masked = (0,src_secrets/* maskValues */.Z$)(vars, [...(s.githubToken ? [s.githubToken] : []), ...buildSecrets, ...sidecarSecrets], v => runner/* setSecret */.Pq(v));
        const plan = (0,release_plan/* resolvePlan */.yY)({
            settings: s,
            manifests,
            release,
            vars,
            sidecars,
            github: (0,build/* githubContext */.h4)(process.env),
            now: new Date(),
            firstDeploy: await decideFirstDeploy(s)
        });
        describePlan(result, plan, manifests);
        // Manifests but no command in any requested phase: said in a warning and the summary, never silent.
        const idle = (0,presence/* nothingToRun */.WK)(plan.phases, manifests.found);
        if (idle) {
            runner/* warning */.$e(idle);
            result.notes = [idle];
        }
        // Commands: no NUL byte, small enough for one argv string (else E2BIG after the build).
        plan.phases.forEach(p => (0,untrusted/* checkCommand */.em)(`${p.phase} command`, p.command));
        if (plan.image.kind === 'build')
            masked.push(...checkBuildFiles(plan.settings, plan.image.dockerfile));
        if (s.dryRun) {
            await (await __webpack_require__.e(/* import() */ 394).then(__webpack_require__.bind(__webpack_require__, 4394))).dryRun(plan, result);
            return;
        }
        // Everything above is validation; Docker side effects start here.
        scope = RunScope.create();
        (0,state/* saveRun */.BQ)(scope.runId, scope.tempDir);
        const cli = new docker_cli/* DockerCli */.Vo();
        removeSignalHandlers = installSignalHandlers(cli, scope);
        // The daemon check runs beside the first command instead of before it; its verdict is awaited
        // before that command's result is used, so an unreachable engine still gets its own error.
        const engine = (0,docker_image/* checkEngine */.Xx)(cli);
        engine.catch(() => undefined);
        const { execute } = await __webpack_require__.e(/* import() */ 208).then(__webpack_require__.bind(__webpack_require__, 5208));
        await execute(plan, { cli, scope, engine, result, masked });
    }
    catch (e) {
        result.error = reportError(e);
    }
    finally {
        writeOutputs(result);
        try {
            writeSummary(result, masked);
        }
        catch (e) {
            runner/* warning */.$e(`could not write the job summary: ${e.message}`);
        }
        // Removals run beside the next step; none may be left when the step ends.
        await scope?.close();
        removeSignalHandlers();
    }
}
/**
 * The build's files before the build starts: the context is a directory and the Dockerfile a regular
 * file (both inside the workspace: inputs.ts), secret-files are checked and their contents masked.
 */
function checkBuildFiles(s, dockerfile) {
    (0,workspace_files/* checkDirectory */.W3)(s.context, `context ${external_node_path_.relative(s.workspace, s.context) || '.'}`);
    if (!external_node_fs_.existsSync(dockerfile))
        throw new errors/* ActionError */.lZ(`Dockerfile not found: ${external_node_path_.relative(s.workspace, dockerfile)}`);
    (0,workspace_files/* checkRegularFile */.l$)(dockerfile, `Dockerfile ${external_node_path_.relative(s.workspace, dockerfile)}`);
    return (0,src_secrets/* maskValues */.Z$)(new Map(), (0,build_inputs/* checkBuildFiles */.oh)(s, s.workspace), v => runner/* setSecret */.Pq(v));
}
/** The task variables from every source (design.md §5), with the env files read from the workspace. */
function taskVariables(s, manifests) {
    // Regular files under the size limit, never followed out of the workspace (workspace-files.ts).
    const envFiles = s.envFiles.map(file => {
        const text = (0,workspace_files/* readRegularFile */.XF)(file, `env-files: ${external_node_path_.relative(s.workspace, file)}`);
        if (text === undefined)
            throw new errors/* ActionError */.lZ(`env-files: ${external_node_path_.relative(s.workspace, file)} does not exist`);
        return { file: external_node_path_.relative(s.workspace, file), text };
    });
    const { vars, warnings } = (0,src_secrets/* resolveTaskEnv */.f$)({
        secrets: s.secrets,
        env: s.env,
        envFiles,
        secretsDotenv: s.secretsDotenv,
        appEnv: manifests.appJson?.env ?? [],
        processEnv: process.env
    });
    warnings.forEach(w => runner/* warning */.$e(w));
    return vars;
}
/** The `sidecars` input, parsed and given its values (design.md §4.8); its parser loads only when used. */
async function sidecarsOf(s, vars) {
    if (!s.sidecars)
        return { sidecars: [], sidecarSecrets: [] };
    const { parseSidecars, resolveSidecars, sidecarSecretValues } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(843)]).then(__webpack_require__.bind(__webpack_require__, 6843));
    const sidecars = resolveSidecars(parseSidecars(s.sidecars, { network: s.network, runArgs: s.runArgs }), vars, process.env);
    return { sidecars, sidecarSecrets: sidecarSecretValues(sidecars) };
}
/** `first-deploy` when that phase is requested: the input, or the deployments API (not in a dry run). */
async function decideFirstDeploy(s) {
    if (!s.phases.includes('first-deploy'))
        return undefined;
    let first;
    if (s.firstDeploy !== 'auto')
        first = s.firstDeploy === 'true';
    else if (!s.dryRun)
        first = await (await __webpack_require__.e(/* import() */ 573).then(__webpack_require__.bind(__webpack_require__, 7573))).isFirstDeploy(s.githubToken, s.environment);
    if (first !== undefined)
        runner/* info */.pq(`First deploy: ${first}`);
    return first;
}
/** The outputs known from the plan alone, so they are set even when the run fails early. */
function describePlan(result, plan, manifests) {
    result.releaseCommand = (0,release_command/* commandText */.jt)(plan.release.command);
    result.releaseSource = plan.release.source;
    result.processes = Object.fromEntries((manifests.procfile ?? []).filter(e => e.name !== 'release').map(e => [e.name, e.command]));
    result.postdeployCommand = manifests.appJson?.postdeploy ?? '';
    result.firstDeployCommand = manifests.appJson?.firstDeploy ?? '';
    result.firstDeploy = plan.firstDeploy;
    result.phases = plan.phases.map(p => ({ phase: p.phase, command: p.text, status: 'not-run', exitCode: null, durationSeconds: null }));
}
function reportError(e) {
    const message = e instanceof Error ? e.message : String(e);
    if (process.env.RUNNER_DEBUG === '1' && e instanceof Error && e.stack)
        runner/* debug */.Yz(e.stack);
    if (e instanceof errors/* ManifestError */.Sh) {
        runner/* error */.z3(message, { file: e.file, startLine: e.line, startColumn: e.column });
    }
    else if (e instanceof errors/* ActionError */.lZ) {
        runner/* error */.z3(message);
    }
    else {
        runner/* error */.z3(`unexpected failure: ${message}`);
    }
    process.exitCode = 1;
    return message;
}
/**
 * SIGINT/SIGTERM (a cancelled job): stop the running task container with its grace so a migration can
 * roll back, remove it, end a running build, and let run() fail with its outputs written. No later
 * step starts (RunScope.throwIfCancelled). A second signal skips the grace but still removes, then exits.
 */
function installSignalHandlers(cli, scope) {
    let signals = 0;
    const stopStreams = scope.onCancel(() => void cli.cancelStreams());
    const handler = (signal) => {
        signals++;
        const force = signals > 1;
        // A task may be mid-line, and the runner reads a command only at a line's start (design.md §4.7).
        process.stdout.write('\n');
        runner/* warning */.$e(`received ${signal}: ${force ? 'removing the task container now' : 'stopping the running task container'}`);
        void scope.cancel(force).then(names => {
            if (names.length > 0)
                runner/* info */.pq(`removed ${names.join(', ')}`);
            if (force)
                process.exit(1);
        });
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
        stopStreams();
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
}


/***/ }),

/***/ 141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UM: () => (/* binding */ requireManifests),
/* harmony export */   WK: () => (/* binding */ nothingToRun),
/* harmony export */   mU: () => (/* binding */ hasCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/**
 * design.md §2.8, issue 10 item 5: no manifest and no `release-command` is an error, before any side effect.
 * A job that forgot actions/checkout, or a wrong working-directory, would otherwise build, run nothing
 * and report released=true.
 */
function requireManifests(s, m) {
    if (m.found.length > 0 || s.releaseCommand.trim() !== '')
        return;
    const dir = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(s.workspace, s.workingDirectory) || '.';
    const names = [s.procfile, s.appJson, s.herokuYml].map(f => node_path__WEBPACK_IMPORTED_MODULE_0__.relative(s.workingDirectory, f));
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`no manifest found: none of ${names.join(', ')} is in "${dir}" (working-directory, relative to the workspace) and release-command is empty, so there is nothing to run. ` +
        'Check out the repository before this step (actions/checkout), or set working-directory to the folder of the app');
}
/** A command that runs something: a blank one is no command (design.md §4.1, as in Dokku). */
function hasCommand(c) {
    return Array.isArray(c) ? c.length > 0 : (c ?? '').trim() !== '';
}
/**
 * Manifests exist but no requested phase has a command: not an error (a build-and-push job may be
 * exactly that), but said in a warning and in the summary so it is never taken for a release.
 */
function nothingToRun(phases, found) {
    if (phases.some(p => hasCommand(p.command)))
        return undefined;
    const requested = phases.map(p => p.phase).join(', ') || 'none';
    return `none of the requested phases (${requested}) has a command in ${found.join(', ') || 'the inputs'}: no task runs`;
}


/***/ }),

/***/ 4903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ chooseReleaseCommand),
/* harmony export */   jt: () => (/* binding */ commandText),
/* harmony export */   u9: () => (/* binding */ orNone)
/* harmony export */ });
/** design.md §2.7: Procfile > heroku.yml > input, as in Jets where the Procfile wins over configuration. */
function chooseReleaseCommand(procfile, heroku, input) {
    const candidates = [];
    const fromProcfile = procfile?.find(e => e.name === 'release');
    if (fromProcfile)
        candidates.push({ source: 'Procfile', command: fromProcfile.command });
    if (heroku?.releaseCommand !== undefined)
        candidates.push({ source: 'heroku.yml', command: heroku.releaseCommand });
    if (input.trim() !== '')
        candidates.push({ source: 'input', command: input.trim() });
    if (candidates.length === 0)
        return { source: 'none' };
    const [used, ...ignored] = candidates;
    return {
        ...used,
        warning: ignored.length > 0
            ? `release command defined in ${candidates.map(c => c.source).join(' and ')}; using the ${used.source} one (${ignored.map(c => c.source).join(', ')} ignored)`
            : undefined
    };
}
/**
 * design.md §4.1: an empty or blank command (`"predeploy": ""`, heroku.yml `command: ""` or `[]`) is no
 * command, as Dokku's "No predeploy task found": the manifest parsers drop it here, so every later
 * step (phase table, release precedence, plan, outputs) sees the phase as undefined and skipped.
 */
function orNone(command) {
    if (command === undefined)
        return undefined;
    if (Array.isArray(command))
        return command.length === 0 ? undefined : command;
    return command.trim() === '' ? undefined : command;
}
/** A release command as one line for logs and outputs; exec form joined with spaces. */
function commandText(command) {
    if (command === undefined)
        return '';
    return Array.isArray(command) ? JSON.stringify(command) : command;
}


/***/ }),

/***/ 9416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SU: () => (/* binding */ checkPrebuilt),
/* harmony export */   gc: () => (/* binding */ promotionWarning),
/* harmony export */   p5: () => (/* binding */ prebuiltTags),
/* harmony export */   u6: () => (/* binding */ unpushedImage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7206);
/* harmony import */ var _docker_push_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8038);



/**
 * The tags a pre-built `image` gets (design.md §3.4): the `tags` input when given (a promotion), else
 * the image's own name:tag. A digest reference names a manifest, not a place to tag: no tag then.
 */
function prebuiltTags(text, ref, tags) {
    if (tags.length > 0)
        return tags;
    return ref.digest ? [] : [text];
}
/**
 * Combinations that cannot do what they say, refused before any Docker side effect: a digest cannot
 * be pushed to, and a predeploy commit of a digest image would make an image nothing names.
 */
function checkPrebuilt(text, ref, tags, push, predeployRuns) {
    if (!ref.digest || tags.length > 0)
        return;
    const quoted = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(text, 300);
    if (predeployRuns) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`image: ${quoted} is a digest reference and predeploy would commit a new image under no name; give tags for the committed image (with push: true to get its digest), or leave predeploy out of phases`);
    }
    if (push) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`push: image ${quoted} is a digest reference: it is already in its registry and a digest cannot be pushed to; give tags to promote it under (e.g. registry/app:production), or drop push`);
    }
}
/** `repo` as RepoDigests spells it (familiar form); a default tag that does not parse falls back to the text. */
function familiarRepository(tag) {
    try {
        return (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .familiarName */ .hG)((0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTagRef */ .h2)(tag));
    }
    catch {
        return (0,_docker_push_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryOf */ ._M)(tag);
    }
}
/**
 * `image` and `digest` outputs when nothing was pushed (design.md §6): the reference the deploy job can pull.
 * An image the engine knows by a registry digest in the first tag's repository is named by it; with no
 * tag at all (a digest reference, unchanged) the reference itself; else the first tag.
 */
function unpushedImage(tags, repoDigests, source) {
    if (tags.length === 0) {
        return source?.digest ? { image: (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .digestRef */ .yb)({ ...source, digest: source.digest }), digest: source.digest } : { image: '', digest: '' };
    }
    const repo = familiarRepository(tags[0]);
    const known = repoDigests.find(d => d.startsWith(`${repo}@`));
    return known ? { image: known, digest: known.slice(repo.length + 1) } : { image: tags[0], digest: '' };
}
/**
 * A promoted, unchanged image should keep its manifest digest; docker rebuilds the manifest on push,
 * so say so when the registry now holds another one (same image id, other manifest).
 */
function promotionWarning(source, pushed, unchanged) {
    if (!source?.digest || !unchanged || pushed === source.digest)
        return undefined;
    return `the promoted image was pushed as ${pushed}, not as ${source.digest} (the digest it was given by): the same image under a rebuilt manifest`;
}


/***/ }),

/***/ 6707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sh: () => (/* binding */ bindPhases),
  On: () => (/* binding */ dryRunView),
  Ih: () => (/* binding */ planBuildArgv),
  yY: () => (/* binding */ resolvePlan),
  VL: () => (/* binding */ taskSpec)
});

// UNUSED EXPORTS: chooseDockerfile, phaseCommands

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/manifests/release-command.ts
var release_command = __webpack_require__(4903);
// EXTERNAL MODULE: ./src/build.ts
var build = __webpack_require__(4323);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/words.ts
var src_words = __webpack_require__(5846);
;// CONCATENATED MODULE: ./src/entrypoint.ts


/** Init wrappers that pass their arguments on (Dokku's list, plus common variants). */
const INIT_WRAPPERS = [
    ['/tini', '--'],
    ['/bin/tini', '--'],
    ['/usr/bin/tini', '--'],
    ['/usr/local/bin/tini', '--'],
    ['tini', '--'],
    ['/sbin/tini', '--'],
    ['dumb-init', '--'],
    ['/usr/bin/dumb-init', '--']
];
function isInitWrapper(entrypoint) {
    return !!entrypoint && INIT_WRAPPERS.some(w => w.length === entrypoint.length && w.every((x, i) => x === entrypoint[i]));
}
/**
 * design.md §4.4: shell-mode commands run under `set -e` and, where the shell has it, `pipefail`, as
 * Dokku does. Dokku writes `set -o pipefail || true`, but `set` is a special builtin: in dash (Debian's
 * /bin/sh, so most slim images) its error exits the shell before `|| true` is reached. Probing in a
 * subshell first is the portable form. The traps make a stopped task end after its current command
 * (exit 128+signal) instead of running the next one; with --init every process of the task gets the
 * signal (see task.ts), so that current command (the migration) is what receives it and rolls back.
 */
const SHELL_PREAMBLE = "(set -o pipefail) 2>/dev/null && set -o pipefail; set -e; trap 'exit 143' TERM; trap 'exit 130' INT; ";
/**
 * design.md §4.3. A string command runs through `<shell> -c` unless the image has a real ENTRYPOINT
 * (Phoenix's `bin/my_app`), which then receives the command's words, as Dokku does. Everything that
 * can go wrong is raised here, before any container starts, so the image's CMD never runs by accident.
 */
function planInvocation(command, mode, imageEntrypoint, shell, lookup, what) {
    // An init wrapper ENTRYPOINT is kept in every mode but one: a shell replacing a real ENTRYPOINT.
    const wrapped = isInitWrapper(imageEntrypoint);
    if (Array.isArray(command))
        return { mode: 'exec-form', wrapped, args: [...command] };
    const hasEntrypoint = !!imageEntrypoint && imageEntrypoint.length > 0;
    const useShell = mode === 'shell' || (mode === 'auto' && (!hasEntrypoint || wrapped));
    if (useShell) {
        const script = SHELL_PREAMBLE + command;
        // The shell replaces a real ENTRYPOINT; an init wrapper stays in front of it.
        if (hasEntrypoint && !wrapped)
            return { mode: 'shell', wrapped, entrypoint: shell, args: ['-c', script] };
        return { mode: 'shell', wrapped, args: [shell, '-c', script] };
    }
    const words = (0,src_words/* splitWords */.y)(command, { lookup, what });
    if (words.length === 0)
        throw new errors/* ActionError */.lZ(`${what}: the command has no words after removing comments`);
    return { mode: 'exec', wrapped, args: words };
}

// EXTERNAL MODULE: ./src/docker/task.ts + 1 modules
var task = __webpack_require__(3435);
// EXTERNAL MODULE: ./src/docker/sidecars.ts
var sidecars = __webpack_require__(1918);
// EXTERNAL MODULE: ./src/prebuilt.ts
var prebuilt = __webpack_require__(9416);
// EXTERNAL MODULE: ./src/manifests/presence.ts
var presence = __webpack_require__(141);
;// CONCATENATED MODULE: ./src/release-plan.ts









/** The command of each phase (design.md §4): app.json scripts, and the release command as chosen. */
function phaseCommands(m, release) {
    const app = (command) => ({ command, source: command === undefined ? 'none' : 'app.json' });
    return {
        predeploy: app(m.appJson?.predeploy),
        release: { command: release.command, source: release.source },
        postdeploy: app(m.appJson?.postdeploy),
        'first-deploy': app(m.appJson?.firstDeploy)
    };
}
/** `file` input, else heroku.yml's Dockerfile for release.image (else web), else <context>/Dockerfile. */
function chooseDockerfile(s, m) {
    if (s.file)
        return s.file;
    const heroku = m.herokuYml;
    const proc = heroku?.releaseImage ?? 'web';
    const fromHeroku = heroku?.dockerfiles[proc];
    if (fromHeroku)
        return (0,inputs/* insidePath */.yt)(s.workspace, s.workingDirectory, fromHeroku, `heroku.yml build.docker.${proc}`);
    return external_node_path_.join(s.context, 'Dockerfile');
}
/** The one place that decides which phases run, and why the others do not. */
function resolvePlan(p) {
    const s = p.settings;
    const commands = phaseCommands(p.manifests, p.release);
    const phases = s.phases.map((phase) => {
        const { command, source } = commands[phase];
        const skip = command === undefined ? 'no command' : phase === 'first-deploy' && p.firstDeploy === false ? 'not the first deploy' : undefined;
        return { phase, command, text: (0,release_command/* commandText */.jt)(command), source, skip };
    });
    // A digest `image` cannot be pushed to, nor committed under no name: refused here, before any side effect.
    if (s.imageRef)
        (0,prebuilt/* checkPrebuilt */.SU)(s.image, s.imageRef, s.tags, s.push, phases.some(ph => ph.phase === 'predeploy' && (0,presence/* hasCommand */.mU)(ph.command)));
    const image = s.imageRef
        ? { kind: 'reference', ref: s.image, parsed: s.imageRef }
        : { kind: 'build', dockerfile: chooseDockerfile(s, p.manifests), labels: (0,build/* buildLabels */.S6)(s, p.github, p.now) };
    const tags = s.imageRef ? (0,prebuilt/* prebuiltTags */.p5)(s.image, s.imageRef, s.tags) : s.tags.length > 0 ? s.tags : (0,build/* defaultTags */.nK)(s, p.github);
    return { settings: s, image, tags, phases, vars: p.vars, release: p.release, sidecars: p.sidecars, firstDeploy: p.firstDeploy };
}
/** The `docker buildx build` argv of a plan that builds; files are where buildx writes the id and metadata. */
function planBuildArgv(plan, files) {
    if (plan.image.kind !== 'build')
        return null;
    return (0,build/* buildArgv */.v$)(plan.settings, { tags: [...plan.tags], labels: [...plan.image.labels], dockerfile: plan.image.dockerfile, ...files });
}
/** The variables a phase's exec-mode command may expand: mapped ones, RELEASE_PHASE, the image's ENV. */
function lookupFor(phase, vars, image) {
    return name => {
        if (name === 'RELEASE_PHASE')
            return { value: phase, secret: false };
        const v = vars.get(name);
        if (v)
            return v;
        if (image.env.has(name))
            return { value: image.env.get(name), secret: false };
        // Not built yet: the image's ENV may still define it; the real run decides.
        if (image.entrypoint === undefined)
            return { value: `\${${name}}`, secret: false };
        return undefined;
    };
}
/**
 * design.md §4.2: every running phase's invocation for this image, bound before the first container
 * starts, so a bad exec-mode command stops the run before anything ran. With the image unknown
 * (a dry run before a build) and `entrypoint: auto`, a shell-form command stays undecided.
 */
function bindPhases(plan, image) {
    const s = plan.settings;
    return plan.phases.map(p => {
        if (p.skip || p.command === undefined)
            return p;
        if (image.entrypoint === undefined && s.entrypoint === 'auto' && !Array.isArray(p.command))
            return p;
        const invocation = planInvocation(p.command, s.entrypoint, image.entrypoint ?? null, s.shell, lookupFor(p.phase, plan.vars, image), `${p.phase} command`);
        return { ...p, invocation };
    });
}
/** The one way a phase's container is described, for the real run and the dry-run plan alike. */
function taskSpec(plan, phase, invocation, image, runId) {
    const s = plan.settings;
    return {
        phase,
        image,
        invocation,
        runId,
        // With sidecars the task joins the first one's namespace, where every sidecar is at localhost.
        network: plan.sidecars.length > 0 ? `container:${(0,sidecars/* sidecarContainerName */.Ix)(runId, phase, plan.sidecars[0].name)}` : s.network,
        runArgs: s.runArgs,
        init: s.init,
        vars: plan.vars,
        timeoutSeconds: s.timeoutSeconds,
        stopTimeoutSeconds: s.stopTimeoutSeconds,
        // Predeploy keeps its container until it is committed.
        keep: phase === 'predeploy'
    };
}
/**
 * design.md §10: the plan a dry run prints and sets as the `plan` output. The docker argv carry only
 * variable names (`-e NAME`), the same argv the real run would start; run id, image id and temporary
 * files are placeholders.
 */
function dryRunView(plan, phases, imageRef) {
    const s = plan.settings;
    const argv = planBuildArgv(plan, { iidfile: '<temp>/iid', metadataFile: '<temp>/metadata.json' });
    return {
        image: imageRef,
        tags: [...plan.tags],
        build: argv ? { argv: ['docker', ...argv] } : null,
        phases: phases.map(p => {
            const mode = p.invocation?.mode ?? (p.skip ? 'none' : 'auto: decided by the built image ENTRYPOINT');
            const spec = p.invocation && taskSpec(plan, p.phase, p.invocation, imageRef || '<built image id>', '<run-id>');
            return {
                phase: p.phase,
                command: p.text,
                source: p.source,
                willRun: !p.skip,
                entrypointMode: mode,
                argv: spec ? ['docker', ...(0,task/* createArgv */.X)(spec, (0,task/* containerName */.xN)('<run-id>', p.phase))] : null
            };
        }),
        variables: {
            secret: [...plan.vars].filter(([, v]) => v.secret).map(([k]) => k),
            plain: [...plan.vars].filter(([, v]) => !v.secret).map(([k]) => k)
        },
        push: s.push ? { tags: [...plan.tags] } : null,
        firstDeploy: !s.phases.includes('first-deploy')
            ? 'not requested'
            : plan.firstDeploy === undefined
                ? 'auto: asked of the deployments API at run time'
                : String(plan.firstDeploy),
        // Listed as the first task that runs would start them.
        ...(plan.sidecars.length > 0 ? { sidecars: (0,sidecars/* sidecarPlan */.HK)([...plan.sidecars], phases.find(p => !p.skip)?.phase ?? 'release', s.network) } : {})
    };
}


/***/ })

};
