import { z } from 'zod'
import { AGE_RECIPIENT } from './age-recipient'
import { isSafeText } from './safe-text'

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

/** Free text the organisers type for visitors to read: trimmed, one line, at most `max`, or empty. */
function organiserText(label: string, max: number) {
  const message = `${label}: at most ${max} characters, without control characters`
  return z.string({ error: message }).trim().max(max, message).refine(isSafeText, message)
}

const controllerEmailError =
  'Controller email: an email address such as privacy@example.eu, or empty'

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
  /**
   * The data controller named in the visitors' privacy notice (GDPR Art. 13): who they are and how
   * to reach them, as the organisers type it. Empty until set; staff are told while it is missing.
   */
  controllerName: organiserText('Controller name', 200),
  /** The controller's postal address, on one line. */
  controllerAddress: organiserText('Controller address', 300),
  controllerEmail: z.union(
    [z.email(controllerEmailError).max(254, controllerEmailError), z.literal('')],
    {
      error: controllerEmailError,
    },
  ),
  /** Optional: how to reach the data protection officer (an email address or a postal address). */
  dpoContact: organiserText('Data protection officer', 300),
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
  controllerName: '',
  controllerAddress: '',
  controllerEmail: '',
  dpoContact: '',
}

/** The controller fields the privacy notice needs; empty ones are what staff are told to fill in. */
export const CONTROLLER_FIELDS = ['controllerName', 'controllerAddress', 'controllerEmail'] as const
export type ControllerField = (typeof CONTROLLER_FIELDS)[number]

/** Which of the controller's required details are still empty (the notice is incomplete until none are). */
export function missingControllerFields(settings: EditableSettings): ControllerField[] {
  return CONTROLLER_FIELDS.filter((field) => settings[field].trim() === '')
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
