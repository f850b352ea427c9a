// Preloaded into the action by the benchmark (`node -r`): appends one line per docker process the action
// starts, `<start ns> <exit ns> <first argument>` (epoch), to $BENCH_CALL_LOG. It replaces a recording
// `docker` script on PATH, which would hide the real CLI from the action (ADR 0014) and add a shell start
// to every call. The action's ESM imports of child_process bind to the patched spawn: a builtin's ESM
// face is made at its first import, after this preload ran.
const fs = require('node:fs')
const cp = require('node:child_process')
const log = process.env.BENCH_CALL_LOG
const ns = () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e3)) * 1000n
const spawn = cp.spawn
cp.spawn = function (cmd, args, ...rest) {
  const start = ns()
  const child = spawn.call(this, cmd, args, ...rest)
  const name = String(cmd).slice(String(cmd).lastIndexOf('/') + 1)
  if (log && (name === 'docker' || name.startsWith('docker-'))) child.once('exit', () => fs.appendFileSync(log, `${start} ${ns()} ${(args ?? [])[0]}\n`))
  return child
}
