/**
 * Validation of the visitor's details. Messages are i18n keys (`errors.*`), translated where
 * they are shown, so the schema stays language-free.
 */
import { z } from 'zod'
import { isCountryCode } from '@shared/countries'
import { normaliseEmail, tidyText } from '@shared/normalise'
import { isSafeText } from '@shared/safe-text'
import { ORGANISATION_TYPES } from '@shared/signature'

/** Letters of any script with their accents, apostrophes, hyphens, spaces and dots (O'Brien, Łukasz, Мария-Йорданова, J. R.). */
const PERSON_NAME = /^[\p{L}\p{M}][\p{L}\p{M}'’\-. ]*$/u

const tidy = (max: number) =>
  z
    .string()
    .transform(tidyText)
    .pipe(
      z
        .string()
        .min(1, 'errors.required')
        .max(max, 'errors.tooLong')
        .refine(isSafeText, 'errors.characters'),
    )

const personName = z
  .string()
  .transform(tidyText)
  .pipe(
    z
      .string()
      .min(1, 'errors.required')
      .max(100, 'errors.tooLong')
      .regex(PERSON_NAME, 'errors.nameChars'),
  )

const optionalText = (max: number) =>
  z
    .string()
    .transform(tidyText)
    .pipe(z.string().max(max, 'errors.tooLong').refine(isSafeText, 'errors.characters'))
    .transform((v) => (v === '' ? null : v))

export const emailSchema = z
  .string()
  .transform(normaliseEmail)
  .pipe(z.union([z.literal(''), z.email('errors.email').max(254, 'errors.tooLong')]))
  .transform((v) => (v === '' ? null : v))

export const individualDetailsSchema = z.object({
  firstName: personName,
  lastName: personName,
  email: emailSchema,
  country: z.string().refine(isCountryCode, 'errors.country'),
  city: optionalText(150),
})

export const organisationDetailsSchema = individualDetailsSchema.extend({
  organisationType: z.enum(ORGANISATION_TYPES, 'errors.organisationType'),
  organisationName: tidy(300),
  role: tidy(200),
})

export type DetailsInput = {
  firstName: string
  lastName: string
  email: string
  country: string
  city: string
  organisationType?: string
  organisationName?: string
  role?: string
}
export type IndividualDetails = z.output<typeof individualDetailsSchema>
export type OrganisationDetails = z.output<typeof organisationDetailsSchema>
export type Details = IndividualDetails &
  Partial<Omit<OrganisationDetails, keyof IndividualDetails>>
