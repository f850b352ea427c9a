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
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6118);
/* harmony import */ var _predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2855);




/** Archives read side by side: enough to hide the engine's latency, few enough to stay light. */
const PARALLEL = 4;
/**
 * design.md §4.6: reads back only what the predeploy task changed (its diff, then one archive per
 * changed subtree) and searches every regular file for every masked form. Resolves to the files that
 * hold one, each with whose value it is.
 */
async function scanChangedFiles(api, container, forms, initMounted) {
    const findings = [];
    let files = 0;
    if (forms.size === 0)
        return { findings, files };
    const roots = (0,_predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .pathsToRead */ .Of)(await api.changes(container), initMounted);
    let next = 0;
    const worker = async () => {
        while (next < roots.length) {
            const root = roots[next++];
            const tar = await api.archive(container, root);
            if (!tar)
                continue;
            const extract = (0,tar_stream__WEBPACK_IMPORTED_MODULE_2__.extract)();
            extract.on('entry', (header, stream, done) => {
                if (header.type !== 'file') {
                    stream.on('end', done).resume();
                    return;
                }
                files++;
                const search = new _predeploy_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .FileSearch */ .Xq(forms);
                stream.on('data', b => search.push(b));
                stream.on('end', () => {
                    if (search.found !== undefined)
                        findings.push({ file: node_path_posix__WEBPACK_IMPORTED_MODULE_0__.join(node_path_posix__WEBPACK_IMPORTED_MODULE_0__.dirname(root), header.name), owner: search.found });
                    done();
                });
            });
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(tar, extract);
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, roots.length) }, worker));
    findings.sort((a, b) => (a.file < b.file ? -1 : 1));
    return { findings, files };
}


/***/ })

};
