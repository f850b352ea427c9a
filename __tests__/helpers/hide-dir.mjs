// Runs a command with a directory hidden behind an empty one, inside the caller's private mount
// namespace (started by `unshare --mount`). Not a shell: a shell would drop the runner's
// hyphenated INPUT_* variables from the environment.
import { execFileSync, spawnSync } from 'node:child_process'

const [empty, hidden, cmd, ...args] = process.argv.slice(2)
execFileSync('mount', ['--bind', empty, hidden])
const r = spawnSync(cmd, args, { stdio: 'inherit' })
process.exit(r.status ?? 1)
