import { z } from 'zod'

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
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A drawn signature as compact vector strokes: each stroke is a flat [x0, y0, x1, y1, …] list of integers in a width × height box. */
export const signatureStrokesSchema = z.object({
  width: z.number().int().positive().max(10_000),
  height: z.number().int().positive().max(10_000),
  strokes: z.array(z.array(z.number().int()).min(2).max(20_000)).min(1).max(500),
})
export type SignatureStrokes = z.infer<typeof signatureStrokesSchema>

export const consentsSchema = z.object({
  endorse: z.literal(true),
  newsletter: z.boolean(),
  publishName: z.boolean(),
  localStory: z.boolean(),
  /** Support for organising local debates and events; absent in records made before it existed. */
  localEvents: z.boolean().optional(),
})
export type Consents = z.infer<typeof consentsSchema>

const text = (max: number) => z.string().trim().min(1).max(max)

/**
 * One signature as the kiosk sends it to the register and writes it to an export batch.
 * Local bookkeeping (sync state, printing, withdrawal) lives beside it in the kiosk's database.
 */
export const signatureRecordSchema = z.object({
  id: z.string().regex(UUID),
  certificateNo: z.string().regex(CERTIFICATE_NO),
  kioskId: z.string().min(1).max(8),
  eventCode: z.string().min(2).max(12),
  createdAt: z.iso.datetime(),
  day: z.string().regex(ISO_DAY),
  language: z.string().regex(/^[a-z]{2}$/),
  capacity: z.enum(CAPACITIES),
  organisationType: z.enum(ORGANISATION_TYPES).nullable(),
  organisationName: text(300).nullable(),
  role: text(200).nullable(),
  firstName: text(100),
  lastName: text(100),
  email: z.email().max(254).nullable(),
  country: z.string().regex(/^[A-Z]{2}$/),
  city: text(150).nullable(),
  consents: consentsSchema,
  signature: signatureStrokesSchema,
})
export type SignatureRecord = z.infer<typeof signatureRecordSchema>

/** What remains of a withdrawn signature: enough to tell the register and to never restore it. */
export const withdrawalSchema = z.object({
  id: z.string().regex(UUID),
  certificateNo: z.string().regex(CERTIFICATE_NO),
  withdrawnAt: z.iso.datetime(),
})
export type Withdrawal = z.infer<typeof withdrawalSchema>
