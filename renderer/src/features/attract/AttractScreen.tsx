import './attract.css'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/settings'
import { LanguagePicker } from '../../components/LanguagePicker'
import { useFocusHeading } from '../../components/useFocusHeading'
import logoUrl from '@resources/logo/alliance-mark.svg'
import { partnerLabels } from './partner-labels'

interface Props {
  languages: readonly Language[]
  onStart: () => void
}

/**
 * What the booth shows between visitors: the invitation, the language choice and the partners (in
 * the chosen language). Nothing for staff: the kiosk's version and id are on the PIN screen.
 */
export function AttractScreen({ languages, onStart }: Props) {
  const { t } = useTranslation()
  const headingRef = useFocusHeading<HTMLHeadingElement>()
  return (
    <main className="screen attract">
      <div className="attract__hero">
        <img className="attract__logo" src={logoUrl} alt="" />
        <p className="kicker">{t('attract.kicker')}</p>
        <h1 className="title title--hero" ref={headingRef} tabIndex={-1}>
          {t('attract.title')}
        </h1>
        <p className="lead">{t('attract.lead')}</p>
        <LanguagePicker languages={languages} label={t('attract.chooseLanguage')} />
        <button type="button" className="button button--primary button--xl" onClick={onStart}>
          {t('attract.start')}
        </button>
      </div>
      <section className="partners" aria-labelledby="partners-heading">
        <h2 id="partners-heading" className="partners__heading">
          {t('attract.partners')}
        </h2>
        <ul className="partners__list">
          {partnerLabels(t).map((partner) => (
            <li key={partner.id} className="partners__item">
              <span className="partners__name">{partner.name}</span>
              {partner.short && <span className="partners__short">{partner.short}</span>}
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
