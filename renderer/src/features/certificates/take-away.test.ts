import { describe, expect, it } from 'vitest'
import { certificatePageUrl, qrDataUrl } from './take-away'

describe('certificatePageUrl', () => {
  it("points to the certificate's page on the register, whatever the trailing slashes", () => {
    expect(certificatePageUrl('https://register.example.eu/', 'EWRC26-B03-000123')).toBe(
      'https://register.example.eu/v1/certificates/EWRC26-B03-000123',
    )
    expect(certificatePageUrl('https://r.example.eu/base//', 'EWRC26-B03-000001')).toBe(
      'https://r.example.eu/base/v1/certificates/EWRC26-B03-000001',
    )
  })

  it('is null without a register', () => {
    expect(certificatePageUrl('  ', 'EWRC26-B03-000123')).toBeNull()
  })
})

describe('qrDataUrl', () => {
  it('draws an SVG QR code as a data URL, different for different addresses', async () => {
    const a = await qrDataUrl('https://register.example.eu/v1/certificates/EWRC26-B03-000001')
    const b = await qrDataUrl('https://register.example.eu/v1/certificates/EWRC26-B03-000002')
    expect(a).toMatch(/^data:image\/svg\+xml;charset=utf-8,/)
    expect(decodeURIComponent(a)).toContain('<svg')
    expect(a).not.toBe(b)
  })
})
