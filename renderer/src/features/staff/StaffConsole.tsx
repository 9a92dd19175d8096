import './console.css'
import { useCallback, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/settings'
import { useFocusHeading } from '../../components/useFocusHeading'
import { db } from '../../db'
import { api } from '../../lib/api'
import { recordLock, type LockReason } from './audit/lock-audit'
import { anyJobRunning, cancelAllJobs } from './export/job-store'
import { SyncPanel } from '../sync/SyncPanel'
import { DashboardTab } from './dashboard/DashboardTab'
import { PaperFormTab } from './paper/PaperFormTab'
import type { SelectedRow } from './signatures/useRowSelection'
import { SignaturesTab } from './signatures/SignaturesTab'
import { StaffLanguagePicker, useStaffLanguage } from './StaffLanguage'
import { useStaffSession } from './useStaffSession'

export const STAFF_TABS = [
  'dashboard',
  'signatures',
  'paper',
  'export',
  'settings',
  'audit',
] as const
export type StaffTab = (typeof STAFF_TABS)[number]

interface Props {
  settings: PublicSettings
  /** Other tabs (export, settings, audit) plug in here. */
  extraTabs?: Partial<Record<StaffTab, ReactNode>>
  /** Bulk actions on the signatures table's selection (certificates, export). */
  renderBulkActions?: (selected: SelectedRow[]) => ReactNode
  onLocked: () => void
  /** Reloads the settings after the console's language was changed. */
  onSettingsSaved: () => Promise<void>
}

/** The PIN-protected console: dashboard, signatures, paper forms, export, settings and audit, with Lock always at hand. */
export function StaffConsole({
  settings,
  extraTabs = {},
  renderBulkActions,
  onLocked,
  onSettingsSaved,
}: Props) {
  useStaffLanguage(settings.staffLanguage)
  const { t } = useTranslation()
  const headingRef = useFocusHeading<HTMLHeadingElement>()
  const [tab, setTab] = useState<StaffTab>('dashboard')
  const lock = useCallback(
    (reason: LockReason) => {
      // A locked console writes nothing more: running exports and certificate PDFs stop first.
      cancelAllJobs()
      api.lockStaff().catch(() => undefined)
      recordLock(db, reason).catch(() => undefined)
      onLocked()
    },
    [onLocked],
  )
  useStaffSession(lock, anyJobRunning)

  const panels: Partial<Record<StaffTab, ReactNode>> = {
    dashboard: <DashboardTab settings={settings} syncPanel={<SyncPanel />} />,
    signatures: <SignaturesTab settings={settings} renderBulkActions={renderBulkActions} />,
    paper: <PaperFormTab settings={settings} />,
    ...extraTabs,
  }
  const tabs = STAFF_TABS.filter((name) => panels[name])

  return (
    <div className="staff">
      <header className="staff__bar">
        <h1 className="staff__title" ref={headingRef} tabIndex={-1}>
          {t('staff.console.title')}
          <span className="staff__kiosk">
            {t('staff.console.kiosk', { kiosk: settings.kioskId, event: settings.eventCode })}
          </span>
        </h1>
        <div role="tablist" aria-label={t('staff.console.title')} className="staff__tabs">
          {tabs.map((name) => (
            <button
              key={name}
              role="tab"
              id={`staff-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`staff-panel-${name}`}
              className="staff__tab"
              onClick={() => setTab(name)}
            >
              {t(`staff.console.tabs.${name}`)}
            </button>
          ))}
        </div>
        <StaffLanguagePicker value={settings.staffLanguage} onSaved={onSettingsSaved} />
        <button type="button" className="button staff__lock" onClick={() => lock('manual')}>
          {t('staff.console.lock')}
        </button>
      </header>
      <section
        role="tabpanel"
        id={`staff-panel-${tab}`}
        aria-labelledby={`staff-tab-${tab}`}
        className="staff__panel"
      >
        {panels[tab]}
      </section>
    </div>
  )
}
