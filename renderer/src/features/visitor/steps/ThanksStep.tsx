import './thanks.css'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFocusHeading } from '../../../components/useFocusHeading'
import { DisplayOptionsButton } from '../display/DisplayOptionsButton'
import logoUrl from '@resources/logo/alliance-mark.svg'

interface Props {
  certificateNo: string
  /** The print action (certificates feature); absent where printing is not available. */
  printAction?: ReactNode
  onFinish: () => void
}

/** Shown only after the save committed: the welcome, the certificate number and the print button. */
export function ThanksStep({ certificateNo, printAction, onFinish }: Props) {
  const { t } = useTranslation()
  const headingRef = useFocusHeading<HTMLHeadingElement>()
  return (
    <main className="screen thanks">
      <DisplayOptionsButton placement="corner" />
      <img className="attract__logo" src={logoUrl} alt="" />
      <h1 className="title title--hero" ref={headingRef} tabIndex={-1}>
        {t('thanks.title')}
      </h1>
      <p className="lead">{t('thanks.lead')}</p>
      <div className="certificate-no">
        <span className="certificate-no__label">{t('thanks.certificate')}</span>
        <strong className="certificate-no__value" data-testid="certificate-no">
          {certificateNo}
        </strong>
      </div>
      {printAction}
      <button type="button" className="button button--xl thanks__done" onClick={onFinish}>
        {t('thanks.done')}
      </button>
    </main>
  )
}
