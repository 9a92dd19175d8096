import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EU_COUNTRIES, OTHER_COUNTRIES } from '@shared/countries'
import { foldForSearch } from '@shared/normalise'
import { Dialog } from '../../components/Dialog'

interface Props {
  value: string
  onChange: (code: string) => void
  error?: string
  /** For react-hook-form's focus-on-error. */
  buttonRef?: (element: HTMLButtonElement | null) => void
}

/** Country choice for a touch screen: a button that opens a searchable list, EU Member States first. */
export function CountryPicker({ value, onChange, error, buttonRef }: Props) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const names = useMemo(
    () => new Intl.DisplayNames([i18n.language], { type: 'region' }),
    [i18n.language],
  )
  const nameOf = (code: string) => names.of(code) ?? code
  const matches = (code: string) => {
    const q = fold(query)
    return q === '' || fold(nameOf(code)).includes(q) || code.toLowerCase() === q
  }
  const groups = [
    {
      label: t('details.euCountries'),
      codes: sortByName([...EU_COUNTRIES], nameOf).filter(matches),
    },
    {
      label: t('details.otherCountries'),
      codes: sortByName([...OTHER_COUNTRIES], nameOf).filter(matches),
    },
  ]
  const choose = (code: string) => {
    onChange(code)
    setOpen(false)
    setQuery('')
  }
  return (
    <div className={`field ${error ? 'field--invalid' : ''}`}>
      <span className="field__label" id="country-label">
        {t('details.country')}
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="country-button"
        aria-labelledby="country-label country-value"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'country-error' : undefined}
        onClick={() => setOpen(true)}
      >
        <span id="country-value">{value ? nameOf(value) : t('details.chooseCountry')}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {error && (
        <p className="field__error" id="country-error" role="alert">
          {error}
        </p>
      )}
      <Dialog
        open={open}
        title={t('details.chooseCountry')}
        onClose={() => setOpen(false)}
        className="dialog--wide country-dialog"
      >
        <input
          className="field__input country-dialog__search"
          type="search"
          aria-label={t('details.countrySearch')}
          placeholder={t('details.countrySearch')}
          autoComplete="off"
          autoCapitalize="none"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <div className="country-list">
          {groups.map(
            (group) =>
              group.codes.length > 0 && (
                <section key={group.label} aria-label={group.label}>
                  <h3 className="country-list__heading">{group.label}</h3>
                  <div className="country-list__grid">
                    {group.codes.map((code) => (
                      <button
                        key={code}
                        type="button"
                        className="country-option"
                        aria-pressed={code === value}
                        onClick={() => choose(code)}
                      >
                        {nameOf(code)}
                      </button>
                    ))}
                  </div>
                </section>
              ),
          )}
          {groups.every((g) => g.codes.length === 0) && <p>{t('details.noCountry', { query })}</p>}
        </div>
        <button
          type="button"
          className="button country-dialog__close"
          onClick={() => setOpen(false)}
        >
          {t('details.close')}
        </button>
      </Dialog>
    </div>
  )
}

/** Case- and accent-insensitive (the search's one folding), so "osterreich" finds Österreich. */
function fold(text: string): string {
  return foldForSearch(text).trim()
}

function sortByName(codes: string[], nameOf: (code: string) => string): string[] {
  return codes.sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
}
