import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OnScreenKeyboard } from '../components/keyboard'
import { AttractScreen } from '../features/attract/AttractScreen'
import { PrintCertificateButton } from '../features/certificates/PrintCertificateButton'
import { PinScreen } from '../features/staff/PinScreen'
import { StaffConsole } from '../features/staff/StaffConsole'
import { StaffEntry, useStaffShortcut } from '../features/staff/StaffEntry'
import { renderStaffBulkActions, staffToolTabs } from '../features/staff/staff-tools'
import { DisplayOptionsButton } from '../features/visitor/display/DisplayOptionsButton'
import { useVisitorDisplay } from '../features/visitor/display/useDisplayOptions'
import { VisitorFlow } from '../features/visitor/VisitorFlow'
import { ErrorBoundary } from './ErrorBoundary'
import { useBoot } from './useBoot'
import { trapHistoryBack, wipeVisitorTraces } from './wipe-visitor-traces'

type Screen = 'attract' | 'signing' | 'staff-pin' | 'staff'

export function App() {
  const boot = useBoot()
  const { t } = useTranslation()
  const [screen, setScreen] = useState<Screen>('attract')
  // A new key per visitor (and after the staff console): everything below is rebuilt empty.
  const [visitorKey, setVisitorKey] = useState(0)

  useEffect(() => trapHistoryBack(), [])

  const backToAttract = useCallback(() => {
    wipeVisitorTraces()
    setScreen('attract')
    setVisitorKey((k) => k + 1)
  }, [])
  const openStaffPin = useCallback(() => setScreen('staff-pin'), [])
  useStaffShortcut(openStaffPin)
  useVisitorDisplay(screen === 'attract' || screen === 'signing')

  if (boot.state === 'loading') return <main className="screen screen--center" aria-busy="true" />
  if (boot.state === 'failed') {
    return (
      <main className="screen screen--center" role="alert">
        <h1 className="title">{t('error.title')}</h1>
        <p className="lead">{t('error.body')}</p>
        {/* For staff: what failed, e.g. a journal sealed with another kiosk key. */}
        <p className="muted" data-testid="boot-error">
          {boot.message}
        </p>
      </main>
    )
  }
  const { info, settings } = boot
  const screens: Record<Screen, React.ReactNode> = {
    attract: (
      <>
        <AttractScreen languages={settings.languages} onStart={() => setScreen('signing')} />
        <DisplayOptionsButton placement="corner" idleResetSeconds={settings.idleSeconds} />
        <StaffEntry onOpen={openStaffPin} />
      </>
    ),
    signing: (
      <VisitorFlow
        settings={settings}
        onExit={backToAttract}
        renderPrint={(record) => (
          <PrintCertificateButton
            record={record}
            printerConfigured={settings.printerName !== ''}
            registerUrl={settings.registerUrl}
          />
        )}
      />
    ),
    'staff-pin': (
      <>
        <PinScreen
          onUnlocked={() => setScreen('staff')}
          onCancel={backToAttract}
          language={settings.staffLanguage}
        />
        {/* For staff, not visitors: which kiosk and version this is, before unlocking. */}
        <p className="kiosk-badge" data-testid="kiosk-badge">
          {info.eventCode} · {info.kioskId} · v{info.version} · {info.runtime}
        </p>
      </>
    ),
    staff: (
      <StaffConsole
        settings={settings}
        extraTabs={staffToolTabs(settings, boot.reload)}
        renderBulkActions={(selected) => renderStaffBulkActions(selected, settings)}
        onLocked={backToAttract}
        onSettingsSaved={boot.reload}
      />
    ),
  }
  return (
    <ErrorBoundary onReset={backToAttract}>
      <div key={visitorKey} className="app">
        {screens[screen]}
        <OnScreenKeyboard />
      </div>
    </ErrorBoundary>
  )
}
