import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/settings'
import { toggledLanguages } from './settings-form'

/** The languages offered to visitors, as one checkbox each. */
export function LanguagesField(props: {
  value: Language[]
  error: string | undefined
  onChange: (value: Language[]) => void
}) {
  const { t } = useTranslation()
  const errorId = useId()
  return (
    <fieldset
      className={`field field--wide ${props.error ? 'field--invalid' : ''}`}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend className="field__label">{t('staff.settings.languages')}</legend>
      <div className="settings__checks">
        {LANGUAGES.map((language) => (
          <label key={language} className="check settings__check">
            <input
              type="checkbox"
              checked={props.value.includes(language)}
              onChange={(event) =>
                props.onChange(
                  toggledLanguages(LANGUAGES, props.value, language, event.target.checked),
                )
              }
            />
            <span>{t('languageName', { lng: language })}</span>
          </label>
        ))}
      </div>
      {props.error && (
        <p className="field__error" id={errorId} role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  )
}
