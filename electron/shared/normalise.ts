/** Text clean-up shared by the kiosk and the register, so both compare signatories the same way. */

/** Trims, folds inner white space and composes to NFC: what a person typed, tidied. */
export function tidyText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Emails compare lowercased and trimmed. */
export function normaliseEmail(email: string): string {
  return tidyText(email).toLowerCase()
}

/** One organisation signing at several kiosks: the same name (case, accents and punctuation folded) in the same country. */
export function organisationKey(name: string, country: string): string {
  const folded = tidyText(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return `${country.toUpperCase()}|${folded}`
}
