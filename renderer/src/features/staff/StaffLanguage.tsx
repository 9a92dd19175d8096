import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/settings'
import { setLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { failureMessage } from '../../lib/failure-message'

/**
 * Shows the staff screens in the staff's language while they are open, and gives the visitor's
 * language back when they close (the screens never show at the same time).
 */
export function useStaffLanguage(language: Language): void {
  const { i18n } = useTranslation()
  useEffect(() => {
    const visitors = i18n.language
    setLanguage(language)
    return () => setLanguage(visitors as Language)
  }, [language, i18n])
}

/** The console's language picker: saved in the kiosk's settings, so it stays for the next shift. */
export function StaffLanguagePicker({
  value,
  onSaved,
}: {
  value: Language
  onSaved: () => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <div className="staff__language">
      <label htmlFor={id}>{t('staff.console.language')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          setProblem(null)
          api
            .updateSettings({ staffLanguage: event.target.value as Language })
            .then(onSaved, (error: unknown) => setProblem(failureMessage(error)))
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {i18n.getFixedT(language)('languageName')}
          </option>
        ))}
      </select>
      {problem && (
        <p role="alert" className="field__error">
          {problem}
        </p>
      )}
    </div>
  )
}
