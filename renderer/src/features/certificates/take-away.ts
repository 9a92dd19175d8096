import QRCode from 'qrcode'

/**
 * The address of a certificate's verification page on the register (`<registerUrl>/v1/
 * certificates/<no>`), or null when no register is set. The same rule as the PDF's QR code.
 */
export function certificatePageUrl(registerUrl: string, certificateNo: string): string | null {
  const base = registerUrl.trim().replace(/\/+$/, '')
  if (!base) return null
  return `${base}/v1/certificates/${encodeURIComponent(certificateNo)}`
}

/** A QR code of `url` as an SVG data URL, drawn in the page: nothing is written to the kiosk's disk. */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
