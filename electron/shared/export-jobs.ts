/**
 * Export jobs between the staff console and the main process. A day can hold 10,000 signatures
 * with their drawn strokes: too much for one IPC message or one HTTP body, and staff want to see
 * progress. So an export is a job: `begin` (which day or a selection, which folder), `add` the
 * records, tombstones and audit lines in bounded chunks, then `finish` writes the batch.
 */
import { z } from 'zod'
import { auditEntrySchema } from './audit'
import { ISO_DAY, signatureRecordSchema, withdrawalSchema } from './signature'

/** Records per `export:add` call: a few megabytes at most, far under the web host's body limit. */
export const EXPORT_RECORDS_PER_CALL = 250
/** Tombstones or audit lines per `export:add` call (each is small). */
export const EXPORT_LINES_PER_CALL = 2_000

export const jobIdSchema = z.uuid('Unknown job id')

/**
 * A folder the main process offered (its export folder, or one staff chose in the system dialog).
 * Any other path is refused by the main process, so the renderer cannot write where it likes.
 */
export const exportFolderSchema = z.string().min(1).max(4096)

/**
 * Staff confirmed a plain export. Without an organisers' public key in the settings the main
 * process refuses to export without it, so writing personal data in the clear is never a default.
 */
const unencryptedSchema = z.literal(true).optional()

export const beginExportSchema = z.discriminatedUnion('kind', [
  /** One event day, exactly as DESIGN.md's export batch: records, tombstones and audit log of that day. */
  z
    .object({
      kind: z.literal('day'),
      day: z.string().regex(ISO_DAY, 'Day: YYYY-MM-DD'),
      folder: exportFolderSchema.optional(),
      unencrypted: unencryptedSchema,
    })
    .strict(),
  /** Rows staff selected in the table: one day batch per day they fall on, in a folder of its own. */
  z
    .object({
      kind: z.literal('selection'),
      folder: exportFolderSchema.optional(),
      unencrypted: unencryptedSchema,
    })
    .strict(),
])
export type BeginExport = z.infer<typeof beginExportSchema>

export const addToExportSchema = z
  .object({
    jobId: jobIdSchema,
    records: z.array(signatureRecordSchema).max(EXPORT_RECORDS_PER_CALL).default([]),
    withdrawals: z.array(withdrawalSchema).max(EXPORT_LINES_PER_CALL).default([]),
    audit: z.array(auditEntrySchema).max(EXPORT_LINES_PER_CALL).default([]),
  })
  .strict()
export type AddToExport = z.infer<typeof addToExportSchema>

export const jobRefSchema = z.object({ jobId: jobIdSchema }).strict()

/** Where exports go by default, and whether staff can pick another folder (Electron's dialog). */
export interface ExportFolderInfo {
  folder: string
  canChoose: boolean
}

export interface ExportJobStarted {
  jobId: string
  /** The folder the batch folder will be created in. */
  folder: string
  /** The age public key the files will be encrypted to; null: plain (staff confirmed it). */
  encryptedTo: string | null
}

export interface ExportAddResult {
  /** Records received so far in this job. */
  records: number
}

/** One written day batch, as its manifest counts it. */
export interface ExportBatchSummary {
  day: string
  folder: string
  records: number
  individuals: number
  organisations: number
  withdrawals: number
  auditEntries: number
}

export interface ExportResult {
  /** The day batch folder, or for a selection the folder holding one batch per day. */
  folder: string
  batches: ExportBatchSummary[]
  /** The age public key the files are encrypted to; null: written in the clear. */
  encryptedTo: string | null
}
