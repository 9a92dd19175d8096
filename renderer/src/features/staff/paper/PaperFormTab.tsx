import './paper.css'
import { useState } from 'react'
import type { PublicSettings } from '@shared/settings'
import type { SignatureRecord } from '@shared/signature'
import { PaperForm } from './PaperForm'
import { PaperFormSaved } from './PaperFormSaved'

/**
 * Staff key in a paper form (a booth without power or with a queue falls back to paper): the
 * form, then its certificate number and certificate; "another form" starts a fresh, empty form.
 */
export function PaperFormTab({ settings }: { settings: PublicSettings }) {
  const [saved, setSaved] = useState<SignatureRecord | null>(null)
  const [round, setRound] = useState(0)
  if (saved) {
    return (
      <PaperFormSaved
        record={saved}
        settings={settings}
        onAnother={() => {
          setSaved(null)
          setRound((n) => n + 1)
        }}
      />
    )
  }
  return <PaperForm key={round} settings={settings} onSaved={setSaved} />
}
