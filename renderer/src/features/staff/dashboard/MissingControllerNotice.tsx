import { useTranslation } from 'react-i18next'
import { missingControllerFields, type EditableSettings } from '@shared/settings'

/** Names the data controller's details still empty: the visitors' privacy notice lacks them. */
export function MissingControllerNotice({ settings }: { settings: EditableSettings }) {
  const { t, i18n } = useTranslation()
  const missing = missingControllerFields(settings)
  if (missing.length === 0) return null
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' })
  return (
    <p className="notice notice--warning" role="status" data-testid="missing-controller">
      {t('staff.dashboard.missingController', {
        list: list.format(missing.map((field) => t(`staff.settings.${field}`))),
      })}
    </p>
  )
}
