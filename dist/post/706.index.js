export const id = 706;
export const ids = [706];
export const modules = {

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DockerError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   fM: () => (/* binding */ lastLine),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/* unused harmony exports ManifestError, excerpt */
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

/***/ 706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(916);
;// CONCATENATED MODULE: ./src/workspace-files.ts
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
const MAX_FILE = (/* unused pure expression or super */ null && (1024 * 1024));
/** The real path of `p`: links followed on the part that exists, the rest appended as written. */
function realpathExisting(p) {
    const abs = external_node_path_.resolve(p);
    const rest = [];
    let cur = abs;
    for (;;) {
        try {
            return external_node_path_.join(external_node_fs_.realpathSync(cur), ...rest.reverse());
        }
        catch (e) {
            const code = e.code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw e;
            const parent = external_node_path_.dirname(cur);
            if (parent === cur)
                return abs;
            rest.push(external_node_path_.basename(cur));
            cur = parent;
        }
    }
}
/** Whether `p` lies outside `root`, on the text of both paths. */
const outside = (root, p) => {
    const rel = path.relative(root, p);
    return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
};
/**
 * A path relative to `base` that must stay inside `root` (the workspace), on the text and again once
 * every link is followed. Returns the real path, so later reads cannot be sent elsewhere by a link.
 */
function insidePath(root, base, rel, name) {
    if (rel.includes('\0'))
        throw new InputError(`${name}: the path contains a NUL byte`);
    if (path.isAbsolute(rel))
        throw new InputError(`${name}: "${rel}" is absolute; give a path relative to the workspace`);
    const abs = path.resolve(base, rel);
    if (outside(root, abs))
        throw new InputError(`${name}: "${rel}" resolves outside the workspace`);
    const real = realpathExisting(abs);
    if (outside(realpathExisting(root), real))
        throw new InputError(`${name}: "${rel}" resolves outside the workspace through a symbolic link`);
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
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            return undefined;
        if (code === 'EISDIR')
            throw new InputError(`${what} is a directory, not a regular file`);
        throw new InputError(`${what} cannot be read (${code ?? e.message})`);
    }
    try {
        const st = fs.fstatSync(fd);
        if (!st.isFile())
            throw new InputError(`${what} is ${kind(st)}, not a regular file`);
        if (st.size > limit)
            throw new InputError(`${what} is ${st.size} bytes; ${whyLimit}`);
        return readOpened(fd, st.size);
    }
    finally {
        fs.closeSync(fd);
    }
}
/** The text of an opened file of `size` bytes (fewer if it shrank meanwhile). */
function readOpened(fd, size) {
    const buf = Buffer.alloc(size);
    let n = 0;
    while (n < size) {
        const r = fs.readSync(fd, buf, n, size - n, n);
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
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (follow ? 0 : fs.constants.O_NOFOLLOW));
    }
    catch {
        return undefined;
    }
    try {
        const st = fs.fstatSync(fd);
        return st.isFile() && st.size <= limit ? readOpened(fd, st.size) : undefined;
    }
    finally {
        fs.closeSync(fd);
    }
}
/** The Dockerfile: must exist and be a regular file under the limit (buildx would hang on a FIFO). */
function checkRegularFile(file, what, limit = MAX_FILE) {
    let st;
    try {
        st = fs.statSync(file);
    }
    catch {
        throw new InputError(`${what} not found`);
    }
    if (!st.isFile())
        throw new InputError(`${what} is ${kind(st)}, not a regular file`);
    if (st.size > limit)
        throw new InputError(`${what} is ${st.size} bytes; at most ${limit} are accepted`);
}
/** A directory that must exist (the build context, an existing working directory). */
function checkDirectory(dir, what) {
    let st;
    try {
        st = fs.statSync(dir);
    }
    catch {
        throw new InputError(`${what} does not exist`);
    }
    if (!st.isDirectory())
        throw new InputError(`${what} is ${kind(st)}, not a directory`);
}

;// CONCATENATED MODULE: ./src/run-record.ts





