import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/settings'

const files = import.meta.glob<{ default: Record<string, unknown> }>(
  '../../../resources/locales/*.json',
  {
    eager: true,
  },
)

function localeOf(language: Language): Record<string, unknown> {
  const file = files[`../../../resources/locales/${language}.json`]
  if (!file) throw new Error(`Missing locale file for ${language}`)
  return file.default
}

// Features that keep their strings apart (to edit them without clashes) merge in as top-level keys.
// (The certificate's strings are the main process's: they stay out of the page.)
const featureFiles = import.meta.glob<{ default: Record<string, unknown> }>(
  [
    '../../../resources/locales/sync/*.json',
    '../../../resources/locales/keyboard/*.json',
    '../../../resources/locales/display/*.json',
    '../../../resources/locales/partners/*.json',
  ],
  { eager: true },
)

function featureLocalesOf(language: Language): Record<string, unknown> {
  return Object.assign(
    {},
    ...Object.entries(featureFiles)
      .filter(([path]) => path.endsWith(`/${language}.json`))
      .map(([, file]) => file.default),
  ) as Record<string, unknown>
}

export const DEFAULT_LANGUAGE: Language = 'en'

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      { translation: { ...localeOf(lang), ...featureLocalesOf(lang) } },
    ]),
  ),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  returnNull: false,
})

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language)
  document.documentElement.lang = language
}

export { i18next }
