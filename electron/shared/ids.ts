import { v7 } from 'uuid'

/**
 * A new record or batch id: a UUIDv7 (RFC 9562), so ids sort by creation time, as the design
 * asks for signatures. Job ids in the main process stay random (v4): they are unguessable handles.
 */
export function newId(): string {
  return v7()
}
