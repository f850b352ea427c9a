export const id = 888;
export const ids = [888];
export const modules = {

/***/ 3888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseAppJson: () => (/* binding */ parseAppJson)
/* harmony export */ });
/* unused harmony export lineColumn */
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9547);
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(jsonc_parser__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _or_none_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1292);
/* harmony import */ var _inputs_grammar_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6720);




/** 1-based line and column of an offset. */
function lineColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
/**
 * Parses app.json (design.md §2.5, §5.2) as JSON with comments and trailing commas, as Dokku does.
 * jsonc-parser gives offsets for both syntax errors and nodes, so every error names a line and column.
 */
function parseAppJson(text, file) {
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    if (text.trim() === '')
        return { env: [] };
    const errors = [];
    const root = (0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.parseTree)(text, errors, { allowTrailingComma: true, disallowComments: false });
    const at = (offset, msg) => {
        const { line, column } = lineColumn(text, offset);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .Sh(msg, file, line, column);
    };
    if (errors.length > 0)
        at(errors[0].offset, `app.json is not valid JSON: ${(0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.printParseErrorCode)(errors[0].error)}`);
    if (!root || root.type !== 'object')
        at(root?.offset ?? 0, 'app.json must contain a JSON object');
    const str = (path) => {
        const node = (0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.findNodeAtLocation)(root, path);
        if (!node || node.type === 'null')
            return undefined;
        if (node.type !== 'string')
            at(node.offset, `${path.join('.')} must be a string`);
        return node.value;
    };
    // A non-object where an object is expected would otherwise make findNodeAtLocation silently miss.
    for (const path of [['scripts'], ['scripts', 'dokku'], ['env']]) {
        const node = (0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.findNodeAtLocation)(root, path);
        if (node && node.type !== 'object' && node.type !== 'null')
            at(node.offset, `${path.join('.')} must be an object`);
    }
    const where = (path) => {
        const node = (0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.findNodeAtLocation)(root, path);
        return node ? { file, ...lineColumn(text, node.offset) } : undefined;
    };
    return {
        at: {
            predeploy: where(['scripts', 'dokku', 'predeploy']),
            postdeploy: where(['scripts', 'dokku', 'postdeploy']),
            firstDeploy: where(['scripts', 'postdeploy'])
        },
        predeploy: (0,_or_none_js__WEBPACK_IMPORTED_MODULE_2__/* .orNone */ .u)(str(['scripts', 'dokku', 'predeploy'])),
        postdeploy: (0,_or_none_js__WEBPACK_IMPORTED_MODULE_2__/* .orNone */ .u)(str(['scripts', 'dokku', 'postdeploy'])),
        firstDeploy: (0,_or_none_js__WEBPACK_IMPORTED_MODULE_2__/* .orNone */ .u)(str(['scripts', 'postdeploy'])),
        env: parseEnv((0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.findNodeAtLocation)(root, ['env']), at)
    };
}
function parseEnv(envNode, at) {
    if (!envNode || envNode.type !== 'object')
        return [];
    const vars = [];
    for (const prop of envNode.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        const name = keyNode.value;
        if (!_inputs_grammar_js__WEBPACK_IMPORTED_MODULE_3__/* .VAR_NAME */ .eU.test(name))
            at(keyNode.offset, `env: "${name}" is not a valid variable name`);
        if (valueNode.type === 'string') {
            vars.push({ name, value: valueNode.value, required: true });
            continue;
        }
        if (valueNode.type !== 'object')
            at(valueNode.offset, `env.${name} must be a string or an object`);
        const field = (key, type) => {
            const f = (0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.findNodeAtLocation)(valueNode, [key]);
            if (!f || f.type === 'null')
                return undefined;
            if (f.type !== type)
                at(f.offset, `env.${name}.${key} must be a ${type}`);
            return f.value;
        };
        vars.push({
            name,
            description: field('description', 'string'),
            value: field('value', 'string'),
            required: field('required', 'boolean') ?? true,
            generator: field('generator', 'string')
        });
    }
    return vars;
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
