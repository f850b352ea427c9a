export const id = 633;
export const ids = [633];
export const modules = {

/***/ 2633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   engineApi: () => (/* binding */ engineApi)
/* harmony export */ });
/* unused harmony export dialGet */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _socket_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4707);
/* harmony import */ var _requests_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5804);



// A static import: ncc's bundle of `await import('node:stream')` had no `Readable` (issue 24: every
// predeploy on an engine that is not a local socket crashed with "reading 'from'").



const REQUEST_TIMEOUT_MS = 30_000;
function engineApi(cli, env = cli.baseEnv) {
    const socket = (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .localSocket */ .rJ)(env);
    if (socket && node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync(socket))
        return {
            get: p => socketGet(socket, p),
            load: tar => socketLoad(socket, tar),
            commit: (c, ch, name) => socketCommit(socket, c, ch, name),
            // A pull or push that stalls (an engine retrying an unreachable registry) must not hold the run.
            request: (method, p, headers) => (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .socketRequest */ .tI)(socket, method, p, undefined, headers, REQUEST_TIMEOUT_MS),
            changes: async (c) => (await socketGet(socket, `/containers/${encodeURIComponent(c)}/changes`)) ?? [],
            archive: (c, p) => socketArchive(socket, c, p),
            expose: cli.expose
        };
    return {
        commit: async (c, ch, name) => (await cli.ok(['commit', '--pause=false', ...ch.flatMap(x => ['--change', x]), c, ...(name ? [`${name.repo}:${name.tag}`] : [])], 'docker commit')).trim(),
        get: p => dialGet(cli, p),
        // JSON, not `docker diff`'s lines: a file name may hold a line break (and then a line of its own).
        changes: async (c) => (await dialGet(cli, `/containers/${encodeURIComponent(c)}/changes`)) ?? [],
        archive: (c, p) => cliArchive(cli, c, p),
        load: async (tar) => {
            const r = await cli.exec(['load', '--quiet'], { input: node_stream__WEBPACK_IMPORTED_MODULE_3__.Readable.from(tar) });
            return r.code === 0 ? '' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(r.stderr) || `docker load exited with code ${r.code}`;
        }
    };
}
async function socketCommit(socketPath, container, changes, name) {
    const named = name ? [`repo=${encodeURIComponent(name.repo)}`, `tag=${encodeURIComponent(name.tag)}`] : [];
    const query = [`container=${encodeURIComponent(container)}`, 'pause=0', ...named, ...changes.map(c => `changes=${encodeURIComponent(c)}`)].join('&');
    const r = await (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .socketRequest */ .tI)(socketPath, 'POST', `/commit?${query}`);
    if (r.status !== 201)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`docker commit failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(r.text)}`);
    return JSON.parse(r.text).Id;
}
async function socketGet(socketPath, apiPath) {
    const r = await (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .socketRequest */ .tI)(socketPath, 'GET', apiPath);
    if (r.status !== 200)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`Engine API GET ${apiPath}: HTTP ${r.status} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(r.text)}`);
    return JSON.parse(r.text);
}
/** The load endpoint answers 200 and reports a failure inside its JSON message stream. */
async function socketLoad(socketPath, tar) {
    const r = await (0,_socket_js__WEBPACK_IMPORTED_MODULE_4__/* .socketRequest */ .tI)(socketPath, 'POST', '/images/load?quiet=1', tar);
    return r.status === 200 ? (0,_requests_js__WEBPACK_IMPORTED_MODULE_5__/* .streamError */ .z)(r.text) : `HTTP ${r.status} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(r.text)}`;
}
/** A path's tar, streamed from the socket; a 404 (the path is gone) is undefined. */
function socketArchive(socketPath, container, containerPath) {
    const apiPath = `/containers/${encodeURIComponent(container)}/archive?path=${encodeURIComponent(containerPath)}`;
    return new Promise((resolve, reject) => {
        const req = node_http__WEBPACK_IMPORTED_MODULE_1__.request({ socketPath, method: 'GET', path: apiPath }, res => {
            if (res.statusCode === 200)
                return resolve(res);
            res.resume();
            if (res.statusCode === 404)
                resolve(undefined);
            else
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`Engine API GET ${apiPath}: HTTP ${res.statusCode}`));
        });
        req.on('error', reject);
        req.end();
    });
}
/**
 * `docker cp container:path -` writes the path's tar to stdout: the same archive, through the CLI. The
 * stream ends only when docker has exited, and fails when docker did: a copy that broke off must never
 * read as a file with no secret in it.
 */
async function cliArchive(cli, container, containerPath) {
    const child = cli.open(['cp', `${container}:${containerPath}`, '-']);
    const out = new node_stream__WEBPACK_IMPORTED_MODULE_3__.PassThrough();
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b.toString()));
    child.stdout.pipe(out, { end: false });
    child.closed.then(code => {
        if (code === 0)
            out.end();
        else
            out.destroy(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`docker cp ${container}:${containerPath} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(stderr) || `exit code ${code}`}`));
    }, (e) => out.destroy(e));
    return out;
}
/**
 * One GET through `docker system dial-stdio`. HTTP/1.0 keeps the response plain (no chunking); stdin
 * stays open until the response has been read, because a half-closed connection can make the server
 * drop the request.
 */
function dialGet(cli, apiPath) {
    return new Promise((resolve, reject) => {
        const child = cli.open(['system', 'dial-stdio'], 'pipe');
        const parts = [];
        let stderr = '';
        let settled = false;
        const done = (err, value) => {
            if (settled)
                return;
            settled = true;
            child.stdin.end();
            if (err)
                reject(err);
            else
                resolve(value);
        };
        // Without a Content-Length (a large body), an HTTP/1.0 response ends when the server closes.
        const parse = (ended) => {
            const raw = Buffer.concat(parts);
            const split = raw.indexOf('\r\n\r\n');
            if (split < 0)
                return;
            const head = raw.subarray(0, split).toString('latin1');
            const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
            const body = raw.subarray(split + 4);
            if (length ? body.length < Number(length[1]) : !ended)
                return;
            const status = Number(/^HTTP\/\d\.\d (\d+)/.exec(head)?.[1] ?? 0);
            const text = (length ? body.subarray(0, Number(length[1])) : body).toString('utf8');
            if (status !== 200)
                return done(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`Engine API GET ${apiPath}: HTTP ${status} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(text)}`));
            try {
                done(undefined, JSON.parse(text));
            }
            catch (e) {
                done(e);
            }
        };
        child.stdout.on('data', (b) => (parts.push(b), parse(false)));
        child.stdout.on('end', () => parse(true));
        child.stderr.on('data', (b) => (stderr += b.toString()));
        child.closed.then(code => done(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`docker system dial-stdio ended (${code}) before the Engine API answered: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(stderr)}`)), (e) => done(e));
        child.stdin.on('error', () => undefined);
        child.stdin.write(`GET ${apiPath} HTTP/1.0\r\nHost: docker\r\n\r\n`);
    });
}


/***/ }),

/***/ 5804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ streamError)
/* harmony export */ });
// The Engine API's shapes the action reads and writes itself (ADR 0013): the transport (socket.ts, cli.ts,
// engine-api.ts) and the code that fills or reads them (task/argv.ts, commit/) share them without either
// importing the other.
/** The first error in one of the Engine API's JSON message streams (load, pull, push), '' for none. */
function streamError(text) {
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        const m = JSON.parse(line);
        if (m.error)
            return m.error;
    }
    return '';
}


/***/ })

};
