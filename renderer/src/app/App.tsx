import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AttractScreen } from '../features/attract/AttractScreen'
import { OnScreenKeyboard } from '../components/keyboard'
import { PrintCertificateButton } from '../features/certificates/PrintCertificateButton'
import { VisitorFlow } from '../features/visitor/VisitorFlow'
import { ErrorBoundary } from './ErrorBoundary'
import { useBoot } from './useBoot'
import { trapHistoryBack, wipeVisitorTraces } from './wipe-visitor-traces'

type Screen = 'attract' | 'signing'

export function App() {
  const boot = useBoot()
  const { t } = useTranslation()
  const [screen, setScreen] = useState<Screen>('attract')
  // A new key per visitor: everything below is unmounted and rebuilt empty.
  const [visitorKey, setVisitorKey] = useState(0)

  useEffect(() => trapHistoryBack(), [])

  const backToAttract = useCallback(() => {
    wipeVisitorTraces()
    setScreen('attract')
    setVisitorKey((k) => k + 1)
  }, [])

  if (boot.state === 'loading') return <main className="screen screen--center" aria-busy="true" />
  if (boot.state === 'failed') {
    return (
      <main className="screen screen--center" role="alert">
        <h1 className="title">{t('error.title')}</h1>
        <p className="lead">{t('error.body')}</p>
      </main>
    )
  }
  const { info, settings } = boot
  return (
    <ErrorBoundary onReset={backToAttract}>
      <div key={visitorKey} className="app">
        {screen === 'attract' ? (
          <>
            <AttractScreen languages={settings.languages} onStart={() => setScreen('signing')} />
            <p className="kiosk-badge" data-testid="kiosk-badge">
              {info.eventCode} · {info.kioskId} · v{info.version} · {info.runtime}
            </p>
          </>
        ) : (
          <VisitorFlow
            settings={settings}
            onExit={backToAttract}
            renderPrint={(record) => (
              <PrintCertificateButton
                record={record}
                printerConfigured={settings.printerName !== ''}
              />
            )}
          />
        )}
        <OnScreenKeyboard />
      </div>
    </ErrorBoundary>
  )
}
