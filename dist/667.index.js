export const id = 667;
export const ids = [667];
export const modules = {

/***/ 4207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PK: () => (/* binding */ isCliEnvName),
/* harmony export */   gf: () => (/* binding */ childEnv),
/* harmony export */   m: () => (/* binding */ reservedTaskNames)
/* harmony export */ });
/**
 * The names the docker CLI, its buildx plugin and the Go runtime under them read from their own
 * environment (design.md §5.3). Task values live in the environment of the `docker create` child
 * (design.md §5.4) wherever the CLI creates the task container (ADR 0013), so a task variable with one
 * of these names would steer the action's own CLI: `DOCKER_HOST` from a pull request's app.json would
 * send every secret, inside the create request, to a server it names.
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

/***/ 2187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ sha256hex),
/* harmony export */   w: () => (/* binding */ sha256digest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** The hex SHA-256 of bytes or text: image ids, blob digests, context names, downloads. */
const sha256hex = (b) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex');
/** `sha256:<hex>`, as a digest is written in manifests and image ids. */
const sha256digest = (b) => `sha256:${sha256hex(b)}`;


/***/ }),

/***/ 8683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Vo: () => (/* binding */ DockerCli),
  PW: () => (/* binding */ Tail),
  _I: () => (/* binding */ commandFailure),
  ce: () => (/* binding */ findDocker)
});

// UNUSED EXPORTS: cliShapesCreate

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/cli-env.ts
var cli_env = __webpack_require__(4207);
// EXTERNAL MODULE: ./src/relay.ts
var relay = __webpack_require__(1066);
// EXTERNAL MODULE: ./src/docker/socket.ts
var docker_socket = __webpack_require__(4707);
// EXTERNAL MODULE: ./src/engine/address.ts
var address = __webpack_require__(6970);
// EXTERNAL MODULE: ./src/docker/go-json.ts
var go_json = __webpack_require__(3791);
;// CONCATENATED MODULE: ./src/docker/buildx-plugin.ts




/** Where the docker CLI looks for plugins on Linux after its configuration's own (docker/cli, cli-plugins/manager). */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins'
];
/** What the CLI sets when it starts a plugin: the plugin then reads its arguments as `buildx <command> ...`. */
const PLUGIN_REEXEC_VAR = 'DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND';
/** The CLI's socket to its plugin (a closed one tells the plugin to stop); the CLI always sets its own. */
const PLUGIN_SOCKET_VAR = 'DOCKER_CLI_PLUGIN_SOCKET';
/** A key Go's decoder would take for `cliPluginsExtraDirs` (go-json.ts). */
const foldsToExtraDirs = (key) => (0,go_json/* goFold */.K_)(key) === 'clipluginsextradirs';
/**
 * The directories the CLI searches for a plugin, in its order: config.json's `cliPluginsExtraDirs`,
 * `<config dir>/cli-plugins`, the system's. Undefined wherever this reading could differ from the CLI's
 * (the key in another spelling, or holding anything but a list of strings): the CLI then decides.
 */
function pluginDirs(config, configDir) {
    const keys = Object.keys(config).filter(foldsToExtraDirs);
    if (keys.some(k => k !== 'cliPluginsExtraDirs'))
        return undefined;
    const extra = config.cliPluginsExtraDirs;
    if (extra !== undefined && extra !== null && !(Array.isArray(extra) && extra.every(d => typeof d === 'string')))
        return undefined;
    return [...(extra ?? []), external_node_path_.join(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS];
}
/**
 * The buildx plugin `docker buildx` would run, for the action to start itself as the CLI starts it
 * (ADR 0014): `docker buildx` is the CLI's start, a start of the plugin to check it, then the plugin's
 * own, ~50–65 ms a build on the benchmark machine (issue 22). Undefined, and the CLI is used, off Linux,
 * where `docker` is not the compiled CLI itself, where config.json could be read otherwise than the
 * CLI reads it, or where the first candidate the CLI would take is not an executable file (the CLI
 * then says what is wrong).
 */
function buildxPlugin(docker, env) {
    if (process.platform !== 'linux' || !isDockerCli(docker))
        return undefined;
    const configDir = (0,address/* cliConfigDir */._$)(env);
    const config = (0,address/* readCliConfig */.J1)(configDir);
    const dirs = config && pluginDirs(config, configDir);
    for (const dir of dirs ?? []) {
        const candidate = external_node_path_.join(dir, 'docker-buildx');
        try {
            external_node_fs_.statSync(candidate);
        }
        catch (e) {
            // The CLI skips a candidate only when it does not exist (a broken link included).
            if (e.code === 'ENOENT')
                continue;
            return undefined;
        }
        return executableFile(candidate) ? candidate : undefined;
    }
    return undefined;
}
/**
 * A compiled binary that is itself named docker: a script (a team's wrapper, podman-docker's) and a
 * link to another program (snap's launcher, podman) run something else first, or instead.
 */
function isDockerCli(file) {
    let fd;
    try {
        const real = external_node_fs_.realpathSync(file);
        if (external_node_path_.basename(real) !== 'docker')
            return false;
        fd = external_node_fs_.openSync(real, 'r');
        const head = Buffer.alloc(4);
        return external_node_fs_.readSync(fd, head, 0, 4, 0) === 4 && head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    }
    catch {
        return false;
    }
    finally {
        if (fd !== undefined)
            external_node_fs_.closeSync(fd);
    }
}
/** A regular file (links followed) this process may execute. */
function executableFile(file) {
    try {
        external_node_fs_.accessSync(file, external_node_fs_.constants.X_OK);
        return external_node_fs_.statSync(file).isFile();
    }
    catch {
        return false;
    }
}
/**
 * The plugin's environment as the CLI makes it: the CLI's own and its variable naming the CLI. The CLI
 * also puts its own socket in place of any plugin socket it inherited; here there is none, and an
 * inherited one would end the build when it closes.
 */
function pluginEnv(env, docker) {
    const out = { ...env, [PLUGIN_REEXEC_VAR]: docker };
    delete out[PLUGIN_SOCKET_VAR];
    return out;
}

;// CONCATENATED MODULE: ./src/docker/cli.ts










/** A failed docker call as an error carrying docker's own last line: `<what> failed: <line>`. */
function commandFailure(what, r) {
    return new errors/* DockerError */.Bi(`${what} failed: ${(0,errors/* lastLine */.fM)(r.stderr) || `docker exited with code ${r.code}`}`);
}
/**
 * What in the CLI's own configuration would change the container `docker create` makes, which a request
 * of the action's would not carry (ADR 0013): config.json's `proxies` (variables of every container;
 * Go reads the key in any case), DOCKER_DEFAULT_PLATFORM (the create's platform), DOCKER_API_VERSION
 * (the API the request speaks). Undefined when there is none.
 */
function cliShapesCreate(env) {
    const config = (0,address/* cliConfig */.$6)((0,address/* cliConfigDir */._$)(env));
    if (Object.keys(config).some(k => (0,go_json/* goFold */.K_)(k) === 'proxies'))
        return 'proxies in config.json';
    return ['DOCKER_DEFAULT_PLATFORM', 'DOCKER_API_VERSION'].find(n => env[n]);
}
/** Finds `docker` on PATH without a shell. */
function findDocker(envPath = process.env.PATH ?? '') {
    for (const dir of envPath.split(external_node_path_.delimiter)) {
        if (!dir)
            continue;
        const candidate = external_node_path_.join(dir, 'docker');
        if (executableFile(candidate))
            return candidate;
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
    /** The environment every docker child starts from: the engine's address is in it (engine/connect.ts). */
    baseEnv;
    cancellable = new Set();
    /** On an engine behind a socket of this machine, these calls go to it directly (socket.ts). */
    socket;
    /** How errors name the engine (`the local engine`, or its address). */
    engineName;
    /** Off this machine: a lost engine is a lost connection, and errors name it. */
    remote;
    /** A remote engine's way to reach a port of this machine's loopback (engine/ssh.ts). */
    expose;
    /** `engine`: the variables that choose it (undefined removes one), its name, and `expose` (engine/connect.ts). */
    constructor(bin, engine = { env: {}, name: 'the local engine', remote: false }) {
        const found = bin ?? findDocker();
        if (!found) {
            throw new errors/* DockerError */.Bi('the docker CLI was not found on PATH; install Docker (on GitHub-hosted Ubuntu runners it is preinstalled)');
        }
        this.bin = found;
        this.engineName = engine.name;
        this.remote = engine.remote;
        this.expose = engine.expose;
        const own = { ...process.env };
        for (const [k, v] of Object.entries(engine.env)) {
            if (v === undefined)
                delete own[k];
            else
                own[k] = v;
        }
        this.baseEnv = (0,cli_env/* childEnv */.gf)(own);
        const socket = (0,docker_socket/* localSocket */.rJ)(this.baseEnv);
        if (socket && external_node_fs_.existsSync(socket))
            this.socket = new docker_socket/* SocketCalls */.$l(socket);
    }
    serverVersion() {
        return this.socket ? this.socket.version() : this.exec(['version', '--format', '{{.Server.Version}}']);
    }
    inspectImageJson(ref) {
        return this.socket ? this.socket.inspectImage(ref) : this.exec(['image', 'inspect', '--format', '{{json .}}', ref]);
    }
    createContainer(argv, env, request) {
        if (this.socket && request && !cliShapesCreate(this.baseEnv))
            return this.socket.createContainer(request);
        return this.exec(argv, { env });
    }
    removeContainers(names) {
        return this.socket ? this.socket.removeContainers(names) : this.exec(['rm', '--force', '--volumes', ...names]);
    }
    removeImages(ids, opts = {}) {
        if (this.socket)
            return this.socket.removeImages(ids, !!opts.force);
        return this.exec(['image', 'rm', ...(opts.force ? ['--force'] : []), '--no-prune', ...ids]);
    }
    start(args, env, stdio) {
        // Task values join by name; the CLI's own configuration stays the action's (cli-env.ts).
        const childVars = env ? (0,cli_env/* childEnv */.gf)(this.baseEnv, env) : this.baseEnv;
        // `docker buildx ...` is started as the CLI would start it, without the CLI (ADR 0014).
        const plugin = args[0] === 'buildx' ? buildxPlugin(this.bin, this.baseEnv) : undefined;
        if (plugin)
            return (0,external_node_child_process_.spawn)(plugin, args, { env: pluginEnv(childVars, this.bin), stdio, detached: true });
        return (0,external_node_child_process_.spawn)(this.bin, args, { env: childVars, stdio, detached: true });
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
     * Runs a command whose output goes straight to our own stdout descriptor, its stderr too: no byte of it
     * passes through this process, so memory stays flat however much a task prints, and nothing is
     * buffered or reordered. One pipe, because the runner reads stdout and stderr on two readers: a
     * line left open on stderr would be read (and obeyed) only when that stream ends, after commands were
     * resumed (design.md §5.6). Resolves to the exit code.
     */
    attach(args) {
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(this.bin, args, { env: this.baseEnv, stdio: ['ignore', 1, 1], detached: true });
            child.on('error', reject);
            child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)));
        });
    }
    /** Like exec, but a non-zero exit is an error carrying docker's own message. */
    async ok(args, what, opts = {}) {
        const r = await this.exec(args, opts);
        if (r.code !== 0)
            throw commandFailure(what, r);
        return r.stdout;
    }
    /**
     * Runs a long command (a build, a pull) with its output written live to our stdout, unbuffered, shown
     * and never obeyed: buildx echoes Dockerfile lines and RUN output as they are (relay.ts). Resolves to
     * the exit code.
     */
    stream(args, opts = {}) {
        const resume = (0,relay/* stopCommands */.FN)();
        let open = false;
        return new Promise((resolve, reject) => {
            const child = this.start(args, opts.env, ['ignore', 'pipe', 'pipe']);
            if (opts.cancellable)
                this.cancellable.add(child);
            const forward = (b) => {
                if (b.length === 0)
                    return;
                process.stdout.write(b);
                open = b[b.length - 1] !== 0x0a;
                opts.onChunk?.(b);
            };
            child.stdout.on('data', forward);
            child.stderr.on('data', forward);
            child.on('error', reject);
            child.on('close', (code, signal) => {
                this.cancellable.delete(child);
                resolve(code ?? (signal ? 128 + 15 : 1));
            });
        }).finally(() => {
            if (open)
                process.stdout.write('\n');
            resume();
        });
    }
    /** Ends a running build or pull (SIGTERM: buildx cancels the build cleanly). */
    cancelStreams() {
        for (const child of this.cancellable)
            child.kill('SIGTERM');
    }
    /** Starts a child whose output the caller consumes (docker save, cp, logs, dial-stdio). */
    open(args, stdin = 'ignore') {
        const child = this.start(args, undefined, [stdin, 'pipe', 'pipe']);
        const closed = new Promise((resolve, reject) => {
            child.on('error', reject);
            child.on('close', code => resolve(code ?? 1));
        });
        closed.catch(() => undefined);
        return { stdout: child.stdout, stderr: child.stderr, stdin: child.stdin, closed };
    }
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

/***/ 3791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K_: () => (/* binding */ goFold),
/* harmony export */   Te: () => (/* binding */ AMBIGUOUS),
/* harmony export */   tY: () => (/* binding */ goField)
/* harmony export */ });
/**
 * The docker CLI decodes its files (config.json, a context's meta.json) with Go's encoding/json, which
 * matches an object key to a struct field without regard to case, by Unicode simple folding (so `ſ`
 * reads as `s` and the Kelvin sign as `k`), and lets the last matching key in the text win. The action
 * reads those files as the CLI does, or an attacker's spelling would mean one thing to the CLI and
 * another here.
 */
/** Two spellings of one field: JSON.parse keeps no order between them, so which one Go takes is unknown. */
const AMBIGUOUS = Symbol('ambiguous');
/** A key as Go's decoder compares it with a field name (ASCII field names: only ſ and K fold into them). */
function goFold(key) {
    return key
        .replace(/\u017f/g, 's')
        .replace(/\u212a/g, 'k')
        .toLowerCase();
}
/**
 * The value Go would decode into the field `name` of a struct from `obj` (undefined: none). One key
 * spelt twice alike is JSON.parse's last, as Go's; spelt two ways, AMBIGUOUS.
 */
function goField(obj, name) {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
        return undefined;
    const folded = goFold(name);
    const keys = Object.keys(obj).filter(k => goFold(k) === folded);
    if (keys.length > 1)
        return AMBIGUOUS;
    return keys.length === 1 ? obj[keys[0]] : undefined;
}


/***/ }),

/***/ 4707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ SocketCalls),
/* harmony export */   rJ: () => (/* binding */ localSocket),
/* harmony export */   tI: () => (/* binding */ socketRequest)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _engine_address_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6970);



/** The unix socket the docker CLI would talk to, when that is certain; else undefined. */
function localSocket(env) {
    if (env.DOCKER_CONTEXT)
        return env.DOCKER_CONTEXT === 'default' && !env.DOCKER_HOST ? '/var/run/docker.sock' : undefined;
    if (env.DOCKER_HOST)
        return env.DOCKER_HOST.startsWith('unix://') ? env.DOCKER_HOST.slice('unix://'.length) : undefined;
    const current = (0,_engine_address_js__WEBPACK_IMPORTED_MODULE_2__/* .currentContext */ .Fi)((0,_engine_address_js__WEBPACK_IMPORTED_MODULE_2__/* .cliConfigDir */ ._$)(env));
    return current && current !== 'default' ? undefined : '/var/run/docker.sock';
}
function socketRequest(socketPath, method, apiPath, body, extra = {}, timeoutMs = 0) {
    return new Promise((resolve, reject) => {
        const headers = body ? { 'Content-Type': 'application/x-tar', 'Content-Length': body.length, ...extra } : extra;
        const req = node_http__WEBPACK_IMPORTED_MODULE_0__.request({ socketPath, method, path: apiPath, headers, timeout: timeoutMs || undefined }, res => {
            const parts = [];
            res.on('data', (b) => parts.push(b));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DockerError */ .Bi(`Engine API ${method} ${apiPath}: no answer in ${timeoutMs / 1000} s`)));
        req.on('error', reject);
        req.end(body);
    });
}
/**
 * The few calls every run makes around its tasks (engine check, image inspect, removals), on a local
 * engine answered through its socket instead of a docker process each (issue 22: a process start,
 * an API negotiation and a connection apiece), in the words the CLI would have used.
 */
class SocketCalls {
    socket;
    constructor(socket) {
        this.socket = socket;
    }
    version() {
        return this.call('GET', '/version', (text) => `${JSON.parse(text).Version ?? ''}\n`);
    }
    /** `{{json .}}` of the image; a missing one is `Error: No such image: <ref>`, as the CLI says it. */
    async inspectImage(ref) {
        const r = await this.call('GET', `/images/${encodeURI(ref)}/json`, (text) => `${text.trim()}\n`);
        return r.code !== 0 && /no such image/i.test(r.stderr) ? { ...r, stderr: `Error: No such image: ${ref}\n` } : r;
    }
    /** `docker rm --force --volumes <names>`: every one is tried; the exit code is 1 when any failed. */
    async removeContainers(names) {
        const all = await Promise.all(names.map(n => this.call('DELETE', `/containers/${encodeURIComponent(n)}?force=1&v=1`, () => `${n}\n`)));
        return merge(all);
    }
    /**
     * `docker create`: the container's id, as the CLI prints it. The body holds the task's values, as the
     * CLI's own request would: it goes to the engine's socket and nowhere else (no error quotes it).
     */
    createContainer(req) {
        const body = Buffer.from(JSON.stringify(req.body));
        const apiPath = `/containers/create?name=${encodeURIComponent(req.name)}`;
        // No time limit, as the CLI has none: on the containerd store a create is the image's first unpack.
        return this.call('POST', apiPath, text => `${JSON.parse(text).Id}\n`, body, 0);
    }
    /** `docker image rm [--force] --no-prune <ids>`. */
    async removeImages(ids, force) {
        const all = await Promise.all(ids.map(id => this.call('DELETE', `/images/${encodeURI(id)}?noprune=1${force ? '&force=1' : ''}`, () => `Deleted: ${id}\n`)));
        return merge(all);
    }
    async call(method, apiPath, ok, body, timeoutMs = 30_000) {
        try {
            const json = body ? { 'Content-Type': 'application/json' } : {};
            const r = await socketRequest(this.socket, method, apiPath, body, json, timeoutMs);
            if (r.status >= 200 && r.status < 300)
                return { code: 0, stdout: ok(r.text), stderr: '' };
            return { code: 1, stdout: '', stderr: `Error response from daemon: ${daemonMessage(r.text)}\n` };
        }
        catch (e) {
            const why = e.code;
            const down = why === 'ENOENT' || why === 'ECONNREFUSED' || why === 'ECONNRESET';
            return {
                code: 1,
                stdout: '',
                stderr: down ? `Cannot connect to the Docker daemon at unix://${this.socket}. Is the docker daemon running?\n` : `${e.message}\n`
            };
        }
    }
}
function daemonMessage(text) {
    try {
        return JSON.parse(text).message ?? text.trim();
    }
    catch {
        return text.trim();
    }
}
function merge(all) {
    return { code: all.some(r => r.code !== 0) ? 1 : 0, stdout: all.map(r => r.stdout).join(''), stderr: all.map(r => r.stderr).join('') };
}


/***/ }),

/***/ 6970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ cliConfig),
/* harmony export */   Fi: () => (/* binding */ currentContext),
/* harmony export */   J1: () => (/* binding */ readCliConfig),
/* harmony export */   Vx: () => (/* binding */ isRemote),
/* harmony export */   W8: () => (/* binding */ engineSecrets),
/* harmony export */   ZK: () => (/* binding */ engineAddress),
/* harmony export */   _$: () => (/* binding */ cliConfigDir),
/* harmony export */   mr: () => (/* binding */ readEngineSettings)
/* harmony export */ });
/* unused harmony exports chooseAddress, parseDockerHost, isLoopback, checkKnownHosts, resolveContext, checkEngineInputs */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2187);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _inputs_grammar_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6720);
/* harmony import */ var _docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3791);







