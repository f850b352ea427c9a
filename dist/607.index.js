export const id = 607;
export const ids = [607];
export const modules = {

/***/ 6607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseSidecars: () => (/* binding */ parseSidecars),
  resolveSidecars: () => (/* binding */ resolveSidecars),
  sidecarSecretValues: () => (/* binding */ sidecarSecretValues)
});

// UNUSED EXPORTS: DEFAULT_READY_TIMEOUT, strayWord, unknownOption

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/words.ts
var src_words = __webpack_require__(5846);
// EXTERNAL MODULE: ./src/cli-env.ts
var cli_env = __webpack_require__(4207);
;// CONCATENATED MODULE: ./src/sidecars/options.ts
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

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
// EXTERNAL MODULE: ./src/pairs.ts
var pairs = __webpack_require__(9514);
// EXTERNAL MODULE: ./src/step-env.ts
var step_env = __webpack_require__(291);
;// CONCATENATED MODULE: ./src/sidecars/spec.ts
/**
 * The `sidecars` input (issue 16): containers started beside each task, parsed and resolved here as
 * pure functions so every mistake is an input error before any Docker side effect. Starting, probing
 * and removing them is pod.ts.
 */











const DEFAULT_READY_TIMEOUT = 30;
const KEYS = ['name', 'image', 'command', 'env', 'secrets', 'options', 'ready'];
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
/**
 * Options that would break the shared network namespace (docker refuses them with `--network
 * container:`), or that the action owns (name, labels read by the post step, removal), or that make
 * the docker CLI itself read or write a file on the runner host (`--label-file` can also forge the
 * labels; `--cidfile` is written outside the workspace, and the next task's create fails on it).
 */
