import { z } from 'zod'
import { LANGUAGES, type Language } from './settings'

/** The organisers' texts, one Markdown file per language in `resources/content/<name>.<lang>.md`. */
export const ORGANISER_TEXTS = ['declaration', 'privacy'] as const
export type OrganiserTextName = (typeof ORGANISER_TEXTS)[number]

export const organiserTextRequestSchema = z.object({
  name: z.enum(ORGANISER_TEXTS),
  language: z.enum(LANGUAGES),
})

/** A text as read now; `language` is English where the asked language has no file. */
export interface OrganiserText {
  name: OrganiserTextName
  language: Language
  text: string
}

/** Which of the event's languages lack which text (English is shown instead). */
export interface OrganiserTextStatus {
  missing: { name: OrganiserTextName; language: Language }[]
}
