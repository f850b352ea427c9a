export const id = 573;
export const ids = [573];
export const modules = {

/***/ 7573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   earlierSuccess: () => (/* binding */ earlierSuccess),
/* harmony export */   isFirstDeploy: () => (/* binding */ isFirstDeploy),
/* harmony export */   thisRun: () => (/* binding */ thisRun)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);


function thisRun(env) {
    const id = env.GITHUB_RUN_ID ?? '';
    if (!/^\d+$/.test(id) || !env.GITHUB_REPOSITORY)
        return undefined;
    return { id, url: `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${id}` };
}
/** A status URL that is this run's page or a page under it (the job log), compared exactly, host included. */
function linksRun(url, run) {
    if (!url)
        return false;
    return url === run.url || ['/', '?', '#'].some(c => url.startsWith(run.url + c));
}
/**
 * design.md §7: whether this deployment holds a success from before this run. A deployment created
 * through the API by this run carries `payload.workflow_run_id` (immutable, the convention GitHub's UI
 * links by): none of its statuses is earlier. Otherwise each `success` status counts unless that status
 * itself links this run's page (a job with `environment:` posts `log_url`/`target_url` =
 * `<server>/<repo>/actions/runs/<id>/job/<job>`): a later status of any kind, whatever it links, never
 * hides an earlier success.
 */
function earlierSuccess(payload, statuses, run) {
    const p = typeof payload === 'string' ? safeJson(payload) : payload;
    if (run && p && typeof p === 'object' && String(p.workflow_run_id) === run.id)
        return false;
    return statuses.some(st => st.state === 'success' && !(run && (linksRun(st.log_url, run) || linksRun(st.target_url, run))));
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
        const run = thisRun(env);
        for (const d of deployments) {
            const statuses = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, { owner, repo, deployment_id: d.id, per_page: 100 });
            if (earlierSuccess(d.payload, statuses, run))
                return false;
            if (statuses.some(s => s.state === 'success'))
                (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`deployment ${d.id} succeeded in this workflow run (${run?.id}): not an earlier deployment`);
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
