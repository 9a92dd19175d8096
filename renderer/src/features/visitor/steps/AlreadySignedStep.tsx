import './thanks.css'
import { useTranslation } from 'react-i18next'
import { useFocusHeading } from '../../../components/useFocusHeading'
import logoUrl from '@resources/logo/alliance-mark.svg'

interface Props {
  /** Who had signed already: this visitor (same email), or their organisation (same name and country). */
  by: 'person' | 'organisation'
  /** The organisation's name as this visitor typed it. */
  organisationName: string | null
  onFinish: () => void
}

/** The ending for a visitor whose endorsement is already registered: thanks, nothing saved, Finish. */
export function AlreadySignedStep({ by, organisationName, onFinish }: Props) {
  const { t } = useTranslation()
  const headingRef = useFocusHeading<HTMLHeadingElement>()
  const organisation = by === 'organisation' && organisationName
  return (
    <main className="screen thanks">
      <img className="attract__logo" src={logoUrl} alt="" />
      <h1 className="title title--hero" ref={headingRef} tabIndex={-1}>
        {t(organisation ? 'alreadySigned.titleOrganisation' : 'alreadySigned.titlePerson')}
      </h1>
      <p className="lead">
        {organisation
          ? t('alreadySigned.bodyOrganisation', { organisation: organisationName })
          : t('alreadySigned.bodyPerson')}
      </p>
      <button type="button" className="button button--xl thanks__done" onClick={onFinish}>
        {t('thanks.done')}
      </button>
    </main>
  )
}
