import './settings.css'
import type { PublicSettings } from '@shared/settings'
import { PinCard } from './PinCard'
import { SettingsForm } from './SettingsForm'
import { TokenCard } from './TokenCard'

interface Props {
  settings: PublicSettings
  /** Reloads the app's settings after a save, so every screen uses the new values at once. */
  onSaved: () => Promise<void>
}

/** The settings page: the settings form, the register token and the staff PIN, each saved on its own. */
export function SettingsTab({ settings, onSaved }: Props) {
  return (
    <div className="settings">
      {/* The form's cards sit in the page grid beside the token and PIN cards (display: contents). */}
      <SettingsForm settings={settings} onSaved={onSaved} />
      <TokenCard tokenSet={settings.registerTokenSet} onSaved={onSaved} />
      <PinCard />
    </div>
  )
}