// Every name one run gives what it makes, made here beside the check the post step applies to it: main
// makes them, post removes what a killed main left, and a forged state must never widen what post
// removes (issue 34 step 3).
/** A run id: 12 hex digits. */
function newRunId() {
    return randomBytes(6).toString('hex');
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
    return fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), TEMP_PREFIX));
}
/**
 * The state could be forged (a `::save-state::` line from untrusted text, as an older version allowed): only a
 * directory that makeTempDir could have made is removed: directly inside RUNNER_TEMP, named `release-phase-…`,
 * a real directory (not a link), all checked on real paths.
 */
function ownTempDir(tempDir, runnerTemp) {
    if (!tempDir || !runnerTemp || !external_node_path_.isAbsolute(tempDir))
        return false;
    let st;
    try {
        st = external_node_fs_.lstatSync(tempDir);
    }
    catch {
        return false;
    }
    if (!st.isDirectory())
        return false;
    const real = realpathExisting(tempDir);
    return external_node_path_.dirname(real) === realpathExisting(runnerTemp) && new RegExp(`^${TEMP_PREFIX}[A-Za-z0-9]{6}$`).test(external_node_path_.basename(real));
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
    const short = external_node_fs_.mkdtempSync(external_node_path_.join(plain(external_node_os_.tmpdir()) ? external_node_os_.tmpdir() : '/tmp', SHORT_PREFIX));
    external_node_fs_.symlinkSync(short, external_node_path_.join(dir, SHORT_LINK));
    return short;
}
/** The run's directories: its temporary directory and, under a long RUNNER_TEMP, the short one it links to. */
function runDirs(tempDir, tmp = external_node_os_.tmpdir()) {
    let target;
    try {
        target = external_node_fs_.readlinkSync(external_node_path_.join(tempDir, SHORT_LINK));
    }
    catch {
        return [tempDir];
    }
    // Only what socketDir makes: a real directory `rp-XXXXXX` right in the temp directory, ours.
    const st = external_node_fs_.lstatSync(target, { throwIfNoEntry: false });
    const ours = new RegExp(`^${SHORT_PREFIX}[A-Za-z0-9]{6}$`).test(external_node_path_.basename(target)) && [tmp, '/tmp'].includes(external_node_path_.dirname(target));
    return ours && st?.isDirectory() && st.uid === process.getuid?.() ? [tempDir, target] : [tempDir];
}

;// CONCATENATED MODULE: ./src/untrusted.ts
/**
 * Untrusted text (commands from manifests, names, paths, docker's stderr) in the lines the action writes
 * itself (design.md §5.6). The runner reads a line as a workflow command when, leading blanks trimmed, it
 * starts with `::`, or (the legacy form) when it holds `##[` anywhere; a CR or LF inside the text would
 * start such a line. In the job summary the same text must not be read as Markdown or HTML.
 */

// Kernel limits the action checks before any side effect. Here, not in secrets.ts: runner.ts (on the
// start-up path) needs them through this module, and must not load secrets.ts and dotenv to get them.
/** Linux MAX_ARG_STRLEN: one `NAME=value` string of a process environment (or argv) holds at most 128 KiB. */
const MAX_ENV_ENTRY = (/* unused pure expression or super */ null && (32 * 4096));
/** All task values together; the rest of ARG_MAX (2 MiB by default) is left to the runner's own environment. */
const MAX_TASK_ENV = (/* unused pure expression or super */ null && (1024 * 1024));
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
            throw new InputError(`${what}: ${noun} contains a NUL byte`);
        if (Buffer.byteLength(word) + 64 > MAX_ENV_ENTRY) {
            throw new InputError(`${what}: ${noun} ${Array.isArray(command) && noun !== 'the command' ? 'holds a word of' : 'is'} ${Buffer.byteLength(word)} bytes; one process argument holds at most ${MAX_ENV_ENTRY} bytes on Linux (E2BIG)`);
        }
    }
}

