export const id = 571;
export const ids = [571];
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
 * plus what the caller adds. Children run in their own process group so that a Ctrl-C or the
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
        this.baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
    }
    start(args, env, stdio) {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(this.bin, args, { env: { ...this.baseEnv, ...env }, stdio, detached: true });
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
    const ls = text.trim().split('\n').filter(l => l.trim() !== '');
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

/***/ 1763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BA: () => (/* binding */ cancelActiveTasks),
/* harmony export */   Px: () => (/* binding */ removeLater),
/* harmony export */   X: () => (/* binding */ createArgv),
/* harmony export */   ZZ: () => (/* binding */ runTask),
/* harmony export */   mm: () => (/* binding */ isCancelled),
/* harmony export */   od: () => (/* binding */ removeContainer),
/* harmony export */   tP: () => (/* binding */ settleRemovals),
/* harmony export */   xN: () => (/* binding */ containerName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1670);


function containerName(runId, phase) {
    return `release-phase-${runId}-${phase}`;
}
/**
 * SPEC 4.1 (`docker run` split into create + start, see runTask). Variables go as `-e NAME` only:
 * their values are in the docker child's environment.
 */
function createArgv(spec, name) {
    const argv = ['create', '--name', name, '--label', `release-phase.run=${spec.runId}`, '--label', `release-phase.phase=${spec.phase}`];
    if (spec.network)
        argv.push('--network', spec.network);
    argv.push(...spec.runArgs);
    argv.push('-e', `RELEASE_PHASE=${spec.phase}`);
    for (const name of spec.vars.keys())
        argv.push('-e', name);
    if (spec.invocation.entrypoint !== undefined)
        argv.push('--entrypoint', spec.invocation.entrypoint);
    argv.push(spec.image, ...spec.invocation.args);
    return argv;
}
const active = new Map();
let cancelRequested = false;
/** True once SIGINT/SIGTERM arrived: no further task, build or push may start. */
function isCancelled() {
    return cancelRequested;
}
async function removeContainer(cli, name) {
    await cli.exec(['rm', '--force', '--volumes', name]);
}
/** Removals started in the background (a finished task's container), awaited before the step ends. */
const pendingRemovals = [];
function removeLater(work) {
    pendingRemovals.push(work.catch(() => undefined));
}
async function settleRemovals() {
    while (pendingRemovals.length > 0)
        await Promise.all(pendingRemovals.splice(0));
}
async function stopContainer(cli, name, grace) {
    await cli.exec(['stop', '--time', String(grace), name]);
}
/**
 * Stops every running task container with its grace period and removes it. Called on SIGINT/SIGTERM;
 * `force` (a second signal) skips the grace but still removes.
 */
async function cancelActiveTasks(cli, force) {
    cancelRequested = true;
    const names = [...active.keys()];
    await Promise.all([...active.values()].map(async (a) => {
        a.cancelled = true;
        if (!force)
            await stopContainer(cli, a.name, a.stopTimeoutSeconds);
        await removeContainer(cli, a.name);
    }));
    return names;
}
/**
 * `docker start --attach` returns the container's exit code, or its own when docker itself failed
 * (daemon gone, attach lost). Ask the daemon: a task is only failed or succeeded by its real exit.
 */
async function assertExited(cli, name, phase, exitCode, tail) {
    const r = await cli.exec(['container', 'inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', name]);
    const [status, code] = r.stdout.trim().split(' ');
    const last = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(tail.split('\n').pop() ?? '', 300);
    if (r.code === 0 && status === 'created')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`${phase} task container could not start: ${last}`);
    if (r.code !== 0 || status !== 'exited' || Number(code) !== exitCode) {
        const why = r.code !== 0 ? (0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(r.stderr) : `container is ${status}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(`${phase} task: lost the Docker engine while it ran (${why}); last output: ${last}`);
    }
}
/**
 * The last lines a failed task printed, for the job summary: read back from the container's log
 * (the task's output itself went straight to the step log). Empty when the engine keeps no log.
 */
async function outputTail(cli, name, lines = 30) {
    const r = await cli.combined(['logs', '--tail', String(lines), name]);
    return r.code === 0 ? r.output.replace(/\n$/, '') : '';
}
async function runTask(cli, spec) {
    const name = containerName(spec.runId, spec.phase);
    const env = {};
    for (const [k, v] of spec.vars)
        env[k] = v.value;
    const entry = { name, stopTimeoutSeconds: spec.stopTimeoutSeconds, cancelled: false };
    // Created first, registered, then started: a signal at any moment finds the container by name,
    // and one that came just before registration is seen by the check below. `docker run` would leave
    // a window where the container exists but the handler cannot know it.
    await cli.ok(createArgv(spec, name), `creating the ${spec.phase} container`, { env });
    active.set(name, entry);
    let timedOut = false;
    let succeeded = false;
    let timer;
    const started = process.hrtime.bigint();
    try {
        if (cancelRequested) {
            entry.cancelled = true;
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
        // A zero can only be the container's; anything else may be docker's own failure: ask the daemon.
        const tail = exitCode === 0 ? '' : await outputTail(cli, name);
        if (exitCode !== 0 && !timedOut && !entry.cancelled)
            await assertExited(cli, name, spec.phase, exitCode, tail);
        const status = entry.cancelled ? 'cancelled' : timedOut ? 'timed-out' : exitCode === 0 ? 'succeeded' : 'failed';
        succeeded = status === 'succeeded';
        return { container: name, status, exitCode, durationSeconds, tail };
    }
    finally {
        if (timer)
            clearTimeout(timer);
        active.delete(name);
        // Only a predeploy that succeeded keeps its container (to be committed); every other ends here.
        if (timedOut || entry.cancelled)
            await removeContainer(cli, name);
        else if (!spec.keep || !succeeded)
            removeLater(removeContainer(cli, name));
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


/***/ }),

/***/ 2571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: chooseDockerfile, phaseCommands

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/duration.ts

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
        throw new errors/* InputError */.dz(`${name}: "${text}" is not a duration; use seconds or forms like 90s, 15m, 1h (0 for none)`);
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

;// CONCATENATED MODULE: ./src/words.ts

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/**
 * Splits a command into words by POSIX shell rules: blanks separate words, single quotes are literal,
 * double quotes allow `\\` `\"` `\$` `` \` `` escapes and expansion, a backslash outside quotes escapes
 * the next character (and joins lines), and an unquoted `#` at the start of a word begins a comment.
 *
 * Written here rather than taken from a package because the two candidates break SPEC 4.2:
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
        throw new errors/* ActionError */.lZ(`${opts.what}: ${msg}`);
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
        let name = '';
        let end = i + 1;
        if (next === '{') {
            const close = input.indexOf('}', i + 2);
            if (close < 0)
                fail('unclosed `${`');
            name = input.slice(i + 2, close);
            end = close + 1;
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
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
            fail(`the shell operator \`${c}\` needs a shell; use entrypoint: shell or quote it`);
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

;// CONCATENATED MODULE: ./src/inputs.ts




const PHASES = ['predeploy', 'release', 'postdeploy', 'first-deploy'];
/** The runner's contract: INPUT_<NAME>, upper-cased, spaces to `_`, hyphens kept. */
function envInput(env = process.env) {
    return name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
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
/** A path relative to `base` that must stay inside `root` (SPEC 2.1). */
function insidePath(root, base, rel, name) {
    if (rel.includes('\0'))
        throw new errors/* InputError */.dz(`${name}: the path contains a NUL byte`);
    if (external_node_path_.isAbsolute(rel))
        throw new errors/* InputError */.dz(`${name}: "${rel}" is absolute; give a path relative to the workspace`);
    const abs = external_node_path_.resolve(base, rel);
    const fromRoot = external_node_path_.relative(root, abs);
    if (fromRoot === '..' || fromRoot.startsWith(`..${external_node_path_.sep}`) || external_node_path_.isAbsolute(fromRoot)) {
        throw new errors/* InputError */.dz(`${name}: "${rel}" resolves outside the workspace`);
    }
    return abs;
}
function parseMappings(value, name, key) {
    const seen = new Set();
    return lines(value).map(line => {
        const eq = line.indexOf('=');
        const target = (eq < 0 ? line : line.slice(0, eq)).trim();
        const source = (eq < 0 ? line : line.slice(eq + 1)).trim();
        const re = key === 'ID' ? /^[A-Za-z0-9_.-]+$/ : VAR_NAME;
        if (!re.test(target))
            throw new errors/* InputError */.dz(`${name}: "${target}" is not a valid ${key === 'ID' ? 'secret id' : 'variable name'}`);
        if (!VAR_NAME.test(source))
            throw new errors/* InputError */.dz(`${name}: "${source}" is not a valid variable name`);
        if (seen.has(target))
            throw new errors/* InputError */.dz(`${name}: ${target} is listed twice`);
        seen.add(target);
        return { name: target, source };
    });
}
function parseEnvPairs(value) {
    return lines(value).map(line => {
        const eq = line.indexOf('=');
        if (eq < 0)
            throw new errors/* InputError */.dz(`env: "${line}" is not NAME=value`);
        const name = line.slice(0, eq).trim();
        if (!VAR_NAME.test(name))
            throw new errors/* InputError */.dz(`env: "${name}" is not a valid variable name`);
        return { name, value: line.slice(eq + 1) };
    });
}
// Docker reference: lower-case repository path, optional registry host[:port], optional tag.
const TAG_RE = /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/;
function validateTag(tag) {
    if (TAG_RE.test(tag))
        return;
    const repo = tag.replace(/:[^/:]*$/, '');
    const hint = repo !== repo.toLowerCase() && TAG_RE.test(tag.toLowerCase()) ? ': repository names must be lower-case' : '';
    throw new errors/* InputError */.dz(`tags: "${tag}" is not a valid image reference${hint}`);
}
/** Reads and validates every input (SPEC 2-10). Pure but for the getter and `env` (GitHub context). */
function readSettings(get, env = process.env) {
    const workspace = external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd());
    const workingDirectory = insidePath(workspace, workspace, get('working-directory') || '.', 'working-directory');
    const manifest = (name, dflt) => insidePath(workspace, workingDirectory, get(name) || dflt, name);
    const phaseNames = list(get('phases') || 'predeploy,release');
    for (const p of phaseNames) {
        if (!PHASES.includes(p))
            throw new errors/* InputError */.dz(`phases: "${p}" is not a phase; use ${PHASES.join(', ')}`);
    }
    const phases = PHASES.filter(p => phaseNames.includes(p));
    const platforms = list(get('platforms'));
    if (platforms.length > 1) {
        throw new errors/* InputError */.dz(`platforms: ${platforms.join(', ')}: the image is loaded into the local engine to run its tasks, and --load takes one platform`);
    }
    const tags = list(get('tags'));
    tags.forEach(validateTag);
    const image = get('image');
    if (image)
        validateTag(image);
    const context = get('context') ? insidePath(workspace, workingDirectory, get('context'), 'context') : workingDirectory;
    const file = get('file') ? insidePath(workspace, workingDirectory, get('file'), 'file') : '';
    const envFiles = lines(get('env-files')).map(f => insidePath(workspace, workingDirectory, f, 'env-files'));
    const shell = get('shell') || '/bin/sh';
    const buildxVersion = get('buildx-version').replace(/^v/, '');
    if (buildxVersion && !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(buildxVersion)) {
        throw new errors/* InputError */.dz(`buildx-version: "${buildxVersion}" is not an exact version such as 0.13.1`);
    }
    const timeoutSeconds = parseDuration(get('timeout') || '60m', 'timeout');
    const stopTimeoutSeconds = parseDuration(get('stop-timeout') || '10s', 'stop-timeout');
    if (!Number.isInteger(stopTimeoutSeconds))
        throw new errors/* InputError */.dz('stop-timeout: use whole seconds');
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
        buildArgs: lines(get('build-args')),
        labels: lines(get('labels')),
        tags,
        builder: get('builder'),
        platform: platforms[0] ?? '',
        pull: bool(get, 'pull', false),
        noCache: bool(get, 'no-cache', false),
        cacheFrom: lines(get('cache-from')),
        cacheTo: lines(get('cache-to')),
        image,
        phases,
        entrypoint: oneOf(get, 'entrypoint', ['auto', 'shell', 'exec'], 'auto'),
        shell,
        network: get('network'),
        runArgs: splitWords(get('run-args'), { what: 'run-args' }),
        timeoutSeconds,
        stopTimeoutSeconds,
        secrets: parseMappings(get('secrets'), 'secrets', 'NAME'),
        env: parseEnvPairs(get('env')),
        envFiles,
        secretsDotenv: lines(get('secrets-dotenv')).map(n => {
            if (!VAR_NAME.test(n))
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
        dryRun: bool(get, 'dry-run', false)
    };
}

;// CONCATENATED MODULE: ./src/manifests/procfile.ts

const ENTRY = /^([A-Za-z0-9_-]+)[ \t]*:(.*)$/;
const MAX_NAME = 63;
/** Parses a Procfile (SPEC 2.2). Pure: `file` is only used to annotate errors. */
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



/** Reads a file, or undefined when it does not exist: a missing manifest means "no tasks from it". */
function readOptional(file) {
    try {
        return external_node_fs_.readFileSync(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
}
/** The app.json and heroku.yml parsers (and jsonc-parser, yaml) load only when those files exist. */
async function loadManifests(s) {
    const rel = (f) => external_node_path_.relative(s.workspace, f) || f;
    const m = { found: [] };
    const procfile = readOptional(s.procfile);
    if (procfile !== undefined) {
        m.procfile = parseProcfile(procfile, rel(s.procfile));
        m.found.push(rel(s.procfile));
    }
    const appJson = readOptional(s.appJson);
    if (appJson !== undefined) {
        m.appJson = (await Promise.all(/* import() */[__webpack_require__.e(547), __webpack_require__.e(888)]).then(__webpack_require__.bind(__webpack_require__, 3888))).parseAppJson(appJson, rel(s.appJson));
        m.found.push(rel(s.appJson));
    }
    const herokuYml = readOptional(s.herokuYml);
    if (herokuYml !== undefined) {
        m.herokuYml = (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(655)]).then(__webpack_require__.bind(__webpack_require__, 655))).parseHerokuYml(herokuYml, rel(s.herokuYml));
        m.found.push(rel(s.herokuYml));
    }
    return m;
}

;// CONCATENATED MODULE: ./src/manifests/release-command.ts
/** SPEC 2.5: Procfile > heroku.yml > input, as in Jets where the Procfile wins over configuration. */
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
/** A release command as one line for logs and outputs; exec form joined with spaces. */
function commandText(command) {
    if (command === undefined)
        return '';
    return Array.isArray(command) ? JSON.stringify(command) : command;
}

// EXTERNAL MODULE: ./node_modules/dotenv/dist/index.cjs
var dist = __webpack_require__(8230);
;// CONCATENATED MODULE: ./src/secrets.ts



/**
 * SPEC 5.1 and 5.3: env-files < secrets-dotenv < env < secrets, then app.json defaults and requirements.
 * Raised here, before the build: missing sources, missing required variables, secret generators.
 */
function resolveTaskEnv(src) {
    const vars = new Map();
    const warnings = [];
    for (const { file, text } of src.envFiles) {
        for (const [name, value] of Object.entries((0,dist.parse)(text))) {
            if (!VAR_NAME.test(name))
                throw new errors/* InputError */.dz(`env-files: ${file}: "${name}" is not a valid variable name`);
            vars.set(name, { value, secret: true });
        }
    }
    const missingDotenv = (src.secretsDotenv ?? []).filter(n => src.processEnv[n] === undefined);
    for (const source of src.secretsDotenv ?? []) {
        for (const [name, value] of Object.entries((0,dist.parse)(src.processEnv[source] ?? ''))) {
            if (!VAR_NAME.test(name))
                throw new errors/* InputError */.dz(`secrets-dotenv: ${source}: "${name}" is not a valid variable name`);
            vars.set(name, { value, secret: true });
        }
    }
    for (const { name, value } of src.env)
        vars.set(name, { value, secret: false });
    const missing = src.secrets.filter(m => src.processEnv[m.source] === undefined);
    if (missing.length > 0 || missingDotenv.length > 0) {
        const names = [...missingDotenv, ...missing.map(m => (m.source === m.name ? m.source : `${m.source} (for ${m.name})`))];
        throw new errors/* InputError */.dz(`secrets: these variables are not set in the step's env: ${names.join(', ')}`);
    }
    for (const m of src.secrets) {
        const value = src.processEnv[m.source];
        if (value === '')
            warnings.push(`secrets: ${m.source} is set but empty`);
        vars.set(m.name, { value, secret: true });
    }
    const required = [];
    const generated = [];
    for (const v of src.appEnv) {
        if (vars.has(v.name))
            continue;
        if (v.generator === 'secret')
            generated.push(v.name);
        else if (v.value !== undefined)
            vars.set(v.name, { value: v.value, secret: false });
        else if (v.required)
            required.push(v.description ? `${v.name} (${v.description})` : v.name);
    }
    if (generated.length > 0) {
        throw new errors/* ActionError */.lZ(`app.json env ${generated.join(', ')} ${generated.length > 1 ? 'have' : 'has'} generator "secret": a CI run cannot generate a secret that stays ` +
            'the same from one deploy to the next; create it once and pass it through the secrets input');
    }
    if (required.length > 0) {
        throw new errors/* ActionError */.lZ(`app.json env requires variables that no input provides: ${required.join('; ')}`);
    }
    if (vars.has('RELEASE_PHASE')) {
        warnings.push('RELEASE_PHASE is set by the action to the running phase; the value given is ignored');
        vars.delete('RELEASE_PHASE');
    }
    return { vars, warnings };
}
/** Every secret value, and each line of a multi-line one, so the runner masks it wherever it appears. */
function maskValues(vars, extra, setSecret) {
    const values = [...[...vars.values()].filter(v => v.secret).map(v => v.value), ...extra];
    const masked = new Set();
    for (const value of values) {
        for (const part of [value, ...value.split(/\r?\n/)]) {
            const p = part.trim() === '' ? '' : part;
            if (p !== '' && !masked.has(p)) {
                masked.add(p);
                setSecret(p);
            }
        }
    }
    return [...masked];
}
/** Replaces every known secret value with `***` (longest first, so a value containing another goes whole). */
function redact(text, secrets) {
    let out = text;
    for (const s of [...secrets].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
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
/** The action's outputs (SPEC 6), as name → value. */
function outputValues(r) {
    const release = r.phases.find(p => p.phase === 'release');
    const ran = release && release.exitCode !== null;
    const out = {
        image: r.image,
        'image-id': r.imageId,
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
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** The job summary (SPEC 6): phases table, image and digest, a failed task's redacted output tail. */
function summaryMarkdown(r, secrets, env = process.env) {
    const lines = ['## release-phase', ''];
    if (r.phases.length > 0) {
        lines.push('| phase | command | status | exit code | duration |', '| --- | --- | --- | --- | --- |');
        for (const p of r.phases) {
            const dur = p.durationSeconds === null ? '' : `${p.durationSeconds.toFixed(1)}s`;
            const cmd = p.command ? `\`${cell(redact(p.command, secrets))}\`` : '';
            lines.push(`| ${p.phase} | ${cmd} | ${p.status} | ${p.exitCode ?? ''} | ${dur} |`);
        }
        lines.push('');
    }
    if (r.image)
        lines.push(`**Image:** \`${r.image}\``);
    if (r.imageId)
        lines.push(`**Image id:** \`${r.imageId}\``);
    lines.push(`**Digest:** ${r.digest ? `\`${r.digest}\`` : '(not pushed)'}`);
    lines.push(`**Released:** ${r.released ? 'yes' : 'no'}`, '');
    if (r.error)
        lines.push(`**Error:** ${redact(r.error, secrets)}`, '');
    if (r.failure) {
        lines.push(`### Last lines of the ${r.failure.phase} task`, '', '```', redact(r.failure.tail, secrets).replace(/```/g, "'''"), '```', '');
    }
    if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY) {
        lines.push(`[Full log](${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID})`, '');
    }
    return lines.join('\n');
}
function writeSummary(r, secrets) {
    runner/* appendSummary */.fe(summaryMarkdown(r, secrets));
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
// EXTERNAL MODULE: ./src/docker/cli.ts
var docker_cli = __webpack_require__(1670);
;// CONCATENATED MODULE: ./src/docker/image.ts


const BUILDX_MISSING = 'docker buildx is not installed; set the buildx-version input (e.g. 0.13.1) to install it, or use docker/setup-buildx-action before this step';
/** What the CLI prints when the buildx plugin is absent (checked on a failed build, not before every run). */
function isBuildxMissing(output) {
    return /'buildx' is not a docker command|unknown command:? "?(docker )?buildx/i.test(output);
}
/** The daemon answers (SPEC 9). buildx is checked by the build itself: a pre-check costs every run a CLI start. */
async function checkEngine(cli) {
    const info = await cli.exec(['version', '--format', '{{.Server.Version}}']);
    if (info.code !== 0) {
        throw new errors/* DockerError */.Bi(`cannot reach the Docker daemon (${(0,docker_cli/* lastLine */.fM)(info.stderr) || 'no answer'}); start it, or set DOCKER_HOST to a reachable engine`);
    }
}
async function inspectImage(cli, ref) {
    const r = await cli.exec(['image', 'inspect', '--format', '{{json .}}', ref]);
    if (r.code !== 0) {
        if (/no such image/i.test(r.stderr))
            return undefined;
        throw new errors/* DockerError */.Bi(`docker image inspect ${ref} failed: ${(0,docker_cli/* lastLine */.fM)(r.stderr)}`);
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

;// CONCATENATED MODULE: ./src/docker/build.ts

function githubContext(env) {
    return { repository: env.GITHUB_REPOSITORY, sha: env.GITHUB_SHA, serverUrl: env.GITHUB_SERVER_URL || 'https://github.com' };
}
/** SPEC 3: `<repository, lower-cased>:<sha>` in GitHub, `<folder>:local` outside. */
function defaultTags(s, gh) {
    if (gh.repository && gh.sha)
        return [`${gh.repository.toLowerCase()}:${gh.sha}`];
    const folder = external_node_path_.basename(s.workingDirectory).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|[._-]+$/g, '');
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
/** The `docker buildx build` argv (SPEC 3). Build secrets are `env=` references: values never appear. */
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
    argv.push(s.context);
    return argv;
}

;// CONCATENATED MODULE: ./src/docker/entrypoint.ts


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
 * SPEC 4.2. A string command runs through `<shell> -c` unless the image has a real ENTRYPOINT
 * (Phoenix's `bin/my_app`), which then receives the command's words, as Dokku does. Everything that
 * can go wrong is raised here, before any container starts, so the image's CMD never runs by accident.
 */
function planInvocation(command, mode, imageEntrypoint, shell, lookup, what) {
    if (Array.isArray(command))
        return { mode: 'exec-form', args: [...command] };
    const hasEntrypoint = !!imageEntrypoint && imageEntrypoint.length > 0;
    const wrapper = isInitWrapper(imageEntrypoint);
    const useShell = mode === 'shell' || (mode === 'auto' && (!hasEntrypoint || wrapper));
    if (useShell) {
        const args = [shell, '-c', command];
        // The shell replaces a real ENTRYPOINT; an init wrapper stays in front of it.
        if (hasEntrypoint && !wrapper)
            return { mode: 'shell', entrypoint: shell, args: ['-c', command] };
        return { mode: 'shell', args };
    }
    const words = splitWords(command, { lookup, what });
    if (words.length === 0)
        throw new errors/* ActionError */.lZ(`${what}: the command has no words after removing comments`);
    return { mode: 'exec', args: words };
}

// EXTERNAL MODULE: ./src/docker/task.ts
var task = __webpack_require__(1763);
;// CONCATENATED MODULE: ./src/plan.ts


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
 * SPEC 4.2: every task's invocation, planned before the first container starts, so a bad exec-mode
 * command stops the run before anything ran. With the image unknown (dry run before a build) and
 * `entrypoint: auto`, the mode is left undecided.
 */
function planTasks(planned, s, vars, image, firstDeploy) {
    for (const p of planned) {
        p.invocation = undefined;
        if (p.command === undefined)
            continue;
        if (p.phase === 'first-deploy' && firstDeploy === false)
            continue;
        if (image.entrypoint === undefined && s.entrypoint === 'auto' && !Array.isArray(p.command))
            continue;
        p.invocation = planInvocation(p.command, s.entrypoint, image.entrypoint ?? null, s.shell, lookupFor(p.phase, vars, image), `${p.phase} command`);
    }
}
/** The one way a phase's container is described, for the real run and the dry-run plan alike. */
function taskSpec(s, phase, invocation, image, runId, vars) {
    return {
        phase,
        image,
        invocation,
        runId,
        network: s.network,
        runArgs: s.runArgs,
        vars,
        timeoutSeconds: s.timeoutSeconds,
        stopTimeoutSeconds: s.stopTimeoutSeconds,
        // Predeploy keeps its container until it is committed.
        keep: phase === 'predeploy'
    };
}
/**
 * SPEC 10: the plan a dry run prints. The docker argv carry only variable names (`-e NAME`), the
 * same argv the real run would start; the run id and image id are placeholders.
 */
function dryRunPlan(args) {
    const { s, planned, vars } = args;
    return {
        image: args.imageRef,
        tags: args.tags,
        build: args.buildArgv ? { argv: ['docker', ...args.buildArgv] } : null,
        phases: planned.map(p => {
            const willRun = p.command !== undefined && !(p.phase === 'first-deploy' && args.firstDeploy === false);
            const mode = p.invocation?.mode ?? (willRun ? 'auto: decided by the built image ENTRYPOINT' : 'none');
            const spec = p.invocation && taskSpec(s, p.phase, p.invocation, args.imageRef || '<built image id>', '<run-id>', vars);
            return {
                phase: p.phase,
                command: p.text,
                source: p.command === undefined ? 'none' : args.sources[p.phase],
                willRun,
                entrypointMode: mode,
                argv: spec ? ['docker', ...(0,task/* createArgv */.X)(spec, (0,task/* containerName */.xN)('<run-id>', p.phase))] : null
            };
        }),
        variables: {
            secret: [...vars].filter(([, v]) => v.secret).map(([k]) => k),
            plain: [...vars].filter(([, v]) => !v.secret).map(([k]) => k)
        },
        push: s.push ? { tags: args.tags } : null,
        firstDeploy: !s.phases.includes('first-deploy') ? 'not requested' : args.firstDeploy === undefined ? 'auto: asked of the deployments API at run time' : String(args.firstDeploy)
    };
}

;// CONCATENATED MODULE: ./src/docker/push.ts


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
/** SPEC 6: pushes each tag; returns the registry's manifest digest of the first. */
async function pushTags(cli, tags) {
    let digest = '';
    for (const tag of tags) {
        const r = await cli.exec(['push', tag]);
        if (r.code !== 0)
            throw new errors/* DockerError */.Bi(`docker push ${tag} failed: ${(0,docker_cli/* lastLine */.fM)(r.stderr) || (0,docker_cli/* lastLine */.fM)(r.stdout)}`);
        process.stdout.write(r.stdout);
        const d = digestFromPushOutput(r.stdout);
        if (!d)
            throw new errors/* DockerError */.Bi(`docker push ${tag} reported no digest`);
        if (!digest)
            digest = d;
    }
    return digest;
}

;// CONCATENATED MODULE: ./src/main.ts



















/** The command of each phase (SPEC 4 table); the release one as chosen by SPEC 2.5. */
function phaseCommands(m, release) {
    return {
        predeploy: m.appJson?.predeploy,
        release,
        postdeploy: m.appJson?.postdeploy,
        'first-deploy': m.appJson?.firstDeploy
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
        return insidePath(s.workspace, s.workingDirectory, fromHeroku, `heroku.yml build.docker.${proc}`);
    return external_node_path_.join(s.context, 'Dockerfile');
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
async function run() {
    const result = emptyResult();
    let masked = [];
    let tempDir;
    const cleanupSignals = [];
    try {
        const s = readSettings(envInput());
        const manifests = await loadManifests(s);
        runner/* info */.pq(manifests.found.length > 0 ? `Manifests found: ${manifests.found.join(', ')}` : 'Manifests found: none');
        const choice = chooseReleaseCommand(manifests.procfile, manifests.herokuYml, s.releaseCommand);
        if (choice.warning)
            runner/* warning */.$e(choice.warning);
        result.releaseCommand = commandText(choice.command);
        result.releaseSource = choice.source;
        result.processes = Object.fromEntries((manifests.procfile ?? []).filter(e => e.name !== 'release').map(e => [e.name, e.command]));
        result.postdeployCommand = manifests.appJson?.postdeploy ?? '';
        result.firstDeployCommand = manifests.appJson?.firstDeploy ?? '';
        const commands = phaseCommands(manifests, choice.command);
        const planned = s.phases.map(phase => ({ phase, command: commands[phase], text: commandText(commands[phase]) }));
        result.phases = planned.map(p => ({ phase: p.phase, command: p.text, status: 'not-run', exitCode: null, durationSeconds: null }));
        const envFiles = s.envFiles.map(file => {
            if (!external_node_fs_.existsSync(file))
                throw new errors/* ActionError */.lZ(`env-files: ${external_node_path_.relative(s.workspace, file)} does not exist`);
            return { file: external_node_path_.relative(s.workspace, file), text: external_node_fs_.readFileSync(file, 'utf8') };
        });
        const { vars, warnings } = resolveTaskEnv({ secrets: s.secrets, env: s.env, envFiles, secretsDotenv: s.secretsDotenv, appEnv: manifests.appJson?.env ?? [], processEnv: process.env });
        masked = maskValues(vars, s.githubToken ? [s.githubToken] : [], v => runner/* setSecret */.Pq(v));
        warnings.forEach(w => runner/* warning */.$e(w));
        const dockerfile = s.image ? '' : chooseDockerfile(s, manifests);
        if (dockerfile && !external_node_fs_.existsSync(dockerfile))
            throw new errors/* ActionError */.lZ(`Dockerfile not found: ${external_node_path_.relative(s.workspace, dockerfile)}`);
        if (planned.some(p => p.phase === 'first-deploy')) {
            if (s.firstDeploy !== 'auto')
                result.firstDeploy = s.firstDeploy === 'true';
            else if (!s.dryRun)
                result.firstDeploy = await (await __webpack_require__.e(/* import() */ 573).then(__webpack_require__.bind(__webpack_require__, 7573))).isFirstDeploy(s.githubToken, s.environment);
            if (result.firstDeploy !== undefined)
                runner/* info */.pq(`First deploy: ${result.firstDeploy}`);
        }
        const gh = githubContext(process.env);
        if (s.dryRun) {
            await dryRun(s, planned, manifests, vars, result, dockerfile, gh);
            return;
        }
        // Everything above is validation; Docker side effects start here.
        const runId = (0,external_node_crypto_.randomBytes)(6).toString('hex');
        tempDir = external_node_fs_.mkdtempSync(external_node_path_.join(process.env.RUNNER_TEMP || external_node_os_.tmpdir(), 'release-phase-'));
        (0,state/* saveRun */.BQ)(runId, tempDir);
        const cli = new docker_cli/* DockerCli */.Vo();
        cleanupSignals.push(installSignalHandlers(cli));
        // The daemon check runs beside the first command instead of before it; its verdict is awaited
        // before that command's result is used, so an unreachable engine still gets its own error.
        const engine = checkEngine(cli);
        engine.catch(() => undefined);
        if (s.buildxVersion && !s.image) {
            await engine;
            await (await __webpack_require__.e(/* import() */ 901).then(__webpack_require__.bind(__webpack_require__, 8901))).ensureBuildx(cli, s.buildxVersion, s.buildxDownloadUrl);
        }
        let info;
        let tags;
        if (s.image) {
            await engine;
            info = await useImage(cli, s.image);
            tags = s.tags.length > 0 ? s.tags : [s.image];
            for (const t of s.tags)
                await cli.ok(['tag', info.id, t], `docker tag ${t}`);
        }
        else {
            tags = s.tags.length > 0 ? s.tags : defaultTags(s, gh);
            const iidfile = external_node_path_.join(tempDir, 'iid');
            const metadataFile = external_node_path_.join(tempDir, 'metadata.json');
            const argv = buildArgv(s, { tags, labels: buildLabels(s, gh, new Date()), dockerfile, iidfile, metadataFile });
            checkCancelled();
            runner/* startGroup */.Oh(`Building ${tags[0]}`);
            const tail = new docker_cli/* Tail */.PW(5);
            const code = await cli.stream(argv, { cancellable: true, onChunk: b => tail.push(b) }).finally(() => runner/* endGroup */.N4());
            await engine;
            checkCancelled();
            if (code !== 0 && isBuildxMissing(tail.text()))
                throw new errors/* DockerError */.Bi(BUILDX_MISSING);
            if (code !== 0)
                throw new errors/* ActionError */.lZ(`docker buildx build failed with exit code ${code}`);
            result.metadata = external_node_fs_.existsSync(metadataFile) ? external_node_fs_.readFileSync(metadataFile, 'utf8').trim() : '';
            const id = external_node_fs_.readFileSync(iidfile, 'utf8').trim();
            const inspected = await inspectImage(cli, id);
            if (!inspected)
                throw new errors/* ActionError */.lZ(`the built image ${id} is not in the local engine (was --load ignored by the builder?)`);
            info = inspected;
        }
        result.tags = tags;
        result.image = tags[0];
        result.imageId = info.id;
        // Plan every task before the first container starts: exec-mode errors must not leave half a release.
        planTasks(planned, s, vars, { entrypoint: info.entrypoint, env: imageEnv(info) }, result.firstDeploy);
        for (let i = 0; i < planned.length; i++) {
            const p = planned[i];
            const r = result.phases[i];
            if (!p.invocation) {
                r.status = 'skipped';
                runner/* info */.pq(`${p.phase}: ${p.command === undefined ? 'no command' : 'not the first deploy'}, skipped`);
                continue;
            }
            checkCancelled();
            runner/* info */.pq(`Running ${p.phase} task: ${p.text}`);
            runner/* startGroup */.Oh(`${p.phase} output`);
            const outcome = await (0,task/* runTask */.ZZ)(cli, taskSpec(s, p.phase, p.invocation, info.id, runId, vars)).finally(() => runner/* endGroup */.N4());
            Object.assign(r, { exitCode: outcome.exitCode, durationSeconds: outcome.durationSeconds });
            if (outcome.status !== 'succeeded') {
                r.status = outcome.status === 'timed-out' ? 'timed-out' : 'failed';
                result.failure = { phase: p.phase, tail: outcome.tail };
                if (outcome.status === 'cancelled')
                    throw new errors/* ActionError */.lZ(`${p.phase} task was cancelled; its container was stopped and removed`);
                if (outcome.status === 'timed-out')
                    throw new errors/* ActionError */.lZ(`${p.phase} task timed out after ${formatDuration(s.timeoutSeconds)}`);
                throw new errors/* ActionError */.lZ(`${p.phase} task failed with exit code ${outcome.exitCode}: ${p.text}`);
            }
            if (p.phase === 'predeploy') {
                try {
                    const { commitPredeploy } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(635)]).then(__webpack_require__.bind(__webpack_require__, 635));
                    const id = await commitPredeploy(cli, outcome.container, info, tags, `release-phase predeploy: ${p.text}`);
                    // The commit carries the original config exactly: only the id (and the label) changed.
                    info = { ...info, id, repoDigests: [] };
                    result.imageId = id;
                }
                finally {
                    (0,task/* removeLater */.Px)((0,task/* removeContainer */.od)(cli, outcome.container));
                }
            }
            r.status = 'succeeded';
        }
        checkCancelled();
        if (s.push) {
            runner/* startGroup */.Oh(`Pushing ${tags.join(', ')}`);
            result.digest = await pushTags(cli, tags).finally(() => runner/* endGroup */.N4());
            result.image = `${repositoryOf(tags[0])}@${result.digest}`;
        }
        else {
            // A pulled, unchanged image already has a registry digest: name it exactly for the deploy job.
            // (A predeploy commit makes a new image with none, so nothing is claimed then.)
            const repo = repositoryOf(tags[0]);
            const known = info.repoDigests.find(d => d.startsWith(`${repo}@`));
            if (known) {
                result.digest = known.slice(repo.length + 1);
                result.image = known;
            }
        }
        result.released = true;
        runner/* info */.pq(`Released ${result.image} (${result.imageId})`);
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
        await (0,task/* settleRemovals */.tP)();
        cleanupSignals.forEach(f => f());
        if (tempDir)
            external_node_fs_.rmSync(tempDir, { recursive: true, force: true });
    }
}
/**
 * SPEC 10: resolve everything a real run would, print the plan, set `plan`; no build, container,
 * push or download. A pre-built image is inspected when the engine has it (reading changes nothing),
 * so its entrypoint mode is known; otherwise `auto` stays undecided.
 */
async function dryRun(s, planned, manifests, vars, result, dockerfile, gh) {
    let known;
    if (s.image && (0,docker_cli/* findDocker */.ce)())
        known = await inspectImage(new docker_cli/* DockerCli */.Vo(), s.image).catch(() => undefined);
    planTasks(planned, s, vars, { entrypoint: known ? known.entrypoint : undefined, env: known ? imageEnv(known) : new Map() }, result.firstDeploy);
    const tags = s.image ? (s.tags.length > 0 ? s.tags : [s.image]) : s.tags.length > 0 ? s.tags : defaultTags(s, gh);
    const sources = { predeploy: 'app.json', release: result.releaseSource, postdeploy: 'app.json', 'first-deploy': 'app.json' };
    const argv = s.image
        ? null
        : buildArgv(s, { tags, labels: buildLabels(s, gh, new Date()), dockerfile, iidfile: '<temp>/iid', metadataFile: '<temp>/metadata.json' });
    const plan = dryRunPlan({ s, planned, sources, vars, tags, buildArgv: argv, imageRef: known?.id ?? s.image, firstDeploy: result.firstDeploy });
    runner/* info */.pq('Dry run: nothing is built, run or pushed. The plan:');
    if (plan.build)
        runner/* info */.pq(`  build: ${plan.build.argv.join(' ')}`);
    for (const p of plan.phases) {
        runner/* info */.pq(`  ${p.phase}: ${p.willRun ? `${p.command} [${p.entrypointMode}]` : 'skipped'}`);
        if (p.argv)
            runner/* info */.pq(`    ${p.argv.join(' ')}`);
    }
    runner/* info */.pq(`  variables: ${[...plan.variables.secret.map(n => `${n} (secret)`), ...plan.variables.plain].join(', ') || 'none'}`);
    if (plan.push)
        runner/* info */.pq(`  push: ${plan.push.tags.join(', ')}`);
    result.tags = tags;
    result.image = tags[0];
    result.plan = JSON.stringify(plan);
    for (const r of result.phases)
        r.status = planned.find(p => p.phase === r.phase)?.command === undefined ? 'skipped' : 'not-run';
}
/** A pre-built image (SPEC 3): used as is, pulled when absent. */
async function useImage(cli, ref) {
    let info = await inspectImage(cli, ref);
    if (!info) {
        runner/* startGroup */.Oh(`Pulling ${ref}`);
        const code = await cli.stream(['pull', ref], { cancellable: true }).finally(() => runner/* endGroup */.N4());
        checkCancelled();
        if (code !== 0)
            throw new errors/* ActionError */.lZ(`docker pull ${ref} failed with exit code ${code}`);
        info = await inspectImage(cli, ref);
        if (!info)
            throw new errors/* ActionError */.lZ(`image ${ref} is not in the local engine after pulling it`);
    }
    return info;
}
function checkCancelled() {
    if ((0,task/* isCancelled */.mm)())
        throw new errors/* ActionError */.lZ('cancelled by a signal before the next step started; nothing further was run or pushed');
}
/**
 * SIGINT/SIGTERM (a cancelled job): stop the running task container with its grace so a migration can
 * roll back, remove it, end a running build, and let run() fail with its outputs written. No later
 * step starts (checkCancelled). A second signal skips the grace but still removes, then exits.
 */
function installSignalHandlers(cli) {
    let signals = 0;
    const handler = (signal) => {
        signals++;
        const force = signals > 1;
        runner/* warning */.$e(`received ${signal}: ${force ? 'removing the task container now' : 'stopping the running task container'}`);
        cli.cancelStreams();
        void (0,task/* cancelActiveTasks */.BA)(cli, force).then(names => {
            if (names.length > 0)
                runner/* info */.pq(`removed ${names.join(', ')}`);
            if (force)
                process.exit(1);
        });
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
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
