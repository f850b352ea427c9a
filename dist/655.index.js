export const id = 655;
export const ids = [655];
export const modules = {

/***/ 655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseHerokuYml: () => (/* binding */ parseHerokuYml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _or_none_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1292);



/** Parses heroku.yml (design.md §2.6); YAML errors and wrong types carry line and column. */
function parseHerokuYml(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset, msg) => {
        const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .Sh(msg, file, pos?.line, pos?.col);
    };
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        at(e.pos[0], `heroku.yml is not valid YAML: ${e.message.split('\n')[0]}`);
    }
    const result = { dockerfiles: {} };
    const root = doc.contents;
    if (root === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(root) && root.value === null))
        return result;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        at(root.range?.[0], 'heroku.yml must be a mapping');
    const child = (parent, key) => {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent))
            return undefined;
        const v = parent.get(key, true);
        return v === undefined || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v) && v.value === null) ? undefined : v;
    };
    const mapAt = (parent, key, path) => {
        const v = child(parent, key);
        if (v !== undefined && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(v))
            at(v.range?.[0], `${path} must be a mapping`);
        return v;
    };
    const stringAt = (node, path) => {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || typeof node.value !== 'string')
            at(node.range?.[0], `${path} must be a string`);
        return node.value;
    };
    const release = mapAt(root, 'release', 'release');
    if (release) {
        const cmd = child(release, 'command');
        if (cmd) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(cmd)) {
                result.releaseCommand = (0,_or_none_js__WEBPACK_IMPORTED_MODULE_2__/* .orNone */ .u)(cmd.items.map((item, i) => stringAt(item, `release.command[${i}]`)));
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(cmd) && typeof cmd.value === 'string') {
                result.releaseCommand = (0,_or_none_js__WEBPACK_IMPORTED_MODULE_2__/* .orNone */ .u)(cmd.value);
            }
            else {
                at(cmd.range?.[0], 'release.command must be a string or a list of strings');
            }
            const pos = cmd.range ? lineCounter.linePos(cmd.range[0]) : undefined;
            if (result.releaseCommand !== undefined && pos)
                result.releaseAt = { file, line: pos.line, column: pos.col };
        }
        const image = child(release, 'image');
        if (image)
            result.releaseImage = stringAt(image, 'release.image');
    }
    const build = mapAt(root, 'build', 'build');
    const docker = build && mapAt(build, 'docker', 'build.docker');
    if (docker && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(docker)) {
        for (const pair of docker.items) {
            const key = String(pair.key?.value ?? pair.key);
            const value = pair.value;
            if (!value)
                at(pair.key?.range?.[0], `build.docker.${key} must be a string`);
            result.dockerfiles[key] = stringAt(value, `build.docker.${key}`);
        }
    }
    return result;
}


/***/ }),

/***/ 1292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ orNone)
/* harmony export */ });
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


/***/ })

};
