/**
 * The 24 official languages of the EU (ISO 639-1): every language a signature may be given in.
 * An event offers some of them (`LANGUAGES` in settings.ts lists the ones this kiosk ships);
 * a record in any of these is plausible, anything else is not.
 */
// prettier-ignore
export const EU_LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr',
  'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv',
] as const
export type EuLanguage = (typeof EU_LANGUAGES)[number]

export const isEuLanguage = (code: string): boolean =>
  (EU_LANGUAGES as readonly string[]).includes(code)
