// The process behind token-registry.ts: a proxy in front of the loopback registry that checks job tokens
// as ghcr.io does. Its own process, because the player starts some docker commands synchronously (a
// proxy in the player's event loop would not answer them).
//   node token-proxy.mjs <registry port> <registry user> <registry password> <tokens file>
// The tokens file is JSON { token: { packages: 'none' | 'read' | 'write', ... } }, read at each request.
import * as fs from 'node:fs'
import * as http from 'node:http'

const [port, user, password, tokensFile] = process.argv.slice(2)
const realAuth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const rank = { none: 0, read: 1, write: 2 }

const server = http.createServer((req, res) => {
  const headers = { ...req.headers }
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
  const token = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':') : undefined
  const perms = token === undefined ? undefined : JSON.parse(fs.readFileSync(tokensFile, 'utf8'))[token]
  if (perms) {
    const write = !['GET', 'HEAD'].includes(req.method ?? 'GET')
    if (rank[perms.packages ?? 'none'] < (write ? 2 : 1)) {
      req.resume()
      const message = write ? 'installation not allowed to Write organization package' : 'permission_denied: read_package'
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'DENIED', message }] }))
      return
    }
    headers.authorization = realAuth
  }
  const up = http.request({ host: '127.0.0.1', port: Number(port), method: req.method, path: req.url, headers }, upRes => {
    res.writeHead(upRes.statusCode ?? 502, upRes.headers)
    upRes.pipe(res)
  })
  up.on('error', () => res.destroy())
  req.pipe(up)
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
process.on('SIGTERM', () => process.exit(0))