/** A host name, an IPv4 address or a bracketed IPv6 address; never a leading `-` (an ssh option). */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])$/;
const USER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
/** Reads the engine inputs; every name is checked here, before any side effect. */
function readEngineSettings(get) {
    const named = (input, v) => {
        if (v && !_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_6__/* .VAR_NAME */ .eU.test(v)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${input}: this is not a variable name (a value given where the name of a step env variable is expected?); name the step env variable that holds the value (env: { ${input.replace(/-/g, '_').toUpperCase()}: \${{ secrets.… }} })`);
        }
        return v;
    };
    const s = {
        host: get('docker-host'),
        context: get('docker-context'),
        knownHosts: get('docker-known-hosts'),
        sshKeyVar: named('docker-ssh-key', get('docker-ssh-key')),
        tls: {
            ca: named('docker-tls-ca', get('docker-tls-ca')),
            cert: named('docker-tls-cert', get('docker-tls-cert')),
            key: named('docker-tls-key', get('docker-tls-key'))
        }
    };
    if (s.host && s.context)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('docker-host and docker-context name two engines; give one');
    if (s.context && !/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(s.context))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`docker-context: "${s.context}" is not a context name`);
    if (!!s.tls.cert !== !!s.tls.key)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('docker-tls-cert and docker-tls-key go together: the engine checks the client certificate with its key');
    if ((s.tls.cert || s.tls.key) && !s.tls.ca)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('docker-tls-ca is needed with a client certificate: the engine is verified by it');
    checkKnownHosts(s.knownHosts);
    return s;
}
/** The address chosen by the inputs, then the step env, then the CLI's own configuration. */
function chooseAddress(s, env) {
    if (s.host)
        return parseDockerHost(s.host, 'docker-host');
    if (s.context)
        return { kind: 'context', name: s.context };
    if (env.DOCKER_HOST)
        return parseDockerHost(env.DOCKER_HOST, 'DOCKER_HOST');
    if (env.DOCKER_CONTEXT)
        return { kind: 'context', name: env.DOCKER_CONTEXT };
    return { kind: 'default' };
}
/** `ssh://[user@]host[:port][/socket]`, `tcp://host[:port]`, `unix:///path`: anything else is an error. */
function parseDockerHost(url, what) {
    // A user part may hold a password (user:pw@host): it is never quoted back.
    const shown = url.slice(0, 200).replace(/^([a-z]+:\/\/)[^@/]*@/, '$1…@');
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${what}: "${shown}" ${why}; use ssh://user@host[:port], tcp://host:port (TLS) or unix:///path`);
    if (/[\s\0]/.test(url))
        throw bad('holds a space or a control character');
    const unix = /^unix:\/\/(\/.*)$/.exec(url);
    if (unix)
        return { kind: 'unix', url, path: unix[1] };
    const m = /^(ssh|tcp):\/\/(?:([^@/]+)@)?(\[[^\]]*\]|[^:/]+)(?::(\d+))?(\/.*)?$/.exec(url);
    if (!m)
        throw bad('is not an engine address');
    const [, scheme, user, host, port, rest] = m;
    if (!HOST.test(host))
        throw bad(`has no valid host name (${host})`);
    const portNumber = port ? Number(port) : scheme === 'ssh' ? 22 : 2376;
    if (!(portNumber > 0 && portNumber < 65536))
        throw bad('has no valid port');
    if (scheme === 'tcp') {
        if (user || (rest && rest !== '/'))
            throw bad('has a user or a path, which tcp:// takes neither of');
        return { kind: 'tcp', url, host, port: portNumber };
    }
    if (user !== undefined && !USER.test(user))
        throw bad('has no valid user name (a password does not belong in the address: SSH takes a key)');
    if (rest && rest !== '/' && !/^\/[A-Za-z0-9_./-]+$/.test(rest))
        throw bad('names a socket path with characters a path on the host should not have');
    // No port in the URL: ssh's own configuration decides, as for the docker CLI (connhelper/ssh).
    return { kind: 'ssh', url, user: user ?? '', host, port: port ? portNumber : undefined, socket: rest && rest !== '/' ? rest : '' };
}
/** True for an engine this machine reaches without a network (its loopback or a local socket). */
function isLoopback(host) {
    return LOOPBACK.test(host);
}
/** One known_hosts line: `[@marker] patterns keytype base64 [comment]` (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT). */
function checkKnownHosts(text) {
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return;
        const fields = line.split(/\s+/);
        const at = fields[0].startsWith('@') ? 1 : 0;
        if (at === 1 && !['@cert-authority', '@revoked'].includes(fields[0]))
            throw knownHostsError(i, `${fields[0]} is not a known_hosts marker`);
        const [patterns, type, key] = fields.slice(at);
        if (!patterns || !type || !key)
            throw knownHostsError(i, 'is not "host keytype key" (the output of ssh-keyscan)');
        if (!/^(?:ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+$/.test(type))
            throw knownHostsError(i, `${type.slice(0, 40)} is not an SSH key type`);
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key))
            throw knownHostsError(i, 'holds a key that is not base64');
    });
}
function knownHostsError(index, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`docker-known-hosts: line ${index + 1} ${why}`);
}
/** An engine off this machine: what a runner-side probe cannot reach. */
function isRemote(a) {
    if (a.kind === 'context')
        return !a.host?.startsWith('unix://') && !(a.host && isLoopback(hostOf(a.host)));
    return a.kind === 'ssh' || (a.kind === 'tcp' && !isLoopback(a.host));
}
/** The host of a `tcp://host:port` endpoint. */
function hostOf(url) {
    return /^tcp:\/\/(\[[^\]]*\]|[^:/]+)/.exec(url)?.[1] ?? '';
}
/** The private key and the TLS key named by the inputs, to be masked like every secret. */
function engineSecrets(s, env) {
    const named = [
        ['docker-ssh-key', s.sshKeyVar],
        ['docker-tls-key', s.tls.key]
    ];
    return named.filter(([, v]) => v && env[v]).map(([input, v]) => ({ name: `${input} (${v})`, value: env[v] }));
}
/**
 * A context (named, or the CLI's current one) whose endpoint is ssh:// gets the SSH treatment; others
 * stay contexts. Read from the CLI's own store: `contexts/meta/<sha256 of the name>/meta.json`.
 */
function resolveContext(address, env) {
    const configDir = cliConfigDir(env);
    const name = address.kind === 'context' ? address.name : address.kind === 'default' ? currentContext(configDir) : undefined;
    if (!name || name === 'default')
        return address.kind === 'context' ? { kind: 'default' } : address;
    const meta = node_path__WEBPACK_IMPORTED_MODULE_3__.join(configDir, 'contexts', 'meta', (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256hex */ .L)(name), 'meta.json');
    let parsed;
    try {
        parsed = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync(meta, 'utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`docker context ${name}: not found in ${configDir} (docker context ls lists them)`);
    }
    const { host, skipTLSVerify } = dockerEndpoint(parsed, name);
    // Read as strictly as docker-host (a review: `TCP://`, `http://` or `tcp://localhost:1@evil` reached
    // an engine in clear that this reading took for another): ssh:// gets the SSH treatment, tcp:// the TLS rule.
    // A unix:// socket is the CLI's to open (any path); an empty Host is none.
    const endpoint = !host || host.startsWith('unix://') ? undefined : parseDockerHost(host, `docker context ${name}`);
    if (endpoint?.kind === 'ssh')
        return endpoint;
    const context = { kind: 'context', name, host };
    // A tcp:// context carries every task value too: the same rule as docker-host (design.md §12.3).
    const ca = node_path__WEBPACK_IMPORTED_MODULE_3__.join(configDir, 'contexts', 'tls', (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256hex */ .L)(name), 'docker', 'ca.pem');
    if (isRemote(context) && host?.startsWith('tcp://') && (skipTLSVerify || !node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(ca))) {
        const why = skipTLSVerify ? 'with SkipTLSVerify, which accepts any engine that answers,' : 'without a verified TLS connection';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`docker context ${name}: ${host} ${why} would send every task value in clear; create the context with ca=, cert= and key= (docker context create --docker "host=…,ca=…,cert=…,key=…")`);
    }
    return context;
}
/**
 * The docker endpoint of a context's meta.json, as the CLI decodes it (go-json.ts): `Endpoints` and
 * the endpoint's fields in any case, the map key `docker` exactly. A field the CLI would not decode,
 * or one spelt two ways, is refused: the CLI would then fail, or connect where this reading does not.
 */
