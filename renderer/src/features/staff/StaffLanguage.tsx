import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/settings'
import { setLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { failureMessage } from '../../lib/failure-message'

/**
 * Shows the staff screens (PIN and console) in the staff's language. Leaving them always goes
 * back to the attract screen, whose wipe sets the visitors' default language again.
 */
export function useStaffLanguage(language: Language): void {
  useEffect(() => setLanguage(language), [language])
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
