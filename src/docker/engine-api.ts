import { DockerError } from '../errors.js'
import { lastLine, type DockerCli } from './cli.js'

/**
 * One GET on the Engine API through `docker system dial-stdio`: the CLI's own connection to the
 * daemon (unix socket, TCP with TLS, ssh, contexts), so no endpoint or credential is handled here.
 * Used where the CLI's formatting loses data: `docker history` turns tabs into spaces and sizes into
 * text. HTTP/1.0 keeps the response plain (no chunking); stdin stays open until it has been read,
 * because a half-closed connection can make the server drop the request.
 */
export function engineGet(cli: DockerCli, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = cli.spawnRaw(['system', 'dial-stdio'], 'pipe')
    const parts: Buffer[] = []
    let stderr = ''
    let settled = false
    const done = (err: Error | undefined, value?: unknown): void => {
      if (settled) return
      settled = true
      child.stdin!.end()
      if (err) reject(err)
      else resolve(value)
    }
    // Without a Content-Length (a large body), an HTTP/1.0 response ends when the server closes.
    const parse = (ended: boolean): void => {
      const raw = Buffer.concat(parts)
      const split = raw.indexOf('\r\n\r\n')
      if (split < 0) return
      const head = raw.subarray(0, split).toString('latin1')
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)
      const body = raw.subarray(split + 4)
      if (length ? body.length < Number(length[1]) : !ended) return
      const status = Number(/^HTTP\/\d\.\d (\d+)/.exec(head)?.[1] ?? 0)
      const text = (length ? body.subarray(0, Number(length[1])) : body).toString('utf8')
      if (status !== 200) return done(new DockerError(`Engine API GET ${path}: HTTP ${status} ${lastLine(text)}`))
      try {
        done(undefined, JSON.parse(text))
      } catch (e) {
        done(e as Error)
      }
    }
    child.stdout!.on('data', (b: Buffer) => (parts.push(b), parse(false)))
    child.stdout!.on('end', () => parse(true))
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()))
    child.on('error', e => done(e))
    child.on('close', code => done(new DockerError(`docker system dial-stdio ended (${code}) before the Engine API answered: ${lastLine(stderr)}`)))
    child.stdin!.on('error', () => undefined)
    child.stdin!.write(`GET ${path} HTTP/1.0\r\nHost: docker\r\n\r\n`)
  })
}
