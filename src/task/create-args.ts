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

/** docker create's boolean short flags (-i, -t, -P, -q): the CLI reads `-itp 80:80` as -i -t -p 80:80. */
const BOOL_SHORT = Object.values(CREATE_OPTIONS)
  .filter(o => o.short && !o.value)
  .map(o => o.short)
  .join('')
/** docker create's boolean long flags; every other flag takes a value. */
const BOOL_LONG = new Set(Object.keys(CREATE_OPTIONS).filter(k => !CREATE_OPTIONS[k].value))

/** The short flags a single-dash word sets: each boolean one, then the first that takes a value. */
export function shortFlags(word: string): string[] {
  if (!/^-[^-]/.test(word)) return []
  const flags: string[] = []
  for (const c of word.slice(1)) {
    flags.push(`-${c}`)
    if (!BOOL_SHORT.includes(c)) break
  }
  return flags
}

/**
 * A word of `options` docker would not read as an option or its value: the first such word becomes
 * the image and the rest the command, so the create fails (or runs something else) after the build.
 * Also a value-taking flag at the end, which would take the action's next word as its value.
 */
export function strayWord(words: string[]): string | undefined {
  let valueNext = false
  for (const w of words) {
    if (valueNext) {
      valueNext = false
      continue
    }
    if (w === '--' || w === '-' || !w.startsWith('-')) return w
    if (w.startsWith('--')) valueNext = !w.includes('=') && !BOOL_LONG.has(w)
    else {
      const flags = shortFlags(w)
      valueNext = w.length === flags.length + 1 && !BOOL_SHORT.includes(w[w.length - 1])
    }
  }
  return valueNext ? words[words.length - 1] : undefined
}

/** The values the CLI's flag parser (strconv.ParseBool) takes for a boolean flag given `=value`. */
const BOOL_VALUES = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']

/**
 * The first flag of `options` that docker create does not have (a misspelling fails the create only
 * after the build), with the nearest known name when one is close, or a switch given a value the CLI's
 * boolean parser refuses (`--init=maybe`, `-t=yes`), which also fails only at the create. Values are
 * skipped as strayWord does.
 */
export function unknownOption(words: string[]): { flag: string; near?: string; notBool?: string } | undefined {
  let valueNext = false
  for (const w of words) {
    if (valueNext || !w.startsWith('-') || w === '-' || w === '--') {
      valueNext = false
      continue
    }
    if (w.startsWith('--')) {
      const flag = w.split('=')[0]
      if (!Object.hasOwn(CREATE_OPTIONS, flag)) return { flag, near: nearestOption(flag) }
      const value = w.includes('=') ? w.slice(flag.length + 1) : undefined
      if (value !== undefined && !CREATE_OPTIONS[flag].value && !BOOL_VALUES.includes(value)) return { flag, notBool: value }
      valueNext = !w.includes('=') && CREATE_OPTIONS[flag].value
      continue
    }
    const shorts = w.slice(1)
    for (let i = 0; i < shorts.length; i++) {
      const o = shortOption(shorts[i])
      if (!o) return { flag: `-${shorts[i]}` }
      if (o.value) break // the rest of the word is its value
      // `-t=false`: a boolean short flag's value, as the long form's (`-t=` alone is an error in the CLI too)
      if (shorts[i + 1] === '=' && !BOOL_VALUES.includes(shorts.slice(i + 2))) return { flag: `-${shorts[i]}`, notBool: shorts.slice(i + 2) }
      if (shorts[i + 1] === '=') break
    }
    valueNext = w.length === shortFlags(w).length + 1 && !BOOL_SHORT.includes(w[w.length - 1])
  }
  return undefined
}

/**
 * What is wrong with words given to `docker create` (sidecar `options`, the task's `run-args`), before
 * any Docker side effect: an option docker create does not have (with the nearest name), a switch
 * given a value its parser refuses, a value-taking flag at the end, or a word docker would read as the
 * image (`what` says where that belongs instead).
 */
export function createArgsProblem(words: string[], imageHint: string): string | undefined {
  const unknown = unknownOption(words)
  if (unknown?.notBool !== undefined) return `${unknown.flag} is a switch: give it alone, or with =true or =false`
  if (unknown) return `${unknown.flag} is not an option of docker create${unknown.near ? ` (did you mean ${unknown.near}?)` : ''}`
  const stray = strayWord(words)
  // A flag at the end that takes a value (`--user`, `-itu`): say so, not where the image goes.
  if (stray !== undefined && stray.startsWith('-') && stray !== '-' && stray !== '--') {
    return `"${stray}" is not an option with its value: it needs one, as its next word or after "="`
  }
  if (stray !== undefined) return `"${stray}" is not an option with its value (docker would read a word after the options as the image); ${imageHint}`
  return undefined
}
