import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { PRIVATE_FILE_MODE } from '../private-files'

/** Where a bulk PDF goes, and how to make it final or make it vanish. */
export interface Output {
  stream: Writable
  /** Ends the stream and, for a file, moves it into place. */
  commit(): Promise<void>
  /** Drops whatever was written; for a file, nothing is left at the destination. */
  discard(): Promise<void>
}

/**
 * A file output written under a temporary name beside the destination and renamed only when
 * complete, so a cancelled or failed run never leaves a half PDF where the organiser expects one.
 */
export function fileOutput(destination: string): Output {
  const temp = join(
    dirname(destination),
    `.${basename(destination)}.${process.pid}-${randomUUID().slice(0, 8)}.part`,
  )
  // Certificates carry names: private from the first byte.
  const stream = createWriteStream(temp, { flags: 'wx', mode: PRIVATE_FILE_MODE })
  // Errors surface through commit() or the writer's checks; never as an unhandled event.
  stream.on('error', () => undefined)
  return {
    stream,
    async commit() {
      stream.end()
      await finished(stream)
      await rename(temp, destination)
    },
    async discard() {
      stream.destroy()
      await finished(stream).catch(() => undefined)
      await rm(temp, { force: true })
    },
  }
}

/** A caller's stream: ended on success, left to its owner otherwise (e.g. to abort an HTTP reply). */
export function streamOutput(stream: Writable): Output {
  return {
    stream,
    async commit() {
      stream.end()
      await finished(stream)
    },
    async discard() {},
  }
}
