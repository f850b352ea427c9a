export const id = 43;
export const ids = [43];
export const modules = {

/***/ 3043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanChangedFiles: () => (/* binding */ scanChangedFiles)
/* harmony export */ });
/* harmony import */ var node_path_posix__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1535);
/* harmony import */ var node_path_posix__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path_posix__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2855);




/** Archives read side by side: enough to hide the engine's latency, few enough to stay light. */
const PARALLEL = 4;
/**
 * design.md §4.6: reads back only what the predeploy task changed (its diff, then one archive per
 * changed subtree) and searches each archive's bytes as they stream for every masked form: the files'
 * contents, and also their names, link targets and attributes, all of which a commit keeps. An archive
 * is parsed only when a form is in it, to say which file (issue 22: parsing every entry of a large
 * change cost more than the engine's own read). Resolves to the files that hold one, each with whose
 * value it is.
 */
async function scanChangedFiles(api, container, forms, initMounted) {
    if (forms.size === 0)
        return { findings: [], paths: 0, bytes: 0 };
    const changes = await api.changes(container);
    const roots = (0,_predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .pathsToRead */ .Of)(changes, initMounted);
    // Every changed name, as the engine lists it in full (an archive splits a long one at a '/').
    const named = changes.filter(c => c.Kind !== 2).flatMap(c => nameFinding(forms, c.Path));
    const hits = [];
    let bytes = 0;
    let next = 0;
    const worker = async () => {
        while (next < roots.length) {
            const root = roots[next++];
            const tar = await api.archive(container, root);
            // The engine listed it as changed but cannot read it back: never a clean read.
            if (!tar)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(unreadable(root));
            const read = await searchArchive(tar, forms, root);
            bytes += read.bytes;
            if (read.owner !== undefined)
                hits.push({ root, owner: read.owner });
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, roots.length) }, worker));
    const located = (await Promise.all(hits.map(h => locate(api, container, h, forms)))).flat();
    const findings = [...named, ...located.filter(f => !named.some(n => n.file === f.file))];
    findings.sort((a, b) => (a.file < b.file ? -1 : 1));
    return { findings, paths: roots.length, bytes };
}
function nameFinding(forms, file) {
    const owner = (0,_predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .namesHolding */ .Wf)(forms, [file]);
    return owner === undefined ? [] : [{ file, owner, part: 'name' }];
}
/**
 * The engine's change list is JSON, where a name that is not UTF-8 arrives with U+FFFD in place of its
 * bytes: the archive of that path is then not found.
 */
function unreadable(root) {
    return (`the engine lists ${JSON.stringify(root)} among the predeploy task's changes but cannot read it back` +
        `${root.includes('\uFFFD') ? ' (a file name that is not UTF-8)' : ''}: the scan cannot say it holds no secret. Make the task write names in UTF-8`);
}
/** One archive searched as it streams. One that does not end as a tar ends is an error, never a clean read. */
async function searchArchive(tar, forms, root) {
    const search = new _predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .FileSearch */ .Xq(forms);
    let bytes = 0;
    let end = Buffer.alloc(0);
    for await (const chunk of tar) {
        bytes += chunk.length;
        search.push(chunk);
        end = chunk.length >= 1024 ? chunk.subarray(chunk.length - 1024) : Buffer.concat([end, chunk]).subarray(-1024);
    }
    if (!(0,_predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .isWholeTar */ .ZX)(bytes, end))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerError */ .Bi(`the archive of ${root} the engine sent is cut short (${bytes} bytes): the scan cannot say it is clean`);
    return { owner: search.found, bytes };
}
/**
 * A form is in the archive of `hit.root`: read it again, parsed, to name the files whose content, name
 * or link target holds it. When no entry does (a form across an entry's end and the next header, or in
 * an attribute), the finding is the subtree itself.
 */
async function locate(api, container, hit, forms) {
    const { extract: tarExtract } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 6118, 19));
    const found = [];
    const tar = await api.archive(container, hit.root);
    if (tar) {
        const extract = tarExtract();
        extract.on('entry', (header, stream, done) => {
            const file = node_path_posix__WEBPACK_IMPORTED_MODULE_0__.join(node_path_posix__WEBPACK_IMPORTED_MODULE_0__.dirname(hit.root), header.name);
            const named = (0,_predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .namesHolding */ .Wf)(forms, [header.name, header.linkname ?? '']);
            if (named !== undefined)
                found.push({ file, owner: named, part: 'name' });
            if (header.type !== 'file') {
                stream.on('end', done).resume();
                return;
            }
            const search = new _predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .FileSearch */ .Xq(forms);
            stream.on('data', b => search.push(b));
            stream.on('end', () => {
                if (search.found !== undefined)
                    found.push({ file, owner: search.found });
                done();
            });
        });
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(tar, extract);
    }
    return found.length > 0 ? found : [{ file: hit.root, owner: hit.owner, part: 'archive' }];
}


/***/ })

};
