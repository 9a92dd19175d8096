import './display-options.css'
import './high-contrast.css'
import './large-text.css'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../components/Dialog'
import { displayStore, TEXT_SCALE, TEXT_SIZES } from './display-options'
import { useDisplayIdleReset, useDisplayOptions } from './useDisplayOptions'

interface Props {
  /** Where it sits: in the signing steps' top bar, or in a corner of a full screen. */
  placement: 'bar' | 'corner'
  /** Back to the standard display after this many idle seconds (screens without an idle guard). */
  idleResetSeconds?: number
}

/** The visitor's "Aa" control: text size in three steps and high contrast, in a dialog. */
export function DisplayOptionsButton({ placement, idleResetSeconds }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  useDisplayIdleReset(idleResetSeconds)
  return (
    <>
      <button
        type="button"
        className={`display-button display-button--${placement}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <span className="display-button__icon" aria-hidden="true">
          Aa
        </span>
        <span className="display-button__label">{t('display.open')}</span>
      </button>
      <Dialog
        open={open}
        title={t('display.title')}
        onClose={() => setOpen(false)}
        className="display-dialog"
      >
        <DisplayChoices />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => displayStore.reset()}>
            {t('display.reset')}
          </button>
          <button
            type="button"
            className="button button--primary button--large"
            onClick={() => setOpen(false)}
          >
            {t('display.done')}
          </button>
        </div>
      </Dialog>
    </>
  )
}

/** The choices themselves, applied as soon as they are tapped so the visitor sees the effect. */
function DisplayChoices() {
  const { t, i18n } = useTranslation()
  const options = useDisplayOptions()
  const name = useId()
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' })
  return (
    <>
      <fieldset className="display-sizes">
        <legend className="display-sizes__legend">{t('display.textSize')}</legend>
        {TEXT_SIZES.map((size) => (
          <label key={size} className="display-choice">
            <input
              type="radio"
              name={name}
              checked={options.textSize === size}
              onChange={() => displayStore.set({ textSize: size })}
            />
            <span className="display-choice__sample" data-size={size} aria-hidden="true">
              A
            </span>
            <span className="display-choice__text">
              <span className="display-choice__name">{t(`display.sizes.${size}`)}</span>
              <span className="display-choice__percent">{percent.format(TEXT_SCALE[size])}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="display-choice display-choice--switch">
        <input
          type="checkbox"
          role="switch"
          checked={options.highContrast}
          onChange={(event) => displayStore.set({ highContrast: event.target.checked })}
        />
        <span
          className="display-choice__sample display-choice__sample--contrast"
          aria-hidden="true"
        >
          ◐
        </span>
        <span className="display-choice__text">
          <span className="display-choice__name">{t('display.contrast')}</span>
          <span className="display-choice__percent" aria-hidden="true">
            {options.highContrast ? t('display.on') : t('display.off')}
          </span>
        </span>
      </label>
      <p className="display-hint">{t('display.hint')}</p>
    </>
  )
}
