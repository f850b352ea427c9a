export const id = 394;
export const ids = [394];
export const modules = {

/***/ 4394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dryRun: () => (/* binding */ dryRun)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var _release_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3912);
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8683);
/* harmony import */ var _image_inspect_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4557);
/* harmony import */ var _image_acquire_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7037);
/* harmony import */ var _image_prebuilt_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4502);






/**
 * design.md §10: print the resolved plan and set `plan`; no build, container, push or download. A
 * pre-built image is inspected when the engine has it (reading changes nothing), so its entrypoint
 * mode is known; otherwise `auto` stays undecided.
 */
async function dryRun(plan, result, opts = { lookup: true }) {
    let known;
    // Not on an engine the inputs name: a dry run opens no connection (design.md §10).
    if (plan.image.kind === 'reference' && opts.lookup && (0,_docker_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .findDocker */ .ce)()) {
        known = await (0,_image_inspect_js__WEBPACK_IMPORTED_MODULE_3__/* .inspectImage */ .mm)(new _docker_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerCli */ .Vo(), (0,_image_acquire_js__WEBPACK_IMPORTED_MODULE_4__/* .lookupKey */ .kk)(plan.image.ref, plan.image.parsed)).catch(() => undefined);
        if (known && !(0,_image_acquire_js__WEBPACK_IMPORTED_MODULE_4__/* .isVerified */ .p4)(known, plan.image.parsed))
            known = undefined;
    }
    const phases = (0,_release_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .bindPhases */ .Sh)(plan, { entrypoint: known ? known.entrypoint : undefined, env: known ? (0,_image_inspect_js__WEBPACK_IMPORTED_MODULE_3__/* .imageEnv */ .Zw)(known) : new Map() });
    const view = (0,_release_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .dryRunView */ .On)(plan, phases, known?.id ?? (plan.image.kind === 'reference' ? plan.image.ref : ''));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Dry run: nothing is built, run or pushed. The plan:');
    if (view.build)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  build: ${view.build.argv.join(' ')}`);
    for (const p of view.phases) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${p.phase}: ${p.willRun ? `${p.command} [${p.entrypointMode}]` : 'skipped'}`);
        if (p.argv)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`    ${p.argv.join(' ')}`);
    }
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  variables: ${[...view.variables.secret.map(n => `${n} (secret)`), ...view.variables.plain].join(', ') || 'none'}`);
    for (const sc of view.sidecars ?? []) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  sidecar ${sc.name} (ready: ${sc.ready}), before each task:`);
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`    ${sc.argv.join(' ')}`);
    }
    if (view.push)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  push: ${view.push.tags.join(', ')}`);
    result.tags = view.tags;
    result.image = view.tags[0] ?? (0,_image_prebuilt_js__WEBPACK_IMPORTED_MODULE_5__/* .unpushedImage */ .u6)([], [], plan.image.kind === 'reference' ? plan.image.parsed : undefined).image;
    result.plan = JSON.stringify(view);
    for (const r of result.phases)
        r.status = phases.find(p => p.phase === r.phase)?.skip ? 'skipped' : 'not-run';
}


/***/ }),

/***/ 7037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gB: () => (/* binding */ acquireReference),
/* harmony export */   kk: () => (/* binding */ lookupKey),
/* harmony export */   p4: () => (/* binding */ isVerified)
/* harmony export */ });
/* unused harmony export expectedRepoDigest */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2812);
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8683);
/* harmony import */ var _inspect_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4557);





/** The name docker looks the image up by: `name@digest` for a digest reference (a tag beside it is ignored). */
function lookupKey(text, ref) {
    return ref.digest ? (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .digestRef */ .yb)({ ...ref, digest: ref.digest }) : text;
}
/** `repo@digest` as the engine records it in RepoDigests (familiar name: no docker.io/library/). */
function expectedRepoDigest(ref) {
    return ref.digest ? `${(0,_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarName */ .hG)(ref)}@${ref.digest}` : undefined;
}
/**
 * Whether the local image is the one the digest names. Needed because the engine also resolves
 * `name@sha256:X` to the image whose *id* is X, whatever its name: only a RepoDigests entry proves
 * that image came from (or went to) that repository under that manifest digest.
 */
function isVerified(info, ref) {
    const expected = expectedRepoDigest(ref);
    return expected === undefined || info.repoDigests.includes(expected);
}
function pullFailure(key, ref, output) {
    const why = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(output).replace(/^Error response from daemon: /, '') || 'no output';
    const hint = 
    // Not for access or network failures: there the digest is not what is wrong.
    ref.digest && !/unauthorized|denied|authenticat|connection|no such host|timeout|tls|certificate/i.test(why)
        ? `; the registry has no image with that digest in ${(0,_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .familiarName */ .hG)(ref)}: pass a registry manifest digest (a release run's digest or image output), not an image id`
        : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image: docker pull ${key} failed: ${why}${hint}`);
}
/**
 * design.md §3.4: the pre-built image, as is. Looked up locally (by digest when the reference has one),
 * pulled when absent, and for a digest reference verified: its RepoDigests must hold that exact
 * repo@digest, or the run stops before any container starts.
 */
async function acquireReference(cli, text, ref, checkCancelled = () => undefined) {
    const key = lookupKey(text, ref);
    let info = await (0,_inspect_js__WEBPACK_IMPORTED_MODULE_4__/* .inspectImage */ .mm)(cli, key);
    if (info && !isVerified(info, ref))
        info = undefined;
    if (!info) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Pulling ${key}`);
        const tail = new _docker_cli_js__WEBPACK_IMPORTED_MODULE_3__/* .Tail */ .PW(5);
        const code = await cli.stream(['pull', key], { cancellable: true, onChunk: b => tail.push(b) }).finally(() => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4());
        checkCancelled();
        if (code !== 0)
            throw pullFailure(key, ref, tail.text());
        info = await (0,_inspect_js__WEBPACK_IMPORTED_MODULE_4__/* .inspectImage */ .mm)(cli, key);
        if (!info)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image ${key} is not in the local engine after pulling it`);
    }
    if (!isVerified(info, ref)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`image: ${key} resolved to ${info.id}, whose registry digests (${info.repoDigests.join(', ') || 'none'}) do not include ${expectedRepoDigest(ref)}: refusing to run an image other than the one named`);
    }
    return info;
}


/***/ })

};
