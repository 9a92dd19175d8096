import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrganiserTextStatus } from '@shared/organiser-texts'
import { api } from '../../../lib/api'

/** Names the event's languages whose declaration or privacy text is missing (visitors read English there). */
export function MissingTextsNotice() {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState<OrganiserTextStatus | null>(null)
  useEffect(() => {
    void api.getOrganiserTextStatus().then(setStatus, () => setStatus(null))
  }, [])
  if (!status || status.missing.length === 0) return null
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' })
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' })
  const items = status.missing.map(({ name, language }) =>
    t('staff.dashboard.missingText', {
      text: t(`staff.dashboard.organiserTexts.${name}`),
      language: languages.of(language) ?? language,
    }),
  )
  return (
    <p className="notice notice--warning" role="status" data-testid="missing-texts">
      {t('staff.dashboard.missingTexts', { list: list.format(items) })}
    </p>
  )
}
