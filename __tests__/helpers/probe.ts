import { pushConfig, pushManifest, type ProbeRoute, type RequestFn } from '../../src/commit/containerd.js'

/** The manifest's push, then the config's, as the commit makes them where the config cannot be assembled. */
export async function bothPushes(request: RequestFn, route: ProbeRoute, imageId: string): Promise<{ manifest: Buffer; config: Buffer } | { reason: string }> {
  const pushed = await pushManifest(request, route, imageId)
  if (!Buffer.isBuffer(pushed)) return pushed
  const config = await pushConfig(request, route, pushed)
  return Buffer.isBuffer(config) ? { manifest: pushed, config } : config
}
