// Kernel limits the action checks before any side effect. A module of its own: runner.ts (on the
// start-up path) needs them through untrusted.ts, and must not load secrets.ts and dotenv to get them.

/** Linux MAX_ARG_STRLEN: one `NAME=value` string of a process environment (or argv) holds at most 128 KiB. */
export const MAX_ENV_ENTRY = 32 * 4096
/** All task values together; the rest of ARG_MAX (2 MiB by default) is left to the runner's own environment. */
export const MAX_TASK_ENV = 1024 * 1024
