import { createHash } from 'node:crypto'

/** Hex SHA-256, the form `sha256sum` prints, so organisers can check a file by hand. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
