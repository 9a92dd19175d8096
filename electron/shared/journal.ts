import { z } from 'zod'
import { auditEntrySchema } from './audit'
import { signatureRecordSchema, withdrawalSchema } from './signature'

/**
 * One line of the append-only on-disk journal. Every committed signature is appended; a
 * withdrawal is appended too, so a restore from the journal never brings erased data back; the
 * audit log's lines too (they hold no personal data), so a wiped profile keeps its log.
 */
export const journalEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('signature'), record: signatureRecordSchema }),
  z.object({ type: z.literal('withdrawal'), withdrawal: withdrawalSchema }),
  z.object({ type: z.literal('audit'), audit: auditEntrySchema.omit({ id: true }) }),
])
export type JournalEntry = z.infer<typeof journalEntrySchema>

export const journalPageRequestSchema = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5_000),
})

export interface JournalPage {
  entries: JournalEntry[]
  /** Line number to pass as the next offset. */
  nextOffset: number
  done: boolean
  /** Lines in this page that could not be read (truncated by a crash, corrupted): skipped. */
  badLines: number[]
}

export interface JournalStats {
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
