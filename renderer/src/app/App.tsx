import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AttractScreen } from '../features/attract/AttractScreen'
import { ErrorBoundary } from './ErrorBoundary'
import { useBoot } from './useBoot'

type Screen = 'attract' | 'signing'

export function App() {
  const boot = useBoot()
  const { t } = useTranslation()
  const [screen, setScreen] = useState<Screen>('attract')
  const [resetKey, setResetKey] = useState(0)

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
    <ErrorBoundary
      onReset={() => {
        setScreen('attract')
        setResetKey((k) => k + 1)
      }}
    >
      <div key={resetKey} className="app">
        {screen === 'attract' && (
          <AttractScreen languages={settings.languages} onStart={() => setScreen('signing')} />
        )}
        <p className="kiosk-badge" data-testid="kiosk-badge">
          {info.eventCode} · {info.kioskId} · v{info.version} · {info.runtime}
        </p>
      </div>
    </ErrorBoundary>
  )
}
