/**
 * Central register protocol v1: the one contract between a kiosk's sync engine and the register.
 * Both sides parse with these schemas, so a change here is a protocol change for both.
 * JSON over HTTP(S); every error body is `{ "error": "<readable message>" }`.
 */
import { z } from 'zod'
import {
  CAPACITIES,
  CERTIFICATE_NO,
  KIOSK_ID,
  ORGANISATION_TYPES,
  UUID,
  withdrawalSchema,
} from './signature'

export const PROTOCOL_VERSION = 1

/** At most this many signature records in one batch (more is answered 413). */
export const MAX_RECORDS_PER_BATCH = 250
/** At most this many withdrawals in one batch (more is answered 413). */
export const MAX_WITHDRAWALS_PER_BATCH = 250
/** At most this many consent changes in one batch (more is answered 413). */
export const MAX_CONSENT_CHANGES_PER_BATCH = 250
/** Largest request body the register reads, in bytes (more is answered 413). */
export const MAX_BATCH_BYTES = 1_048_576

export { KIOSK_ID }

/** Paths of the register's endpoints, relative to its base URL. */
export const REGISTER_PATHS = {
  health: '/v1/health',
  batches: '/v1/batches',
  stats: '/v1/stats',
  certificate: (certificateNo: string) => `/v1/certificates/${encodeURIComponent(certificateNo)}`,
} as const

/**
 * A signatory changed their optional consents after signing (e.g. asked at the booth that their
 * name no longer be published). Only the kiosk that registered the signature may send it; the
 * latest `changedAt` wins, so changes may arrive in any order.
 */
export const consentChangeSchema = z.object({
  id: z.string().regex(UUID, 'id must be a lowercase UUID'),
  certificateNo: z.string().regex(CERTIFICATE_NO, 'certificateNo must be a certificate number'),
  changedAt: z.iso.datetime(),
  consents: z.object({
    newsletter: z.boolean(),
    publishName: z.boolean(),
    localStory: z.boolean(),
    localEvents: z.boolean(),
  }),
})
export type ConsentChange = z.infer<typeof consentChangeSchema>

/**
 * `POST /v1/batches` body. Records are checked one by one by the register (a bad record is
 * answered `rejected` while the others go in), so here they are only "some JSON value".
 * `sentAt` is informational: it is left out of the body comparison, so a retry may carry the time
 * of the retry and still count as the same batch. Extra top-level keys are ignored.
 */
export const batchRequestSchema = z.object({
  batchId: z.string().regex(UUID, 'batchId must be a lowercase UUID'),
  kioskId: z.string().regex(KIOSK_ID, 'kioskId must be 1–8 capital letters or digits'),
  sentAt: z.iso.datetime(),
  records: z.array(z.unknown()),
  withdrawals: z.array(withdrawalSchema).default([]),
  /** Optional (kiosks before it leave it out). */
  consentChanges: z.array(consentChangeSchema).default([]),
})
/** A batch as the kiosk writes it (withdrawals and consent changes may be left out). */
export type BatchRequestInput = z.input<typeof batchRequestSchema>
/** A batch as the register reads it. */
export type BatchRequest = z.output<typeof batchRequestSchema>

export const RECORD_STATUSES = ['accepted', 'duplicate', 'rejected'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]

/**
 * The answer for one record; `results[i]` answers `records[i]`. `id` is null only for a rejected
 * record that had no usable id. A duplicate names the certificate number already registered
 * (which may be another kiosk's, when the same person or organisation signed twice).
 */
export const recordResultSchema = z.object({
  id: z.string().nullable(),
  status: z.enum(RECORD_STATUSES),
  reason: z.string().optional(),
  certificateNo: z.string().optional(),
})
export type RecordResult = z.infer<typeof recordResultSchema>

/**
 * The answer for one withdrawal; `withdrawals[i]` answers the request's `withdrawals[i]`.
 * `withdrawn` also when the register never had the record: it keeps a tombstone so that the
 * record, should it arrive later, is never registered.
 */