function dockerEndpoint(meta, name) {
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`docker context ${name}: its meta.json ${why}; recreate it with docker context create`);
    const endpoints = (0,_docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__/* .goField */ .tY)(meta, 'Endpoints');
    if (endpoints === _docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__/* .AMBIGUOUS */ .Te)
        throw bad('spells Endpoints two ways');
    const docker = typeof endpoints === 'object' && endpoints !== null ? endpoints.docker : undefined;
    const host = (0,_docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__/* .goField */ .tY)(docker, 'Host');
    const skip = (0,_docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__/* .goField */ .tY)(docker, 'SkipTLSVerify');
    if (host === _docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__/* .AMBIGUOUS */ .Te || skip === _docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__/* .AMBIGUOUS */ .Te)
        throw bad('spells an endpoint field two ways');
    if (host != null && typeof host !== 'string')
        throw bad('has a Host that is not a string');
    if (skip != null && typeof skip !== 'boolean')
        throw bad('has a SkipTLSVerify that is not true or false');
    return { host: host ?? undefined, skipTLSVerify: skip === true };
}
/** The CLI's current context from its config file, when one is set. */
function currentContext(configDir) {
    const current = (0,_docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__/* .goField */ .tY)(cliConfig(configDir), 'currentContext');
    if (current === _docker_go_json_js__WEBPACK_IMPORTED_MODULE_5__/* .AMBIGUOUS */ .Te)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${node_path__WEBPACK_IMPORTED_MODULE_3__.join(configDir, 'config.json')} spells currentContext two ways; keep one`);
    return typeof current === 'string' ? current : undefined;
}
/** The docker CLI's config.json, the parts the action reads; {} when there is none or it is unreadable. */
function cliConfig(configDir) {
    return readCliConfig(configDir) ?? {};
}
/**
 * config.json as it is: `{}` when there is none; undefined when it cannot be read or is not one JSON
 * object (Go's decoder keeps what it decoded before an error, and reads past a first object: where the
 * difference matters, ADR 0014, the CLI decides then).
 */
function readCliConfig(configDir) {
    let text;
    try {
        text = node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync(node_path__WEBPACK_IMPORTED_MODULE_3__.join(configDir, 'config.json'), 'utf8');
    }
    catch (e) {
        return e.code === 'ENOENT' ? {} : undefined;
    }
    try {
        const config = JSON.parse(text);
        return typeof config === 'object' && config !== null && !Array.isArray(config) ? config : undefined;
    }
    catch {
        return undefined;
    }
}
/** The CLI's configuration directory, as the CLI finds it. */
const cliConfigDir = (env) => env.DOCKER_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_3__.join(node_os__WEBPACK_IMPORTED_MODULE_2__.homedir(), '.docker');
/** The engine this run uses, its inputs checked (resolve.ts before any side effect, and the post step). */
function engineAddress(s, env) {
    const address = resolveContext(chooseAddress(s, env), env);
    checkEngineInputs(address, s, env);
    return address;
}
/**
 * The engine inputs checked against the address they go with, before any side effect (and in a dry
 * run): key material named but missing, TLS where it cannot apply, plain tcp:// off the loopback.
 */
function checkEngineInputs(a, s, env) {
    const tls = [s.tls.ca, s.tls.cert, s.tls.key].filter(Boolean);
    if ((s.sshKeyVar || s.knownHosts) && a.kind !== 'ssh') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('docker-ssh-key and docker-known-hosts are for an ssh:// engine; this one is not reached over SSH');
    }
    if (tls.length > 0 && a.kind !== 'tcp')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('docker-tls-ca, docker-tls-cert and docker-tls-key are for a tcp:// engine');
    for (const [input, name] of [
        ['docker-ssh-key', s.sshKeyVar],
        ['docker-tls-ca', s.tls.ca],
        ['docker-tls-cert', s.tls.cert],
        ['docker-tls-key', s.tls.key]
    ]) {
        if (name && (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_6__/* .inStepEnv */ .tv)(env, name) !== 'set')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${input}: ${name} is not set in the step's env (or is empty); put the value there: env: { ${name}: \${{ secrets.${name} }} }`);
    }
    if (a.kind === 'tcp' && !s.tls.ca && !(env.DOCKER_TLS_VERIFY && env.DOCKER_CERT_PATH) && !isLoopback(a.host)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${s.host ? 'docker-host' : 'DOCKER_HOST'}: ${a.url} without TLS would send every task value in clear; give docker-tls-ca, docker-tls-cert and docker-tls-key (names of step env variables holding the PEM text)`);
    }
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DockerError),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   Sh: () => (/* binding */ ManifestError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   fM: () => (/* binding */ lastLine),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/** An error the user can fix; printed as one `::error` line, without a stack trace. */
class ActionError extends Error {
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/** Bad input value: raised while reading inputs, before any Docker side effect. */
class InputError extends ActionError {
}
/** A manifest problem, annotated on the file and line (and column where known). */
class ManifestError extends ActionError {
    file;
    line;
    column;
    constructor(message, file, line, column) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }
}
/** The Docker CLI, the daemon or buildx is unusable. */
class DockerError extends ActionError {
}
/** Shorten user text quoted back in a message: a 10 MB line must not become a 10 MB annotation. */
function excerpt(text, max = 80) {
    const t = text.replace(/\0/g, '\\0');
    return t.length > max ? `${t.slice(0, max)}… (${t.length} characters)` : t;
}
/** The last line of a command's output that is not blank, trimmed: what a failure is reported by. */
function lastLine(text) {
    const ls = text
        .trim()
        .split('\n')
        .filter(l => l.trim() !== '');
    return (ls[ls.length - 1] ?? '').trim();
}


/***/ }),

/***/ 4579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MH: () => (/* binding */ readBuildExtras),
/* harmony export */   SN: () => (/* binding */ buildExtrasArgv),
/* harmony export */   YO: () => (/* binding */ checkSecretFiles)
/* harmony export */ });
/* unused harmony exports SECRET_ID, MAX_SECRET_FILE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6720);
/* harmony import */ var _workspace_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7076);







const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
/** BuildKit refuses secrets over 500 KiB (its MaxSecretSize): say so before the build. */
const MAX_SECRET_FILE = 500 * 1024;
function check(items, name, re, form) {
    for (const item of items)
        if (!re.test(item))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(item)}" is not ${form}`);
    return items;
}
/** `ID=path`-style pairs; the path must stay inside the workspace and cannot hold a comma (buildx splits on it). */
function localPath(ws, base, rel, name) {
    if (/[,"]/.test(rel))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(rel)}": a path with a comma or a double quote cannot be passed to buildx`);
    return (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_3__/* .insidePath */ .yt)(ws, base, rel, name);
}
/** A build context source is a local folder unless it names an image or a remote (as buildx decides). */
function contextSource(ws, base, value) {
    if (value.startsWith('oci-layout://')) {
        // oci-layout://<path>[:tag][@digest]: only the path is a file name.
        const m = /^oci-layout:\/\/(.*?)((?::[\w][\w.-]*)?(?:@sha256:[a-f0-9]{64})?)$/.exec(value);
        return `oci-layout://${localPath(ws, base, m[1], 'build-contexts')}${m[2]}`;
    }
    // Only the schemes buildx itself sends elsewhere (build.IsRemoteURL, docker-image://): any other
    // `x://…` it opens as a local folder, relative to the workspace, so it is checked like one.
    if (/^(docker-image|https?|git|ssh):\/\//i.test(value) || /^git@/.test(value))
        return value;
    return localPath(ws, base, value, 'build-contexts');
}
function buildContexts(value, ws, base) {
    return (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .lines */ .Mn)(value).map(line => {
        const pair = (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .splitPair */ .T6)(line);
        const name = pair.key.trim();
        const source = (pair.value ?? '').trim();
        if (pair.value === undefined || !name || /\s/.test(name) || source === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`build-contexts: "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(line)}" is not NAME=PATH (or NAME=docker-image://REF)`);
        return { name, source: contextSource(ws, base, source) };
    });
}
function secretFiles(value, ws, base) {
    return (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .lines */ .Mn)(value).map(line => {
        const { key, value } = (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .splitPair */ .T6)(line);
        const id = key.trim();
        if (value === undefined || !SECRET_ID.test(id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`secret-files: "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(line)}" is not ID=PATH`);
        return { id, file: localPath(ws, base, value.trim(), 'secret-files') };
    });
}
function ssh(value, ws, base, env) {
    return (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(value).map(item => {
        const { key, value } = (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .splitPair */ .T6)(item);
        const id = key.trim();
        const rel = (value ?? '').trim();
        if (!SECRET_ID.test(id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`ssh: "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(id)}" is not a valid ssh id (e.g. default)`);
        if (rel === '') {
            if (!env.SSH_AUTH_SOCK)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`ssh: ${id} forwards the agent at SSH_AUTH_SOCK, which is not set; start an agent first (e.g. webfactory/ssh-agent)`);
            return { id, paths: [] };
        }
        if (node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`ssh: "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(rel)}" is absolute; give "${id}" alone to forward the agent at SSH_AUTH_SOCK, or a key file inside the workspace`);
        return { id, paths: [localPath(ws, base, rel, 'ssh')] };
    });
}
/** Reads and validates the inputs above (pure but for the getter; paths relative to working-directory). */
function readBuildExtras(get, workspace, workingDirectory, env) {
    const shmSize = get('shm-size');
    check(shmSize ? [shmSize] : [], 'shm-size', /^\d+(\.\d+)?([kmgtp]i?)?b?$/i, 'a size such as 2g or 512m');
    return {
        addHosts: check((0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(get('add-hosts')), 'add-hosts', /^[^\s:=]+[:=]\S+$/, 'HOST:IP (e.g. db.internal:10.0.0.5)'),
        allow: check((0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(get('allow')), 'allow', /^[a-z]+(\.[a-z]+)*(=\S+)?$/, 'an entitlement such as network.host or security.insecure'),
        annotations: check((0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .lines */ .Mn)(get('annotations')), 'annotations', /^[^\s=]+=/, 'KEY=value (optionally TYPE:KEY=value)'),
        buildContexts: buildContexts(get('build-contexts'), workspace, workingDirectory),
        cgroupParent: get('cgroup-parent'),
        noCacheFilters: check((0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(get('no-cache-filters')), 'no-cache-filters', /^\S+$/, 'a stage name'),
        secretFiles: secretFiles(get('secret-files'), workspace, workingDirectory),
        shmSize,
        ssh: ssh(get('ssh'), workspace, workingDirectory, env),
        ulimits: check((0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .lines */ .Mn)(get('ulimit')), 'ulimit', /^[a-z]+=-?\d+(:-?\d+)?$/, 'NAME=SOFT[:HARD] (e.g. nofile=1024:1024)')
    };
}
/** The buildx flags of these inputs, in build-push-action's order. Secret files go by path, never by value. */
function buildExtrasArgv(x) {
    const argv = [];
    for (const h of x.addHosts)
        argv.push('--add-host', h);
    for (const a of x.allow)
        argv.push('--allow', a);
    for (const a of x.annotations)
        argv.push('--annotation', a);
    for (const c of x.buildContexts)
        argv.push('--build-context', `${c.name}=${c.source}`);
    if (x.cgroupParent)
        argv.push('--cgroup-parent', x.cgroupParent);
    for (const f of x.noCacheFilters)
        argv.push('--no-cache-filter', f);
    for (const f of x.secretFiles)
        argv.push('--secret', `id=${f.id},src=${f.file}`);
    if (x.shmSize)
        argv.push('--shm-size', x.shmSize);
    for (const k of x.ssh)
        argv.push('--ssh', k.paths.length > 0 ? `${k.id}=${k.paths.join(',')}` : k.id);
    for (const u of x.ulimits)
        argv.push('--ulimit', u);
    return argv;
}
/**
 * Before any Docker side effect: every named file or folder exists with the right kind, and each secret
 * file's content is read so the caller can mask it (a file's content is a secret like an env value).
 */
function checkSecretFiles(x, workspace) {
    const rel = (f) => node_path__WEBPACK_IMPORTED_MODULE_1__.relative(workspace, f) || '.';
    const stat = (f, name) => {
        try {
            return node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(f);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: ${rel(f)} does not exist`);
        }
    };
    for (const c of x.buildContexts) {
        const dir = c.source.startsWith('oci-layout://') ? c.source.slice(13).replace(/(:[\w][\w.-]*)?(@sha256:[a-f0-9]{64})?$/, '') : c.source;
        if (node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(dir) && !stat(dir, 'build-contexts').isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`build-contexts: ${rel(dir)} is not a folder`);
    }
    for (const k of x.ssh) {
        for (const p of k.paths) {
            const st = stat(p, 'ssh');
            if (!st.isFile() && !st.isSocket())
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`ssh: ${rel(p)} is neither a key file nor an agent socket`);
        }
    }
    // Read as manifests are (workspace-files.ts): type and size checked on the opened file, so one
    // swapped for a FIFO after a check cannot hang the step.
    return x.secretFiles.map(({ id, file }) => {
        const text = (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readRegularFile */ .XF)(file, `secret-files: ${rel(file)}`, MAX_SECRET_FILE, 'BuildKit takes secrets up to 500 KiB');
        if (text === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`secret-files: ${rel(file)} does not exist`);
        return { name: `secret-files ${id}`, value: text };
    });
}


/***/ }),

/***/ 6489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ buildFailure),
/* harmony export */   S6: () => (/* binding */ buildLabels),
/* harmony export */   TA: () => (/* binding */ namedMetadata),
/* harmony export */   h4: () => (/* binding */ githubContext),
/* harmony export */   nK: () => (/* binding */ defaultTags),
/* harmony export */   v$: () => (/* binding */ buildArgv)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _build_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4579);
/* harmony import */ var _inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6720);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2812);





/**
 * The repository and commit the image is made from. `checkedOut` (image/git-head.ts) wins over GITHUB_SHA:
 * under `pull_request_target` the event's commit is the base branch's, while the workspace holds the
 * pull request's head (design.md §3.2).
 */
function githubContext(env, checkedOut) {
    return { repository: env.GITHUB_REPOSITORY, sha: checkedOut ?? env.GITHUB_SHA, serverUrl: env.GITHUB_SERVER_URL || 'https://github.com' };
}
/**
 * design.md §3: `<repository, lower-cased>:<sha>` in GitHub, `<folder>:local` outside; validated like a
 * given tag, before any side effect (`acme/.github` makes `acme/.github:<sha>`, which no engine accepts).
 */
function defaultTags(s, gh) {
    const text = gh.repository && gh.sha ? `${gh.repository.toLowerCase()}:${gh.sha}` : `${localName(s.workingDirectory)}:local`;
    try {
        return [(0,_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .parseTagRef */ .h2)(text)];
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`tags: the default tag ${JSON.stringify(text)} (made from ${gh.repository ? 'GITHUB_REPOSITORY and the commit' : 'the folder name'}) is not a valid image reference; set tags`);
    }
}
function localName(workingDirectory) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_0__.basename(workingDirectory)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[._-]+|[._-]+$/g, '');
    return folder || 'app';
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
        const { key, value } = (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .splitPair */ .T6)(l);
        labels.set(key, value ?? '');
    }
    return [...labels].map(([k, v]) => `${k}=${v}`);
}
/**
 * The `docker buildx build` argv (design.md §3). Build secrets are `env=` references: values never appear.
 * `name` is the run-private name (run-record.ts runImageName): the requested tags move only once the release passed.
 */
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
    argv.push('--tag', opts.name);
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
/**
 * The error for a failed build, from its last output lines: buildx's own words are not always a fix.
 * On a remote engine (`docker-host`) a builder made by docker/setup-buildx-action runs on the runner's
 * engine, not on the deploy host, so it is not suggested there.
 */
function buildFailure(code, tail, remote = false) {
    if (CACHE_EXPORT_REFUSED.test(tail)) {
        const builder = remote
            ? 'A docker/setup-buildx-action builder would build on the runner, not on that engine: '
            : 'Add a docker/setup-buildx-action step before this one (it creates and selects a docker-container builder), or ';
        return `cache-to: the builder uses the docker driver, which cannot export build cache on this engine. ${builder}use cache-to: type=inline, or remove cache-to`;
    }
    if (tail.includes('unsupported frontend capability moby.buildkit.frontend.contexts')) {
        const fix = remote
            ? 'Upgrade the Docker Engine on that host, or give the other images by reference in the Dockerfile'
            : 'Add a docker/setup-buildx-action step before this one to build with a docker-container builder';
        return `build-contexts: this engine's builtin BuildKit has no named contexts (Docker Engine 23 or later has them). ${fix}`;
    }
    return `docker buildx build failed with exit code ${code}`;
}
/**
 * buildx's metadata names the image it built (`image.name`, where the builder writes it): the run's own
 * name here. The output names the requested tags, as docker/build-push-action's does; text that is not
 * such an object is passed on as it is.
 */
function namedMetadata(text, tags) {
    try {
        const m = JSON.parse(text);
        if (typeof m !== 'object' || m === null || typeof m['image.name'] !== 'string')
            return text;
        return JSON.stringify({ ...m, 'image.name': tags.map(_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRef */ .rq).join(',') }, null, 2);
    }
    catch {
        return text;
    }
}


/***/ }),

/***/ 4557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QG: () => (/* binding */ BUILDX_MISSING),
/* harmony export */   Tk: () => (/* binding */ isBuildxMissing),
/* harmony export */   Xx: () => (/* binding */ checkEngine),
/* harmony export */   Zw: () => (/* binding */ imageEnv),
/* harmony export */   mm: () => (/* binding */ inspectImage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _inputs_grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6720);


const BUILDX_MISSING = 'docker buildx is not installed; set the buildx-version input (e.g. 0.13.1) to install it, or use docker/setup-buildx-action before this step';
/** What the CLI prints when the buildx plugin is absent (checked on a failed build, not before every run). */
function isBuildxMissing(output) {
    return /'buildx' is not a docker command|unknown command:? "?(docker )?buildx/i.test(output);
}
/** The daemon answers (design.md §9). buildx is checked by the build itself: a pre-check costs every run a CLI start. */
async function checkEngine(cli) {
    const info = await cli.serverVersion();
    if (info.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`cannot reach the Docker daemon (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .lastLine */ .fM)(info.stderr) || 'no answer'}); start it, or set DOCKER_HOST to a reachable engine`);
    }
}
async function inspectImage(cli, ref) {
    const r = await cli.inspectImageJson(ref);
    if (r.code !== 0) {
        if (/no such image/i.test(r.stderr))
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`docker image inspect ${ref} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .lastLine */ .fM)(r.stderr)}`);
    }
    const raw = JSON.parse(r.stdout);
    const config = raw.Config ?? {};
    return {
        id: raw.Id,
        repoDigests: raw.RepoDigests ?? [],
        entrypoint: config.Entrypoint ?? null,
        cmd: config.Cmd ?? null,
        env: config.Env ?? [],
        config,
        containerdStore: raw.GraphDriver != null && raw.GraphDriver.Data == null
    };
}
/** Image ENV as a map, for exec-mode `$NAME` expansion. */
function imageEnv(info) {
    const m = new Map();
    for (const kv of info.env) {
        const { key, value } = (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .splitPair */ .T6)(kv);
        if (key && value !== undefined)
            m.set(key, value);
    }
    return m;
}


/***/ }),

/***/ 4502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bf: () => (/* binding */ registrySource),
/* harmony export */   SU: () => (/* binding */ checkPrebuilt),
/* harmony export */   gc: () => (/* binding */ promotionWarning),
/* harmony export */   p5: () => (/* binding */ prebuiltTags),
/* harmony export */   u6: () => (/* binding */ unpushedImage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2812);


/**
 * The tags a pre-built `image` gets (design.md §3.4): the `tags` input when given (a promotion), else
 * the image's own name:tag. A digest reference names a manifest, not a place to tag: no tag then.
 */
function prebuiltTags(ref, tags) {
    if (tags.length > 0)
        return tags;
    const { digest, ...name } = ref;
    return digest === undefined ? [name] : [];
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
/**
 * `image` and `digest` outputs when nothing was pushed (design.md §6): the reference the deploy job can pull.
 * An image the engine knows by a registry digest in the first tag's repository is named by it; with no
 * tag at all (a digest reference, unchanged) the reference itself; else the first tag.
 */
function unpushedImage(tags, repoDigests, source) {
    if (tags.length === 0) {
        return source?.digest ? { image: (0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .digestRef */ .yb)({ ...source, digest: source.digest }), digest: source.digest } : { image: '', digest: '' };
    }
    const repo = (0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .familiarName */ .hG)(tags[0]);
    const known = repoDigests.find(d => d.startsWith(`${repo}@`));
    return known ? { image: known, digest: known.slice(repo.length + 1) } : { image: (0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRef */ .rq)(tags[0]), digest: '' };
}
/**
 * Where a pre-built image is in its registry, by digest: the digest it was given by, or the one the
 * engine recorded for its repository when pulled by tag. Undefined for an image known only locally.
 */
function registrySource(source, repoDigests) {
    if (!source)
        return undefined;
    if (source.digest)
        return { ref: (0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .digestRef */ .yb)({ ...source, digest: source.digest }), digest: source.digest };
    const repo = (0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .familiarName */ .hG)(source);
    const known = repoDigests.find(d => d.startsWith(`${repo}@`));
    return known ? { ref: `${(0,_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .refName */ .P7)(source)}@${known.slice(repo.length + 1)}`, digest: known.slice(repo.length + 1) } : undefined;
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

/***/ 2812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P7: () => (/* binding */ refName),
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   cO: () => (/* binding */ tagOf),
/* harmony export */   h2: () => (/* binding */ parseTagRef),
/* harmony export */   hG: () => (/* binding */ familiarName),
/* harmony export */   rq: () => (/* binding */ formatRef),
/* harmony export */   yb: () => (/* binding */ digestRef)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

// The grammar of distribution/reference (regexp.go), the one the docker CLI parses with.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const REMOTE_NAME = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** go-digest's registered algorithms: the encoded part is lower-case hex of this length. */
const DIGEST_HEX = { sha256: 64, sha384: 96, sha512: 128 };
/** distribution/reference's RepositoryNameTotalLengthMax: the path, registry not counted. */
const PATH_MAX = 255;
class RefError extends Error {
}
function checkDigest(digest) {
    if (!DIGEST.test(digest))
        throw new RefError('the digest must look like sha256:<64 hex digits>');
    const [algorithm, hex] = digest.split(':');
    const length = DIGEST_HEX[algorithm];
    if (length === undefined)
        throw new RefError(`unsupported digest algorithm "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(algorithm, 20)}"; use sha256`);
    if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
        throw new RefError(`a ${algorithm} digest is ${length} lower-case hex digits (this one has ${hex.length} characters)`);
    }
}
/**
 * docker's rule (splitDockerDomain): the first path component is a registry when it is `localhost`
 * or holds a `.` or a `:`; otherwise the whole name is a repository path (on Docker Hub).
 * (Newer CLIs also take an upper-case first component as a host; Docker 20.10 rejects it, so do we.)
 */
function splitRegistry(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return { repository: name };
    const first = name.slice(0, slash);
    if (first === 'localhost' || /[.:]/.test(first))
        return { registry: first, repository: name.slice(slash + 1) };
    return { repository: name };
}
function parse(text) {
    if (text === '')
        throw new RefError('it is empty');
    if (/^(?:sha256:)?[a-f0-9]{64}$/.test(text)) {
        throw new RefError('that is an image ID; give a reference such as name:tag or name@sha256:<digest>');
    }
    const at = text.indexOf('@');
    const digest = at < 0 ? undefined : text.slice(at + 1);
    const named = at < 0 ? text : text.slice(0, at);
    const colon = named.lastIndexOf(':');
    const hasTag = colon > named.lastIndexOf('/');
    const name = hasTag ? named.slice(0, colon) : named;
    const tag = hasTag ? named.slice(colon + 1) : undefined;
    const { registry, repository } = splitRegistry(name);
    if (registry !== undefined && !DOMAIN.test(registry))
        throw new RefError('');
    if (!REMOTE_NAME.test(repository)) {
        throw new RefError(REMOTE_NAME.test(repository.toLowerCase()) ? 'repository names must be lower-case' : '');
    }
    if (repository.length > PATH_MAX) {
        throw new RefError(`the repository path is ${repository.length} characters; at most ${PATH_MAX} are allowed`);
    }
    if (tag !== undefined && !TAG.test(tag)) {
        throw new RefError(tag.length > 128 && TAG.test(tag.slice(0, 128)) ? `the tag is ${tag.length} characters; at most 128 are allowed` : '');
    }
    if (digest !== undefined)
        checkDigest(digest);
    return { ...(registry !== undefined && { registry }), repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
function invalid(what, text, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what}: "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(text, 300)}" is not a valid image reference${why ? `: ${why}` : ''}`);
}
/** Any reference (the `image` input): name, name:tag, name@digest, name:tag@digest. */
function parseImageRef(text, what = 'image') {
    try {
        return parse(text);
    }
    catch (e) {
        if (e instanceof RefError)
            throw invalid(what, text, e.message);
        throw e;
    }
}
/** A `tags` entry: name[:tag] only. */
function parseTagRef(text, what = 'tags') {
    const ref = parseImageRef(text, what);
    if (ref.digest !== undefined) {
        throw invalid(what, text, 'a tag cannot carry a digest (the registry computes it on push); give name:tag, and pass a digest reference as image');
    }
    return ref;
}
/** The tag a `TagRef` names: docker's `latest` when none is written. */
function tagOf(ref) {
    return ref.tag ?? 'latest';
}
/** `registry/repository`, as written. */
function refName(ref) {
    return ref.registry === undefined ? ref.repository : `${ref.registry}/${ref.repository}`;
}
function formatRef(ref) {
    return `${refName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/**
 * The name as docker prints it in RepoDigests: Docker Hub's registry and its `library/` namespace
 * left out (`docker.io/library/busybox` → `busybox`).
 */
function familiarName(ref) {
    const hub = ref.registry === undefined || ref.registry === 'docker.io' || ref.registry === 'index.docker.io';
    if (!hub)
        return refName(ref);
    const official = ref.repository.slice('library/'.length);
    return ref.repository.startsWith('library/') && !official.includes('/') ? official : ref.repository;
}
/** `name@digest`: the canonical form of a digest reference (a tag beside a digest is ignored by docker). */
function digestRef(ref) {
    return `${refName(ref)}@${ref.digest}`;
}


/***/ }),

/***/ 1601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const UNITS = { '': 1, s: 1, m: 60, h: 3600 };
/** `90s`, `15m`, `1h`, `1h30m`, plain seconds; `0` means none (returns 0). Result in seconds. */
function parseDuration(input, name) {
    const text = input.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Number(text);
    const re = /(\d+(?:\.\d+)?)([hms])/gy;
    let total = 0;
    let consumed = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
        total += Number(m[1]) * UNITS[m[2]];
        consumed = re.lastIndex;
    }
    if (text === '' || consumed !== text.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${name}: "${text}" is not a duration; use seconds or forms like 90s, 15m, 1h (0 for none)`);
    }
    return total;
}
/** Back to the form a user wrote, for messages: 900 → "15m". */
function formatDuration(seconds) {
    if (seconds > 0 && seconds % 3600 === 0)
        return `${seconds / 3600}h`;
    if (seconds > 0 && seconds % 60 === 0)
        return `${seconds / 60}m`;
    return `${seconds}s`;
}


/***/ }),

/***/ 6720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ envInput),
/* harmony export */   Mn: () => (/* binding */ lines),
/* harmony export */   T6: () => (/* binding */ splitPair),
/* harmony export */   eU: () => (/* binding */ VAR_NAME),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   tv: () => (/* binding */ inStepEnv)
/* harmony export */ });
/** The runner's contract: INPUT_<NAME>, upper-cased, spaces to `_`, hyphens kept. */
function envInput(env = process.env) {
    return name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Newline-separated list, blank lines and `#` comment lines dropped. */
function lines(value) {
    return value
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== '' && !l.startsWith('#'));
}
/** Comma- or newline-separated list. */
function list(value) {
    return value
        .split(/[,\n]/)
        .map(l => l.trim())
        .filter(l => l !== '');
}
/**
 * `KEY=VALUE`, split at the first `=` (a value may hold more): the one rule of every such input, manifest
 * entry and image ENV line. `value` is undefined for a bare `KEY`; nothing is trimmed, callers decide.
 */
function splitPair(text) {
    const eq = text.indexOf('=');
    return eq < 0 ? { key: text, value: undefined } : { key: text.slice(0, eq), value: text.slice(eq + 1) };
}
/** A process environment variable name as the action accepts it everywhere: a letter or `_`, then letters, digits, `_`. */
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Whether the step's env holds a value under `name`. `empty` is its own answer: an unset repository or
 * environment secret expands to an empty string (design.md §5.3), which is never a usable value.
 * Whitespace alone counts as empty.
 */
function inStepEnv(env, name) {
    const v = env[name];
    if (v === undefined)
        return 'unset';
    return v.trim() === '' ? 'empty' : 'set';
}


/***/ }),

/***/ 3667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/task/words.ts
var words = __webpack_require__(3552);
// EXTERNAL MODULE: ./src/image/ref.ts
var ref = __webpack_require__(2812);
// EXTERNAL MODULE: ./src/image/build-inputs.ts
var build_inputs = __webpack_require__(4579);
// EXTERNAL MODULE: ./src/workspace-files.ts
var workspace_files = __webpack_require__(7076);
// EXTERNAL MODULE: ./src/inputs/grammar.ts
var grammar = __webpack_require__(6720);
// EXTERNAL MODULE: ./src/engine/address.ts
var engine_address = __webpack_require__(6970);
// EXTERNAL MODULE: ./src/task/create-args.ts
var create_args = __webpack_require__(8423);
;// CONCATENATED MODULE: ./src/inputs/event-values.ts


/**
 * ADR 0015 (issue 33): an event value cannot add a list item. `tags: ghcr.io/acme/app:pr-${{ github.head_ref }}`
 * with a branch named `x,ghcr.io/acme/app` would be two tags, the second overwriting production's; a pull
 * request title with a line break would add a line to `env`. The runner hands the action only the
 * expanded text, so the rule is read on it: a list input whose text holds an event value that itself
 * holds one of that input's separators is an error naming the input and where the value came from.
 */
/** What splits each list input's items (inputs/grammar.ts `list`, `lines`; task/words.ts for run-args). */
const COMMA_OR_LINE = /[,\r\n]/;
const LINE = /[\r\n]/;
const WORD = /[\s'"\\]/;
/** A shell's input: words, and what starts another command or substitutes one. */
const SHELL = /[\s'"\\;|&$`<>()]/;
/** YAML (flow collections, mappings, quotes, comments) whose options and commands are split into words too. */
const YAML = /[\s,:{}[\]#&*!|>'"%@`\\]/;
const LIST_INPUTS = {
    tags: COMMA_OR_LINE,
    phases: COMMA_OR_LINE,
    platforms: COMMA_OR_LINE,
    'add-hosts': COMMA_OR_LINE,
    allow: COMMA_OR_LINE,
    'no-cache-filters': COMMA_OR_LINE,
    ssh: COMMA_OR_LINE,
    'build-args': LINE,
    labels: LINE,
    // buildx reads each line as CSV attributes: a comma adds one (`ref=` elsewhere).
    'cache-from': COMMA_OR_LINE,
    'cache-to': COMMA_OR_LINE,
    annotations: LINE,
    'build-contexts': LINE,
    'secret-files': LINE,
    ulimit: LINE,
    secrets: LINE,
    env: LINE,
    'env-files': LINE,
    'secrets-dotenv': LINE,
    'build-secrets': LINE,
    sidecars: YAML,
    'docker-known-hosts': LINE,
    'run-args': WORD,
    // Split into words in exec mode, and a shell's input otherwise.
    'release-command': SHELL
};
/** The runner's variables that carry a ref someone outside the workflow may have named. */
const REF_VARIABLES = ['GITHUB_HEAD_REF', 'GITHUB_BASE_REF', 'GITHUB_REF_NAME', 'GITHUB_REF'];
/**
 * The payload's parts that whoever may start the workflow cannot choose: `workflow_dispatch` inputs and
 * a `repository_dispatch` client_payload come from someone with write access, on purpose.
 */
const TRUSTED_PAYLOAD = new Set(['inputs', 'client_payload']);
/** What any list input splits on: a payload string without one of these cannot split an item. */
const SPLITS = new RegExp([COMMA_OR_LINE, LINE, WORD, YAML, SHELL].map(r => r.source).join('|'));
/** GitHub sends payloads of up to 25 MB; a larger file is not read, so it cannot be checked. */
const MAX_EVENT_FILE = 32 * 1024 * 1024;
/**
 * The event values that could split an item: the ref variables and every string of the event payload
 * (GITHUB_EVENT_PATH) that holds a comma, a line break or white space, with the path it was found at.
 */
function eventValues(env) {
    const out = REF_VARIABLES.filter(n => env[n]).map(n => ({ source: n, value: env[n] }));
    if (!env.GITHUB_EVENT_PATH)
        return out;
    const text = (0,workspace_files/* readRegularFile */.XF)(env.GITHUB_EVENT_PATH, 'the event payload (GITHUB_EVENT_PATH)', MAX_EVENT_FILE);
    if (text === undefined)
        return out;
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch {
        throw new errors/* InputError */.dz('the event payload (GITHUB_EVENT_PATH) is not JSON, so list inputs cannot be checked for event values');
    }
    const stack = [{ at: 'github.event', value: payload }];
    while (stack.length > 0) {
        const { at, value } = stack.pop();
        if (typeof value === 'string' && SPLITS.test(value))
            out.push({ source: at, value });
        if (typeof value !== 'object' || value === null)
            continue;
        for (const [k, v] of Object.entries(value)) {
            if (at === 'github.event' && TRUSTED_PAYLOAD.has(k))
                continue;
            stack.push({ at: Array.isArray(value) ? `${at}[${k}]` : `${at}.${k}`, value: v });
        }
    }
    return out;
}
/** The event value that would add an item to `name`, if its text holds one. */
function splittingValue(name, text, values) {
    const separator = LIST_INPUTS[name];
    if (!separator || !separator.test(text))
        return undefined;
    const folded = text.toLowerCase();
    // Case folded: a workflow may lower-case a branch name for a tag (toLower(), metadata-action's raw).
    const splits = (v) => separator.test(v) && v.replace(new RegExp(separator, 'g'), '') !== '';
    // Trimmed too: the runner's input is trimmed, so a value at its start or end loses its outer blanks.
    const found = (v) => splits(v) && folded.includes(v.toLowerCase());
    return values().find(v => found(v.value) || found(v.value.trim()));
}
/** `get`, refusing a list input that an event value would split (its values read once, when first needed). */
function guardLists(get, read) {
    let values;
    const once = () => (values ??= read());
    return name => {
        const text = get(name);
        const hit = splittingValue(name, text, once);
        if (hit)
            throw new errors/* InputError */.dz(splitError(name, hit));
        return text;
    };
}
function splitError(name, hit) {
    const fix = name === 'tags'
        ? 'make tags with docker/metadata-action (it turns a ref into one valid tag)'
        : `put it in the step's env and name that variable here (${name === 'build-args' ? 'build-args: NAME takes its value from the step env' : 'secrets: NAME passes it by name'})`;
    return (`${name}: the text holds ${hit.source}, an event value (chosen by whoever names the branch or writes the pull request, issue or commit), ` +
        `and that value holds a separator of this input, so it would add items to the list. Never interpolate such a value into a list input: ${fix}`);
}

;// CONCATENATED MODULE: ./src/inputs/settings.ts












const PHASES = ['predeploy', 'release', 'postdeploy', 'first-deploy'];
function bool(get, name, dflt) {
    const v = get(name).toLowerCase();
    if (v === '')
        return dflt;
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new errors/* InputError */.dz(`${name}: "${get(name)}" is not a boolean; use true or false`);
}
function oneOf(get, name, allowed, dflt) {
    const v = get(name) || dflt;
    if (!allowed.includes(v)) {
        throw new errors/* InputError */.dz(`${name}: "${v}" is not one of ${allowed.join(', ')}`);
    }
    return v;
}
/**
 * What follows `=` is not a variable name: most likely a value written build-push-action's way
 * (`secrets: ID=value`). Explain the difference without repeating it (design.md §5.3; issue 14).
 */
function notAVariable(input, target, key) {
    const example = `env: { ${target}: \${{ secrets.${target} }} }`;
    const here = input === 'build-secrets'
        ? `here ${key}=SOURCE names a variable of the step's env that holds the secret, not the secret itself (docker/build-push-action's \`secrets: ID=value\` takes the value)`
        : `here NAME=SOURCE names a variable of the step's env that holds the value, not the value itself (docker/build-push-action's \`secrets\` input is build-secrets here)`;
    return `${input}: what follows "=" for ${target} is not a variable name; ${here}. Put the value in the step's ${example} and write ${target} alone`;
}
function parseMappings(value, name, key) {
    const seen = new Set();
    return (0,grammar/* lines */.Mn)(value).map(line => {
        const pair = (0,grammar/* splitPair */.T6)(line);
        const target = pair.key.trim();
        const source = (pair.value ?? pair.key).trim();
        const re = key === 'ID' ? /^[A-Za-z0-9_.-]+$/ : grammar/* VAR_NAME */.eU;
        if (!re.test(target))
            throw new errors/* InputError */.dz(`${name}: "${target}" is not a valid ${key === 'ID' ? 'secret id' : 'variable name'}`);
        if (!grammar/* VAR_NAME */.eU.test(source))
            throw new errors/* InputError */.dz(notAVariable(name, target, key));
        if (seen.has(target))
            throw new errors/* InputError */.dz(`${name}: ${target} is listed twice`);
        seen.add(target);
        return { name: target, source };
    });
}
function parseEnvPairs(value) {
    return (0,grammar/* lines */.Mn)(value).map(line => {
        const { key, value } = (0,grammar/* splitPair */.T6)(line);
        if (value === undefined)
            throw new errors/* InputError */.dz(`env: "${line}" is not NAME=value`);
        const name = key.trim();
        if (!grammar/* VAR_NAME */.eU.test(name))
            throw new errors/* InputError */.dz(`env: "${name}" is not a valid variable name`);
        return { name, value };
    });
}
/** Reads and validates every input (design.md §2–§10). Pure but for the getter and `env` (GitHub context). */
function readSettings(input, env = process.env) {
    // An event value (a branch name, a title) that would add a list item is refused (ADR 0015).
    const get = guardLists(input, () => eventValues(env));
    // Real path: every path below is compared with it once its links are followed (workspace-files.ts).
    const workspace = (0,workspace_files/* realpathExisting */.zE)(env.GITHUB_WORKSPACE || process.cwd());
    const workingDirectory = (0,workspace_files/* insidePath */.yt)(workspace, workspace, get('working-directory') || '.', 'working-directory');
    const manifest = (name, dflt) => (0,workspace_files/* insidePath */.yt)(workspace, workingDirectory, get(name) || dflt, name);
    const phaseNames = (0,grammar/* list */.p_)(get('phases') || 'predeploy,release');
    for (const p of phaseNames) {
        if (!PHASES.includes(p))
            throw new errors/* InputError */.dz(`phases: "${p}" is not a phase; use ${PHASES.join(', ')}`);
    }
    const phases = PHASES.filter(p => phaseNames.includes(p));
    const platforms = (0,grammar/* list */.p_)(get('platforms'));
    if (platforms.length > 1) {
        throw new errors/* InputError */.dz(`platforms: ${platforms.join(', ')}: the image is loaded into the local engine to run its tasks, and --load takes one platform`);
    }
    const tags = (0,grammar/* list */.p_)(get('tags')).map(t => (0,ref/* parseTagRef */.h2)(t));
    const image = get('image');
    const imageRef = image ? (0,ref/* parseImageRef */.Q)(image) : undefined;
    const context = get('context') ? (0,workspace_files/* insidePath */.yt)(workspace, workingDirectory, get('context'), 'context') : workingDirectory;
    const file = get('file') ? (0,workspace_files/* insidePath */.yt)(workspace, workingDirectory, get('file'), 'file') : '';
    const envFiles = (0,grammar/* lines */.Mn)(get('env-files')).map(f => (0,workspace_files/* insidePath */.yt)(workspace, workingDirectory, f, 'env-files'));
    const shell = get('shell') || '/bin/sh';
    const buildxVersion = get('buildx-version').replace(/^v/, '');
    if (buildxVersion && !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(buildxVersion)) {
        throw new errors/* InputError */.dz(`buildx-version: "${buildxVersion}" is not an exact version such as 0.13.1`);
    }
    const timeoutSeconds = (0,duration/* parseDuration */.E)(get('timeout') || '60m', 'timeout');
    const stopTimeoutSeconds = (0,duration/* parseDuration */.E)(get('stop-timeout') || '10s', 'stop-timeout');
    if (!Number.isInteger(stopTimeoutSeconds))
        throw new errors/* InputError */.dz('stop-timeout: use whole seconds');
    const runArgs = (0,words/* splitWords */.y)(get('run-args'), { what: 'run-args' });
    // The same grammar as sidecar options: a misspelt flag is an input error, not a failed create after the build.
    const runArgsProblem = (0,create_args/* createArgsProblem */.D6)(runArgs, 'run-args hold options only: the image and the command come from the plan');
    if (runArgsProblem)
        throw new errors/* InputError */.dz(`run-args: ${runArgsProblem}`);
    return {
        workspace,
        workingDirectory,
        procfile: manifest('procfile', 'Procfile'),
        appJson: manifest('app-json', 'app.json'),
        herokuYml: manifest('heroku-yml', 'heroku.yml'),
        releaseCommand: get('release-command'),
        context,
        file,
        target: get('target'),
        buildArgs: (0,grammar/* lines */.Mn)(get('build-args')),
        labels: (0,grammar/* lines */.Mn)(get('labels')),
        tags,
        builder: get('builder'),
        platform: platforms[0] ?? '',
        pull: bool(get, 'pull', false),
        noCache: bool(get, 'no-cache', false),
        cacheFrom: (0,grammar/* lines */.Mn)(get('cache-from')),
        cacheTo: (0,grammar/* lines */.Mn)(get('cache-to')),
        image,
        imageRef,
        phases,
        entrypoint: oneOf(get, 'entrypoint', ['auto', 'shell', 'exec', 'shell-through-entrypoint'], 'auto'),
        shell,
        network: get('network'),
        runArgs,
        init: bool(get, 'init', true),
        timeoutSeconds,
        stopTimeoutSeconds,
        secrets: parseMappings(get('secrets'), 'secrets', 'NAME'),
        env: parseEnvPairs(get('env')),
        envFiles,
        secretsDotenv: (0,grammar/* lines */.Mn)(get('secrets-dotenv')).map(n => {
            if (!grammar/* VAR_NAME */.eU.test(n))
                throw new errors/* InputError */.dz(`secrets-dotenv: "${n}" is not a valid variable name`);
            return n;
        }),
        buildSecrets: parseMappings(get('build-secrets'), 'build-secrets', 'ID'),
        push: bool(get, 'push', false),
        firstDeploy: oneOf(get, 'first-deploy', ['auto', 'true', 'false'], 'auto'),
        environment: get('environment'),
        githubToken: get('github-token'),
        buildxVersion,
        buildxDownloadUrl: get('buildx-download-url'),
        dryRun: bool(get, 'dry-run', false),
        ...(0,build_inputs/* readBuildExtras */.MH)(get, workspace, workingDirectory, env),
        sidecars: get('sidecars'),
        engine: (0,engine_address/* readEngineSettings */.mr)(get)
    };
}

// EXTERNAL MODULE: ./src/secrets.ts
var src_secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/manifests/release-command.ts
var release_command = __webpack_require__(4903);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
;// CONCATENATED MODULE: ./src/sidecars/summary.ts


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
        lines.push(`| ${r.phase} | ${(0,untrusted/* mdText */.bC)(r.name)} | ${(0,untrusted/* mdText */.bC)((0,masking/* redact */.E$)(r.image, secrets))} | ${status} | ${ready} |`);
    }
    lines.push('');
    for (const r of reports.filter(x => x.tail)) {
        lines.push(`#### Last lines of sidecar ${(0,untrusted/* mdText */.bC)(r.name)} (${r.phase})`, '', (0,untrusted/* fenced */.OF)((0,masking/* redact */.E$)(r.tail, secrets)), '');
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
            const cmd = p.command ? `<code>${(0,untrusted/* mdText */.bC)((0,masking/* redact */.E$)(p.command, secrets))}</code>` : '';
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
        lines.push(`**Error:** ${(0,untrusted/* mdText */.bC)((0,masking/* redact */.E$)(r.error, secrets))}`, '');
    lines.push(...sidecarSummary(r.sidecars ?? [], secrets));
    if (r.failure) {
        lines.push(`### Last lines of the ${r.failure.phase} task`, '', (0,untrusted/* fenced */.OF)((0,masking/* redact */.E$)(r.failure.tail, secrets)), '');
    }
    if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY) {
        lines.push(`[Full log](${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID})`, '');
    }
    return lines.join('\n');
}
function writeSummary(r, secrets) {
    runner/* appendSummary */.fe(summaryMarkdown(r, secrets));
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/run-record.ts
var run_record = __webpack_require__(1894);
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
    waiting = [];
    last = [];
    constructor(runId, tempDir) {
        this.runId = runId;
        this.tempDir = tempDir;
    }
    /** A new run with a fresh id and a private temporary directory under RUNNER_TEMP. */
    static create(env = process.env) {
        return new RunScope((0,run_record/* newRunId */.F$)(), (0,run_record/* makeTempDir */.mk)(env));
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
    /**
     * Work that must wait for every removal started so far and for the next task container to exist
     * (on the containerd store its create is the image's first unpack): it then runs beside that task.
     * With no task after it, it runs in close(), once every deferred removal is done.
     */
    afterNextCreate(work) {
        this.waiting.push(work);
    }
    /** A task container was created: the work waiting for one starts, after the removals started so far. */
    taskCreated() {
        if (this.waiting.length === 0)
            return;
        const before = Promise.all([...this.pending]);
        for (const work of this.waiting.splice(0))
            this.defer(before.then(work));
    }
    /** Work that must wait until every deferred removal is done (it runs in close()). */
    atClose(work) {
        this.last.push(work);
    }
    /**
     * Waits for every deferred removal, runs the atClose work, then `final` (closing the engine's
     * connection, whose sockets live in the directory), then deletes the temporary directory.
     */
    async close(final) {
        while (this.pending.length > 0)
            await Promise.all(this.pending.splice(0));
        for (const work of [...this.waiting.splice(0), ...this.last.splice(0)])
            await work().catch(() => undefined);
        try {
            await final?.();
        }
        finally {
            external_node_fs_.rmSync(this.tempDir, { recursive: true, force: true });
        }
    }
}

// EXTERNAL MODULE: ./src/docker/cli.ts + 1 modules
var docker_cli = __webpack_require__(8683);
// EXTERNAL MODULE: ./src/image/inspect.ts
var inspect = __webpack_require__(4557);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/engine/connect.ts




/**
 * The runner's engine, pinned: the step env's DOCKER_HOST or a CLI current context would otherwise
 * still choose another engine for the docker children (`docker-context: default` with DOCKER_HOST set).
 */
const LOCAL = {
    env: { DOCKER_CONTEXT: 'default', DOCKER_HOST: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined },
    name: 'the local engine',
    remote: false,
    close: async () => undefined
};
/**
 * Opens the chosen engine (design.md §12), its address already checked (address.ts engineAddress): SSH
 * through one forwarded connection (ssh.ts), TCP with its TLS material (by name, written to the run's
 * private directory), a socket or context as the CLI would. `dir` is private to the run (0700) and
 * removed with it.
 */
async function openEngine(address, s, dir, env = process.env) {
    switch (address.kind) {
        case 'default':
            return LOCAL;
        case 'context':
            // A context the CLI resolves itself (tcp with its stored TLS material, or a socket).
            return {
                env: { DOCKER_CONTEXT: address.name, DOCKER_HOST: undefined },
                name: `the Docker context ${address.name}`,
                remote: (0,engine_address/* isRemote */.Vx)(address),
                close: LOCAL.close
            };
        case 'unix':
            return { env: { DOCKER_HOST: address.url, DOCKER_CONTEXT: undefined }, name: `the engine at ${address.url}`, remote: false, close: LOCAL.close };
        case 'tcp':
            return { env: tlsEnv(address.url, s, dir, env), name: `the Docker host ${address.url}`, remote: (0,engine_address/* isRemote */.Vx)(address), close: LOCAL.close };
        case 'ssh': {
            const { openSsh } = await __webpack_require__.e(/* import() */ 96).then(__webpack_require__.bind(__webpack_require__, 3096));
            const where = (0,run_record/* socketDir */.dj)(dir);
            const done = () => void (where !== dir && external_node_fs_.rmSync(where, { recursive: true, force: true }));
            const link = await openSsh(address, s, where, env).catch((e) => {
                done();
                throw e;
            });
            const unset = { DOCKER_CONTEXT: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined };
            return {
                env: { ...unset, DOCKER_HOST: `unix://${link.socket}` },
                name: `the Docker host ${address.url}`,
                remote: true,
                expose: link.expose,
                close: () => link.close().finally(done)
            };
        }
    }
}
/**
 * tcp:// carries every task value of `docker create`, so it has TLS (checkEngineInputs refused it
 * otherwise, but on this machine's loopback): the material named by the inputs, written 0600 here, or
 * the step env's own DOCKER_TLS_VERIFY and DOCKER_CERT_PATH.
 */
function tlsEnv(url, s, dir, env) {
    const base = { DOCKER_HOST: url, DOCKER_CONTEXT: undefined };
    if (!s.tls.ca)
        return env.DOCKER_TLS_VERIFY && env.DOCKER_CERT_PATH ? base : { ...base, DOCKER_TLS_VERIFY: undefined };
    const tls = external_node_path_.join(dir, 'tls');
    external_node_fs_.mkdirSync(tls, { mode: 0o700 });
    const files = [
        ['ca.pem', s.tls.ca],
        ['cert.pem', s.tls.cert],
        ['key.pem', s.tls.key]
    ];
    for (const [file, name] of files)
        if (name)
            external_node_fs_.writeFileSync(external_node_path_.join(tls, file), env[name], { mode: 0o600 });
    return { ...base, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tls };
}

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
        m.procfileName = rel(s.procfile);
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

;// CONCATENATED MODULE: ./src/manifests/presence.ts



/**
 * design.md §2.8, issue 10 item 5: no manifest and no `release-command` is an error, before any side effect.
 * A job that forgot actions/checkout, or a wrong working-directory, would otherwise build, run nothing
 * and report released=true.
 */
function requireManifests(s, m) {
    if (m.found.length > 0 || s.releaseCommand.trim() !== '')
        return;
    const dir = external_node_path_.relative(s.workspace, s.workingDirectory) || '.';
    const names = [s.procfile, s.appJson, s.herokuYml].map(f => external_node_path_.relative(s.workingDirectory, f));
    throw new errors/* InputError */.dz(`no manifest found: none of ${names.join(', ')} is in "${dir}" (working-directory, relative to the workspace) and release-command is empty, so there is nothing to run. ` +
        'Check out the repository before this step (actions/checkout), or set working-directory to the folder of the app');
}
/**
 * Manifests exist but no requested phase has a command: not an error (a build-and-push job may be
 * exactly that), but said in a warning and in the summary so it is never taken for a release.
 */
function nothingToRun(phases, found) {
    if (phases.some(p => (0,release_command/* hasCommand */.mU)(p.command)))
        return undefined;
    const requested = phases.map(p => p.phase).join(', ') || 'none';
    return `none of the requested phases (${requested}) has a command in ${found.join(', ') || 'the inputs'}: no task runs`;
}

// EXTERNAL MODULE: ./src/release-plan.ts
var release_plan = __webpack_require__(3912);
// EXTERNAL MODULE: ./src/image/build.ts
var build = __webpack_require__(6489);
;// CONCATENATED MODULE: ./src/image/git-head.ts
/**
 * design.md §3.2 / §3.3: the commit checked out in the working directory, read from its `.git` (no git
 * process). Under `pull_request_target` or a checkout of another ref, `GITHUB_SHA` names a commit that is
 * not the one being built; the image's default tag and revision label must name the one that is.
 */



const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const REF = /^refs\/[A-Za-z0-9._/-]+$/;
const readSmall = (file) => (0,workspace_files/* readFileIfRegular */.GI)(file);
/** Where a checkout's refs and config are: a worktree's common directory, else the git directory itself. */
function commonDir(gitDir) {
    const common = readSmall(external_node_path_.join(gitDir, 'commondir'))?.trim();
    return common ? external_node_path_.resolve(gitDir, common) : gitDir;
}
/** The git directory of a checkout at `dir`: `.git` itself, or the one a `gitdir:` file names. */
function gitDirAt(dir) {
    const dotGit = external_node_path_.join(dir, '.git');
    let st;
    try {
        st = external_node_fs_.statSync(dotGit);
    }
    catch {
        return undefined;
    }
    if (st.isDirectory())
        return dotGit;
    const m = /^gitdir: (.+)$/m.exec(readSmall(dotGit) ?? '');
    return m ? external_node_path_.resolve(dir, m[1].trim()) : undefined;
}
function resolveRef(gitDir, ref) {
    if (!REF.test(ref) || ref.split('/').includes('..'))
        return undefined;
    // A worktree keeps its refs in the common directory.
    for (const dir of new Set([gitDir, commonDir(gitDir)])) {
        const loose = readSmall(external_node_path_.join(dir, ref))?.trim();
        if (loose && SHA.test(loose))
            return loose;
        for (const line of (readSmall(external_node_path_.join(dir, 'packed-refs')) ?? '').split('\n')) {
            const [sha, name] = line.trim().split(' ');
            if (name === ref && SHA.test(sha))
                return sha;
        }
    }
    return undefined;
}
/**
 * Whether a checkout's `origin` is `repository` (`owner/name`, as GITHUB_REPOSITORY): a second checkout
 * of another repository (`actions/checkout` with `repository:` and `path:`), or a submodule, has its
 * own commits, which must not name or label an image of this one. No origin, or no repository to
 * compare with (outside GitHub): trusted.
 */
function originIs(gitDir, repository) {
    if (!repository)
        return true;
    const config = readSmall(external_node_path_.join(commonDir(gitDir), 'config')) ?? '';
    const origin = /\[remote "origin"\][^[]*?^\s*url\s*=\s*(\S+)/ims.exec(config)?.[1];
    if (!origin)
        return true;
    const repoPath = origin
        .replace(/\.git\/?$/, '')
        .replace(/^[a-z+]+:\/\/[^/]+\//i, '')
        .replace(/^[^@]+@[^:]+:/, '');
    return repoPath.toLowerCase() === repository.toLowerCase();
}
/**
 * The HEAD commit of the checkout holding `dir` (searched up to `root`): `sha`, or `unreadable` when a
 * checkout is there but its HEAD is not read here (a reftable repository, a ref that is not a commit,
 * a checkout of another repository than `repository`).
 */
function checkedOutCommit(dir, root, repository) {
    for (let d = external_node_path_.resolve(dir);; d = external_node_path_.dirname(d)) {
        const gitDir = gitDirAt(d);
        if (gitDir) {
            if (!originIs(gitDir, repository))
                return { unreadable: gitDir };
            const head = readSmall(external_node_path_.join(gitDir, 'HEAD'))?.trim() ?? '';
            if (SHA.test(head))
                return { sha: head };
            const ref = /^ref: (\S+)$/.exec(head)?.[1];
            const sha = ref ? resolveRef(gitDir, ref) : undefined;
            return sha ? { sha } : { unreadable: gitDir };
        }
        if (d === external_node_path_.resolve(root) || d === external_node_path_.dirname(d))
            return {};
    }
}

;// CONCATENATED MODULE: ./src/image/context-credentials.ts
/**
 * design.md §3.6: a checkout's persisted credentials never enter a build context unnoticed.
 * actions/checkout (before v6) keeps the job's token in `.git/config` as
 * `http.<url>.extraheader = AUTHORIZATION: basic …`; `COPY . /src` sends the whole context, every
 * `.git` in it included, bakes the token into the image and shows it to every task. The Dockerfile is not
 * read: a persisted credential anywhere in the context is refused (the fix costs one line).
 * docker/build-push-action's default Git context carries no `.git`; ours is a directory, so it is checked.
 */




/** A config line that carries a credential: an auth header, a credential helper, a URL with a password. */
const CREDENTIAL_LINE = [
    { what: 'an http extraheader with an Authorization header', re: /^\s*extraheader\s*=\s*"?\s*authorization\s*:/im },
    { what: 'a credential helper', re: /^\s*\[\s*credential\b[^\]]*\][^[]*?^\s*helper\s*=\s*\S/ims },
    { what: 'a URL with a password', re: /^\s*(?:url|pushurl)\s*=\s*"?[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/im },
    // From a review: a token as the URL's user (`https://ghp_…@github.com/…`), and a URL with a password in
    // a section header (`[url "https://x-access-token:…@github.com/"] insteadOf = …`).
    { what: 'a URL with a token', re: /^\s*(?:url|pushurl)\s*=\s*"?https?:\/\/(?:gh[opsur]_|github_pat_|glpat-|x-access-token|x-token-auth|oauth2)[^/@\s]*@/im },
    { what: 'a URL with a password', re: /^\s*\[\s*url\s+"[a-z][a-z0-9+.-]*:\/\/[^/@\s:"]*:[^/@\s"]+@/im }
];
/**
 * Bounds of the walk (design.md §9.4). Past one, the check cannot say the context is clean, so the
 * step fails (issue 33: a token behind the 20,000th directory used to be sent with a warning).
 */
const MAX_DIRS = 50_000;
/** Submodule configs under one `.git/modules`. */
const MAX_MODULE_CONFIGS = 1000;
/** One `.git` config's size: a larger one is not read, so it is refused. */
const MAX_CONFIG = 1024 * 1024;
/**
 * The ignore file BuildKit uses for this build: `<Dockerfile>.dockerignore` when it exists, else
 * `<context>/.dockerignore`. BuildKit follows a link to it only inside the directory it reads it from
 * (fsutil resolves an absolute target against that root): a link read otherwise on the runner would
 * make this check skip what BuildKit sends (a review), so one that leaves that directory is refused.
 */
function ignoreText(context, dockerfile) {
    const own = dockerfile ? `${dockerfile}.dockerignore` : undefined;
    if (own && external_node_fs_.lstatSync(own, { throwIfNoEntry: false }))
        return readIgnore(own, external_node_path_.dirname(own));
    return readIgnore(external_node_path_.join(context, '.dockerignore'), context);
}
function readIgnore(file, root) {
    const st = external_node_fs_.lstatSync(file, { throwIfNoEntry: false });
    if (st?.isSymbolicLink()) {
        const target = external_node_fs_.readlinkSync(file);
        const real = external_node_fs_.existsSync(file) ? external_node_fs_.realpathSync(file) : undefined;
        if (external_node_path_.isAbsolute(target) || real === undefined || (0,workspace_files/* outside */.qY)((0,workspace_files/* realpathExisting */.zE)(root), real)) {
            throw new errors/* InputError */.dz(`${external_node_path_.basename(file)} is a link to ${target}, which BuildKit does not read where it points on the runner, so the check for persisted checkout credentials cannot use it; make it a regular file (or a relative link that stays beside it)`);
        }
    }
    return (0,workspace_files/* readFileIfRegular */.GI)(file) ?? '';
}
/** Each `.git` config in a `.git` directory that the build sends: its own and every submodule's under `modules`. */
function configsOf(gitDir, sent, tooMany) {
    const configs = [external_node_path_.join(gitDir, 'config')];
    const modules = external_node_path_.join(gitDir, 'modules');
    if (external_node_fs_.existsSync(modules) && external_node_fs_.lstatSync(modules).isDirectory()) {
        const found = external_node_fs_.readdirSync(modules, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name === 'config');
        configs.push(...found.map(e => external_node_path_.join(e.parentPath, e.name)));
    }
    const out = configs.filter(sent);
    if (out.length > MAX_MODULE_CONFIGS)
        throw tooMany(modules, `holds more than ${MAX_MODULE_CONFIGS} submodule configs`);
    return out;
}
/**
 * A `.git` config's text for the check: undefined for a link (buildx sends the link, not its target)
 * or a file that is gone; anything else that cannot be read whole is refused.
 */
function configText(file, tooMany) {
    const st = external_node_fs_.lstatSync(file, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink())
        return undefined;
    const text = (0,workspace_files/* readFileIfRegular */.GI)(file, { follow: false, limit: MAX_CONFIG });
    if (text === undefined && st.isFile())
        throw tooMany(file, `is ${st.size} bytes (at most ${MAX_CONFIG} are read)`);
    return text;
}
/**
 * Every `.git` directory in the context at any depth (a second checkout with `path:` inside the
 * workspace has its own), never following links (buildx does not) and skipping what the ignore file
 * excludes. Walks at most MAX_DIRS directories; `truncated` says so, and `unreadable` names a directory it could not list.
 */
function gitDirs(context, ig, exceptions, maxDirs) {
    const dirs = [];
    const queue = [context];
    for (let next = 0; next < queue.length; next++) {
        if (next >= maxDirs)
            return { dirs, truncated: true };
        const dir = queue[next];
        let entries;
        try {
            entries = external_node_fs_.readdirSync(dir, { withFileTypes: true });
        }
        catch (e) {
            // Gone meanwhile is nothing to send; anything else unread could hold a `.git` (fails closed).
            if (e.code === 'ENOENT')
                continue;
            return { dirs, truncated: true, unreadable: dir };
        }
        for (const e of entries) {
            if (!e.isDirectory())
                continue;
            const full = external_node_path_.join(dir, e.name);
            // A `.git` is judged by its config files' own paths (an exception can re-include one); an ignored
            // directory is skipped only when no `!` exception could re-include something below it.
            if (e.name === '.git')
                dirs.push(full);
            else if (exceptions || !ig?.ignores(external_node_path_.relative(context, full)))
                queue.push(full);
        }
    }
    return { dirs, truncated: false };
}
async function loadIgnore(text) {
    // A CommonJS module whose module.exports is the factory: under NodeNext that is `default` itself.
    const ignore = (await __webpack_require__.e(/* import() */ 158).then(__webpack_require__.t.bind(__webpack_require__, 4158, 23))).default;
    // Linux BuildKit matches case-sensitively: `.GIT` in .dockerignore does not exclude `.git`.
    return ignore({ ignorecase: false }).add(text);
}
/**
 * Refuses, before the build, a context (and each local named build context) that would send a persisted
 * credential to the builder, or that is too large for the check to say it does not.
 */
async function checkContextCredentials(contexts, workspace, maxDirs = MAX_DIRS) {
    for (const c of contexts) {
        const tooMany = (file, what) => new errors/* InputError */.dz(`context ${c.name}: ${external_node_path_.relative(workspace, file) || '.'} ${what}, so the check for persisted checkout credentials cannot say the build context holds none. ` +
            'Exclude what the build does not need in .dockerignore (node_modules, vendor, .git), or build from a smaller context');
        const text = ignoreText(c.dir, c.dockerfile);
        const ig = text.trim() === '' ? undefined : await loadIgnore(text);
        const { dirs, truncated, unreadable } = gitDirs(c.dir, ig, /^\s*!/m.test(text), maxDirs);
        if (unreadable)
            throw tooMany(unreadable, 'cannot be listed');
        if (truncated)
            throw tooMany(c.dir, `holds more than ${maxDirs} directories that the build would send`);
        for (const gitDir of dirs) {
            const sent = (file) => !ig?.ignores(external_node_path_.relative(c.dir, file));
            for (const file of configsOf(gitDir, sent, tooMany)) {
                const config = configText(file, tooMany);
                const found = config === undefined ? undefined : CREDENTIAL_LINE.find(x => x.re.test(config));
                if (!found)
                    continue;
                throw new errors/* InputError */.dz(`context ${c.name}: ${external_node_path_.relative(workspace, file)} holds ${found.what} (a checkout's persisted token), and the build would send it to the builder, ` +
                    'where COPY . puts it in the image. Set persist-credentials: false on actions/checkout, or add .git to .dockerignore');
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/resolve.ts















const REMOTE_READINESS = 'sidecars: a readiness probe (ready: {tcp: …}) runs from the runner, which cannot reach the networks of a remote Docker engine; drop ready (the task then starts once the sidecars run) or release on the local engine';
/**
 * Settings and manifests to the `ReleasePlan`, in one place (issue 21): every input, manifest and file
 * error is raised here, before any Docker side effect; every value found is masked as soon as it is
 * known. Reads the workspace and the step env (`env`), and asks the deployments API for `first-deploy:
 * auto`; starts no process.
 */
async function resolveRun(s, env, log) {
    const manifests = await loadManifests(s);
    log.info(`Manifests found: ${manifests.found.length > 0 ? manifests.found.join(', ') : 'none'}`);
    requireManifests(s, manifests);
    const release = (0,release_command/* chooseReleaseCommand */.A2)(manifests.procfile, manifests.herokuYml, s.releaseCommand);
    if (release.warning)
        log.warning(release.warning);
    const vars = taskVariables(s, manifests, env, log);
    // Each sidecar's values (task variables by name, step env secrets), masked with the task's.
    const { sidecars, sidecarSecrets } = await sidecarsOf(s, vars, env);
    // build-secrets values (read from the step env) are masked like every other secret.
    const buildSecrets = s.image ? [] : (0,src_secrets/* buildSecretValues */.XF)(s.buildSecrets, env);
    const named = [
        ...(0,src_secrets/* taskSecrets */.vX)(vars),
        ...(s.githubToken ? [{ name: 'github-token', value: s.githubToken }] : []),
        ...buildSecrets,
        ...sidecarSecrets,
        ...(0,engine_address/* engineSecrets */.W8)(s.engine, env)
    ];
    log.mask(named);
    const address = (0,engine_address/* engineAddress */.ZK)(s.engine, env);
    const remote = (0,engine_address/* isRemote */.Vx)(address);
    if (remote && sidecars.some(sc => sc.ready))
        throw new errors/* InputError */.dz(REMOTE_READINESS);
    const plan = (0,release_plan/* resolvePlan */.yY)({
        settings: s,
        manifests,
        release,
        vars,
        sidecars,
        github: provenance(s, env, log),
        now: new Date(),
        firstDeploy: await decideFirstDeploy(s, log)
    });
    log.planned?.(plan, manifests);
    // Manifests but no command in any requested phase: said in a warning and the summary, never silent.
    const idle = nothingToRun(plan.phases, manifests.found);
    if (idle)
        log.warning(idle);
    // Commands: no NUL byte, small enough for one argv string (else E2BIG after the build).
    plan.phases.forEach(p => (0,release_plan/* annotated */.dR)(p.at, () => (0,untrusted/* checkCommand */.em)((0,release_plan/* commandName */.p6)(p), p.command)));
    if (plan.image.kind === 'build')
        log.mask(await checkBuildFiles(plan.settings, plan.image.dockerfile));
    return { plan, manifests, address, remote, notes: idle ? [idle] : [] };
}
/**
 * The build's files before the build starts: the context is a directory and the Dockerfile a regular
 * file (both inside the workspace: inputs/settings.ts), no context holds a persisted checkout token; returns the
 * secret-files contents, to be masked.
 */
async function checkBuildFiles(s, dockerfile) {
    (0,workspace_files/* checkDirectory */.W3)(s.context, `context ${external_node_path_.relative(s.workspace, s.context) || '.'}`);
    if (!external_node_fs_.existsSync(dockerfile))
        throw new errors/* ActionError */.lZ(`Dockerfile not found: ${external_node_path_.relative(s.workspace, dockerfile)}`);
    (0,workspace_files/* checkRegularFile */.l$)(dockerfile, `Dockerfile ${external_node_path_.relative(s.workspace, dockerfile)}`);
    const secretFiles = (0,build_inputs/* checkSecretFiles */.YO)(s, s.workspace);
    // A checkout's persisted token in the context or a local named context (design.md §3.6).
    const contexts = [
        { dir: s.context, name: external_node_path_.relative(s.workspace, s.context) || '.', dockerfile },
        ...s.buildContexts.filter(c => external_node_path_.isAbsolute(c.source)).map(c => ({ dir: c.source, name: c.name }))
    ];
    await checkContextCredentials(contexts, s.workspace);
    return secretFiles;
}
/** The task variables from every source (design.md §5), with the env files read from the workspace. */
function taskVariables(s, manifests, env, log) {
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
        processEnv: env
    });
    warnings.forEach(w => log.warning(w));
    return vars;
}
/** The `sidecars` input, parsed and given its values (design.md §4.8); its parser loads only when used. */
async function sidecarsOf(s, vars, env) {
    if (!s.sidecars)
        return { sidecars: [], sidecarSecrets: [] };
    const { parseSidecars, resolveSidecars, sidecarSecretValues } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(617)]).then(__webpack_require__.bind(__webpack_require__, 3617));
    const sidecars = resolveSidecars(parseSidecars(s.sidecars, { network: s.network, runArgs: s.runArgs }), vars, env);
    return { sidecars, sidecarSecrets: sidecarSecretValues(sidecars) };
}
/** `first-deploy` when that phase is requested: the input, or the deployments API (not in a dry run). */
async function decideFirstDeploy(s, log) {
    if (!s.phases.includes('first-deploy'))
        return undefined;
    let first;
    if (s.firstDeploy !== 'auto')
        first = s.firstDeploy === 'true';
    else if (!s.dryRun)
        first = await (await __webpack_require__.e(/* import() */ 573).then(__webpack_require__.bind(__webpack_require__, 7573))).isFirstDeploy(s.githubToken, s.environment);
    if (first !== undefined)
        log.info(`First deploy: ${first}`);
    return first;
}
/** The repository and the commit the build context holds (design.md §3.2), said when not GITHUB_SHA. */
function provenance(s, env, log) {
    const head = s.image ? {} : checkedOutCommit(s.context, s.workspace, env.GITHUB_REPOSITORY);
    const event = env.GITHUB_SHA;
    if (head.sha && event && head.sha !== event) {
        log.info(`The build context holds commit ${head.sha}, not the event's ${event}: the image is named and labelled after ${head.sha}`);
    }
    if (head.unreadable && event) {
        log.info(`The checkout in ${external_node_path_.relative(s.workspace, head.unreadable) || '.'} is not this repository's, or its HEAD could not be read here; the image is named and labelled after the event's commit ${event}`);
    }
    return (0,build/* githubContext */.h4)(env, head.sha);
}

;// CONCATENATED MODULE: ./src/main.ts













/**
 * The main step: resolve the plan (every input error is raised here, before any Docker side
 * effect), then either print it (dry run) or execute it. Outputs and the summary are written
 * whatever the outcome.
 */
async function run() {
    const result = emptyResult();
    const masks = (0,src_secrets/* noMasks */.Pq)();
    const mask = (secrets) => void (0,src_secrets/* maskValues */.Z$)(secrets, v => runner/* setSecret */.Pq(v), w => runner/* warning */.$e(w), masks);
    let scope;
    let link;
    let removeSignalHandlers = () => undefined;
    try {
        // Loaded while the plan is resolved (its file is read and compiled meanwhile); a dry run never awaits it.
        const executeModule = __webpack_require__.e(/* import() */ 832).then(__webpack_require__.bind(__webpack_require__, 9832));
        executeModule.catch(() => undefined);
        const s = readSettings((0,grammar/* envInput */.Ck)());
        const { plan, address, remote, notes } = await resolveRun(s, process.env, {
            info: line => runner/* info */.pq(line),
            warning: line => runner/* warning */.$e(line),
            mask,
            planned: (p, manifests) => describePlan(result, p, manifests)
        });
        if (notes.length > 0)
            result.notes = notes;
        if (s.dryRun) {
            await (await __webpack_require__.e(/* import() */ 394).then(__webpack_require__.bind(__webpack_require__, 4394))).dryRun(plan, result, { lookup: !s.engine.host && !s.engine.context && !remote });
            return;
        }
        // Everything above is validation; Docker side effects start here.
        scope = RunScope.create();
        (0,run_record/* saveRun */.BQ)(runner/* saveState */.LZ, scope.runId, scope.tempDir);
        // A remote engine is reached (host key, key, its docker) before anything else is done (design.md §12).
        link = await openEngine(address, s.engine, scope.tempDir);
        const cli = new docker_cli/* DockerCli */.Vo(undefined, link);
        removeSignalHandlers = installSignalHandlers(cli, scope);
        // The daemon check runs beside the first command instead of before it; its verdict is awaited
        // before that command's result is used, so an unreachable engine still gets its own error. It starts
        // a turn after execute() is called, which spawns its first command (the build, or `docker info`
        // where annotations are checked) synchronously; a pulled reference or a buildx install awaits the
        // check first. So the check's request (~10 ms to set up) never delays that spawn; scheduled before
        // the module had loaded, it did in 2 of 6 stamped runs.
        const { execute } = await executeModule;
        const engine = new Promise(next => setImmediate(next)).then(() => (0,inspect/* checkEngine */.Xx)(cli));
        engine.catch(() => undefined);
        if (link.remote)
            await engine;
        await execute(plan, { cli, scope, engine, result, masks });
    }
    catch (e) {
        result.error = reportError(e, masks.forms);
    }
    finally {
        try {
            (0,src_secrets/* hiddenOutputs */.fj)(outputValues(result), masks).forEach(w => runner/* warning */.$e(w));
            writeOutputs(result);
            writeSummary(result, masks.forms);
        }
        catch (e) {
            runner/* warning */.$e(`could not write the outputs or the job summary: ${e.message}`);
        }
        // Removals run beside the next step; none may be left when the step ends.
        const closeLink = async () => link?.close().catch((e) => runner/* warning */.$e(`could not close the connection to ${link.name}: ${e.message}`));
        await scope?.close(closeLink);
        removeSignalHandlers();
    }
}
function reportError(e, secrets) {
    // Docker's own stderr can quote a value: the error line is redacted like the summary.
    const message = (0,masking/* redact */.E$)(e instanceof Error ? e.message : String(e), secrets);
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
 * The signal is said at once as a plain line: while a task or a build is relayed the runner obeys no
 * command (design.md §5.6), so the warning annotation is issued when the handlers are removed, after.
 */
function installSignalHandlers(cli, scope) {
    let signals = 0;
    const warnings = [];
    const stopStreams = scope.onCancel(() => void cli.cancelStreams());
    const handler = (signal) => {
        signals++;
        const force = signals > 1;
        const said = `received ${signal}: ${force ? 'removing the task container now' : 'stopping the running task container'}`;
        // A task may be mid-line, and the runner reads a line only at its end (design.md §4.7).
        process.stdout.write('\n');
        runner/* info */.pq(said);
        warnings.push(said);
        void scope.cancel(force).then(names => {
            if (names.length > 0)
                runner/* info */.pq(`removed ${names.join(', ')}`);
            // run() ends by itself (outputs, summary, deferred removals); exit only if docker hangs.
            if (force)
                setTimeout(() => process.exit(1), 10_000).unref();
        });
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
        stopStreams();
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
        warnings.forEach(w => runner/* warning */.$e(w));
    };
}


/***/ }),

/***/ 4903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ chooseReleaseCommand),
/* harmony export */   jt: () => (/* binding */ commandText),
/* harmony export */   mU: () => (/* binding */ hasCommand)
/* harmony export */ });
/** design.md §2.7: Procfile > heroku.yml > input, as in Jets where the Procfile wins over configuration. */
function chooseReleaseCommand(procfile, heroku, input) {
    const candidates = [];
    const fromProcfile = procfile?.find(e => e.name === 'release');
    if (fromProcfile)
        candidates.push({ source: 'Procfile', command: fromProcfile.command, line: fromProcfile.line });
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
/** A release command as one line for logs and outputs; exec form joined with spaces. */
function commandText(command) {
    if (command === undefined)
        return '';
    return Array.isArray(command) ? JSON.stringify(command) : command;
}
/** A command that runs something: a blank one is no command (design.md §4.1, as in Dokku). */
function hasCommand(c) {
    return Array.isArray(c) ? c.length > 0 : (c ?? '').trim() !== '';
}


/***/ }),

/***/ 6527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   uE: () => (/* binding */ base64Variations),
/* harmony export */   yS: () => (/* binding */ MIN_MASK)
/* harmony export */ });
/* unused harmony export urlPassword */
/**
 * Every form of a secret that must never be shown (design.md §5.5), the same forms the runner masks in the
 * log: actions/runner registers `GitHub.DistributedTask.Logging.ValueEncoders` (ValueEncoders.cs) with its
 * secret masker (HostContext.cs): the base64 of the UTF-8 bytes from offset 0, 1 and 2 (`=` padding
 * trimmed, each with its URL-safe `-`/`_` variant, so a secret inside `base64(user:secret)` is still
 * found) and the encoders listed in ENCODERS below. The action issues them itself too; `redact` uses
 * them for the job summary and the error line, and the predeploy scan searches files for them.
 */
/**
 * Shorter than this is never a mask, a value or a derived form (design.md §5.5): `Yw` would blank every
 * `Yw` in the log, and the runner skips every job output that holds a masked string, so a mask of `2` or
 * `true` would drop `image-id` or `released` from the deploy job. google-github-actions/
 * get-secretmanager-secrets draws the same line (`min_mask_length`).
 */
const MIN_MASK = 4;
function base64Variations(value) {
    const bytes = Buffer.from(value, 'utf8');
    const out = [];
    for (let offset = 0; offset <= 2 && offset < bytes.length; offset++) {
        const b64 = bytes.subarray(offset).toString('base64').replace(/=+$/, '');
        out.push(b64, b64.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    return out;
}
/** The userinfo password of a URL-shaped secret (`postgres://u:pw@host/db`), raw and decoded. */
function urlPassword(value) {
    const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@:\s]*:([^/?#@\s]+)@/.exec(value.trim());
    if (!m)
        return [];
    let decoded = m[1];
    try {
        decoded = decodeURIComponent(m[1]);
    }
    catch {
        // not valid percent-encoding: the raw form is masked alone
    }
    return [m[1], decoded];
}
/**
 * Each line of a multi-line value (blank ones skipped), split where the runner's log reader splits lines
 * (.NET ReadLine: `\n`, `\r\n` and a lone `\r`): a value is only masked within one line.
 */
function parts(value) {
    return [value, ...value.split(/\r\n|\r|\n/)].filter(p => p.trim() !== '');
}
/** All forms of one secret value, the value itself first. */
function secretForms(value) {
    const forms = new Set();
    const add = (s, derived) => {
        if (s.trim() === '' || (derived && s.length < MIN_MASK))
            return;
        forms.add(s);
    };
    const bases = new Set();
    for (const p of parts(value)) {
        bases.add(p);
        for (const pw of urlPassword(p))
            bases.add(pw);
    }
    // A line or a password shorter than the minimum is not a mask of its own: it would hide unrelated text.
    for (const b of bases) {
        add(b, b !== value);
        for (const encode of ENCODERS)
            add(encode(b), true);
        for (const v of base64Variations(b))
            add(v, true);
    }
    return [...forms];
}
/**
 * The runner's other value encoders (HostContext.cs registers them with its secret masker;
 * ValueEncoders.cs): an app that writes a value into YAML, XML, a shell line or a JSON file writes one
 * of these forms, and the predeploy scan must find it there too.
 */
const ENCODERS = [
    // UriDataEscape (.NET's Uri.EscapeDataString also escapes !'()*, which encodeURIComponent keeps)
    v => encodeURIComponent(v).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    v => JSON.stringify(v).slice(1, -1), // JsonStringEscape
    // JsonStringEscape
    v => v.replace(/"/g, '\\"'), // CommandLineArgumentEscape
    // CommandLineArgumentEscape
    v => v.replace(/'/g, "''"), // ExpressionStringEscape (a single-quoted YAML or expression string)
    // ExpressionStringEscape (a single-quoted YAML or expression string)
    v => v.replace(/[&<>"']/g, c => XML[c]), // XmlDataEscape (SecurityElement.Escape)
    // XmlDataEscape (SecurityElement.Escape)
    v => (v.length > 8 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : ''), // TrimDoubleQuotes
    // TrimDoubleQuotes
    v => ampersandSection(v, 'pre'), // PowerShellPreAmpersandEscape
    // PowerShellPreAmpersandEscape
    v => ampersandSection(v, 'post') // PowerShellPostAmpersandEscape
];
const XML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** The part of `a&b` before or after the last `&` (`&+` taken as PowerShell splits it), when 6 or more long. */
function ampersandSection(v, side) {
    if (!v.includes('&'))
        return '';
    const plus = v.indexOf('&+');
    let part;
    if (side === 'pre')
        part = plus >= 0 ? v.slice(0, plus + 2) : v.slice(0, v.lastIndexOf('&') + 1);
    else if (plus >= 0)
        part = v.length > plus + 3 ? v.slice(plus + 3) : '';
    else
        part = v.slice(v.lastIndexOf('&') + 1);
    return part.length >= 6 ? part : '';
}
/** Replaces every known secret form with `***` (longest first, so a value containing another goes whole). */
function redact(text, secrets) {
    let out = text;
    for (const s of [...secrets].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}


/***/ }),

/***/ 1066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ stopCommands),
/* harmony export */   no: () => (/* binding */ RedactingLines)
/* harmony export */ });
/* unused harmony export safeCut */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var _masking_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6527);
/**
 * Relaying text the action does not control (buildx and its Dockerfile's RUN lines, docker's messages,
 * a pulled image's progress, a sidecar's log, the task's own output) to the step log as shown, never
 * obeyed (design.md §5.6): between `::stop-commands::<token>` and `::<token>::` the runner reads no
 * workflow command, in either form (`::save-state::` at a line's start, `##[save-state]` anywhere).
 */



/**
 * Stops the runner's command processing until the returned function is called. The token is random and
 * made after the relayed text exists, so that text cannot resume commands itself. The caller must end
 * the relayed text with a line break before resuming: the token is only read at a line's start.
 */
function stopCommands() {
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex');
    _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .command */ .G5('stop-commands', {}, token);
    return () => _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .command */ .G5(token, {}, '');
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
            this.write((0,_masking_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(line, this.secrets) + '\n');
        if (this.partial.length > this.maxLine) {
            // Never cut inside a secret: its halves on two lines would escape this redaction and the runner's.
            const at = safeCut(this.partial, this.secrets) || this.partial.length;
            this.write((0,_masking_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(this.partial.slice(0, at), this.secrets) + '\n');
            this.partial = this.partial.slice(at);
        }
    }
    /** The last line, terminated: the next line the action writes starts fresh. */
    end() {
        if (this.partial !== '')
            this.write((0,_masking_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(this.partial, this.secrets) + '\n');
        this.partial = '';
    }
}
/**
 * Where a long line can be cut so that no secret form lies across the cut, nor begins in the text kept
 * back: everything from the earliest start of a form that reaches past the last `longest - 1`
 * characters (which could be a form's beginning) is kept for the next chunk.
 */
function safeCut(text, secrets) {
    const longest = Math.max(0, ...secrets.map(x => x.length));
    let cut = Math.max(0, text.length - Math.max(0, longest - 1));
    for (let moved = true; moved && cut > 0;) {
        moved = false;
        for (const x of secrets) {
            const i = text.indexOf(x, Math.max(0, cut - x.length + 1));
            if (i >= 0 && i < cut && i + x.length > cut) {
                cut = i;
                moved = true;
            }
        }
    }
    return cut;
}


/***/ }),

/***/ 3912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ih: () => (/* binding */ planBuildArgv),
/* harmony export */   On: () => (/* binding */ dryRunView),
/* harmony export */   Sh: () => (/* binding */ bindPhases),
/* harmony export */   VL: () => (/* binding */ taskSpec),
/* harmony export */   dR: () => (/* binding */ annotated),
/* harmony export */   p6: () => (/* binding */ commandName),
/* harmony export */   yY: () => (/* binding */ resolvePlan)
/* harmony export */ });
/* unused harmony exports phaseCommands, chooseDockerfile */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _workspace_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7076);
/* harmony import */ var _manifests_release_command_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4903);
/* harmony import */ var _image_build_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6489);
/* harmony import */ var _task_entrypoint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5955);
/* harmony import */ var _task_argv_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(951);
/* harmony import */ var _sidecars_argv_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8896);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2812);
/* harmony import */ var _image_prebuilt_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4502);
/* harmony import */ var _run_record_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1894);











