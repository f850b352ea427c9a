import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { REAL_DOCKER } from './machine.js'
import { readArgvRecords, recordArgvSh } from './argv-record.js'

/** The machine's buildx plugin, where its docker CLI finds it. */
export const REAL_BUILDX = '/usr/libexec/docker/cli-plugins/docker-buildx'
/** PATH with the real docker CLI first and no recording shim: the action sees docker as it is (ADR 0014). */
export const REAL_PATH = `${path.dirname(REAL_DOCKER)}:${process.env.PATH}`

/**
 * A DOCKER_CONFIG whose buildx plugin records each start (its arguments and the CLI's plugin variable)
 * and then runs the machine's buildx: the CLI takes this one first (ADR 0014).
 */
export function recordingPlugin(): { config: string; starts: () => string[][] } {
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-plugin-config-'))
  const record = path.join(config, 'starts')
  fs.writeFileSync(record, '')
  fs.mkdirSync(path.join(config, 'cli-plugins'))
  fs.writeFileSync(
    path.join(config, 'cli-plugins', 'docker-buildx'),
    `#!/bin/sh\n${recordArgvSh(record, ' "ORIGINAL=$DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND"')}exec '${REAL_BUILDX}' "$@"\n`,
    { mode: 0o755 }
  )
  return { config, starts: () => readArgvRecords(record) }
}
