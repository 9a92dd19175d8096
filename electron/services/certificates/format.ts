import type { SignatureRecord } from '../../shared/signature'

/**
 * A typed value as one printable line: line breaks, tabs and control characters in a form field
 * would otherwise break the layout, which measures every field as a run of text.
 */
export function oneLine(text: string): string {
  let out = ''
  for (const ch of text.replace(/\s+/gu, ' ')) {
    const code = ch.codePointAt(0) ?? 0
    if (code >= 0x20 && (code < 0x7f || code > 0x9f)) out += ch
  }
  return out.trim()
}

/** The signatory's name as printed, given name first as entered on the kiosk. */
export function fullName(record: Pick<SignatureRecord, 'firstName' | 'lastName'>): string {
  return oneLine(`${record.firstName} ${record.lastName}`)
}

/**
 * The register's public verification address for a certificate, or null when no base URL is set
 * (a kiosk not yet connected to a register prints no QR code rather than a dead one).
 */
export function verificationUrl(baseUrl: string, certificateNo: string): string | null {
  const base = baseUrl.trim().replace(/\/+$/, '')
  if (!base) return null
  return `${base}/v1/certificates/${encodeURIComponent(certificateNo)}`
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date of an instant in the event's time zone, written the way the language writes dates. */
export function signingDate(createdAt: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    })
    formatters.set(key, format)
  }
  return format.format(new Date(createdAt))
}
