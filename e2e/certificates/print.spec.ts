import { execFileSync } from 'node:child_process'
import { test, expect } from '../support/fixtures'
import { storedSignatures, VisitorPage } from '../visitor/visitor-page'

test('on the web host without a printer, "Print my certificate" hands the visitor the PDF', async ({
  kiosk,
}, testInfo) => {
  const visitor = new VisitorPage(kiosk, 'de')
  await visitor.signUpToReview({
    firstName: 'Ødegård',
    lastName: 'Ærø-Šťastný',
    email: 'o@example.dk',
    countryName: 'Dänemark',
  })
  const certificateNo = await visitor.confirm()

  const downloading = kiosk.waitForEvent('download')
  await kiosk.getByRole('button', { name: 'Meine Urkunde drucken' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`certificate-${certificateNo}.pdf`)
  const file = testInfo.outputPath('certificate.pdf')
  await download.saveAs(file)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toContain('Ødegård Ærø-Šťastný')
  expect(text).toContain(certificateNo)
  expect(text).toContain('Unterstützungsurkunde')
  await expect(kiosk.getByRole('status')).toHaveText('Ihre Urkunde liegt als PDF bereit.')
  await expect.poll(async () => (await storedSignatures(kiosk))[0]?.printedAt).toBeTruthy()
})
