import type { TFunction } from 'i18next'
import type { Consents } from '@shared/signature'
import { OPTIONAL_CONSENTS } from './consent-change'

/** A signature's optional consents in words, in the reader's language ("Newsletter, Name published"). */
export function consentWords(t: TFunction, consents: Consents): string {
  const given = OPTIONAL_CONSENTS.filter((name) => consents[name])
  return given.map((name) => t(`staff.table.consent.${name}`)).join(', ')
}

/** As consentWords, or "None" where nothing optional was consented to (for a labelled field). */
export function consentWordsOrNone(t: TFunction, consents: Consents): string {
  return consentWords(t, consents) || t('staff.table.consent.none')
}
