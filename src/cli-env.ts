/**
 * The names the docker CLI, its buildx plugin and the Go runtime under them read from their own
 * environment (design.md §5.3). Task values live in the environment of the `docker create` child
 * (design.md §5.4) wherever the CLI creates the task container (ADR 0013), so a task variable with one
 * of these names would steer the action's own CLI: `DOCKER_HOST` from a pull request's app.json would
 * send every secret, inside the create request, to a server it names.
 *
 * Sources:
 * - docker CLI, "Environment variables": https://docs.docker.com/reference/cli/docker/#environment-variables
 *   (DOCKER_API_VERSION, DOCKER_CERT_PATH, DOCKER_CONFIG, DOCKER_CONTENT_TRUST(_SERVER), DOCKER_CONTEXT,
 *   DOCKER_DEFAULT_PLATFORM, DOCKER_HIDE_LEGACY_COMMANDS, DOCKER_HOST, DOCKER_TLS, DOCKER_TLS_VERIFY,
 *   BUILDKIT_PROGRESS, DOCKER_BUILDKIT, DOCKER_CLI_HINTS, ...; and "HTTP_PROXY, HTTPS_PROXY, NO_PROXY"
 *   which the CLI honours when it connects to a tcp:// daemon). The CLI's default config directory is
 *   `$HOME/.docker`; it finds credential helpers (`docker-credential-*`) and `ssh` (ssh:// hosts) on PATH.
 * - buildx, "Build tool configuration variables": https://docs.docker.com/build/building/variables/
 *   (BUILDKIT_COLORS, BUILDKIT_HOST, BUILDKIT_PROGRESS, BUILDKIT_TTY_LOG_LINES, BUILDX_BAKE_*, BUILDX_BUILDER,
 *   BUILDX_CONFIG, BUILDX_EXPERIMENTAL, BUILDX_GIT_*, BUILDX_METADATA_*, BUILDX_NO_DEFAULT_*,
 *   EXPERIMENTAL_BUILDKIT_SOURCE_POLICY, SOURCE_DATE_EPOCH); OTEL_* configure the CLI's and buildx's
 *   OpenTelemetry exporters (an endpoint the CLI would send traces to).
 * - Go runtime and crypto/x509 on Linux: SSL_CERT_FILE, SSL_CERT_DIR (trusted CAs), GODEBUG; TMPDIR.
 * - The dynamic loader and glibc, for every dynamically linked child (the docker CLI of Docker's own
 *   packages is a PIE binary, as is any shell wrapper on PATH): LD_* (LD_PRELOAD runs a committed .so on
 *   the runner host, LD_DEBUG_OUTPUT writes wherever it names), GCONV_PATH, GLIBC_TUNABLES, and the
 *   resolver's HOSTALIASES, LOCALDOMAIN, RES_OPTIONS (where a tcp:// daemon's name resolves).
 * Whole prefixes are taken where the tools own them, so names added in later versions are covered.
 */
const PREFIXES = ['DOCKER_', 'BUILDX_', 'BUILDKIT_', 'OTEL_', 'LD_']
const EXACT = new Set([
  'HOME',
  'PATH',
  'SSH_AUTH_SOCK',
  'SOURCE_DATE_EPOCH',
  'EXPERIMENTAL_BUILDKIT_SOURCE_POLICY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'GODEBUG',
  'TMPDIR',
  'GCONV_PATH',
  'GLIBC_TUNABLES',
  'HOSTALIASES',
  'LOCALDOMAIN',
  'RES_OPTIONS'
])
/** Go's net/http reads both spellings of the proxy variables. */
const CASELESS = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY'])

/** True when the docker CLI, buildx or the Go runtime under them read `name` from their environment. */
export function isCliEnvName(name: string): boolean {
  return EXACT.has(name) || CASELESS.has(name.toUpperCase()) || PREFIXES.some(p => name.startsWith(p))
}

/**
 * The environment of a docker child: the action's own environment (minus its inputs), the task values
 * by name, and then every CLI-controlling name forced back to the action's own value (or removed). The
 * input check (reservedTaskNames) already refuses such task names; this second layer makes it impossible
 * for a task value to reach the CLI's configuration even if that check were bypassed.
 */
export function childEnv(own: NodeJS.ProcessEnv, task: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(own)) if (!k.startsWith('INPUT_')) env[k] = v
  for (const [k, v] of Object.entries(task)) {
    if (isCliEnvName(k)) continue
    env[k] = v
  }
  return env
}

/** The task variable names the CLI would read: an error before any side effect (design.md §5.3). */
export function reservedTaskNames(names: Iterable<string>): string[] {
  return [...names].filter(isCliEnvName)
}
