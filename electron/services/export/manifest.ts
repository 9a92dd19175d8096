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

// Two halves around the scope, so that keys come out of parsing in the order the writer uses
// (a decrypted batch must be byte for byte the plain one).
const headFields = {
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.union(READABLE_FORMAT_VERSIONS.map((v) => z.literal(v))),
  eventCode: z.string().regex(EVENT_CODE),
}
const tailFields = {
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

/** A kiosk's day batch: one kiosk, one day. */
const dayScope = { kioskId: z.string().regex(KIOSK_ID), day: z.string().regex(ISO_DAY) }

const sortedUnique = (items: readonly string[]) =>
  items.every((item, index) => index === 0 || items[index - 1]! < item)
/**
 * The register's export of a filter across kiosks and days: the kiosks and days it holds, each
 * once and sorted (the reader checks they are exactly those of its records).
 */
const unionScope = {
  kioskIds: z
    .array(z.string().regex(KIOSK_ID))
    .min(1)
    .refine(sortedUnique, 'must be sorted, each once'),
  days: z.array(z.string().regex(ISO_DAY)).min(1).refine(sortedUnique, 'must be sorted, each once'),
}

const plainFiles = z
  .object({
    [CSV_FILE]: fileEntrySchema,
    [SIGNATURES_FILE]: fileEntrySchema,
    [AUDIT_FILE]: fileEntrySchema,
  })
  .strict()

export const dayPlainManifestSchema = z
  .object({ ...headFields, ...dayScope, ...tailFields, files: plainFiles })
  .strict()
export type DayPlainManifest = z.infer<typeof dayPlainManifestSchema>
export const unionPlainManifestSchema = z
  .object({ ...headFields, ...unionScope, ...tailFields, files: plainFiles })
  .strict()
export type UnionPlainManifest = z.infer<typeof unionPlainManifestSchema>
export const plainManifestSchema = z.union([dayPlainManifestSchema, unionPlainManifestSchema])
export type PlainManifest = z.infer<typeof plainManifestSchema>

const encryptedFields = {
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
}

/**
 * The manifest of an encrypted batch: no personal data (counts and times only), the recipient the
 * files were encrypted to, and the size and SHA-256 of the encrypted files, so a batch can be
 * checked without the key.
 */
export const encryptedManifestSchema = z.union([
  z.object({ ...headFields, ...dayScope, ...tailFields, ...encryptedFields }).strict(),
  z.object({ ...headFields, ...unionScope, ...tailFields, ...encryptedFields }).strict(),
])
export type EncryptedManifest = z.infer<typeof encryptedManifestSchema>

/** manifest.json: what the batch holds and the fingerprint of every other file in the folder. */
export const exportManifestSchema = z.union([plainManifestSchema, encryptedManifestSchema])
export type ExportManifest = z.infer<typeof exportManifestSchema>

/** The kiosks and days a manifest speaks for, whichever its scope. */
export interface ManifestScope {
  eventCode: string
  kioskIds: readonly string[]
  days: readonly string[]
  /** A union lists exactly the kiosks and days of its records; a day batch may hold none. */
  union: boolean
}

export function manifestScope(
  manifest: { eventCode: string } & (
    { kioskId: string; day: string } | { kioskIds: readonly string[]; days: readonly string[] }
  ),
): ManifestScope {
  return 'kioskIds' in manifest
    ? {
        eventCode: manifest.eventCode,
        kioskIds: manifest.kioskIds,
        days: manifest.days,
        union: true,
      }
    : {
        eventCode: manifest.eventCode,
        kioskIds: [manifest.kioskId],
        days: [manifest.day],
        union: false,
      }
}

/** `<event>-<kiosk>-<YYYY-MM-DD>`, the folder a day's batch lives in. */
export function batchFolderName(eventCode: string, kioskId: string, day: string): string {
  return `${eventCode}-${kioskId}-${day}`
}
