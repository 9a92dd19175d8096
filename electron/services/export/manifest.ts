import { z } from 'zod'
import { AGE_RECIPIENT } from '../../shared/age-recipient'
import { ISO_DAY } from '../../shared/signature'

/** Identifies the folder's layout; a reader refuses versions it does not know. */
export const EXPORT_FORMAT = 'cohesion-kiosk-day-batch'
/**
 * 2: `consentLocalEvents` appended to the CSV; the encrypted form. 3: `source` and `paperRef`
 * appended (paper forms). Versions 1 and 2 are still read.
 */
export const EXPORT_FORMAT_VERSION = 3
export const READABLE_FORMAT_VERSIONS = [1, 2, 3] as const

export const MANIFEST_FILE = 'manifest.json'
export const CSV_FILE = 'signatures.csv'
export const SIGNATURES_FILE = 'signatures.json'
export const AUDIT_FILE = 'audit.json'
/** The files a batch holds besides its manifest, in the order they are written and checked. */
export const BATCH_FILES = [CSV_FILE, SIGNATURES_FILE, AUDIT_FILE] as const
export type BatchFileName = (typeof BATCH_FILES)[number]
/** Suffix of a file encrypted with age to the organisers' public key. */
export const ENCRYPTED_SUFFIX = '.age'
export type EncryptedFileName = `${BatchFileName}${typeof ENCRYPTED_SUFFIX}`
export const encryptedName = (name: BatchFileName): EncryptedFileName =>
  `${name}${ENCRYPTED_SUFFIX}`

/** Same rules as the settings: they end up in a folder name, so nothing path-like gets through. */
export const EVENT_CODE = /^[A-Z0-9]{2,12}$/
export const KIOSK_ID = /^[A-Z0-9]{1,8}$/

const count = z.number().int().nonnegative()
const fileEntrySchema = z
  .object({ bytes: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict()

const manifestFields = {
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.union(READABLE_FORMAT_VERSIONS.map((v) => z.literal(v))),
  eventCode: z.string().regex(EVENT_CODE),
  kioskId: z.string().regex(KIOSK_ID),
  day: z.string().regex(ISO_DAY),
  appVersion: z.string().min(1).max(50),
  counts: z
    .object({
      records: count,
      individuals: count,
      organisations: count,
      withdrawals: count,
      auditEntries: count,
    })
    .strict(),
  /** createdAt of the first and the last signature; null for a day without signatures. */
  timeRange: z.object({ first: z.iso.datetime(), last: z.iso.datetime() }).strict().nullable(),
}

export const plainManifestSchema = z
  .object({
    ...manifestFields,
    files: z
      .object({
        [CSV_FILE]: fileEntrySchema,
        [SIGNATURES_FILE]: fileEntrySchema,
        [AUDIT_FILE]: fileEntrySchema,
      })
      .strict(),
  })
  .strict()
export type PlainManifest = z.infer<typeof plainManifestSchema>

/**
 * The manifest of an encrypted batch: no personal data (counts and times only), the recipient the
 * files were encrypted to, and the size and SHA-256 of the encrypted files, so a batch can be
 * checked without the key.
 */
export const encryptedManifestSchema = z
  .object({
    ...manifestFields,
    // Encryption came with version 2.
    formatVersion: z.union([z.literal(2), z.literal(3)]),
    encryption: z
      .object({ method: z.literal('age'), recipient: z.string().regex(AGE_RECIPIENT) })
      .strict(),
    files: z
      .object({
        [encryptedName(CSV_FILE)]: fileEntrySchema,
        [encryptedName(SIGNATURES_FILE)]: fileEntrySchema,
        [encryptedName(AUDIT_FILE)]: fileEntrySchema,
      })
      .strict(),
  })
  .strict()
export type EncryptedManifest = z.infer<typeof encryptedManifestSchema>

/** manifest.json: what the batch holds and the fingerprint of every other file in the folder. */
export const exportManifestSchema = z.union([plainManifestSchema, encryptedManifestSchema])
export type ExportManifest = z.infer<typeof exportManifestSchema>

/** `<event>-<kiosk>-<YYYY-MM-DD>`, the folder a day's batch lives in. */
export function batchFolderName(eventCode: string, kioskId: string, day: string): string {
  return `${eventCode}-${kioskId}-${day}`
}