/** The command of each phase (design.md §4): app.json scripts, and the release command as chosen. */
function phaseCommands(m, release) {
    const app = (command, at) => ({
        command,
        source: command === undefined ? 'none' : 'app.json',
        at
    });
    const procfileLine = release.source === 'Procfile' && m.procfileName && release.line ? { file: m.procfileName, line: release.line } : undefined;
    const releaseAt = procfileLine ?? (release.source === 'heroku.yml' ? m.herokuYml?.releaseAt : undefined);
    return {
        predeploy: app(m.appJson?.predeploy, m.appJson?.at?.predeploy),
        release: { command: release.command, source: release.source, at: releaseAt },
        postdeploy: app(m.appJson?.postdeploy, m.appJson?.at?.postdeploy),
        'first-deploy': app(m.appJson?.firstDeploy, m.appJson?.at?.firstDeploy)
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
        return (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_2__/* .insidePath */ .yt)(s.workspace, s.workingDirectory, fromHeroku, `heroku.yml build.docker.${proc}`);
    return node_path__WEBPACK_IMPORTED_MODULE_0__.join(s.context, 'Dockerfile');
}
/** The one place that decides which phases run, and why the others do not. */
function resolvePlan(p) {
    const s = p.settings;
    const commands = phaseCommands(p.manifests, p.release);
    const phases = s.phases.map((phase) => {
        const { command, source, at } = commands[phase];
        const skip = command === undefined ? 'no command' : phase === 'first-deploy' && p.firstDeploy === false ? 'not the first deploy' : undefined;
        return { phase, command, text: (0,_manifests_release_command_js__WEBPACK_IMPORTED_MODULE_10__/* .commandText */ .jt)(command), source, skip, at };
    });
    // A digest `image` cannot be pushed to, nor committed under no name: refused here, before any side effect.
    if (s.imageRef)
        (0,_image_prebuilt_js__WEBPACK_IMPORTED_MODULE_8__/* .checkPrebuilt */ .SU)(s.image, s.imageRef, s.tags, s.push, phases.some(ph => ph.phase === 'predeploy' && (0,_manifests_release_command_js__WEBPACK_IMPORTED_MODULE_10__/* .hasCommand */ .mU)(ph.command)));
    const image = s.imageRef
        ? { kind: 'reference', ref: s.image, parsed: s.imageRef }
        : { kind: 'build', dockerfile: chooseDockerfile(s, p.manifests), labels: (0,_image_build_js__WEBPACK_IMPORTED_MODULE_3__/* .buildLabels */ .S6)(s, p.github, p.now) };
    const tags = s.imageRef ? (0,_image_prebuilt_js__WEBPACK_IMPORTED_MODULE_8__/* .prebuiltTags */ .p5)(s.imageRef, s.tags) : s.tags.length > 0 ? s.tags : checkedDefaultTags(s, p.github);
    return { settings: s, image, tags, phases, vars: p.vars, release: p.release, sidecars: p.sidecars, firstDeploy: p.firstDeploy };
}
/**
 * design.md §3.2, §6.1 (ADR 0009): a default tag names no registry the user chose, so it is never pushed
 * (docker would send `acme/app:<sha>` to Docker Hub).
 */
function checkedDefaultTags(s, github) {
    if (s.push) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('push: true needs tags naming where to push (e.g. ghcr.io/owner/app:${{ github.sha }}, lower-case); ' +
            'without tags the image is only named locally, and docker would push that name to Docker Hub');
    }
    return (0,_image_build_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultTags */ .nK)(s, github);
}
/**
 * The `docker buildx build` argv of a plan that builds; files are where buildx writes the id and
 * metadata. The image is named for the run only (run-record.ts runImageName).
 */