;// CONCATENATED MODULE: ./src/runner.ts
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
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(shown)}${external_node_os_.EOL}`);
}
function annotation(p) {
    return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}
/** A plain log line; untrusted text in it can neither start a new line nor be read as a command. */
const info = (message) => void process.stdout.write(safeLine(message) + external_node_os_.EOL);
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
const setSecret = (secret) => void process.stdout.write(`::add-mask::${escapeData(secret)}${EOL}`);
/** A file command (`GITHUB_OUTPUT`, `GITHUB_STATE`): `name<<DELIM` value `DELIM`, or the legacy command. */
function keyValue(file, legacy, name, value) {
    const path = process.env[`GITHUB_${file}`];
    if (!path) {
        if (file === 'OUTPUT')
            process.stdout.write(EOL);
        command(legacy, { name }, value);
        return;
    }
    if (!fs.existsSync(path))
        throw new Error(`Missing file at path: ${path}`);
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error('Unexpected input: contains the delimiter');
    fs.appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
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
        fs.appendFileSync(path, markdown + EOL, { encoding: 'utf8' });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
;// CONCATENATED MODULE: ./src/cli-env.ts
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

;// CONCATENATED MODULE: ./src/masking.ts
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
function masking_redact(text, secrets) {
    let out = text;
    for (const s of [...secrets].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}

;// CONCATENATED MODULE: ./src/relay.ts
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
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    command('stop-commands', {}, token);
    return () => command(token, {}, '');
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
            this.write(redact(line, this.secrets) + '\n');
        if (this.partial.length > this.maxLine) {
            // Never cut inside a secret: its halves on two lines would escape this redaction and the runner's.
            const at = safeCut(this.partial, this.secrets) || this.partial.length;
            this.write(redact(this.partial.slice(0, at), this.secrets) + '\n');
            this.partial = this.partial.slice(at);
        }
    }
    /** The last line, terminated: the next line the action writes starts fresh. */
    end() {
        if (this.partial !== '')
            this.write(redact(this.partial, this.secrets) + '\n');
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(67);
;// CONCATENATED MODULE: ./src/digest.ts

/** The hex SHA-256 of bytes or text: image ids, blob digests, context names, downloads. */
const sha256hex = (b) => (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex');
/** `sha256:<hex>`, as a digest is written in manifests and image ids. */
const sha256digest = (b) => `sha256:${sha256hex(b)}`;

;// CONCATENATED MODULE: ./src/inputs/grammar.ts
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

;// CONCATENATED MODULE: ./src/docker/go-json.ts
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

;// CONCATENATED MODULE: ./src/engine/address.ts







/** A host name, an IPv4 address or a bracketed IPv6 address; never a leading `-` (an ssh option). */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])$/;
const USER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
/** Reads the engine inputs; every name is checked here, before any side effect. */
function readEngineSettings(get) {
    const named = (input, v) => {
        if (v && !VAR_NAME.test(v)) {
            throw new errors/* InputError */.dz(`${input}: this is not a variable name (a value given where the name of a step env variable is expected?); name the step env variable that holds the value (env: { ${input.replace(/-/g, '_').toUpperCase()}: \${{ secrets.… }} })`);
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
        throw new errors/* InputError */.dz('docker-host and docker-context name two engines; give one');
    if (s.context && !/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(s.context))
        throw new errors/* InputError */.dz(`docker-context: "${s.context}" is not a context name`);
    if (!!s.tls.cert !== !!s.tls.key)
        throw new errors/* InputError */.dz('docker-tls-cert and docker-tls-key go together: the engine checks the client certificate with its key');
    if ((s.tls.cert || s.tls.key) && !s.tls.ca)
        throw new errors/* InputError */.dz('docker-tls-ca is needed with a client certificate: the engine is verified by it');
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
    const bad = (why) => new errors/* InputError */.dz(`${what}: "${shown}" ${why}; use ssh://user@host[:port], tcp://host:port (TLS) or unix:///path`);
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
    return new errors/* InputError */.dz(`docker-known-hosts: line ${index + 1} ${why}`);
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
    const meta = external_node_path_.join(configDir, 'contexts', 'meta', sha256hex(name), 'meta.json');
    let parsed;
    try {
        parsed = JSON.parse(external_node_fs_.readFileSync(meta, 'utf8'));
    }
    catch {
        throw new errors/* InputError */.dz(`docker context ${name}: not found in ${configDir} (docker context ls lists them)`);
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
    const ca = external_node_path_.join(configDir, 'contexts', 'tls', sha256hex(name), 'docker', 'ca.pem');
    if (isRemote(context) && host?.startsWith('tcp://') && (skipTLSVerify || !external_node_fs_.existsSync(ca))) {
        const why = skipTLSVerify ? 'with SkipTLSVerify, which accepts any engine that answers,' : 'without a verified TLS connection';
        throw new errors/* InputError */.dz(`docker context ${name}: ${host} ${why} would send every task value in clear; create the context with ca=, cert= and key= (docker context create --docker "host=…,ca=…,cert=…,key=…")`);
    }
    return context;
}
/**
 * The docker endpoint of a context's meta.json, as the CLI decodes it (go-json.ts): `Endpoints` and
 * the endpoint's fields in any case, the map key `docker` exactly. A field the CLI would not decode,
 * or one spelt two ways, is refused: the CLI would then fail, or connect where this reading does not.
 */
