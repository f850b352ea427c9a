// The Engine API's shapes the action reads and writes itself (ADR 0013): the transport (socket.ts, cli.ts,
// engine-api.ts) and the code that fills or reads them (task/argv.ts, commit/) share them without either
// importing the other.

/** `docker create` as the Engine API's request: the container's name and the JSON body. */
export interface CreateRequest {
  name: string
  body: {
    Image: string
    Cmd?: string[]
    Entrypoint?: string[]
    Env: string[]
    Labels: Record<string, string>
    AttachStdout: true
    AttachStderr: true
    HostConfig: { Init?: true; NetworkMode?: string }
  }
}

/** One entry of `docker diff` / `GET /containers/{id}/changes`: Kind 0 changed, 1 added, 2 deleted. */
export interface Change {
  Path: string
  Kind: number
}

/** The first error in one of the Engine API's JSON message streams (load, pull, push), '' for none. */
export function streamError(text: string): string {
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const m = JSON.parse(line) as { error?: string }
    if (m.error) return m.error
  }
  return ''
}