function planBuildArgv(plan, files, runId) {
    if (plan.image.kind !== 'build')
        return null;
    return (0,_image_build_js__WEBPACK_IMPORTED_MODULE_3__/* .buildArgv */ .v$)(plan.settings, { name: (0,_run_record_js__WEBPACK_IMPORTED_MODULE_9__/* .runImageName */ .Qx)(runId), labels: [...plan.image.labels], dockerfile: plan.image.dockerfile, ...files });
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
        return {
            ...p,
            invocation: annotated(p.at, () => (0,_task_entrypoint_js__WEBPACK_IMPORTED_MODULE_4__/* .planInvocation */ .w$)(p.command, s.entrypoint, image.entrypoint ?? null, s.shell, lookupFor(p.phase, plan.vars, image), commandName(p)))
        };
    });
}
/** How errors name a phase's command: a command from the input by the input, else by its phase (and `at`). */
const commandName = (p) => (p.source === 'input' ? 'release-command' : `${p.phase} command`);
/** An error about a manifest's command, annotated on the line where the command stands (design.md §9.1). */
function annotated(at, work) {
    try {
        return work();
    }
    catch (e) {
        if (at && e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ && !(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .Sh))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .Sh(e.message, at.file, at.line, at.column);
        throw e;
    }
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
        network: plan.sidecars.length > 0 ? `container:${(0,_sidecars_argv_js__WEBPACK_IMPORTED_MODULE_6__/* .sidecarContainerName */ .Ix)(runId, phase, plan.sidecars[0].name)}` : s.network,
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
    const argv = planBuildArgv(plan, { iidfile: '<temp>/iid', metadataFile: '<temp>/metadata.json' }, '<run-id>');
    return {
        image: imageRef,
        tags: plan.tags.map(_image_ref_js__WEBPACK_IMPORTED_MODULE_7__/* .formatRef */ .rq),
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
                argv: spec ? ['docker', ...(0,_task_argv_js__WEBPACK_IMPORTED_MODULE_5__/* .createArgv */ .X)(spec, (0,_task_argv_js__WEBPACK_IMPORTED_MODULE_5__/* .containerName */ .xN)('<run-id>', p.phase))] : null
            };
        }),
        variables: {
            secret: [...plan.vars].filter(([, v]) => v.secret).map(([k]) => k),
            plain: [...plan.vars].filter(([, v]) => !v.secret).map(([k]) => k)
        },
        push: s.push ? { tags: plan.tags.map(_image_ref_js__WEBPACK_IMPORTED_MODULE_7__/* .formatRef */ .rq) } : null,
        firstDeploy: !s.phases.includes('first-deploy')
            ? 'not requested'
            : plan.firstDeploy === undefined
                ? 'auto: asked of the deployments API at run time'
                : String(plan.firstDeploy),
        // Listed as the first task that runs would start them.
        ...(plan.sidecars.length > 0 ? { sidecars: (0,_sidecars_argv_js__WEBPACK_IMPORTED_MODULE_6__/* .sidecarPlan */ .HK)([...plan.sidecars], phases.find(p => !p.skip)?.phase ?? 'release', s.network) } : {})
    };
}


