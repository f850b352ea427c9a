import * as fs from 'node:fs'
import * as path from 'node:path'

/**
 * The ssh master and ssh-agent of a main step that was killed (SIGKILL: no close ran) hold the
 * connection and the key until the job ends: the post step ends them. Only processes named ssh or
 * ssh-agent whose arguments name a file in one of the run's own directories (checked by the caller).
 */
export function endLeftovers(dirs: string[], proc = '/proc'): number {
  const marks = dirs.filter(Boolean).map(d => d + path.sep)
  let ended = 0
  for (const pid of fs.readdirSync(proc).filter(p => /^\d+$/.test(p))) {
    let argv: string[]
    try {
      argv = fs.readFileSync(path.join(proc, pid, 'cmdline'), 'utf8').split('\0')
    } catch {
      continue
    }
    if (!['ssh', 'ssh-agent'].includes(path.basename(argv[0] ?? ''))) continue
    if (!argv.some(a => marks.some(m => a.includes(m)))) continue
    try {
      process.kill(Number(pid), 'SIGTERM')
      ended++
    } catch {
      // gone meanwhile
    }
  }
  return ended
}
