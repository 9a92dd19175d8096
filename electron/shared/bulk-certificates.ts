/**
 * Bulk certificates for organisers: one PDF, one certificate a page, for a table selection or a
 * filter. Thousands of records cannot travel in one call, and the PDF must be written while they
 * arrive (memory stays flat), so this is a job: `begin`, `add` records in chunks (each call
 * answers once the writer has caught up, with the pages done so far), `finish`, or `cancel`.
 */
import { z } from 'zod'
import { exportFolderSchema, jobIdSchema } from './export-jobs'
import { signatureRecordSchema } from './signature'

/** Records per `certificates:bulk-add` call. */
export const CERTIFICATES_PER_CALL = 100
/** The most certificates one PDF may hold (a whole event on one kiosk). */
export const MAX_CERTIFICATES = 200_000
/** Where the web host serves a one-time download of a bulk PDF: `<prefix><token>`. */
export const DOWNLOAD_PATH_PREFIX = '/download/certificates/'

/** Ends the file name (`<event>-<kiosk>-certificates-<label>.pdf`): lower-case letters, digits, dashes. */
export const certificatesLabelSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Label: lower-case letters, digits and dashes')

export const beginCertificatesSchema = z
  .object({
    label: certificatesLabelSchema,
    /** How many records will be added, for progress and to refuse a short or long job. */
    total: z.number().int().min(1).max(MAX_CERTIFICATES),
    folder: exportFolderSchema.optional(),
    /** Every certificate in this language; by default each in its signatory's own. */
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    /**
     * Also stream the PDF to the browser while it is written (the web host): the job answers a
     * one-time download URL, and the writer starts once the browser has opened it.
     */
    download: z.boolean().optional(),
  })
  .strict()
export type BeginCertificates = z.infer<typeof beginCertificatesSchema>

export const addCertificatesSchema = z
  .object({
    jobId: jobIdSchema,
    records: z.array(signatureRecordSchema).min(1).max(CERTIFICATES_PER_CALL),
  })
  .strict()

export interface CertificatesJobStarted {
  jobId: string
  /** The PDF's final path; nothing is there until the job finishes. */
  path: string
  /** The one-time download URL (path on the host) when a download was asked for on the web host. */
  downloadUrl: string | null
}

/** A one-time URL (path on the web host) that streams a finished PDF to the browser. */
export interface CertificatesDownload {
  url: string
}

export interface CertificatesProgress {
  /** Pages written so far. */
  done: number
  total: number
}

export interface CertificatesResult {
  path: string
  count: number
  bytes: number
}
