import { useEffect, useState } from 'react'
import type { OrganiserText, OrganiserTextName } from '@shared/organiser-texts'
import type { Language } from '@shared/settings'
import { api } from '../../lib/api'

/**
 * The organisers' text as the kiosk's content folder holds it now, read through the host each time
 * a step shows it (so a replaced file reaches the next visitor). Null while it loads, or when it
 * cannot be read (the step then shows the rest of its content).
 */
export function useOrganiserText(
  name: OrganiserTextName,
  language: Language,
): OrganiserText | null {
  const [loaded, setLoaded] = useState<{ asked: string; text: OrganiserText | null } | null>(null)
  const asked = `${name}.${language}`
  useEffect(() => {
    let current = true
    api.getOrganiserText({ name, language }).then(
      (text) => current && setLoaded({ asked, text }),
      () => current && setLoaded({ asked, text: null }),
    )
    return () => {
      current = false
    }
  }, [name, language, asked])
  return loaded?.asked === asked ? loaded.text : null
}
