import { z } from 'zod'
import { auditEntrySchema } from './audit'
import { signatureRecordFields, signatureRecordSchema, withdrawalSchema } from './signature'

/**
 * What the kiosk keeps of a signature the register confirmed once the retention period is over:
 * numbers, kind, country, language, consents, whether it was a paper form (and its reference);
 * no name, email, city, role, organisation name or drawn signature.
 */
export const purgedRecordSchema = signatureRecordFields
  .pick({
    id: true,
    certificateNo: true,
    kioskId: true,
    eventCode: true,
    createdAt: true,
    day: true,
    language: true,
    capacity: true,
    organisationType: true,
    country: true,
    consents: true,
    source: true,
    paperRef: true,
  })
  .extend({
    purgedAt: z.iso.datetime(),
    /** The register's answer it was purged after. */
    syncState: z.enum(['synced', 'duplicate']),
    syncedAt: z.iso.datetime(),
  })
export type PurgedRecord = z.infer<typeof purgedRecordSchema>

/**
 * One line of the append-only on-disk journal. Every committed signature is appended; a
 * withdrawal is appended too, so a restore from the journal never brings erased data back; the
 * audit log's lines too (they hold no personal data), so a wiped profile keeps its log.
 */
export const journalEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('signature'), record: signatureRecordSchema }),
  z.object({ type: z.literal('withdrawal'), withdrawal: withdrawalSchema }),
  z.object({ type: z.literal('audit'), audit: auditEntrySchema.omit({ id: true }) }),
  /** Replaces a signature's line once its personal data is purged (retention). */
  z.object({ type: z.literal('purged'), record: purgedRecordSchema }),
])
export type JournalEntry = z.infer<typeof journalEntrySchema>

export const journalPageRequestSchema = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5_000),
})

/** Signatures whose personal data the kiosk purged: their lines are replaced by purged ones. */
export const journalPurgeSchema = z.object({
  records: z.array(purgedRecordSchema).min(1).max(5_000),
})
export type JournalPurge = z.infer<typeof journalPurgeSchema>

export interface JournalPage {
  entries: JournalEntry[]
  /** Line number to pass as the next offset. */
  nextOffset: number
  done: boolean
  /** Lines in this page that could not be read (truncated by a crash, corrupted): skipped. */
  badLines: number[]
}

export interface JournalStats {
  /** Signature lines, purged ones included. */
  signatures: number
  withdrawals: number
  /** Audit log lines. */
  audits: number
  badLines: number
  bytes: number
}

/** What erasing a withdrawn signature from the kiosk's files did, for the withdrawal dialog. */
export interface ErasureReport {
  /** Journal lines of the person removed (the withdrawal line stays). */
  journalLines: number
  /** Certificate PDFs of the person deleted from the kiosk's disk. */
  certificatesDeleted: string[]
  /** Export folders on the kiosk's disk that hold the person: to export again or destroy. */
  exportFolders: string[]
}
