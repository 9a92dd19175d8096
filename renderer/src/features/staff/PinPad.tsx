import { useTranslation } from 'react-i18next'

interface Props {
  value: string
  onChange: (value: string) => void
  onSubmit: () => void
  disabled?: boolean
  maxLength?: number
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

/** A numeric keypad with large keys; the typed PIN shows only as dots. Physical digits work too. */
export function PinPad({ value, onChange, onSubmit, disabled, maxLength = 12 }: Props) {
  const { t } = useTranslation()
  const press = (digit: string) => value.length < maxLength && onChange(value + digit)
  return (
    <div
      className="pin-pad"
      onKeyDown={(event) => {
        if (/^\d$/.test(event.key)) press(event.key)
        else if (event.key === 'Backspace') onChange(value.slice(0, -1))
        else if (event.key === 'Enter') onSubmit()
        else return
        event.preventDefault()
      }}
    >
      <output className="pin-pad__dots" aria-label={t('staff.pin.pinLabel')} aria-live="polite">
        {value.length ? '●'.repeat(value.length) : ' '}
      </output>
      <div className="pin-pad__keys">
        {[...KEYS, 'delete', '0', 'submit'].map((key) =>
          key === 'delete' ? (
            <button
              key={key}
              type="button"
              className="pin-pad__key"
              disabled={disabled}
              aria-label={t('staff.pin.delete')}
              onClick={() => onChange(value.slice(0, -1))}
            >
              ⌫
            </button>
          ) : key === 'submit' ? (
            <button
              key={key}
              type="button"
              className="pin-pad__key pin-pad__key--ok"
              disabled={disabled || value.length === 0}
              onClick={onSubmit}
            >
              {t('staff.pin.submit')}
            </button>
          ) : (
            <button
              key={key}
              type="button"
              className="pin-pad__key"
              disabled={disabled}
              aria-label={t('staff.pin.digit', { digit: key })}
              onClick={() => press(key)}
            >
              {key}
            </button>
          ),
        )}
      </div>
    </div>
  )
}
