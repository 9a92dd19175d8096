import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { signaturesCsvHead, signaturesCsvRow } from '../../../electron/services/export/csv'
import { encryptStreamTo } from '../../../electron/services/export/encryption'
import {
  AUDIT_FILE,
  BATCH_FILES,
  CSV_FILE,
  MANIFEST_FILE,
  SIGNATURES_FILE,
  encryptedName,
  exportManifestSchema,
  type BatchFileName,
  type ExportManifest,
} from '../../../electron/services/export/manifest'
import { PRIVATE_FILE_MODE } from '../../../electron/services/private-files'
import type { Queryable } from '../db/db'
import {
  EMPTY_AUDIT,
  EMPTY_AUDIT_ENTRY,
  jsonEndText,
  jsonRecordText,
  ManifestTally,
  recordsOf,
} from './export-stream'
import type { SignatureFilter } from './signature-search'

type FileEntry = { bytes: number; sha256: string }

/** A private file written chunk by chunk, fingerprinted as it goes. */
class FileSink {
  private readonly out
  private readonly hash = createHash('sha256')
  private bytes = 0
  constructor(readonly path: string) {
    this.out = createWriteStream(path, { mode: PRIVATE_FILE_MODE, flags: 'wx' })
  }
  async write(text: string): Promise<void> {
    const chunk = Buffer.from(text, 'utf8')
    this.hash.update(chunk)
    this.bytes += chunk.length
    if (!this.out.write(chunk))
      await new Promise<void>((done) => this.out.once('drain', () => done()))
  }
  async end(): Promise<FileEntry> {
    await new Promise<void>((done, fail) =>
      this.out.end((error?: Error | null) => (error ? fail(error) : done())),
    )
    return { bytes: this.bytes, sha256: this.hash.digest('hex') }
  }
}

/** Encrypts `from` to `to` as a stream and answers the fingerprint of what was written. */
async function encryptFile(recipient: string, from: string, to: string): Promise<FileEntry> {
  const hash = createHash('sha256')
  let bytes = 0
  const source = Readable.toWeb(createReadStream(from)) as ReadableStream<Uint8Array>
  const encrypted = await encryptStreamTo(recipient, source)
  await pipeline(
    Readable.fromWeb(encrypted as WebReadableStream<Uint8Array>),
    new Transform({
      transform(chunk: Buffer, _encoding, next) {
        hash.update(chunk)
        bytes += chunk.length
        next(null, chunk)
      },
    }),
    createWriteStream(to, { mode: PRIVATE_FILE_MODE, flags: 'wx' }),
  )
  return { bytes, sha256: hash.digest('hex') }
}

export interface ExportFolderOptions {
  appVersion: string
  /** The organisers' age public key: the data files are then written encrypted only. */
  recipient: string | null
  signal?: AbortSignal
  /** Called after every page of records with how many were written so far. */
  onProgress?: (written: number) => void
}

/**
 * Writes the export of a filter into an empty private folder: signatures.csv and signatures.json
 * from one walk of the records (so both hold the same signatures even while kiosks sync), an
 * empty audit.json, encrypted to the organisers' key when one is set (the plain files then exist
 * only while they are encrypted), and manifest.json last: a day batch's for one kiosk and day,
 * else a union's. Null when the filter matches no signature. Throws MixedEventsError, or the
 * signal's reason when cancelled.
 */
export async function writeExportFolder(
  db: Queryable,
  filter: SignatureFilter,
  folder: string,
  options: ExportFolderOptions,
): Promise<ExportManifest | null> {
  const paths = Object.fromEntries(BATCH_FILES.map((name) => [name, join(folder, name)])) as Record<
    BatchFileName,
    string
  >
  const csv = new FileSink(paths[CSV_FILE])
  const json = new FileSink(paths[SIGNATURES_FILE])
  const tally = new ManifestTally()
  await csv.write(signaturesCsvHead())
  for await (const record of recordsOf(db, filter)) {
    options.signal?.throwIfAborted()
    await csv.write(signaturesCsvRow(record))
    await json.write(jsonRecordText(record, tally.records === 0))
    tally.add(record)
    if (tally.records % 500 === 0) options.onProgress?.(tally.records)
  }
  await json.write(jsonEndText(tally.records === 0))
  const plain: Record<BatchFileName, FileEntry> = {
    [CSV_FILE]: await csv.end(),
    [SIGNATURES_FILE]: await json.end(),
    [AUDIT_FILE]: EMPTY_AUDIT_ENTRY,
  }
  await writeFile(paths[AUDIT_FILE], EMPTY_AUDIT, { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  options.onProgress?.(tally.records)
  const facts = tally.facts(filter, options.appVersion)
  if (!facts) return null

  let candidate: object
  if (options.recipient) {
    const encrypted: Partial<Record<string, FileEntry>> = {}
    for (const name of BATCH_FILES) {
      options.signal?.throwIfAborted()
      encrypted[encryptedName(name)] = await encryptFile(
        options.recipient,
        paths[name],
        join(folder, encryptedName(name)),
      )
      await rm(paths[name])
    }
    candidate = {
      ...facts,
      encryption: { method: 'age', recipient: options.recipient },
      files: {
        [encryptedName(CSV_FILE)]: encrypted[encryptedName(CSV_FILE)]!,
        [encryptedName(SIGNATURES_FILE)]: encrypted[encryptedName(SIGNATURES_FILE)]!,
        [encryptedName(AUDIT_FILE)]: encrypted[encryptedName(AUDIT_FILE)]!,
      },
    }
  } else {
    candidate = { ...facts, files: plain }
  }
  // Parsing checks what we are about to sign off and puts the keys in the readers' order.
  const manifest = exportManifestSchema.parse(candidate)
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: PRIVATE_FILE_MODE,
    flag: 'wx',
  })
  return manifest
}
