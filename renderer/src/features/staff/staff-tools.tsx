import type { ReactNode } from 'react'
import type { PublicSettings } from '@shared/settings'
import { AuditTab } from './audit/AuditTab'
import { BulkActions } from './export/BulkActions'
import { ExportTab } from './export/ExportTab'
import { SettingsTab } from './settings/SettingsTab'
import type { StaffTab } from './StaffConsole'

/** The console's Export, Settings and Audit log tabs, for `StaffConsole`'s `extraTabs`. */
export function staffToolTabs(
  settings: PublicSettings,
  onSettingsSaved: () => Promise<void>,
): Partial<Record<StaffTab, ReactNode>> {
  return {
    export: <ExportTab settings={settings} />,
    settings: <SettingsTab settings={settings} onSaved={onSettingsSaved} />,
    audit: <AuditTab />,
  }
}

/** The signatures table's bulk actions on the selected rows: certificates PDF and export. */
export function renderStaffBulkActions(
  selected: readonly { id: string; certificateNo: string }[],
  settings: PublicSettings,
): ReactNode {
  return <BulkActions selected={selected} settings={settings} />
}
