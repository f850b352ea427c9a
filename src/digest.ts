import { createHash } from 'node:crypto'

/** The hex SHA-256 of bytes or text: image ids, blob digests, context names, downloads. */
export const sha256hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** `sha256:<hex>`, as a digest is written in manifests and image ids. */
export const sha256digest = (b: Buffer | string): string => `sha256:${sha256hex(b)}`