/***/ }),

/***/ 1894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BQ: () => (/* binding */ saveRun),
/* harmony export */   F$: () => (/* binding */ newRunId),
/* harmony export */   Qx: () => (/* binding */ runImageName),
/* harmony export */   dj: () => (/* binding */ socketDir),
/* harmony export */   jQ: () => (/* binding */ RUN_LABEL),
/* harmony export */   mk: () => (/* binding */ makeTempDir)
/* harmony export */ });
/* unused harmony exports isRunId, savedRun, ownTempDir, runDirs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _workspace_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7076);





// Every name one run gives what it makes, made here beside the check the post step applies to it: main
// makes them, post removes what a killed main left, and a forged state must never widen what post
// removes (issue 34 step 3).
/** A run id: 12 hex digits. */
function newRunId() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex');
}
/** Whether a saved run id is one newRunId makes: anything else would widen post's label filter. */
function isRunId(id) {
    return /^[0-9a-f]{12}$/.test(id);
}
/** The label on every container and temporary image of one run: the post step removes what carries it. */
const RUN_LABEL = 'release-phase.run';
/**
 * The run-private name of the image until its release passes (design.md §9.3, issue 33): the build and
 * the predeploy commit name only this, and the requested tags move to the image once every phase passed.
 */
function runImageName(runId) {
    return `release-phase/run-${runId}:image`;
}
/**
 * What the post step needs to clean up after main (actions/checkout's state-helper pattern). Saved
 * through GITHUB_STATE, which the runner reads after the step, so these values win over any forged
 * `::save-state` line of the same name; read without regard to case (runner.ts getState).
 */
function saveRun(saveState, runId, tempDir) {
    saveState('run-id', runId);
    saveState('temp-dir', tempDir);
}
function savedRun(getState) {
    return { runId: getState('run-id'), tempDir: getState('temp-dir') };
}
const TEMP_PREFIX = 'release-phase-';
/** The run's private temporary directory: `release-phase-XXXXXX` (mkdtemp, 0700) right under RUNNER_TEMP. */
function makeTempDir(env) {
    return node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_3__.join(env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir(), TEMP_PREFIX));
}
/**
 * The state could be forged (a `::save-state::` line from untrusted text, as an older version allowed): only a
 * directory that makeTempDir could have made is removed: directly inside RUNNER_TEMP, named `release-phase-…`,
 * a real directory (not a link), all checked on real paths.
 */
function ownTempDir(tempDir, runnerTemp) {
    if (!tempDir || !runnerTemp || !path.isAbsolute(tempDir))
        return false;
    let st;
    try {
        st = fs.lstatSync(tempDir);
    }
    catch {
        return false;
    }
    if (!st.isDirectory())
        return false;
    const real = realpathExisting(tempDir);
    return path.dirname(real) === realpathExisting(runnerTemp) && new RegExp(`^${TEMP_PREFIX}[A-Za-z0-9]{6}$`).test(path.basename(real));
}
const SHORT_PREFIX = 'rp-';
const SHORT_LINK = 'ssh-dir';
/**
 * A unix socket path holds at most 107 bytes, and ssh adds 17 to the control path while it binds it:
 * under a long RUNNER_TEMP the sockets go to a private directory under /tmp (mkdtemp: 0700), linked
 * from `dir` as `ssh-dir` so the post step finds what a killed run left there (runDirs).
 */
function socketDir(dir) {
    // ssh reads `-o Option=value` as a config line: a space ends the value, `%` and `${…}` are expanded.
    const plain = (p) => Buffer.byteLength(p) <= 70 && /^[A-Za-z0-9/._-]+$/.test(p);
    if (plain(dir))
        return dir;
    const short = node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_3__.join(plain(node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir()) ? node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir() : '/tmp', SHORT_PREFIX));
    node_fs__WEBPACK_IMPORTED_MODULE_1__.symlinkSync(short, node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, SHORT_LINK));
    return short;
}
/** The run's directories: its temporary directory and, under a long RUNNER_TEMP, the short one it links to. */
function runDirs(tempDir, tmp = os.tmpdir()) {
    let target;
    try {
        target = fs.readlinkSync(path.join(tempDir, SHORT_LINK));
    }
    catch {
        return [tempDir];
    }
    // Only what socketDir makes: a real directory `rp-XXXXXX` right in the temp directory, ours.
    const st = fs.lstatSync(target, { throwIfNoEntry: false });
    const ours = new RegExp(`^${SHORT_PREFIX}[A-Za-z0-9]{6}$`).test(path.basename(target)) && [tmp, '/tmp'].includes(path.dirname(target));
    return ours && st?.isDirectory() && st.uid === process.getuid?.() ? [tempDir, target] : [tempDir];
}


/***/ }),

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   G5: () => (/* binding */ command),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   N4: () => (/* binding */ endGroup),
/* harmony export */   Oh: () => (/* binding */ startGroup),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony export getState */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(873);
/**
 * The runner's workflow-command and file-command protocol, for the few calls this action makes.
 *
 * Why not @actions/core here: its entry point statically imports its OIDC client, and with it
 * @actions/http-client and undici, none of which this action uses. Loading them cost ~107 ms of a
 * ~128 ms start-up overhead on the benchmark machine (BENCHMARKS.md), paid on every run. The formats
 * below are the documented ones; __tests__/unit/runner.test.ts checks them byte for byte against
 * @actions/core for the same calls. @actions/tool-cache and @actions/github (loaded lazily) still use
 * @actions/core internally.
 */




const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** `::name key=value,key=value::message`. */
function command(name, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '' && v !== 0)
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    // Other control characters (ANSI escapes, U+2028) in untrusted text are shown, not obeyed (design.md §5.6).
    // eslint-disable-next-line no-control-regex
    const shown = message.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(shown)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function annotation(p) {
    return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}
