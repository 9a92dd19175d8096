import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import type { Writable } from 'node:stream'
import type { SignatureRecord } from '../../shared/signature'
import { createDocument } from './document'
import { forgetLayouts } from './layout-cache'
import { fileOutput, streamOutput, type Output } from './output'
import { addCertificatePage, type CertificateSettings } from './page'
import { certificateStrings } from './strings'

export interface WriteCertificatesOptions {
  /** Print every certificate in this language instead of each signatory's own. */
  language?: string
  /** Called after each certificate; `total` is known for arrays or when given below. */
  onProgress?: (done: number, total?: number) => void
  /** Stops between certificates; a file destination is then left untouched. */
  signal?: AbortSignal
  /** Number of records, for progress, when `records` is a stream of unknown length. */
  total?: number
  /** The document's creation date (default: now); fix it to get reproducible bytes. */
  createdAt?: Date
  /**
   * A second destination that gets every byte as soon as the main one does (the browser's
   * download on the web host): ended on success, destroyed on cancel or error. The writer waits
   * for the slower of the two; should it close early (the download stopped), the job fails.
   */
  alsoTo?: Writable
}

/** The second destination closed before the PDF was complete (a download stopped in the browser). */
export class CopyClosedError extends Error {
  constructor() {
    super('The download was stopped before the PDF was complete')
    this.name = 'CopyClosedError'
  }
}

export interface WriteCertificatesResult {
  count: number
  bytes: number
}

/** Pages between two emptyings of pdfkit's layout caches: most of the speed, bounded memory. */
const CACHE_PAGES = 250

/** No records were given: a PDF without pages is not a PDF anyone can open. */
export class NoCertificatesError extends Error {
  constructor() {
    super('There are no signatures to print certificates for.')
    this.name = 'NoCertificatesError'
  }
}

/**
 * Writes one PDF with one certificate per page, streaming: each page is handed to the destination
 * as soon as the next one starts and the writer waits whenever the destination is behind, so
 * memory stays flat however many records there are. A path destination is written to a temporary
 * file and renamed at the end; on cancel or error nothing appears at that path. A stream
 * destination is ended on success only.
 */
export async function writeCertificates(
  records: AsyncIterable<SignatureRecord> | Iterable<SignatureRecord>,
  destination: string | Writable,
  settings: CertificateSettings,
  options: WriteCertificatesOptions = {},
): Promise<WriteCertificatesResult> {
  const { signal, onProgress } = options
  signal?.throwIfAborted()
  const total = options.total ?? (Array.isArray(records) ? records.length : undefined)
  const heading = certificateStrings(options.language ?? 'en')
  const doc = createDocument({
    title: `${heading.hashtag} – ${heading.title}`,
    createdAt: options.createdAt ?? new Date(),
    language: options.language,
  })
  const output: Output =
    typeof destination === 'string' ? fileOutput(destination) : streamOutput(destination)
  const out = output.stream
  let failure: unknown
  const onError = (error: unknown) => (failure ??= error)
  out.on('error', onError)
  const copy = options.alsoTo
  // Wakes a writer waiting for 'drain' on the copy when the copy closes instead.
  const copyGone = new AbortController()
  const onCopyClose = () => {
    if (!copy?.writableFinished) {
      failure ??= new CopyClosedError()
      copyGone.abort(failure)
    }
  }
  copy?.on('error', onError)
  copy?.on('close', onCopyClose)
  const waitFor = signal ? AbortSignal.any([signal, copyGone.signal]) : copyGone.signal

  let bytes = 0
  // Paused-mode reads: pdfkit pushes synchronously, and draining here (rather than through
  // 'data' events that wait for the event loop) keeps its buffer to about one page.
  const pump = () => {
    for (let chunk: Buffer | null; (chunk = doc.read() as Buffer | null) !== null;) {
      bytes += chunk.length
      out.write(chunk)
      if (copy && !copy.destroyed) copy.write(chunk)
    }
  }

  try {
    let count = 0
    for await (const record of records) {
      signal?.throwIfAborted()
      if (failure) throw failure
      addCertificatePage(
        doc,
        record,
        settings,
        certificateStrings(options.language ?? record.language),
      )
      count++
      if (count % CACHE_PAGES === 0) forgetLayouts(doc)
      pump()
      if (out.writableNeedDrain) await once(out, 'drain', { signal: waitFor })
      if (copy?.writableNeedDrain) await once(copy, 'drain', { signal: waitFor })
      if (failure) throw failure
      onProgress?.(count, total)
    }
    if (count === 0) throw new NoCertificatesError()
    signal?.throwIfAborted()
    doc.end()
    pump()
    if (failure) throw failure
    if (copy) {
      copy.end()
      await finished(copy)
    }
    await output.commit()
    return { count, bytes }
  } catch (error) {
    copy?.destroy()
    await output.discard()
    throw signal?.aborted ? signal.reason : (failure ?? error)
  } finally {
    out.off('error', onError)
    copy?.off('error', onError)
    copy?.off('close', onCopyClose)
  }
}
