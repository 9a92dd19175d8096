import { z } from 'zod'

export const LANGUAGES = ['en', 'fr', 'de'] as const
export type Language = (typeof LANGUAGES)[number]

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .or(z.literal(''))

/** Settings staff may change. Secrets (register token, PIN hash) are not part of this shape. */
export const editableSettingsSchema = z.object({
  kioskId: z.string().regex(/^[A-Z0-9]{1,8}$/, 'Kiosk id: 1–8 capital letters or digits, e.g. B03'),
  eventCode: z
    .string()
    .regex(/^[A-Z0-9]{2,12}$/, 'Event code: 2–12 capital letters or digits, e.g. EWRC26'),
  eventName: z.string().trim().min(3).max(120),
  eventCity: z.string().trim().min(1).max(80),
  timeZone: z.string().refine(isTimeZone, 'Unknown time zone, e.g. Europe/Brussels'),
  idleSeconds: z.number().int().min(15).max(600),
  thankYouIdleSeconds: z.number().int().min(5).max(300),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  registerUrl: httpUrl,
  verificationBaseUrl: httpUrl,
  printerName: z.string().max(200),
})
export type EditableSettings = z.infer<typeof editableSettingsSchema>

/** What the renderer may see: editable settings plus whether each secret is set. */
export type PublicSettings = EditableSettings & {
  registerTokenSet: boolean
  staffPinSet: boolean
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
  languages: ['en', 'fr', 'de'],
  registerUrl: '',
  verificationBaseUrl: 'https://register.cohesionalliance.eu',
  printerName: '',
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