function dockerEndpoint(meta, name) {
    const bad = (why) => new errors/* InputError */.dz(`docker context ${name}: its meta.json ${why}; recreate it with docker context create`);
    const endpoints = goField(meta, 'Endpoints');
    if (endpoints === AMBIGUOUS)
        throw bad('spells Endpoints two ways');
    const docker = typeof endpoints === 'object' && endpoints !== null ? endpoints.docker : undefined;
    const host = goField(docker, 'Host');
    const skip = goField(docker, 'SkipTLSVerify');
    if (host === AMBIGUOUS || skip === AMBIGUOUS)
        throw bad('spells an endpoint field two ways');
    if (host != null && typeof host !== 'string')
        throw bad('has a Host that is not a string');
    if (skip != null && typeof skip !== 'boolean')
        throw bad('has a SkipTLSVerify that is not true or false');
    return { host: host ?? undefined, skipTLSVerify: skip === true };
}
/** The CLI's current context from its config file, when one is set. */
function currentContext(configDir) {
    const current = goField(cliConfig(configDir), 'currentContext');
    if (current === AMBIGUOUS)
        throw new errors/* InputError */.dz(`${external_node_path_.join(configDir, 'config.json')} spells currentContext two ways; keep one`);
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
        text = external_node_fs_.readFileSync(external_node_path_.join(configDir, 'config.json'), 'utf8');
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
const cliConfigDir = (env) => env.DOCKER_CONFIG || external_node_path_.join(external_node_os_.homedir(), '.docker');
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
        throw new errors/* InputError */.dz('docker-ssh-key and docker-known-hosts are for an ssh:// engine; this one is not reached over SSH');
    }
    if (tls.length > 0 && a.kind !== 'tcp')
        throw new errors/* InputError */.dz('docker-tls-ca, docker-tls-cert and docker-tls-key are for a tcp:// engine');
    for (const [input, name] of [
        ['docker-ssh-key', s.sshKeyVar],
        ['docker-tls-ca', s.tls.ca],
        ['docker-tls-cert', s.tls.cert],
        ['docker-tls-key', s.tls.key]
    ]) {
        if (name && inStepEnv(env, name) !== 'set')
            throw new errors/* InputError */.dz(`${input}: ${name} is not set in the step's env (or is empty); put the value there: env: { ${name}: \${{ secrets.${name} }} }`);
    }
    if (a.kind === 'tcp' && !s.tls.ca && !(env.DOCKER_TLS_VERIFY && env.DOCKER_CERT_PATH) && !isLoopback(a.host)) {
        throw new errors/* InputError */.dz(`${s.host ? 'docker-host' : 'DOCKER_HOST'}: ${a.url} without TLS would send every task value in clear; give docker-tls-ca, docker-tls-cert and docker-tls-key (names of step env variables holding the PEM text)`);
    }
}