const OWNED = [
    '--network',
    '--net',
    '--name',
    '--label',
    '-l',
    '--rm',
    '--publish',
    '-p',
    '--publish-all',
    '-P',
    '--hostname',
    '-h',
    '--dns',
    '--dns-search',
    '--dns-option',
    '--add-host',
    '--mac-address',
    '--ip',
    '--ip6',
    '--network-alias',
    '--link',
    '--env',
    '-e',
    '--env-file',
    '--label-file',
    '--cidfile'
];
/** Run-args that conflict with the task joining the sidecars' namespace. */
const NET_OPTIONS = OWNED.filter(o => !['--name', '--label', '-l', '--rm', '--env', '-e', '--env-file', '--label-file', '--cidfile'].includes(o));
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
function optionUsed(words, options) {
    for (const w of words) {
        for (const o of options) {
            if (w === o || w.startsWith(`${o}=`) || (o.length === 2 && shortFlags(w).includes(o)))
                return o;
        }
    }
    return undefined;
}
/** Reads one YAML text into the specs; every error names its line and column in the input. */
function parseSidecars(text, ctx) {
    if (text.trim() === '')
        return [];
    const lc = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const fail = (node, msg) => {
        const off = typeof node === 'number' ? node : node && 'range' in node ? node.range?.[0] : node && 'key' in node ? node.key?.range?.[0] : undefined;
        const pos = off === undefined ? undefined : lc.linePos(off);
        throw new errors/* InputError */.dz(`sidecars: ${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${msg}`);
    };
    if (doc.errors.length > 0)
        fail(doc.errors[0].pos[0], `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    const root = doc.contents;
    let entries;
    if ((0,dist/* isSeq */.oP)(root))
        entries = root.items.map(item => ({ node: item }));
    else if ((0,dist/* isMap */.jh)(root))
        entries = root.items.map(p => ({ name: scalarText(p.key), nameNode: p.key, node: p.value }));
    else
        return fail(root, 'give a list of sidecars (- name: db) or a mapping of names to sidecars (db: {image: …})');
    const specs = entries.map((e, i) => parseOne(e, i, fail));
    const seen = new Set();
    for (const s of specs) {
        if (seen.has(s.name.toLowerCase()))
            fail(null, `two sidecars are named ${s.name}`);
        seen.add(s.name.toLowerCase());
    }
    if (specs.length > 0) {
        const clash = optionUsed(ctx.runArgs, NET_OPTIONS);
        if (clash)
            throw new errors/* InputError */.dz(`run-args: ${clash} cannot be used with sidecars: the task joins the first sidecar's network namespace`);
        if (ctx.network === 'none' && specs.some(s => s.ready)) {
            throw new errors/* InputError */.dz('sidecars: a readiness probe needs a network the runner can reach, and network "none" has none');
        }
    }
    return specs;
}
function scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    const v = node.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
function parseOne(e, index, fail) {
    if (!(0,dist/* isMap */.jh)(e.node))
        return fail(e.node ?? e.nameNode, `${e.name ?? `sidecar ${index + 1}`}: must be a mapping with at least image`);
    const map = e.node;
    const where = e.name ?? scalarText(map.get('name', true)) ?? `sidecar ${index + 1}`;
    const field = (key) => {
        const v = map.get(key, true);
        return v === undefined || ((0,dist/* isScalar */.jn)(v) && v.value === null) ? undefined : v;
    };
    for (const p of map.items) {
        const k = scalarText(p.key);
        if (!k || !KEYS.includes(k))
            fail(p, `${where}: unknown key ${k ?? '(not a string)'}; the keys are ${KEYS.join(', ')}`);
    }
    const str = (key) => {
        const v = field(key);
        if (v === undefined)
            return undefined;
        const t = scalarText(v);
        if (t === undefined || t.trim() === '')
            fail(v, `${where}: ${key} must be a non-empty string`);
        return t.trim();
    };
    const inner = str('name');
    if (e.name !== undefined && inner !== undefined && inner !== e.name)
        fail(field('name'), `${where}: name ${inner} differs from its key ${e.name}`);
    const name = e.name ?? inner;
    if (name === undefined)
        return fail(map, `${where}: name is required (it names the container and the log group)`);
    if (!NAME_RE.test(name))
        fail(e.nameNode ?? field('name'), `${where}: name must be letters, digits, _ . - (at most 63), starting with a letter or digit`);
    const image = str('image');
    if (image === undefined)
        return fail(map, `${name}: image is required`);
    // A reference's own characters only: a word starting with '-' would be read by docker as an option,
    // and the image is printed in the action's own lines (no '##[' or control characters).
    if (!/^[A-Za-z0-9][A-Za-z0-9._/:@+-]*$/.test(image))
        fail(field('image'), `${name}: image "${image}" is not an image reference`);
    const spec = { name, image, literals: [], fromTask: [], secrets: [], options: [] };
    const command = field('command');
    if (command !== undefined)
        spec.command = argvWords(command, parseCommand(command, name, fail), name, 'the command', fail);
    const options = str('options');
    if (options !== undefined) {
        spec.options = argvWords(field('options'), (0,src_words/* splitWords */.y)(options, { what: `sidecars: ${name}: options` }), name, 'options', fail);
        const owned = optionUsed(spec.options, OWNED);
        if (owned)
            fail(field('options'), `${name}: options cannot set ${owned}: the action sets the network, name, labels and variables of a sidecar`);
        const unknown = unknownOption(spec.options);
        if (unknown?.notBool !== undefined) {
            fail(field('options'), `${name}: options: ${unknown.flag} is a switch: give it alone, or with =true or =false`);
        }
        if (unknown) {
            const near = unknown.near ? ` (did you mean ${unknown.near}?)` : '';
            fail(field('options'), `${name}: options: ${unknown.flag} is not an option of docker create${near}`);
        }
        const stray = strayWord(spec.options);
        // A flag at the end that takes a value (`--user`, `-itu`): say so, not "put the image in image".
        if (stray !== undefined && stray.startsWith('-') && stray !== '-' && stray !== '--') {
            fail(field('options'), `${name}: options: "${stray}" is not an option with its value: it needs one, as its next word or after "="`);
        }
        if (stray !== undefined) {
            fail(field('options'), `${name}: options: "${stray}" is not an option with its value (docker would read a word after the options as the image); put the image in image and its arguments in command`);
        }
    }
    parseEnv(field('env'), spec, fail);
    parseSecrets(field('secrets'), spec, fail);
    const ready = field('ready');
    if (ready !== undefined)
        spec.ready = parseReady(ready, name, fail);
    return spec;
}
/** Words for docker's argv: a NUL byte or an oversized word would fail the spawn only after the build. */
function argvWords(node, words, name, noun, fail) {
    try {
        (0,untrusted/* checkCommand */.em)(name, words, noun);
    }
    catch (e) {
        fail(node, e.message);
    }
    return words;
}
function parseCommand(node, name, fail) {
    if ((0,dist/* isSeq */.oP)(node)) {
        const words = node.items.map(item => scalarText(item) ?? fail(item, `${name}: command items must be strings`));
        if (words.length === 0)
            fail(node, `${name}: command must not be an empty list`);
        return words;
    }
    const text = scalarText(node);
    if (text === undefined)
        return fail(node, `${name}: command must be a string (split into words, no shell) or a list of strings`);
    // A string is split like Compose does, without a shell: quotes group, `$` stays literal.
    const words = (0,src_words/* splitWords */.y)(text, { what: `sidecars: ${name}: command` });
    if (words.length === 0)
        fail(node, `${name}: command is empty`);
    return words;
}
function checkName(spec, varName, node, what, fail) {
    if (!inputs/* VAR_NAME */.eU.test(varName))
        fail(node, `${spec.name}: ${what}: "${varName}" is not a valid variable name`);
    if ((0,cli_env/* isCliEnvName */.PK)(varName)) {
        fail(node, `${spec.name}: ${what}: ${varName} is a name the docker CLI reads from its own environment, where sidecar values pass; rename it`);
    }
    const taken = [...spec.literals.map(l => l.name), ...spec.fromTask, ...spec.secrets.map(m => m.name)];
    if (taken.includes(varName))
        fail(node, `${spec.name}: ${varName} is given twice (env and secrets share one namespace)`);
}
/** `env`: a list of `NAME=value` / `NAME`, or a mapping NAME: value (no value: from the task). */
function parseEnv(node, spec, fail) {
    if (node === undefined)
        return;
    if ((0,dist/* isMap */.jh)(node)) {
        for (const p of node.items) {
            const key = scalarText(p.key) ?? '';
            checkName(spec, key, p.key, 'env', fail);
            const v = p.value;
            if (v === null || ((0,dist/* isScalar */.jn)(v) && v.value === null))
                spec.fromTask.push(key);
            else
                spec.literals.push({ name: key, value: scalarText(v) ?? fail(v, `${spec.name}: env ${key} must be a string, number or boolean`) });
        }
        return;
    }
    if (!(0,dist/* isSeq */.oP)(node))
        return fail(node, `${spec.name}: env must be a list (NAME=value, or NAME for the task's variable) or a mapping`);
    for (const item of node.items) {
        const text = scalarText(item) ?? fail(item, `${spec.name}: env items must be strings`);
        const { key, value } = (0,pairs/* splitPair */.T)(text);
        const varName = key.trim();
        checkName(spec, varName, item, 'env', fail);
        if (value === undefined)
            spec.fromTask.push(varName);
        else
            spec.literals.push({ name: varName, value });
    }
}
/** `secrets`: a list of `NAME` / `NAME=SOURCE`, the step env variable SOURCE (default NAME). */
function parseSecrets(node, spec, fail) {
    if (node === undefined)
        return;
    if (!(0,dist/* isSeq */.oP)(node))
        return fail(node, `${spec.name}: secrets must be a list of NAME or NAME=SOURCE`);
    for (const item of node.items) {
        const text = scalarText(item) ?? fail(item, `${spec.name}: secrets items must be strings`);
        const { key, value } = (0,pairs/* splitPair */.T)(text);
        const target = key.trim();
        const source = (value ?? key).trim();
        checkName(spec, target, item, 'secrets', fail);
        if (!inputs/* VAR_NAME */.eU.test(source))
            fail(item, `${spec.name}: secrets: the source of ${target} is not a valid variable name`);
        spec.secrets.push({ name: target, source });
    }
}
function port(node, name, fail) {
    const t = scalarText(node);
    const n = t !== undefined && /^\d+$/.test(t) ? Number(t) : NaN;
    if (!(n >= 1 && n <= 65535))
        fail(node, `${name}: ready.tcp: ${t ?? 'this'} is not a TCP port (1-65535)`);
    return n;
}
/** `ready: {tcp: 5432 | [5432, 6432], timeout: 30s}`: every port must accept a connection in time. */
function parseReady(node, name, fail) {
    if (!(0,dist/* isMap */.jh)(node))
        return fail(node, `${name}: ready must be a mapping such as {tcp: 5432, timeout: 30s}`);
    for (const p of node.items) {
        const k = scalarText(p.key);
        if (k !== 'tcp' && k !== 'timeout')
            fail(p, `${name}: ready: unknown key ${k}; the keys are tcp, timeout`);
    }
    const tcpNode = node.get('tcp', true);
    if (tcpNode === undefined)
        return fail(node, `${name}: ready.tcp is required (the port that must accept connections)`);
    const tcp = (0,dist/* isSeq */.oP)(tcpNode) ? tcpNode.items.map(i => port(i, name, fail)) : [port(tcpNode, name, fail)];
    if (tcp.length === 0)
        fail(tcpNode, `${name}: ready.tcp must name at least one port`);
    const timeoutNode = node.get('timeout', true);
    let timeoutSeconds = DEFAULT_READY_TIMEOUT;
    if (timeoutNode !== undefined) {
        try {
            timeoutSeconds = (0,duration/* parseDuration */.E)(scalarText(timeoutNode) ?? '', `sidecars: ${name}: ready.timeout`);
        }
        catch (e) {
            fail(timeoutNode, e.message.replace(/^sidecars: /, ''));
        }
        if (timeoutSeconds <= 0)
            fail(timeoutNode, `${name}: ready.timeout must be more than 0`);
    }
    return { tcp: [...new Set(tcp)], timeoutSeconds };
}
/**
 * The values each sidecar receives: literals (plain), task variables by name (secret stays secret),
 * step env secrets (masked). Missing or empty sources fail here, before the build, all named at once.
 */
