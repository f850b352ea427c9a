/**
 * `docker create`'s options, as `docker create --help` lists them (Docker CLI 28.2): long name → its
 * one-letter alias and whether it takes a value. Sidecar `options` are checked against this before any
 * Docker side effect, so a misspelt flag is an input error, not a failed create after the build. A unit
 * test compares the table with the help of the docker CLI on the machine, so it cannot drift unseen.
 */
export interface CreateOption {
  short?: string
  value: boolean
}

export const CREATE_OPTIONS: Readonly<Record<string, CreateOption>> = {
  '--add-host': { value: true },
  '--attach': { short: 'a', value: true },
  '--blkio-weight': { value: true },
  '--blkio-weight-device': { value: true },
  '--cap-add': { value: true },
  '--cap-drop': { value: true },
  '--cgroup-parent': { value: true },
  '--cgroupns': { value: true },
  '--cidfile': { value: true },
  '--cpu-period': { value: true },
  '--cpu-quota': { value: true },
  '--cpu-rt-period': { value: true },
  '--cpu-rt-runtime': { value: true },
  '--cpu-shares': { short: 'c', value: true },
  '--cpus': { value: true },
  '--cpuset-cpus': { value: true },
  '--cpuset-mems': { value: true },
  '--device': { value: true },
  '--device-cgroup-rule': { value: true },
  '--device-read-bps': { value: true },
  '--device-read-iops': { value: true },
  '--device-write-bps': { value: true },
  '--device-write-iops': { value: true },
  '--disable-content-trust': { value: false },
  '--dns': { value: true },
  '--dns-option': { value: true },
  '--dns-search': { value: true },
  '--domainname': { value: true },
  '--entrypoint': { value: true },
  '--env': { short: 'e', value: true },
  '--env-file': { value: true },
  '--expose': { value: true },
  '--gpus': { value: true },
  '--group-add': { value: true },
  '--health-cmd': { value: true },
  '--health-interval': { value: true },
  '--health-retries': { value: true },
  '--health-start-period': { value: true },
  '--health-timeout': { value: true },
  '--help': { value: false },
  '--hostname': { short: 'h', value: true },
  '--init': { value: false },
  '--interactive': { short: 'i', value: false },
  '--ip': { value: true },
  '--ip6': { value: true },
  '--ipc': { value: true },
  '--isolation': { value: true },
  '--kernel-memory': { value: true },
  '--label': { short: 'l', value: true },
  '--label-file': { value: true },
  '--link': { value: true },
  '--link-local-ip': { value: true },
  '--log-driver': { value: true },
  '--log-opt': { value: true },
  '--mac-address': { value: true },
  '--memory': { short: 'm', value: true },
  '--memory-reservation': { value: true },
  '--memory-swap': { value: true },
  '--memory-swappiness': { value: true },
  '--mount': { value: true },
  '--name': { value: true },
  '--network': { value: true },
  '--network-alias': { value: true },
  '--no-healthcheck': { value: false },
  '--oom-kill-disable': { value: false },
  '--oom-score-adj': { value: true },
  '--pid': { value: true },
  '--pids-limit': { value: true },
  '--platform': { value: true },
  '--privileged': { value: false },
  '--publish': { short: 'p', value: true },
  '--publish-all': { short: 'P', value: false },
  '--pull': { value: true },
  '--quiet': { short: 'q', value: false },
  '--read-only': { value: false },
  '--restart': { value: true },
  '--rm': { value: false },
  '--runtime': { value: true },
  '--security-opt': { value: true },
  '--shm-size': { value: true },
  '--stop-signal': { value: true },
  '--stop-timeout': { value: true },
  '--storage-opt': { value: true },
  '--sysctl': { value: true },
  '--tmpfs': { value: true },
  '--tty': { short: 't', value: false },
  '--ulimit': { value: true },
  '--use-api-socket': { value: false },
  '--user': { short: 'u', value: true },
  '--userns': { value: true },
  '--uts': { value: true },
  '--volume': { short: 'v', value: true },
  '--volume-driver': { value: true },
  '--volumes-from': { value: true },
  '--workdir': { short: 'w', value: true },
  // Read by the CLI but hidden from --help: aliases that older scripts use.
  '--net': { value: true },
  '--net-alias': { value: true },
  '--dns-opt': { value: true }
}

/** Hidden aliases: not in `docker create --help`, so the drift test does not expect them there. */
export const HIDDEN_OPTIONS = ['--net', '--net-alias', '--dns-opt']

const SHORT = new Map(Object.entries(CREATE_OPTIONS).flatMap(([long, o]) => (o.short ? [[o.short, { long, ...o }] as const] : [])))

/** The option a short letter stands for, if docker create has one. */
export const shortOption = (letter: string): (CreateOption & { long: string }) | undefined => SHORT.get(letter)

/** The known option nearest to a misspelt one (at most two edits away), for the error's suggestion. */
export function nearestOption(flag: string): string | undefined {
  let best: { name: string; d: number } | undefined
  for (const name of Object.keys(CREATE_OPTIONS)) {
    const d = editDistance(flag, name)
    if (d <= 2 && (!best || d < best.d)) best = { name, d }
  }
  return best?.name
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]
}
