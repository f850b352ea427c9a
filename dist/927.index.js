export const id = 927;
export const ids = [927];
export const modules = {

/***/ 5927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_BUILDX_URL: () => (/* binding */ DEFAULT_BUILDX_URL),
/* harmony export */   buildxUrl: () => (/* binding */ buildxUrl),
/* harmony export */   ensureBuildx: () => (/* binding */ ensureBuildx),
/* harmony export */   installedBuildx: () => (/* binding */ installedBuildx),
/* harmony export */   parseChecksum: () => (/* binding */ parseChecksum)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2187);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);






const DEFAULT_BUILDX_URL = 'https://github.com/docker/buildx/releases/download/v{version}/buildx-v{version}.{os}-{arch}';
const ARCH = { x64: 'amd64', arm64: 'arm64', arm: 'arm-v7', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
/** Fills the download template the way buildx names its release assets. */
function buildxUrl(template, version, platform = process.platform, arch = process.arch) {
    const osName = platform === 'win32' ? 'windows' : platform;
    const url = (template || DEFAULT_BUILDX_URL)
        .replace(/\{version\}/g, version)
        .replace(/\{os\}/g, osName)
        .replace(/\{arch\}/g, ARCH[arch] ?? arch);
    return osName === 'windows' && !template && !url.endsWith('.exe') ? `${url}.exe` : url;
}
/** A checksum for `fileName` from a `checksums.txt` (`<sha256> [*]name` lines) or a bare `.sha256` file. */
function parseChecksum(text, fileName) {
    for (const line of text.split(/\r?\n/)) {
        const m = /^([0-9a-fA-F]{64})(?:\s+\*?(\S+))?\s*$/.exec(line.trim());
        if (m && (!m[2] || m[2] === fileName || node_path__WEBPACK_IMPORTED_MODULE_4__.basename(m[2]) === fileName))
            return m[1].toLowerCase();
    }
    return undefined;
}
/** The installed buildx's version, or undefined when `docker buildx` does not answer. */
async function installedBuildx(cli) {
    const r = await cli.exec(['buildx', 'version']);
    if (r.code !== 0)
        return undefined;
    return /\bv?(\d+\.\d+\.\d+)/.exec(r.stdout)?.[1] ?? 'unknown';
}
/**
 * The release's checksum for the asset: `checksums.txt` beside it (what buildx releases publish),
 * else `<url>.sha256`. Undefined when neither is published; a server error is an error.
 */
async function publishedChecksum(url) {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    for (const candidate of [new URL('checksums.txt', url).toString(), `${url}.sha256`]) {
        const res = await fetch(candidate);
        if (res.status === 404)
            continue;
        if (!res.ok)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`buildx: fetching the checksums ${candidate} failed: HTTP ${res.status}`);
        const sum = parseChecksum(await res.text(), name);
        if (!sum)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`buildx: ${candidate} lists no checksum for ${name}`);
        return { sum, from: candidate };
    }
    return undefined;
}
const sha256 = (file) => (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256hex */ .L)(node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync(file));
/**
 * design.md §8: make `docker buildx` the asked version. Nothing is downloaded when it already is, or when
 * the tool cache holds it; otherwise it is downloaded, its checksum verified, cached under `buildx`,
 * and placed as a CLI plugin under $DOCKER_CONFIG/cli-plugins (or ~/.docker/cli-plugins).
 * @actions/tool-cache is loaded here only: runs that do not ask pay nothing for it.
 */
async function ensureBuildx(cli, version, template) {
    const have = await installedBuildx(cli);
    if (have === version)
        return;
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(have ? `buildx ${have} is installed; installing ${version}` : `buildx is not installed; installing ${version}`);
    // Outside a runner the tool cache has no home by default.
    process.env.RUNNER_TOOL_CACHE ||= node_path__WEBPACK_IMPORTED_MODULE_4__.join(node_os__WEBPACK_IMPORTED_MODULE_3__.homedir(), '.cache', 'release-phase', 'tool-cache');
    process.env.RUNNER_TEMP ||= node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir();
    const tc = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(991)]).then(__webpack_require__.bind(__webpack_require__, 5991));
    let dir = tc.find('buildx', version);
    if (dir) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`buildx ${version} found in the tool cache`);
    }
    else {
        const url = buildxUrl(template, version);
        const downloaded = await tc.downloadTool(url).catch((e) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`buildx: downloading ${url} failed: ${e.message}`);
        });
        try {
            const expected = await publishedChecksum(url);
            const actual = sha256(downloaded);
            if (!expected)
                _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`buildx: no checksums file is published beside ${url}; installed without a checksum check`);
            else if (expected.sum !== actual) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`buildx: checksum mismatch for ${url}: expected ${expected.sum} (from ${expected.from}), got ${actual}; nothing was installed`);
            }
            else
                _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`buildx: sha256 ${actual} matches ${expected.from}`);
            dir = await tc.cacheFile(downloaded, 'docker-buildx', 'buildx', version);
        }
        finally {
            node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync(downloaded, { force: true });
        }
    }
    const pluginDir = node_path__WEBPACK_IMPORTED_MODULE_4__.join(process.env.DOCKER_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_4__.join(node_os__WEBPACK_IMPORTED_MODULE_3__.homedir(), '.docker'), 'cli-plugins');
    node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync(pluginDir, { recursive: true });
    const target = node_path__WEBPACK_IMPORTED_MODULE_4__.join(pluginDir, process.platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx');
    // Copy then rename: a half-written plugin is never visible to a concurrent docker.
    node_fs__WEBPACK_IMPORTED_MODULE_2__.copyFileSync(node_path__WEBPACK_IMPORTED_MODULE_4__.join(dir, 'docker-buildx'), `${target}.tmp`);
    node_fs__WEBPACK_IMPORTED_MODULE_2__.chmodSync(`${target}.tmp`, 0o755);
    node_fs__WEBPACK_IMPORTED_MODULE_2__.renameSync(`${target}.tmp`, target);
    const now = await installedBuildx(cli);
    if (now !== version)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DockerError */ .Bi(`buildx ${version} was installed to ${target}, but docker buildx reports ${now ?? 'nothing'}`);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`buildx ${version} installed as ${target}`);
}


/***/ })

};
