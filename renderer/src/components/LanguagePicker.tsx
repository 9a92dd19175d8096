import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/settings'
import { setLanguage } from '../i18n'

/** Large toggle buttons, each language named in itself. */
export function LanguagePicker({
  languages,
  label,
}: {
  languages: readonly Language[]
  label: string
}) {
  const { i18n } = useTranslation()
  return (
    <div className="language-picker" role="group" aria-label={label}>
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-picker__option"
          aria-pressed={i18n.language === lang}
          onClick={() => setLanguage(lang)}
        >
          {i18n.getFixedT(lang)('languageName')}
        </button>
      ))}
    </div>
  )
}