function resolveSidecars(specs, task, processEnv) {
    const problems = [];
    const resolved = specs.map(spec => {
        const vars = new Map();
        for (const l of spec.literals)
            vars.set(l.name, { value: l.value, secret: false });
        for (const n of spec.fromTask) {
            const v = task.get(n);
            if (v)
                vars.set(n, v);
            else
                problems.push(`${spec.name}: env ${n} is not one of the task's variables (secrets, env, env-files, secrets-dotenv, app.json env)`);
        }
        for (const m of spec.secrets) {
            const label = m.source === m.name ? m.name : `the variable named after "=" for ${m.name}`;
            const presence = (0,step_env/* inStepEnv */.t)(processEnv, m.source);
            if (presence === 'unset')
                problems.push(`${spec.name}: secrets: ${label} is not set in the step's env`);
            else if (presence === 'empty')
                problems.push(`${spec.name}: secrets: ${label} is set but empty in the step's env (an unset repository secret expands to "")`);
            else
                vars.set(m.name, { value: processEnv[m.source], secret: true });
        }
        return { ...spec, vars };
    });
    if (problems.length > 0)
        throw new errors/* InputError */.dz(`sidecars: ${problems.join('; ')}`);
    // The same limits as the task's own variables: no NUL byte, nothing the kernel refuses (E2BIG).
    for (const sc of resolved)
        (0,secrets/* checkTaskEnv */.JW)(sc.vars);
    return resolved;
}
/** The secret values sidecars receive, for masking beside the task's. */
function sidecarSecretValues(sidecars) {
    return sidecars.flatMap(s => [...s.vars].filter(([, v]) => v.secret).map(([name, v]) => ({ name: `sidecar ${s.name}: ${name}`, value: v.value })));
}


/***/ })

};
