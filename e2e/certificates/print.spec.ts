import type { Page } from '@playwright/test'
import { asStaff, hostCall } from '../sync/sync-kiosk'
import { expect, openKiosk, test } from '../support/fixtures'
import { VisitorPage } from '../visitor/visitor-page'

/** Signs in German up to the thank-you screen; counts downloads the page starts meanwhile. */
async function signGerman(page: Page): Promise<{ certificateNo: string; downloads: () => number }> {
  let downloads = 0
  page.on('download', () => downloads++)
  const visitor = new VisitorPage(page, 'de')
  await visitor.signUpToReview({
    firstName: 'Ødegård',
    lastName: 'Ærø-Šťastný',
    email: 'o@example.dk',
    countryName: 'Dänemark',
  })
  const certificateNo = await visitor.confirm()
  return { certificateNo, downloads: () => downloads }
}

test('without a printer, "Print my certificate" shows a QR code to the certificate\'s page on the register, and downloads nothing', async ({
  page,
  host,
}) => {
  const registerUrl = 'https://register.example.eu/'
  await asStaff(host, () => hostCall(host, 'updateSettings', { registerUrl }))
  await openKiosk(page, host)
  const { certificateNo, downloads } = await signGerman(page)

  await page.getByRole('button', { name: 'Meine Urkunde drucken' }).click()
  const qr = page.getByRole('img', { name: `QR-Code zur Urkunde ${certificateNo} im Register` })
  await expect(qr).toBeVisible()
  await expect(qr).toHaveAttribute(
    'data-url',
    `https://register.example.eu/v1/certificates/${certificateNo}`,
  )
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml/)
  await expect(page.getByText('Scannen Sie diesen Code mit Ihrem Telefon')).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(
    'Hier gibt es keinen Drucker, aber Ihre Urkunde ist online.',
  )
  expect(downloads()).toBe(0)
})

test('without a printer or a register, the visitor is told to ask the staff, with no QR code', async ({
  page,
  host,
}) => {
  await openKiosk(page, host)
  const { certificateNo, downloads } = await signGerman(page)
  await page.getByRole('button', { name: 'Meine Urkunde drucken' }).click()
  await expect(page.getByTestId('take-away')).toHaveText(
    `Ihre Urkunde ${certificateNo} erhalten Sie beim Standpersonal.`,
  )
  await expect(page.getByRole('img', { name: /QR-Code/ })).toHaveCount(0)
  expect(downloads()).toBe(0)
})