/** A plain log line; untrusted text in it can neither start a new line nor be read as a command. */
const info = (message) => void process.stdout.write((0,_untrusted_js__WEBPACK_IMPORTED_MODULE_3__/* .safeLine */ .om)(message) + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
const debug = (message) => command('debug', {}, message);
const warning = (message, p = {}) => command('warning', annotation(p), message);
const error = (message, p = {}) => command('error', annotation(p), message);
const startGroup = (name) => command('group', {}, name);
const endGroup = () => command('endgroup', {}, '');
/**
 * `::add-mask::` takes the value as it is: only `%`, CR and LF are escaped (the runner unescapes exactly
 * those). Showing other control characters, as `command` does for log text, would register a mask of
 * the shown text (`\u001b`) while the real value printed unmasked.
 */
const setSecret = (secret) => void process.stdout.write(`::add-mask::${escapeData(secret)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
/** A file command (`GITHUB_OUTPUT`, `GITHUB_STATE`): `name<<DELIM` value `DELIM`, or the legacy command. */
function keyValue(file, legacy, name, value) {
    const path = process.env[`GITHUB_${file}`];
    if (!path) {
        if (file === 'OUTPUT')
            process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
        command(legacy, { name }, value);
        return;
    }
    if (!node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(path))
        throw new Error(`Missing file at path: ${path}`);
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error('Unexpected input: contains the delimiter');
    node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync(path, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, { encoding: 'utf8' });
}
const setOutput = (name, value) => keyValue('OUTPUT', 'set-output', name, value);
const saveState = (name, value) => keyValue('STATE', 'save-state', name, value);
/**
 * The runner keeps a step's state in a dictionary that ignores case and keeps the first spelling it saw
 * (actions/runner: IntraActionState, StringComparer.OrdinalIgnoreCase): a relayed `::save-state
 * name=RUN-ID::` would otherwise hide `STATE_run-id` from an exact lookup. So the lookup ignores case too.
 */
function getState(name, env = process.env) {
    const want = `STATE_${name}`.toUpperCase();
    for (const [key, value] of Object.entries(env))
        if (key.toUpperCase() === want)
            return value ?? '';
    return '';
}
/** Appends Markdown to the job summary file, when the runner provides one. */
function appendSummary(markdown) {
    const path = process.env.GITHUB_STEP_SUMMARY;
    if (path)
        node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync(path, markdown + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL, { encoding: 'utf8' });
}


/***/ }),

/***/ 7194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JW: () => (/* binding */ checkTaskEnv),
/* harmony export */   Pq: () => (/* binding */ noMasks),
/* harmony export */   XF: () => (/* binding */ buildSecretValues),
/* harmony export */   Z$: () => (/* binding */ maskValues),
/* harmony export */   f$: () => (/* binding */ resolveTaskEnv),
/* harmony export */   fj: () => (/* binding */ hiddenOutputs),
/* harmony export */   sm: () => (/* binding */ valuesOf),
/* harmony export */   vX: () => (/* binding */ taskSecrets)
/* harmony export */ });
/* unused harmony export Masks */
/* harmony import */ var dotenv__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8230);
/* harmony import */ var dotenv__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(dotenv__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _inputs_grammar_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6720);
/* harmony import */ var _cli_env_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4207);
/* harmony import */ var _masking_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6527);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(873);






/**
 * design.md §5.1 and §5.2: env-files < secrets-dotenv < env < secrets, then app.json defaults and requirements.
 * Raised here, before the build: missing sources, missing required variables, secret generators.
 */
function resolveTaskEnv(src) {
    const vars = new Map();
    const warnings = [];
    for (const { file, text } of src.envFiles) {
        for (const [name, value] of Object.entries((0,dotenv__WEBPACK_IMPORTED_MODULE_0__.parse)(text))) {
            if (!_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_5__/* .VAR_NAME */ .eU.test(name))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`env-files: ${file}: "${name}" is not a valid variable name`);
            // A committed file is configuration, not a secret (design.md §5.5): masking `true` or `2` would
            // hide the outputs. A file decrypted at run time goes through secrets-dotenv instead.
            vars.set(name, { value, secret: false });
        }
    }
    const missingDotenv = (src.secretsDotenv ?? []).filter(n => (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_5__/* .inStepEnv */ .tv)(src.processEnv, n) === 'unset');
    for (const source of src.secretsDotenv ?? []) {
        for (const [name, value] of Object.entries((0,dotenv__WEBPACK_IMPORTED_MODULE_0__.parse)(src.processEnv[source] ?? ''))) {
            if (!_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_5__/* .VAR_NAME */ .eU.test(name))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`secrets-dotenv: ${source}: "${name}" is not a valid variable name`);
            vars.set(name, { value, secret: true });
        }
    }
    for (const { name, value } of src.env)
        vars.set(name, { value, secret: false });
    const missing = src.secrets.filter(m => (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_5__/* .inStepEnv */ .tv)(src.processEnv, m.source) === 'unset');
    if (missing.length > 0 || missingDotenv.length > 0) {
        const names = [...missingDotenv, ...missing.map(sourceLabel)];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`secrets: these variables are not set in the step's env: ${names.join(', ')}${missing.some(m => m.source !== m.name) ? MAPPING_HINT : ''}`);
    }
    // design.md §5.3: an unset repository secret expands to "" (for secrets-dotenv too, where it would
    // otherwise silently give no variable at all).
    const emptyDotenv = (src.secretsDotenv ?? []).filter(n => (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_5__/* .inStepEnv */ .tv)(src.processEnv, n) === 'empty');
    const empty = src.secrets.filter(m => (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_5__/* .inStepEnv */ .tv)(src.processEnv, m.source) === 'empty');
    if (empty.length > 0 || emptyDotenv.length > 0) {
        const names = [...emptyDotenv.map(n => `secrets-dotenv ${n}`), ...empty.map(sourceLabel)];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`secrets: ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} set but empty in the step's env. ` +
            "An unset repository or environment secret expands to an empty string: check that the secret exists and that this job can read it (environment secrets need the job's environment)");
    }
    for (const m of src.secrets)
        vars.set(m.name, { value: src.processEnv[m.source], secret: true });
    const required = [];
    const generated = [];
    const emptyRequired = [];
    for (const v of src.appEnv) {
        const given = vars.get(v.name);
        if (given) {
            if (given.value === '' && v.required && v.value === undefined)
                emptyRequired.push(v.name);
            // A required variable without a default is deployment configuration the app cannot ship with
            // (SECRET_KEY_BASE, DATABASE_URL): masked even when given through the plain `env` input.
            if (v.required && v.value === undefined)
                vars.set(v.name, { ...given, secret: true });
            continue;
        }
        if (v.generator === 'secret')
            generated.push(v.name);
        else if (v.value !== undefined)
            vars.set(v.name, { value: v.value, secret: false });
        else if (v.required)
            required.push(v.description ? `${v.name} (${v.description})` : v.name);
    }
    if (generated.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`app.json env ${generated.join(', ')} ${generated.length > 1 ? 'have' : 'has'} generator "secret": a CI run cannot generate a secret that stays ` +
            'the same from one deploy to the next; create it once and pass it through the secrets input');
    }
    if (required.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`app.json env requires variables that no input provides: ${required.join('; ')}`);
    }
    if (emptyRequired.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`app.json env requires ${emptyRequired.join(', ')}, and the value given is empty. ` +
            'An unset repository or environment secret expands to an empty string: check that the secret exists and that this job can read it');
    }
    if (vars.has('RELEASE_PHASE')) {
        warnings.push('RELEASE_PHASE is set by the action to the running phase; the value given is ignored');
        vars.delete('RELEASE_PHASE');
    }
    checkTaskEnv(vars, src.appEnv);
    return { vars, warnings };
}
/**
 * A missing `NAME=SOURCE` source is often a value written build-push-action's way (`ID=value`, which
 * can look like a variable name): say what SOURCE is, without repeating it (issue 14).
 */
const MAPPING_HINT = ' (after "=" comes the name of a step env variable holding the value, not the value itself: put the value in the step\'s env: and map it by name)';
/** `NAME` or, for `NAME=SOURCE`, the target only: what follows `=` is never repeated (design.md §5.3). */
function sourceLabel(m) {
    return m.source === m.name ? m.source : `the variable named after "=" for ${m.name}`;
}
/**
 * Raised before any side effect: names the docker CLI reads (cli-env.ts), NUL bytes (no process
 * environment can hold one) and sizes the kernel refuses with E2BIG. Errors name variables, never values.
 */
function checkTaskEnv(vars, appEnv = []) {
    const reserved = (0,_cli_env_js__WEBPACK_IMPORTED_MODULE_2__/* .reservedTaskNames */ .m)(new Set([...vars.keys(), ...appEnv.map(v => v.name)]));
    if (reserved.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`task variable${reserved.length > 1 ? 's' : ''} ${reserved.join(', ')}: the docker CLI or buildx read${reserved.length > 1 ? '' : 's'} ` +
            'this name from its own environment (where it connects, how it builds, whom it trusts), and task values pass through that environment; ' +
            "rename the variable (set it in the image's ENV if the app needs that exact name)");
    }
    let total = 0;
    for (const [name, v] of vars) {
        if (v.value.includes('\0'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`task variable ${name}: the value contains a NUL byte, which no process environment can hold`);
        const size = Buffer.byteLength(name) + Buffer.byteLength(v.value) + 2;
        if (size > _untrusted_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_ENV_ENTRY */ .C5) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`task variable ${name}: the value is ${size} bytes; one environment entry holds at most ${_untrusted_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_ENV_ENTRY */ .C5} bytes on Linux (E2BIG)`);
        }
        total += size;
    }
    if (total > _untrusted_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_TASK_ENV */ .Z3)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`task variables: ${total} bytes in all; at most ${_untrusted_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_TASK_ENV */ .Z3} fit beside the runner's own environment (E2BIG)`);
}
/**
 * design.md §5.1 build-secrets: the values, read from the step env for masking (buildx reads them itself).
 * A missing or empty source fails before the build, naming the id only.
 */
function buildSecretValues(mappings, processEnv) {
    const bad = mappings.filter(m => (0,_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_5__/* .inStepEnv */ .tv)(processEnv, m.source) !== 'set');
    if (bad.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`build-secrets: ${bad.map(m => (m.source === m.name ? m.name : `the variable named after "=" for id ${m.name}`)).join(', ')} ` +
            `${bad.length > 1 ? 'are' : 'is'} not set or empty in the step's env (an unset repository secret expands to an empty string)` +
            (bad.some(m => m.source !== m.name) ? MAPPING_HINT : ''));
    }
    return mappings.map(m => ({ name: `build-secrets ${m.name}`, value: processEnv[m.source] }));
}
/** A secret value and what it is called in messages (a variable, `github-token`, a build secret id). */
/** The task's secret variables, by name (plain `env` and committed env files are configuration). */
function taskSecrets(vars) {
    return [...vars].filter(([, v]) => v.secret).map(([name, v]) => ({ name, value: v.value }));
}
/** The masks registered so far: whose value each form is, in the order registered; `forms` for `redact`. */
class Masks {
    owners = new Map();
    get forms() {
        return [...this.owners.keys()];
    }
}
function noMasks() {
    return new Masks();
}
/**
 * Every secret value in each form the runner masks (masking.ts), each one registered with the runner
 * (add-mask) so no form of it shows in the log, added to `masks`. A value shorter than MIN_MASK is not
 * registered: a warning names it, never its value.
 */
function maskValues(secrets, setSecret, warn, masks = noMasks()) {
    for (const { name, value } of secrets) {
        if (value.trim().length < _masking_js__WEBPACK_IMPORTED_MODULE_3__/* .MIN_MASK */ .yS) {
            if (value.trim() !== '') {
                warn(`${name}: the value is shorter than ${_masking_js__WEBPACK_IMPORTED_MODULE_3__/* .MIN_MASK */ .yS} characters, so it is not masked in the log (a mask that short would hide unrelated text and the outputs)`);
            }
            continue;
        }
        for (const form of (0,_masking_js__WEBPACK_IMPORTED_MODULE_3__/* .secretForms */ .eo)(value)) {
            if (masks.owners.has(form))
                continue;
            masks.owners.set(form, name);
            setSecret(form);
        }
    }
    return masks;
}
/**
 * The outputs the runner will not pass to other jobs because they hold a masked form (it skips such an
 * output with a warning of its own): each named, with the secret it holds, never the value.
 */
function hiddenOutputs(outputs, masks) {
    const out = [];
    for (const [output, value] of Object.entries(outputs)) {
        const form = masks.forms.find(f => value.includes(f));
        if (form)
            out.push(`output ${output} holds the value of ${masks.owners.get(form)}, so the runner will not pass it to other jobs`);
    }
    return out;
}
/**
 * The values for a docker child's environment (the argv carries only the names: design.md §5.4), or for
 * a create request's body (ADR 0013).
 */
function valuesOf(vars) {
    return Object.fromEntries([...vars].map(([k, v]) => [k, v.value]));
}


/***/ }),

/***/ 8896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ sidecarPlan),
/* harmony export */   Ix: () => (/* binding */ sidecarContainerName),
/* harmony export */   oQ: () => (/* binding */ sidecarArgv)
/* harmony export */ });
/* harmony import */ var _run_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1894);

function sidecarContainerName(runId, phase, name) {
    return `release-phase-${runId}-${phase}-sidecar-${name}`;
}
/** `docker create` argv: values travel as `-e NAME` only, in the docker child's environment (design.md §5.4). */
function sidecarArgv(sc, container, runId, phase, network) {
    const argv = ['create', '--name', container, '--label', `${_run_record_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_LABEL */ .jQ}=${runId}`, '--label', `release-phase.phase=${phase}`];
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


/***/ }),

/***/ 951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ initArgs),
/* harmony export */   WL: () => (/* binding */ createRequest),
/* harmony export */   X: () => (/* binding */ createArgv),
/* harmony export */   xN: () => (/* binding */ containerName)
/* harmony export */ });
/* harmony import */ var _run_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1894);

function containerName(runId, phase) {
    return `release-phase-${runId}-${phase}`;
}
/**
 * design.md §4.2 (`docker run` split into create + start, see runTask). Variables go as `-e NAME` only:
 * their values are in the docker child's environment (createRequest: the same create through the socket).
 */
function createArgv(spec, name) {
    const argv = ['create', '--name', name, '--label', `${_run_record_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_LABEL */ .jQ}=${spec.runId}`, '--label', `release-phase.phase=${spec.phase}`];
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
 * The container createArgv describes, as the Engine API request the CLI would send for it (design.md
 * §4.2): `-e NAME` becomes `NAME=value` from `values`; a name without one is sent bare, as the CLI
 * sends it (the engine then unsets the image's variable of that name). Undefined with run-args: only
 * the CLI's own parser knows all of its options.
 */
function createRequest(spec, name, values) {
    if (spec.runArgs.length > 0)
        return undefined;
    // initArgs' words: --init unless the image's own wrapper is PID 1, its variable either way.
    const init = spec.init && !spec.invocation.wrapped;
    // One entry per name, the last given winning, as the CLI's map of them does (its order is a Go map's).
    const env = new Map(spec.init ? [['TINI_KILL_PROCESS_GROUP', '1']] : []);
    env.set('RELEASE_PHASE', spec.phase);
    for (const n of spec.vars.keys())
        env.set(n, values[n]);
    const { entrypoint, args } = spec.invocation;
    return {
        name,
        body: {
            Image: spec.image,
            ...(args.length > 0 ? { Cmd: [...args] } : {}),
            ...(entrypoint !== undefined ? { Entrypoint: [entrypoint] } : {}),
            Env: [...env].map(([k, v]) => (v === undefined ? k : `${k}=${v}`)),
            Labels: { [_run_record_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_LABEL */ .jQ]: spec.runId, 'release-phase.phase': spec.phase },
            AttachStdout: true,
            AttachStderr: true,
            // One network without options: the CLI sends no endpoint settings either.
            HostConfig: { ...(init ? { Init: true } : {}), ...(spec.network ? { NetworkMode: spec.network } : {}) }
        }
    };
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


/***/ }),

/***/ 8423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AV: () => (/* binding */ shortFlags),
/* harmony export */   D6: () => (/* binding */ createArgsProblem)
/* harmony export */ });
/* unused harmony exports CREATE_OPTIONS, HIDDEN_OPTIONS, shortOption, nearestOption, strayWord, unknownOption */
const CREATE_OPTIONS = {
    '--add-host': { value: true },
    '--attach': { short: 'a', value: true },
    '--blkio-weight': { value: true },
    '--blkio-weight-device': { value: true },
    '--cap-add': { value: true },
    '--cap-drop': { value: true },
    '--cgroup-parent': { value: true },
    '--cgroupns': { value: true },
    '--cidfile': { value: true },
    '--cpu-period': { value: true },
    '--cpu-quota': { value: true },
    '--cpu-rt-period': { value: true },
    '--cpu-rt-runtime': { value: true },
    '--cpu-shares': { short: 'c', value: true },
    '--cpus': { value: true },
    '--cpuset-cpus': { value: true },
    '--cpuset-mems': { value: true },
    '--device': { value: true },
    '--device-cgroup-rule': { value: true },
    '--device-read-bps': { value: true },
    '--device-read-iops': { value: true },
    '--device-write-bps': { value: true },
    '--device-write-iops': { value: true },
    '--disable-content-trust': { value: false },
    '--dns': { value: true },
    '--dns-option': { value: true },
    '--dns-search': { value: true },
    '--domainname': { value: true },
    '--entrypoint': { value: true },
    '--env': { short: 'e', value: true },
    '--env-file': { value: true },
    '--expose': { value: true },
    '--gpus': { value: true },
    '--group-add': { value: true },
    '--health-cmd': { value: true },
    '--health-interval': { value: true },
    '--health-retries': { value: true },
    '--health-start-period': { value: true },
    '--health-timeout': { value: true },
    '--help': { value: false },
    '--hostname': { short: 'h', value: true },
    '--init': { value: false },
    '--interactive': { short: 'i', value: false },
    '--ip': { value: true },
    '--ip6': { value: true },
    '--ipc': { value: true },
    '--isolation': { value: true },
    '--kernel-memory': { value: true },
    '--label': { short: 'l', value: true },
    '--label-file': { value: true },
    '--link': { value: true },
    '--link-local-ip': { value: true },
    '--log-driver': { value: true },
    '--log-opt': { value: true },
    '--mac-address': { value: true },
    '--memory': { short: 'm', value: true },
    '--memory-reservation': { value: true },
    '--memory-swap': { value: true },
    '--memory-swappiness': { value: true },
    '--mount': { value: true },
    '--name': { value: true },
    '--network': { value: true },
    '--network-alias': { value: true },
    '--no-healthcheck': { value: false },
    '--oom-kill-disable': { value: false },
    '--oom-score-adj': { value: true },
    '--pid': { value: true },
    '--pids-limit': { value: true },
    '--platform': { value: true },
    '--privileged': { value: false },
    '--publish': { short: 'p', value: true },
    '--publish-all': { short: 'P', value: false },
    '--pull': { value: true },
    '--quiet': { short: 'q', value: false },
    '--read-only': { value: false },
    '--restart': { value: true },
    '--rm': { value: false },
    '--runtime': { value: true },
    '--security-opt': { value: true },
    '--shm-size': { value: true },
    '--stop-signal': { value: true },
    '--stop-timeout': { value: true },
    '--storage-opt': { value: true },
    '--sysctl': { value: true },
    '--tmpfs': { value: true },
    '--tty': { short: 't', value: false },
    '--ulimit': { value: true },
    '--use-api-socket': { value: false },
    '--user': { short: 'u', value: true },
    '--userns': { value: true },
    '--uts': { value: true },
    '--volume': { short: 'v', value: true },
    '--volume-driver': { value: true },
    '--volumes-from': { value: true },
    '--workdir': { short: 'w', value: true },
    // Read by the CLI but hidden from --help: aliases that older scripts use.
    '--net': { value: true },
    '--net-alias': { value: true },
    '--dns-opt': { value: true }
};
/** Hidden aliases: not in `docker create --help`, so the drift test does not expect them there. */
const HIDDEN_OPTIONS = (/* unused pure expression or super */ null && (['--net', '--net-alias', '--dns-opt']));
const SHORT = new Map(Object.entries(CREATE_OPTIONS).flatMap(([long, o]) => (o.short ? [[o.short, { long, ...o }]] : [])));
/** The option a short letter stands for, if docker create has one. */
const shortOption = (letter) => SHORT.get(letter);
/** The known option nearest to a misspelt one (at most two edits away), for the error's suggestion. */
function nearestOption(flag) {
    let best;
    for (const name of Object.keys(CREATE_OPTIONS)) {
        const d = editDistance(flag, name);
        if (d <= 2 && (!best || d < best.d))
            best = { name, d };
    }
    return best?.name;
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length];
}
/** docker create's boolean short flags (-i, -t, -P, -q): the CLI reads `-itp 80:80` as -i -t -p 80:80. */
const BOOL_SHORT = Object.values(CREATE_OPTIONS)
    .filter(o => o.short && !o.value)
    .map(o => o.short)
    .join('');
/** docker create's boolean long flags; every other flag takes a value. */
const BOOL_LONG = new Set(Object.keys(CREATE_OPTIONS).filter(k => !CREATE_OPTIONS[k].value));
/** The short flags a single-dash word sets: each boolean one, then the first that takes a value. */
function shortFlags(word) {
    if (!/^-[^-]/.test(word))
        return [];
    const flags = [];
    for (const c of word.slice(1)) {
        flags.push(`-${c}`);
        if (!BOOL_SHORT.includes(c))
            break;
    }
    return flags;
}
/**
 * A word of `options` docker would not read as an option or its value: the first such word becomes
 * the image and the rest the command, so the create fails (or runs something else) after the build.
 * Also a value-taking flag at the end, which would take the action's next word as its value.
 */
function strayWord(words) {
    let valueNext = false;
    for (const w of words) {
        if (valueNext) {
            valueNext = false;
            continue;
        }
        if (w === '--' || w === '-' || !w.startsWith('-'))
            return w;
        if (w.startsWith('--'))
            valueNext = !w.includes('=') && !BOOL_LONG.has(w);
        else {
            const flags = shortFlags(w);
            valueNext = w.length === flags.length + 1 && !BOOL_SHORT.includes(w[w.length - 1]);
        }
    }
    return valueNext ? words[words.length - 1] : undefined;
}
/** The values the CLI's flag parser (strconv.ParseBool) takes for a boolean flag given `=value`. */
const BOOL_VALUES = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];
/**
 * The first flag of `options` that docker create does not have (a misspelling fails the create only
 * after the build), with the nearest known name when one is close, or a switch given a value the CLI's
 * boolean parser refuses (`--init=maybe`, `-t=yes`), which also fails only at the create. Values are
 * skipped as strayWord does.
 */
