import type { TFunction } from 'i18next'
import { FOUNDING_PARTNERS } from '@shared/partners'

/** How a founding partner is named on screen: once, with its acronym only where it has one. */
export interface PartnerLabel {
  id: string
  name: string
  /** The acronym, or null where it would only repeat the name (EUROCITIES). */
  short: string | null
}

/**
 * The founding partners in the current language: each partner's official name in that language
 * where it has one (an empty string in the locale file says it has none), else its own name.
 */
export function partnerLabels(t: TFunction): PartnerLabel[] {
  return FOUNDING_PARTNERS.map((partner) => {
    const name = t(`partners.${partner.id}.name`) || partner.name
    const short = t(`partners.${partner.id}.short`) || partner.short
    return { id: partner.id, name, short: short === name ? null : short }
  })
}
