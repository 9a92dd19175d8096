import { z } from 'zod'
import { AGE_RECIPIENT } from './age-recipient'

/**
 * The 24 official EU languages, in the EU's protocol order (the order of their own names, as the
 * EU institutions' sites list them). An event chooses which of them its kiosks offer.
 */
export const LANGUAGES = [
  'bg',
  'es',
  'cs',
  'da',
  'de',
  'et',
  'el',
  'en',
  'fr',
  'ga',
  'hr',
  'it',
  'lv',
  'lt',
  'hu',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'fi',
  'sv',
] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value)
}

/** An http(s) address, or empty for "none"; `label` names the field in the message. */
const httpUrl = (label: string) => {
  const error = `${label}: a web address starting with https:// (or http://), or empty`
  return z.union([z.url({ protocol: /^https?$/, error }).max(500, error), z.literal('')], {
    error,
  })
}

const exportKeyError =
  'Export public key: an age public key starting with age1 (made by npm run cli -- keygen), or empty'

function seconds(label: string, min: number, max: number) {
  const message = `${label}: a whole number of seconds from ${min} to ${max}`
  return z.number({ error: message }).int(message).min(min, message).max(max, message)
}

/** Settings staff may change. Secrets (register token, PIN hash) are not part of this shape. */
export const editableSettingsSchema = z.object({
  kioskId: z.string().regex(/^[A-Z0-9]{1,8}$/, 'Kiosk id: 1–8 capital letters or digits, e.g. B03'),
  eventCode: z
    .string()
    .regex(/^[A-Z0-9]{2,12}$/, 'Event code: 2–12 capital letters or digits, e.g. EWRC26'),
  eventName: z
    .string()
    .trim()
    .min(3, 'Event name: at least 3 characters')
    .max(120, 'Event name: at most 120 characters'),
  eventCity: z
    .string()
    .trim()
    .min(1, 'Event city: required, e.g. Brussels')
    .max(80, 'Event city: at most 80 characters'),
  timeZone: z.string().refine(isTimeZone, 'Unknown time zone, e.g. Europe/Brussels'),
  idleSeconds: seconds('Idle timeout', 15, 600),
  thankYouIdleSeconds: seconds('Thank-you screen timeout', 5, 300),
  languages: z.array(z.enum(LANGUAGES)).min(1, 'Languages: choose at least one'),
  /** The staff console's language, chosen in the console: independent of the visitor's. */
  staffLanguage: z.enum(LANGUAGES),
  registerUrl: httpUrl('Register URL'),
  verificationBaseUrl: httpUrl('Verification base URL'),
  printerName: z.string().max(200, 'Printer name: at most 200 characters'),
  /** Days after the register confirmed a signature before its personal data leaves the kiosk. */
  retentionDays: z
    .number({ error: 'Retention: a whole number of days from 1 to 3650' })
    .int('Retention: a whole number of days from 1 to 3650')
    .min(1, 'Retention: a whole number of days from 1 to 3650')
    .max(3650, 'Retention: a whole number of days from 1 to 3650'),
  /** The organisers' age public key; day exports are encrypted to it. Empty: exports are plain. */
  exportPublicKey: z.union([z.string().trim().regex(AGE_RECIPIENT, exportKeyError), z.literal('')]),
})
export type EditableSettings = z.infer<typeof editableSettingsSchema>

/** What the renderer may see: editable settings plus whether each secret is set. */
export type PublicSettings = EditableSettings & {
  registerTokenSet: boolean
  staffPinSet: boolean
  /** Set when the kiosk started from its last good settings copy because the file was unusable. */
  settingsRestored: SettingsRestored | null
}

/** Staff are told on the dashboard: the settings file was damaged and the last good copy used. */
export interface SettingsRestored {
  /** When this run started from the copy (ISO). */
  at: string
  /** What was wrong with the settings file, in words. */
  reason: string
  /** Where the damaged file was moved for inspection, or null when it was missing. */
  movedTo: string | null
}

export const settingsUpdateSchema = editableSettingsSchema.partial().strict()
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>

export const DEFAULT_SETTINGS: EditableSettings = {
  kioskId: 'B01',
  eventCode: 'EWRC26',
  eventName: 'European Week of Regions and Cities 2026',
  eventCity: 'Brussels',
  timeZone: 'Europe/Brussels',
  idleSeconds: 60,
  thankYouIdleSeconds: 20,
  languages: [...LANGUAGES],
  staffLanguage: 'en',
  registerUrl: '',
  verificationBaseUrl: 'https://register.cohesionalliance.eu',
  printerName: '',
  retentionDays: 30,
  exportPublicKey: '',
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
