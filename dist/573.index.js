export const id = 573;
export const ids = [573];
export const modules = {

/***/ 7573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createdByRun: () => (/* binding */ createdByRun),
/* harmony export */   isFirstDeploy: () => (/* binding */ isFirstDeploy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);


const RUN_URL = /\/actions\/runs\/(\d+)(?:[/?#]|$)/;
/**
 * design.md §7: whether the deployment was created by this workflow run (any attempt: the run id stays).
 * A job with `environment:` makes GitHub create the deployment and post its statuses with
 * `log_url`/`target_url` = `…/actions/runs/<run id>/job/<job id>`; a deployment created through the
 * API can carry `payload.workflow_run_id` (the convention GitHub's UI links by).
 */
function createdByRun(payload, statuses, runId) {
    const p = typeof payload === 'string' ? safeJson(payload) : payload;
    if (p && typeof p === 'object' && String(p.workflow_run_id) === runId)
        return true;
    return statuses.some(st => [st.log_url, st.target_url].some(u => RUN_URL.exec(u ?? '')?.[1] === runId));
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * design.md §7: a first deploy is one where the environment has no earlier deployment with a `success`
 * status; one created by this workflow run (GITHUB_RUN_ID) is not earlier: the deploy job's own
 * `environment:` deployment succeeds before the postdeploy job asks. `@actions/github` is loaded
 * here only, so runs that do not ask pay nothing for it. An API failure is an error with the API's
 * message: guessing could run a first-deploy script twice.
 */
async function isFirstDeploy(token, environment, env = process.env) {
    if (!environment)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('first-deploy: auto needs the environment input (the GitHub environment deployed to)');
    if (!token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('first-deploy: auto needs github-token to read the deployments');
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('first-deploy: auto needs GITHUB_REPOSITORY (owner/name)');
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com' });
    try {
        const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, { owner, repo, environment, per_page: 100 });
        const runId = env.GITHUB_RUN_ID ?? '';
        for (const d of deployments) {
            const statuses = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, { owner, repo, deployment_id: d.id, per_page: 100 });
            if (runId && createdByRun(d.payload, statuses, runId)) {
                (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`deployment ${d.id} was created by this workflow run (${runId}): not an earlier deployment`);
                continue;
            }
            if (statuses.some(s => s.state === 'success'))
                return false;
        }
        return true;
    }
    catch (e) {
        const err = e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`first-deploy: the GitHub API refused to list deployments of "${environment}"${err.status ? ` (HTTP ${err.status})` : ''}: ${err.message ?? String(e)}`);
    }
}


/***/ })

};
