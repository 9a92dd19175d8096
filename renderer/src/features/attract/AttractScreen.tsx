import './attract.css'
import { useTranslation } from 'react-i18next'
import { FOUNDING_PARTNERS } from '@shared/partners'
import type { Language } from '@shared/settings'
import { LanguagePicker } from '../../components/LanguagePicker'
import { useFocusHeading } from '../../components/useFocusHeading'
import logoUrl from '@resources/logo/alliance-mark.svg'

interface Props {
  languages: readonly Language[]
  onStart: () => void
}

/** What the booth shows between visitors: the invitation, the language choice and the partners. */
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
          {FOUNDING_PARTNERS.map((partner) => (
            <li key={partner.short} className="partners__item">
              <abbr title={partner.name}>{partner.short}</abbr>
              <span className="partners__name">{partner.name}</span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