export const withdrawalResultSchema = z.object({
  id: z.string(),
  status: z.enum(['withdrawn', 'rejected']),
  reason: z.string().optional(),
})
export type WithdrawalResult = z.infer<typeof withdrawalResultSchema>

/** The answer for one consent change; `consentChanges[i]` answers the request's `consentChanges[i]`. */
export const consentChangeResultSchema = z.object({
  id: z.string(),
  status: z.enum(['changed', 'rejected']),
  reason: z.string().optional(),
})
export type ConsentChangeResult = z.infer<typeof consentChangeResultSchema>

/**
 * `POST /v1/batches` 200 answer. A replay of the same batch gets the very same bytes.
 * `consentChanges` defaults to [] for answers stored by registers before it existed.
 */
export const batchResponseSchema = z.object({
  batchId: z.string(),
  results: z.array(recordResultSchema),
  withdrawals: z.array(withdrawalResultSchema),
  consentChanges: z.array(consentChangeResultSchema).default([]),
})
/** As the register writes it; a parsed answer (`z.output`) always has `consentChanges`. */
export type BatchResponse = z.input<typeof batchResponseSchema>

/** `GET /v1/health`. */
export const healthSchema = z.object({ status: z.literal('ok'), version: z.string() })
export type Health = z.infer<typeof healthSchema>

/** Signatory kinds counted by `/v1/stats`: individuals, then each organisation type. */
export const SIGNATORY_KINDS = ['individual', ...ORGANISATION_TYPES] as const

/** `GET /v1/stats`: signatures still registered (withdrawn ones are counted apart). */
export const statsSchema = z.object({
  total: z.number().int().nonnegative(),
  withdrawn: z.number().int().nonnegative(),
  byKind: z.record(z.string(), z.number().int().nonnegative()),
  byCountry: z.record(z.string(), z.number().int().nonnegative()),
})
export type Stats = z.infer<typeof statsSchema>

export const CERTIFICATE_STATUSES = ['valid', 'withdrawn', 'unknown'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]

/**
 * `GET /v1/certificates/{no}` with `Accept: application/json`. Names appear only where the
 * signatory consented to publication; an unknown number is answered 404 with status `unknown`.
 */
export const certificateVerificationSchema = z.object({
  certificateNo: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  eventCode: z.string().optional(),
  signedOn: z.string().optional(),
  capacity: z.enum(CAPACITIES).optional(),
  organisationType: z.enum(ORGANISATION_TYPES).nullable().optional(),
  country: z.string().optional(),
  name: z.string().optional(),
  organisationName: z.string().optional(),
  withdrawnAt: z.string().optional(),
  /** For a certificate printed for someone who had signed already: the number it counts under. */
  registeredUnder: z.string().optional(),
})
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>

/** Whether a string can be a certificate number at all (anything else is `unknown`). */
export const isCertificateNo = (value: string): boolean => CERTIFICATE_NO.test(value)

/** Every non-200 answer. */
export const errorBodySchema = z.object({ error: z.string() })
export type ErrorBody = z.infer<typeof errorBodySchema>

/**
 * Milliseconds to wait from a `Retry-After` header (seconds or an HTTP date), or null when the
 * header is missing or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (header == null || header.trim() === '') return null
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/**
 * `POST /v1/heartbeat` (kiosk token): what the kiosk still holds unsent and which app it runs,
 * sent whenever it checks the register. Answered 204; 403 when the token is another kiosk's.
 */
export const heartbeatSchema = z.object({
  kioskId: z.string().regex(KIOSK_ID, 'kioskId must be 1–8 capital letters or digits'),
  pendingCount: z.number().int().nonnegative().max(10_000_000),
  appVersion: z.string().trim().min(1).max(64),
  sentAt: z.iso.datetime(),
})
export type Heartbeat = z.infer<typeof heartbeatSchema>
export const HEARTBEAT_PATH = '/v1/heartbeat'
