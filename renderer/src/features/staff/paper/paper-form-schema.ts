/**
 * Validation of a paper form staff key in: the visitor's details schema (the same fields, the same
 * checks), plus the form's reference number, its language, the consents ticked on paper and when
 * it was signed. Messages are i18n keys (`errors.*`), as in the visitor flow.
 */
import { z } from 'zod'
import { isEuLanguage } from '@shared/eu-languages'
import { paperSignedAtProblem } from '@shared/paper-form'
import { CAPACITIES, PAPER_REF, type Capacity } from '@shared/signature'
import { instantInZone, isCalendarDay } from '@shared/time'
import type { PaperDraft } from '../../../db/save-signature'
import {
  individualDetailsSchema,
  organisationDetailsSchema,
  type Details,
  type DetailsInput,
} from '../../visitor/details-schema'

const paperFields = {
  capacity: z.enum(CAPACITIES),
  paperRef: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().min(1, 'errors.required').regex(PAPER_REF, 'errors.paperRef')),
  language: z.string().refine(isEuLanguage, 'errors.required'),
  signedDay: z.string().trim().refine(isCalendarDay, 'errors.signedDay'),
  signedTime: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.signedTime'),
  endorse: z.boolean().refine((ticked) => ticked, 'errors.paperEndorse'),
  newsletter: z.boolean(),
  publishName: z.boolean(),
  localStory: z.boolean(),
  localEvents: z.boolean(),
}

/** What the paper form's fields hold. */
export type PaperFormInput = DetailsInput & {
  capacity: Capacity
  paperRef: string
  language: string
  signedDay: string
  signedTime: string
  endorse: boolean
  newsletter: boolean
  publishName: boolean
  localStory: boolean
  localEvents: boolean
}

/** A checked paper form, with the instant it was signed. */
export type PaperForm = Details & {
  capacity: Capacity
  paperRef: string
  language: string
  signedAt: Date
  consents: { newsletter: boolean; publishName: boolean; localStory: boolean; localEvents: boolean }
}

/**
 * The schema for one capacity, reading the signing time in the event's time zone and checking it
 * against `now` (not later, not older than a campaign). The email rule is the visitor's: the
 * newsletter, a local story and local events need an address to answer.
 */
export function paperFormSchema(capacity: Capacity, timeZone: string, now: () => Date) {
  const details = capacity === 'organisation' ? organisationDetailsSchema : individualDetailsSchema
  return details
    .extend(paperFields)
    .superRefine((form, ctx) => {
      if ((form.newsletter || form.localStory || form.localEvents) && !form.email) {
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'errors.emailNeeded' })
      }
      const at = instantInZone(form.signedDay, form.signedTime, timeZone)
      const problem = at && paperSignedAtProblem(at, now())
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          path: ['signedDay'],
          message: problem === 'future' ? 'errors.signedFuture' : 'errors.signedTooOld',
        })
      }
    })
    .transform(
      ({
        signedDay,
        signedTime,
        endorse: _ticked,
        newsletter,
        publishName,
        localStory,
        localEvents,
        ...rest
      }): PaperForm => ({
        ...rest,
        // Checked above: a real date and time.
        signedAt: instantInZone(signedDay, signedTime, timeZone)!,
        consents: { newsletter, publishName, localStory, localEvents },
      }),
    )
}

/** The record to save, from a checked paper form. */
export function toPaperDraft(id: string, form: PaperForm): PaperDraft {
  const organisation = form.capacity === 'organisation'
  return {
    id,
    paperRef: form.paperRef,
    language: form.language,
    capacity: form.capacity,
    organisationType: organisation ? (form.organisationType ?? null) : null,
    organisationName: organisation ? (form.organisationName ?? null) : null,
    role: organisation ? (form.role ?? null) : null,
    firstName: form.firstName,
    lastName: form.lastName,
    email: form.email,
    country: form.country,
    city: form.city,
    consents: { endorse: true, ...form.consents },
  }
}
