import { z } from 'zod'
import { signatureRecordSchema, withdrawalSchema } from './signature'

/**
 * One line of the append-only on-disk journal. Every committed signature is appended; a
 * withdrawal is appended too, so a restore from the journal never brings erased data back.
 */
export const journalEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('signature'), record: signatureRecordSchema }),
  z.object({ type: z.literal('withdrawal'), withdrawal: withdrawalSchema }),
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
  badLines: number
  bytes: number
}
