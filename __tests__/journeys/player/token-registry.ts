import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Registry } from '../../helpers/registry.js'
import type { Permissions } from './permissions.js'

/**
 * What stands in for ghcr.io's check of a GITHUB_TOKEN: a proxy (token-proxy.mjs, its own process) in
 * front of the loopback registry that lets a job's token read with `packages: read` and write (push)
 * only with `packages: write`, and answers otherwise as ghcr.io does (`denied: installation not allowed
 * to Write organization package`). Every request is passed through (bodies streamed, the Host header
 * kept, so the registry's upload locations name the proxy) with the registry's own credentials in
 * place of the token; other credentials pass unchanged.
 */
export async function startTokenProxy(real: Registry): Promise<{ host: string; issue(token: string, p: Permissions): void; stop(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-token-proxy-'))
  const tokensFile = path.join(dir, 'tokens.json')
  const tokens: Record<string, Permissions> = {}
  fs.writeFileSync(tokensFile, '{}')
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'token-proxy.mjs')
  const child = spawn(process.execPath, [script, real.host.split(':')[1], real.user, real.password, tokensFile], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim()))
    child.once('exit', code => reject(new Error(`token proxy exited with ${code}`)))
  })
  return {
    host: `127.0.0.1:${port}`,
    issue(token, p) {
      tokens[token] = p
      fs.writeFileSync(tokensFile, JSON.stringify(tokens))
    },
    stop() {
      child.kill('SIGTERM')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