;// CONCATENATED MODULE: ./src/docker/socket.ts



/** The unix socket the docker CLI would talk to, when that is certain; else undefined. */
function localSocket(env) {
    if (env.DOCKER_CONTEXT)
        return env.DOCKER_CONTEXT === 'default' && !env.DOCKER_HOST ? '/var/run/docker.sock' : undefined;
    if (env.DOCKER_HOST)
        return env.DOCKER_HOST.startsWith('unix://') ? env.DOCKER_HOST.slice('unix://'.length) : undefined;
    const current = currentContext(cliConfigDir(env));
    return current && current !== 'default' ? undefined : '/var/run/docker.sock';
}
function socketRequest(socketPath, method, apiPath, body, extra = {}, timeoutMs = 0) {
    return new Promise((resolve, reject) => {
        const headers = body ? { 'Content-Type': 'application/x-tar', 'Content-Length': body.length, ...extra } : extra;
        const req = external_node_http_.request({ socketPath, method, path: apiPath, headers, timeout: timeoutMs || undefined }, res => {
            const parts = [];
            res.on('data', (b) => parts.push(b));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new errors/* DockerError */.Bi(`Engine API ${method} ${apiPath}: no answer in ${timeoutMs / 1000} s`)));
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
const foldsToExtraDirs = (key) => goFold(key) === 'clipluginsextradirs';
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
    const configDir = cliConfigDir(env);
    const config = readCliConfig(configDir);
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
    const config = cliConfig(cliConfigDir(env));
    if (Object.keys(config).some(k => goFold(k) === 'proxies'))
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
        this.baseEnv = childEnv(own);
        const socket = localSocket(this.baseEnv);
        if (socket && external_node_fs_.existsSync(socket))
            this.socket = new SocketCalls(socket);
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
        const childVars = env ? childEnv(this.baseEnv, env) : this.baseEnv;
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
        const resume = stopCommands();
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
                remote: isRemote(address),
                close: LOCAL.close
            };
        case 'unix':
            return { env: { DOCKER_HOST: address.url, DOCKER_CONTEXT: undefined }, name: `the engine at ${address.url}`, remote: false, close: LOCAL.close };
        case 'tcp':
            return { env: tlsEnv(address.url, s, dir, env), name: `the Docker host ${address.url}`, remote: isRemote(address), close: LOCAL.close };
        case 'ssh': {
            const { openSsh } = await __webpack_require__.e(/* import() */ 96).then(__webpack_require__.bind(__webpack_require__, 96));
            const where = socketDir(dir);
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

;// CONCATENATED MODULE: ./src/engine/leftovers.ts


/**
 * The ssh master and ssh-agent of a main step that was killed (SIGKILL: no close ran) hold the
 * connection and the key until the job ends: the post step ends them. Only processes named ssh or
 * ssh-agent whose arguments name a file in one of the run's own directories (checked by the caller).
 */
function endLeftovers(dirs, proc = '/proc') {
    const marks = dirs.filter(Boolean).map(d => d + external_node_path_.sep);
    let ended = 0;
    for (const pid of external_node_fs_.readdirSync(proc).filter(p => /^\d+$/.test(p))) {
        let argv;
        try {
            argv = external_node_fs_.readFileSync(external_node_path_.join(proc, pid, 'cmdline'), 'utf8').split('\0');
        }
        catch {
            continue;
        }
        if (!['ssh', 'ssh-agent'].includes(external_node_path_.basename(argv[0] ?? '')))
            continue;
        if (!argv.some(a => marks.some(m => a.includes(m))))
            continue;
        try {
            process.kill(Number(pid), 'SIGTERM');
            ended++;
        }
        catch {
            // gone meanwhile
        }
    }
    return ended;
}

;// CONCATENATED MODULE: ./src/post.ts










async function removeLabelled(cli, runId, removed) {
    const filter = `label=${RUN_LABEL}=${runId}`;
    const ps = await cli.exec(['ps', '--all', '--quiet', '--filter', filter]);
    const ids = ps.code === 0 ? ps.stdout.split('\n').filter(Boolean) : [];
    if (ps.code !== 0)
        warning(`post: could not list containers: ${ps.stderr.trim()}`);
    if (ids.length > 0) {
        const rm = await cli.exec(['rm', '--force', '--volumes', ...ids]);
        if (rm.code !== 0)
            warning(`post: could not remove containers ${ids.join(', ')}: ${rm.stderr.trim()}`);
        else
            removed.push(...ids.map(id => `container ${id}`));
    }
    // Images after containers: a container of the run may use one. The temporary predeploy commit holds
    // every task value in its config; an interrupted run must not leave it (design.md §9.3).
    const ls = await cli.exec(['image', 'ls', '--all', '--quiet', '--no-trunc', '--filter', filter]);
    const images = ls.code === 0 ? [...new Set(ls.stdout.split('\n').filter(Boolean))] : [];
    if (ls.code !== 0)
        warning(`post: could not list images: ${ls.stderr.trim()}`);
    if (images.length > 0) {
        const rmi = await cli.exec(['image', 'rm', '--force', '--no-prune', ...images]);
        if (rmi.code !== 0)
            warning(`post: could not remove images ${images.join(', ')}: ${rmi.stderr.trim()}`);
        else
            removed.push(...images.map(id => `image ${id}`));
    }
    // A killed main's image still under the run's own name (its tags never moved): the name goes, and
    // the image with it unless another tag holds it. Gone already after a run that ended by itself.
    const own = await cli.exec(['image', 'rm', runImageName(runId)]);
    if (own.code === 0)
        removed.push(`image ${runImageName(runId)}`);
    else if (!/No such image/i.test(own.stderr))
        warning(`post: could not remove ${runImageName(runId)}: ${own.stderr.trim()}`);
}
/**
 * Runs `work` against the engine main used, reconnected from the same inputs and step env (a remote
 * engine: a connection of its own, closed after). A connection that fails is a warning: cleanup
 * never fails the job.
 */
async function onEngine(work) {
    const dir = external_node_fs_.mkdtempSync(external_node_path_.join(process.env.RUNNER_TEMP || external_node_os_.tmpdir(), 'release-phase-'));
    try {
        const settings = readEngineSettings(envInput());
        const link = await openEngine(engineAddress(settings, process.env), settings, dir);
        try {
            await work(new DockerCli(undefined, link));
        }
        finally {
            await link.close();
        }
    }
    catch (e) {
        warning(`post: could not reach the engine to remove what the run left: ${e.message}`);
    }
    finally {
        external_node_fs_.rmSync(dir, { recursive: true, force: true });
    }
}
/**
 * The post step (`post-if: always()`): removes every container and image labelled with this run's id
 * and the run's temporary directory. Safe when main never reached Docker: no run id, nothing to do.
 * Named `run`, as main's is: the entry that @github/local-action calls.
 */
async function run() {
    const { runId, tempDir } = savedRun(getState);
    const removed = [];
    if (runId && !isRunId(runId))
        warning('post: the saved run id is not one this action makes; no container or image removed');
    else if (runId && findDocker())
        await onEngine(cli => removeLabelled(cli, runId, removed));
    if (tempDir && external_node_fs_.existsSync(tempDir)) {
        if (!ownTempDir(tempDir, process.env.RUNNER_TEMP)) {
            warning('post: the saved temporary directory is not one this action makes (inside RUNNER_TEMP, named release-phase-…); left alone');
        }
        else {
            const dirs = runDirs(tempDir);
            const ended = endLeftovers(dirs);
            if (ended > 0)
                removed.push(`${ended} ssh process${ended === 1 ? '' : 'es'} of the interrupted run`);
            for (const dir of dirs)
                external_node_fs_.rmSync(dir, { recursive: true, force: true });
            removed.push(`temporary directory ${tempDir}`);
        }
    }
    info(removed.length > 0 ? `release-phase cleanup removed: ${removed.join('; ')}` : 'release-phase cleanup: nothing left behind');
}


/***/ })

};
