import { z } from 'zod'
import { isCountryCode } from './countries'
import { isEuLanguage } from './eu-languages'
import { safeText } from './safe-text'

/** Signatory capacity: one's own name, or on behalf of an organisation. */
export const CAPACITIES = ['individual', 'organisation'] as const
export type Capacity = (typeof CAPACITIES)[number]

/** Organisation kinds seen in the #CohesionAlliance campaign. */
export const ORGANISATION_TYPES = [
  'region',
  'city',
  'association-of-regions',
  'eu-sectoral-association',
  'civic-society',
  'social-partner',
  'mep',
  'other',
] as const
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

/** Certificate numbers: event code, kiosk id, 6-digit per-kiosk sequence, e.g. EWRC26-B03-000123. */
export const CERTIFICATE_NO = /^[A-Z0-9]{2,12}-[A-Z0-9]{1,8}-\d{6}$/
/** Kiosk ids as they appear in certificate numbers, e.g. `B03`. */
export const KIOSK_ID = /^[A-Z0-9]{1,8}$/
/** Event codes as they appear in certificate numbers, e.g. `EWRC26`. */
export const EVENT_CODE = /^[A-Z0-9]{2,12}$/
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
/**
 * A paper form's reference number as printed on the form, e.g. `P-0042` or `2026/117`: 1–32
 * capital letters, digits, `-`, `/` or `.`, starting and ending with a letter or digit (so no
 * spreadsheet reads it as a formula). Unique per kiosk and event.
 */
export const PAPER_REF = /^[A-Z0-9](?:[A-Z0-9./-]{0,30}[A-Z0-9])?$/

/** Where a signature was given: on the kiosk's screen, or on a paper form staff keyed in. */
export const SIGNATURE_SOURCES = ['kiosk', 'paper'] as const
export type SignatureSource = (typeof SIGNATURE_SOURCES)[number]
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A drawn signature as compact vector strokes: each stroke is a flat [x0, y0, x1, y1, …] list of integers in a width × height box. */
export const signatureStrokesSchema = z
  .object({
    width: z.number().int().positive().max(10_000),
    height: z.number().int().positive().max(10_000),
    strokes: z.array(z.array(z.number().int()).min(2).max(20_000)).min(1).max(500),
  })
  .superRefine(({ width, height, strokes }, ctx) => {
    for (const [s, stroke] of strokes.entries()) {
      if (stroke.length % 2 !== 0) {
        ctx.addIssue({ code: 'custom', path: ['strokes', s], message: 'must be x, y pairs' })
        return
      }
      for (let i = 0; i < stroke.length; i += 2) {
        const x = stroke[i]!
        const y = stroke[i + 1]!
        if (x < 0 || x > width || y < 0 || y > height) {
          ctx.addIssue({
            code: 'custom',
            path: ['strokes', s, i],
            message: `point (${x}, ${y}) lies outside the ${width} × ${height} box`,
          })
          return
        }
      }
    }
  })
export type SignatureStrokes = z.infer<typeof signatureStrokesSchema>

export const consentsSchema = z.object({
  endorse: z.literal(true),
  newsletter: z.boolean(),
  publishName: z.boolean(),
  localStory: z.boolean(),
  /** Support for organising local debates/events; optional because older kiosks never ask. */
  localEvents: z.boolean().optional(),
})
export type Consents = z.infer<typeof consentsSchema>

const text = safeText
const DAY_MS = 86_400_000

/** The UTC calendar day `offsetDays` away from an instant, as YYYY-MM-DD. */
function utcDay(at: Date, offsetDays: number): string {
  return new Date(at.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10)
}

/** The fields of a signature record, each checked on its own (for `.pick()`; zod refuses it after a refinement). */
export const signatureRecordFields = z.object({
  id: z.string().regex(UUID),
  certificateNo: z.string().regex(CERTIFICATE_NO),
  kioskId: z.string().regex(KIOSK_ID),
  eventCode: z.string().regex(EVENT_CODE),
  createdAt: z.iso.datetime(),
  day: z.string().regex(ISO_DAY),
  language: z.string().refine(isEuLanguage, 'must be one of the 24 official EU languages'),
  capacity: z.enum(CAPACITIES),
  organisationType: z.enum(ORGANISATION_TYPES).nullable(),
  organisationName: text(300).nullable(),
  role: text(200).nullable(),
  firstName: text(100),
  lastName: text(100),
  email: z.email().max(254).nullable(),
  country: z.string().refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code'),
  city: text(150).nullable(),
  consents: consentsSchema,
  /** Absent only on a paper form: the paper keeps the signature. */
  signature: signatureStrokesSchema.optional(),
  /** Optional in the protocol: absent means `kiosk` (records of kiosks before paper forms). */
  source: z.enum(SIGNATURE_SOURCES).optional(),
  /** The paper form's reference number; present exactly when `source` is `paper`. */
  paperRef: z
    .string()
    .regex(PAPER_REF, 'must be 1–32 capital letters, digits, "-", "/" or "."')
    .optional(),
})

/**
 * One signature as the kiosk sends it to the register and writes it to an export batch.
 * Local bookkeeping (sync state, printing, withdrawal) lives beside it in the kiosk's database.
 */
export const signatureRecordSchema = signatureRecordFields.superRefine((record, ctx) => {
  const prefix = `${record.eventCode}-${record.kioskId}-`
  if (!record.certificateNo.startsWith(prefix)) {
    ctx.addIssue({
      code: 'custom',
      path: ['certificateNo'],
      message: `must start with ${prefix} (its event code and kiosk)`,
    })
  }
  const paper = record.source === 'paper'
  if (!paper && record.signature === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['signature'],
      message: 'is required unless the record is a paper form (source "paper")',
    })
  }
  if (paper && record.paperRef === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['paperRef'],
      message: 'is required on a paper form (source "paper")',
    })
  }
  if (!paper && record.paperRef !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['paperRef'],
      message: 'belongs only to a paper form (source "paper")',
    })
  }
  // `day` is the date in the event's time zone, which the record does not carry. Every time
  // zone is within UTC−12…UTC+14, so that date is the UTC date of createdAt, the day before
  // or the day after; anything further is a wrong clock or a forged record.
  const at = new Date(record.createdAt)
  if (Number.isNaN(at.getTime())) return
  if (![-1, 0, 1].some((offset) => utcDay(at, offset) === record.day)) {
    ctx.addIssue({
      code: 'custom',
      path: ['day'],
      message: `must be the date of createdAt (${utcDay(at, 0)}, ±1 day for the time zone)`,
    })
  }
})
export type SignatureRecord = z.infer<typeof signatureRecordSchema>
/** A record signed on the kiosk's screen, with its drawn strokes. */
export type DrawnSignatureRecord = SignatureRecord & Required<Pick<SignatureRecord, 'signature'>>

/** What remains of a withdrawn signature: enough to tell the register and to never restore it. */
export const withdrawalSchema = z.object({
  id: z.string().regex(UUID),
  certificateNo: z.string().regex(CERTIFICATE_NO),
  withdrawnAt: z.iso.datetime(),
})
export type Withdrawal = z.infer<typeof withdrawalSchema>