function unknownOption(words) {
    let valueNext = false;
    for (const w of words) {
        if (valueNext || !w.startsWith('-') || w === '-' || w === '--') {
            valueNext = false;
            continue;
        }
        if (w.startsWith('--')) {
            const flag = w.split('=')[0];
            if (!Object.hasOwn(CREATE_OPTIONS, flag))
                return { flag, near: nearestOption(flag) };
            const value = w.includes('=') ? w.slice(flag.length + 1) : undefined;
            if (value !== undefined && !CREATE_OPTIONS[flag].value && !BOOL_VALUES.includes(value))
                return { flag, notBool: value };
            valueNext = !w.includes('=') && CREATE_OPTIONS[flag].value;
            continue;
        }
        const shorts = w.slice(1);
        for (let i = 0; i < shorts.length; i++) {
            const o = shortOption(shorts[i]);
            if (!o)
                return { flag: `-${shorts[i]}` };
            if (o.value)
                break; // the rest of the word is its value
            // `-t=false`: a boolean short flag's value, as the long form's (`-t=` alone is an error in the CLI too)
            if (shorts[i + 1] === '=' && !BOOL_VALUES.includes(shorts.slice(i + 2)))
                return { flag: `-${shorts[i]}`, notBool: shorts.slice(i + 2) };
            if (shorts[i + 1] === '=')
                break;
        }
        valueNext = w.length === shortFlags(w).length + 1 && !BOOL_SHORT.includes(w[w.length - 1]);
    }
    return undefined;
}
/**
 * What is wrong with words given to `docker create` (sidecar `options`, the task's `run-args`), before
 * any Docker side effect: an option docker create does not have (with the nearest name), a switch
 * given a value its parser refuses, a value-taking flag at the end, or a word docker would read as the
 * image (`what` says where that belongs instead).
 */
function createArgsProblem(words, imageHint) {
    const unknown = unknownOption(words);
    if (unknown?.notBool !== undefined)
        return `${unknown.flag} is a switch: give it alone, or with =true or =false`;
    if (unknown)
        return `${unknown.flag} is not an option of docker create${unknown.near ? ` (did you mean ${unknown.near}?)` : ''}`;
    const stray = strayWord(words);
    // A flag at the end that takes a value (`--user`, `-itu`): say so, not where the image goes.
    if (stray !== undefined && stray.startsWith('-') && stray !== '-' && stray !== '--') {
        return `"${stray}" is not an option with its value: it needs one, as its next word or after "="`;
    }
    if (stray !== undefined)
        return `"${stray}" is not an option with its value (docker would read a word after the options as the image); ${imageHint}`;
    return undefined;
}


/***/ }),

/***/ 5955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rt: () => (/* binding */ repeatsEntrypoint),
/* harmony export */   w$: () => (/* binding */ planInvocation)
/* harmony export */ });
/* unused harmony exports INIT_WRAPPERS, isInitWrapper, SHELL_PREAMBLE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3552);


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
 * signal (see run.ts), so that current command (the migration) is what receives it and rolls back.
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
    // The image's ENTRYPOINT runs first and then exec's the shell it is given (Rails' bin/docker-entrypoint
    // preloads jemalloc and prepares the database this way): nothing of the image is dropped.
    if (mode === 'shell-through-entrypoint')
        return { mode: 'shell', wrapped, args: [shell, '-c', SHELL_PREAMBLE + command] };
    const useShell = mode === 'shell' || (mode === 'auto' && (!hasEntrypoint || wrapped));
    if (useShell) {
        const script = SHELL_PREAMBLE + command;
        // The shell replaces a real ENTRYPOINT; an init wrapper stays in front of it.
        if (hasEntrypoint && !wrapped)
            return { mode: 'shell', wrapped, entrypoint: shell, args: ['-c', script] };
        return { mode: 'shell', wrapped, args: [shell, '-c', script] };
    }
    const words = splitCommand(command, mode, imageEntrypoint, lookup, what);
    if (words.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${what}: the command has no words after removing comments`);
    return { mode: 'exec', wrapped, args: words };
}
/**
 * A user who never chose exec mode (a Rails image's `docker-entrypoint`) must learn why the command is
 * not run by a shell: the error names the ENTRYPOINT that receives the words.
 */
function splitCommand(command, mode, imageEntrypoint, lookup, what) {
    try {
        return (0,_words_js__WEBPACK_IMPORTED_MODULE_1__/* .splitWords */ .y)(command, { lookup, what });
    }
    catch (e) {
        if (mode !== 'auto' || !(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ))
            throw e;
        const ep = JSON.stringify(imageEntrypoint);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${e.message} (entrypoint: auto passes the command's words, without a shell, to the image's ENTRYPOINT ${ep}, as Dokku does)`);
    }
}
/**
 * An exec-mode command whose first word is the ENTRYPOINT itself (`/app/bin/shop eval …` with
 * `ENTRYPOINT ["/app/bin/shop"]`): the container ran the program with its own path as first argument.
 * Said in the error of a task that failed, as a likely cause (design.md §4.3).
 */
function repeatsEntrypoint(invocation, imageEntrypoint) {
    if (invocation.mode !== 'exec' || !imageEntrypoint?.length || invocation.args.length === 0)
        return undefined;
    const program = imageEntrypoint[imageEntrypoint.length - 1];
    const first = invocation.args[0];
    const base = (p) => p.slice(p.lastIndexOf('/') + 1);
    if (first !== program && base(first) !== base(program))
        return undefined;
    return (`its first word repeats the image's ENTRYPOINT ${JSON.stringify(imageEntrypoint)}, which receives the command's words: ` +
        `the container ran ${[...imageEntrypoint, ...invocation.args].join(' ')}; leave ${first} out`);
}


/***/ }),

/***/ 3552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ splitWords)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _inputs_grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6720);


const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/**
 * Splits a command into words by POSIX shell rules: blanks separate words, single quotes are literal,
 * double quotes allow `\\` `\"` `\$` `` \` `` escapes and expansion, a backslash outside quotes escapes
 * the next character (and joins lines), and an unquoted `#` at the start of a word begins a comment.
 *
 * Written here rather than taken from a package because the two candidates break design.md §4.5:
 * shell-quote accepts unbalanced quotes and starts comments in mid-word (`x#y`), and shlex loses the
 * quoting of each word, so `'$HOME'` could not be told from `$HOME` when expanding.
 *
 * Command substitution, arithmetic and shell operators have no meaning without a shell; they are
 * errors rather than literal text, so an exec-mode task never runs something other than it reads.
 */
function splitWords(input, opts) {
    const words = [];
    let word = '';
    let inWord = false;
    let i = 0;
    const n = input.length;
    const fail = (msg) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${opts.what}: ${msg}`);
    };
    const expand = () => {
        // input[i] === '$'
        const next = input[i + 1];
        if (!opts.lookup) {
            word += '$';
            i++;
            return;
        }
        if (next === '(')
            fail('command substitution `$(...)` needs a shell; use entrypoint: shell');
        let name;
        let end;
        if (next === '{') {
            const close = input.indexOf('}', i + 2);
            if (close < 0)
                fail('unclosed `${`');
            name = input.slice(i + 2, close);
            end = close + 1;
            if (!_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .VAR_NAME */ .eU.test(name)) {
                fail(`\`\${${name}}\` is not a plain variable reference; only $NAME and \${NAME} are expanded without a shell`);
            }
        }
        else if (next !== undefined && NAME_START.test(next)) {
            end = i + 1;
            while (end < n && NAME_CHAR.test(input[end]))
                end++;
            name = input.slice(i + 1, end);
        }
        else {
            word += '$'; // a lone `$` is literal, as in sh
            i++;
            return;
        }
        const v = opts.lookup(name);
        if (v === undefined)
            fail(`variable $${name} is not set (set it through secrets, env, env-files or the image's ENV)`);
        if (v.secret) {
            fail(`$${name} is a secret: expanding it into the command would put its value on a process argv. ` +
                'Read it from the environment inside the app, or use entrypoint: shell');
        }
        word += v.value;
        i = end;
    };
    while (i < n) {
        const c = input[i];
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
            i++;
        }
        else if (c === '#' && !inWord) {
            const eol = input.indexOf('\n', i);
            i = eol < 0 ? n : eol;
        }
        else if (c === '\\') {
            if (i + 1 >= n)
                fail('a trailing backslash escapes nothing');
            if (input[i + 1] === '\n') {
                i += 2; // line continuation
                continue;
            }
            word += input[i + 1];
            inWord = true;
            i += 2;
        }
        else if (c === "'") {
            const close = input.indexOf("'", i + 1);
            if (close < 0)
                fail('unbalanced single quote');
            word += input.slice(i + 1, close);
            inWord = true;
            i = close + 1;
        }
        else if (c === '"') {
            inWord = true;
            i++;
            for (;;) {
                if (i >= n)
                    fail('unbalanced double quote');
                const d = input[i];
                if (d === '"') {
                    i++;
                    break;
                }
                if (d === '\\' && i + 1 < n && '\\"$`\n'.includes(input[i + 1])) {
                    if (input[i + 1] !== '\n')
                        word += input[i + 1];
                    i += 2;
                }
                else if (d === '$') {
                    expand();
                }
                else if (d === '`') {
                    fail('command substitution with backquotes needs a shell; use entrypoint: shell');
                }
                else {
                    word += d;
                    i++;
                }
            }
        }
        else if (c === '$') {
            inWord = true;
            expand();
        }
        else if (c === '`') {
            fail('command substitution with backquotes needs a shell; use entrypoint: shell');
        }
        else if ('|&;<>()'.includes(c)) {
            // `&&`, `||`, `;;`, `>>`: name the operator as written, not its first character.
            const op = '|&;>'.includes(c) && input[i + 1] === c ? c + c : c;
            fail(`the shell operator \`${op}\` needs a shell; use entrypoint: shell or quote it`);
        }
        else {
            word += c;
            inWord = true;
            i++;
        }
    }
    if (inWord)
        words.push(word);
    return words;
}


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ MAX_ENV_ENTRY),
/* harmony export */   OF: () => (/* binding */ fenced),
/* harmony export */   Z3: () => (/* binding */ MAX_TASK_ENV),
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   em: () => (/* binding */ checkCommand),
/* harmony export */   om: () => (/* binding */ safeLine)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * Untrusted text (commands from manifests, names, paths, docker's stderr) in the lines the action writes
 * itself (design.md §5.6). The runner reads a line as a workflow command when, leading blanks trimmed, it
 * starts with `::`, or (the legacy form) when it holds `##[` anywhere; a CR or LF inside the text would
 * start such a line. In the job summary the same text must not be read as Markdown or HTML.
 */

// Kernel limits the action checks before any side effect. Here, not in secrets.ts: runner.ts (on the
// start-up path) needs them through this module, and must not load secrets.ts and dotenv to get them.
/** Linux MAX_ARG_STRLEN: one `NAME=value` string of a process environment (or argv) holds at most 128 KiB. */
const MAX_ENV_ENTRY = 32 * 4096;
/** All task values together; the rest of ARG_MAX (2 MiB by default) is left to the runner's own environment. */
const MAX_TASK_ENV = 1024 * 1024;
/** One log line: control characters shown escaped, never a command (runner.info applies it to every line). */
function safeLine(text) {
    // Control characters are exactly what this must find; U+0085 too: .NET's TrimStart (the runner's,
    // before it looks for `::`) strips it as blank.
    // eslint-disable-next-line no-control-regex
    let out = text.replace(/[\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\n\r]/g, c => {
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
    out = out.replace(/##\[/g, '##\\[');
    if (out.trimStart().startsWith('::'))
        out = `\\${out.trimStart()}`;
    return out;
}
/** Plain text for Markdown (table cells, paragraphs): HTML entities and Markdown punctuation escaped. */
function mdText(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, c => `\\${c}`)
        .replace(/\r\n|\r|\n/g, ' ');
}
/** A fenced block whose fence is longer than any backtick run inside, so the text cannot close it. */
function fenced(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(r => r.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}text\n${text}\n${fence}`;
}
/**
 * A task command (any phase, any source) must fit one argv string and hold no NUL byte: both would
 * otherwise fail only when the container is created, after the build (spawn's E2BIG / invalid argument).
 */
function checkCommand(what, command, noun = 'the command') {
    if (command === undefined)
        return;
    for (const word of Array.isArray(command) ? command : [command]) {
        if (word.includes('\0'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what}: ${noun} contains a NUL byte`);
        if (Buffer.byteLength(word) + 64 > MAX_ENV_ENTRY) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what}: ${noun} ${Array.isArray(command) && noun !== 'the command' ? 'holds a word of' : 'is'} ${Buffer.byteLength(word)} bytes; one process argument holds at most ${MAX_ENV_ENTRY} bytes on Linux (E2BIG)`);
        }
    }
}


/***/ }),

/***/ 7076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ readFileIfRegular),
/* harmony export */   W3: () => (/* binding */ checkDirectory),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   l$: () => (/* binding */ checkRegularFile),
/* harmony export */   qY: () => (/* binding */ outside),
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
/** Whether `p` lies outside `root`, on the text of both paths. */
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
        return readOpened(fd, st.size);
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(fd);
    }
}
/** The text of an opened file of `size` bytes (fewer if it shrank meanwhile). */
function readOpened(fd, size) {
    const buf = Buffer.alloc(size);
    let n = 0;
    while (n < size) {
        const r = node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync(fd, buf, n, size - n, n);
        if (r === 0)
            break;
        n += r;
    }
    return buf.subarray(0, n).toString('utf8');
}
/**
 * readRegularFile without the errors, for files the action only looks into (git's own files, a `.git`
 * config in the build context, an ignore file): undefined for anything but a regular file under the
 * limit. `follow: false` refuses a link (buildx sends a link in the context as a link, not its target).
 */
function readFileIfRegular(file, { follow = true, limit = MAX_FILE } = {}) {
    let fd;
    try {
        fd = node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | (follow ? 0 : node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW));
    }
    catch {
        return undefined;
    }
    try {
        const st = node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync(fd);
        return st.isFile() && st.size <= limit ? readOpened(fd, st.size) : undefined;
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


/***/ }),

/***/ 8230:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var j=(e,n)=>()=>{try{return n||e((n={exports:{}}).exports,n),n.exports}catch(t){throw n=0,t}};var R=j((Z,N)=>{function T(e){return typeof e=="string"?!["false","0","no","off",""].includes(e.toLowerCase()):!!e}function U(e=process.env){let n={};for(let t of["ENCODING","PATH","QUIET","DEBUG","OVERRIDE","FAST"]){let r=e[`DOTENV_${t}`]!=null?e[`DOTENV_${t}`]:e[`DOTENV_CONFIG_${t}`];r!=null&&(n[t.toLowerCase()]=t==="ENCODING"||t==="PATH"?r:T(r))}return n}N.exports={parseBoolean:T,optionsFromEnv:U}});var P=j((ee,b)=>{var F=__webpack_require__(9896),_=__webpack_require__(6928),B=__webpack_require__(857),{URL:L,fileURLToPath:Q}=__webpack_require__(7016),{parseBoolean:$,optionsFromEnv:I}=R(),G=/(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg,y=new Uint8Array(256);for(let e=48;e<=57;e++)y[e]=1;for(let e=65;e<=90;e++)y[e]=1;for(let e=97;e<=122;e++)y[e]=1;y[45]=1;y[46]=1;y[95]=1;function H(e){let n={},t=e.toString();t=t.replace(/\r\n?/mg,`
`);let r;for(;(r=G.exec(t))!=null;){let o=r[1],i=r[2]||"";i=i.trim();let c=i[0];i=i.replace(/^(['"`])([\s\S]*)\1$/mg,"$2"),c==='"'&&(i=i.replace(/\\n/g,`
`),i=i.replace(/\\r/g,"\r")),n[o]=i}return n}function g(e){return e<=32?e===32||e>=9&&e<=13:e>=160&&(e===160||e===5760||e>=8192&&e<=8202||e===8232||e===8233||e===8239||e===8287||e===12288||e===65279)}function O(e){return e===10||e===8232||e===8233}function V(e){let n={},t=typeof e=="string"?e:e.toString();t.indexOf("\r")!==-1&&(t=t.replace(/\r\n?/g,`
`));let r=t.length,o=0;for(;o<r;){let i=t.charCodeAt(o);for(;o<r&&g(i);)o++,i=t.charCodeAt(o);if(o>=r)break;if(i===35){for(;o<r&&!O(t.charCodeAt(o));)o++;continue}let c=-1;if(i===101&&o+6<r&&t.charCodeAt(o+1)===120&&t.charCodeAt(o+2)===112&&t.charCodeAt(o+3)===111&&t.charCodeAt(o+4)===114&&t.charCodeAt(o+5)===116){let u=t.charCodeAt(o+6);if(g(u)){let s=o+7;for(;s<r&&g(t.charCodeAt(s));)s++;y[t.charCodeAt(s)]&&(c=o+6,o=s)}else i=t.charCodeAt(o)}let E=o,p=0;for(;o<r&&(p=t.charCodeAt(o),y[p]);)o++;if(o===E){for(;o<r&&!O(t.charCodeAt(o));)o++;continue}let k=t.slice(E,o),D=o;if(o>=r&&(p=0),g(p))do o++,p=o<r?t.charCodeAt(o):0;while(g(p));if(p===61)o++;else if(p===58&&o===D&&o+1<r&&g(t.charCodeAt(o+1)))o+=2;else{for(o=c===-1?D:c;o<r&&!O(t.charCodeAt(o));)o++;continue}let d=o,l=o;for(;l<r&&g(t.charCodeAt(l));)l++;let C=t.charCodeAt(l),a,q=!1;if(C===39||C===34||C===96){let u=t[l],s=t.indexOf(u,l+1),f=-1,h=-1;for(;s!==-1;){let x=t.charCodeAt(s-1)===92,w=s+1;for(;w<r&&!O(t.charCodeAt(w))&&g(t.charCodeAt(w));)w++;if((w===r||O(t.charCodeAt(w))||t.charCodeAt(w)===35)&&(f=s,h=w),!x)break;s=t.indexOf(u,s+1)}if(f!==-1){if(a=t.slice(l+1,f),o=h,t.charCodeAt(o)===35)for(;o<r&&!O(t.charCodeAt(o));)o++;q=!0}}if(!q){let u=t.indexOf(`
`,d);u===-1&&(u=r);let s;if(r<4096)s=t.indexOf("#",d),(s===-1||s>u)&&(s=u);else for(s=d;s<u&&t.charCodeAt(s)!==35;)s++;let f=d,h=s;for(;f<h&&g(t.charCodeAt(f));)f++;for(;h>f&&g(t.charCodeAt(h-1));)h--;let x=t.charCodeAt(f);if(a=t.slice(f,h),a.includes("\u2028")||a.includes("\u2029")?a=a.replace(/^(['"`])([\s\S]*)\1$/mg,"$2"):h-f>=2&&(x===39||x===34||x===96)&&t.charCodeAt(h-1)===x&&(a=t.slice(f+1,h-1)),o=s,s<u)for(;o<r&&!O(t.charCodeAt(o));)o++}C===34&&(q||l<o)&&a.indexOf("\\")!==-1&&(a=a.replace(/\\n/g,`
`).replace(/\\r/g,"\r")),n[k]=a}return n}function J(e,n){return n&&$(n.fast)?V(e):H(e)}function v(e){console.log(`\u2506 ${e}`)}function W(e){console.error(`\u25C7 ${e}`)}function S(e){return e[0]==="~"?_.join(B.homedir(),e.slice(1)):e}function K(e={}){let n={...e};for(let t of Object.keys(n))n[t]===void 0&&delete n[t];return{...I(),...n}}function M(e){e=K(e);let n=_.resolve(process.cwd(),".env"),t="utf8",r=process.env;e&&e.processEnv!=null&&(r=e.processEnv);let o=$(e&&e.debug);e&&e.encoding?t=e.encoding:o&&v("no encoding is specified (UTF-8 is used by default)");let i=[n];if(e&&e.path)if(!Array.isArray(e.path))i=[S(e.path)];else{i=[];for(let d of e.path)i.push(S(d))}let c,E={},p={fast:e.fast};for(let d of i)try{let l=A.parse(F.readFileSync(d,{encoding:t}),p);A.populate(E,l,e)}catch(l){o&&v(`failed to load ${d} ${l.message}`),c=l}let k=A.populate(r,E,e),D=$(Object.prototype.hasOwnProperty.call(e,"quiet")?e.quiet:I(r).quiet);if(o||!D){let d=Object.keys(k).length,l=[];for(let C of i)try{let a=_.relative(process.cwd(),C instanceof L?Q(C):C);l.push(a)}catch(a){o&&v(`failed to load ${C} ${a.message}`),c=a}W(`injected env (${d}) from ${l.join(",")}`)}return c?{parsed:E,error:c}:{parsed:E}}function Y(e){return A.configDotenv(e)}function z(e,n,t={}){let r=$(t&&t.debug),o=$(t&&t.override),i={};if(e===null||typeof e!="object"||n===null||typeof n!="object"){let c=new Error("OBJECT_REQUIRED: Please check the processEnv argument being passed to populate");throw c.code="OBJECT_REQUIRED",c}for(let c of Object.keys(n))Object.prototype.hasOwnProperty.call(e,c)?(o===!0&&(e[c]=n[c],i[c]=n[c]),r&&v(o===!0?`"${c}" is already defined and WAS overwritten`:`"${c}" is already defined and was NOT overwritten`)):(e[c]=n[c],i[c]=n[c]);return i}var A={configDotenv:M,config:Y,parse:J,populate:z};b.exports.configDotenv=A.configDotenv;b.exports.config=A.config;b.exports.parse=A.parse;b.exports.populate=A.populate;b.exports=A});var m=P();module.exports=m;module.exports.config=m.config;module.exports.configDotenv=m.configDotenv;module.exports.parse=m.parse;module.exports.populate=m.populate;


/***/ })

};
