import { useTranslation } from 'react-i18next'
import type { EditableSettings } from '@shared/settings'

export type ControllerSettings = Pick<
  EditableSettings,
  'controllerName' | 'controllerAddress' | 'controllerEmail' | 'dpoContact'
>

/**
 * Who is responsible for the visitor's data and how to reach them, as the organisers entered it
 * in the settings, in sentences of the visitor's language. Nothing while no name is set (staff
 * are told on their dashboard).
 */
export function ControllerDetails({ controller }: { controller: ControllerSettings }) {
  const { t } = useTranslation()
  const { controllerName, controllerAddress, controllerEmail, dpoContact } = controller
  if (!controllerName) return null
  return (
    <address className="privacy__controller" role="group" aria-label={t('privacy.controllerLabel')}>
      <p>{t('privacy.controller', { name: controllerName })}</p>
      {controllerAddress && <p>{t('privacy.controllerAddress', { address: controllerAddress })}</p>}
      {controllerEmail && <p>{t('privacy.controllerEmail', { email: controllerEmail })}</p>}
      {dpoContact && <p>{t('privacy.dpo', { contact: dpoContact })}</p>}
    </address>
  )
}
