import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Locator, Page } from '@playwright/test'
import { pdfText, withPdfFile } from '../../electron/services/certificates/testing/poppler'
import { dayInZone } from '../../electron/shared/time'
import { expect, openKiosk, test } from '../support/fixtures'
import { freshDataDir, startWebHost, type WebHostProcess } from '../support/web-host'
import { storedRows } from '../visitor/visitor-page'
import { StaffPage } from './staff-page'
import { ToolsPage } from './tools-page'

const TODAY = dayInZone(new Date(), 'Europe/Brussels')

/** The on-screen keyboard, tapped key by key as staff do on the booth's touch screen. */
function onScreenKeyboard(page: Page) {
  const keyboard = page.getByRole('group', { name: 'On-screen keyboard' })
  const key = (name: string) => keyboard.getByRole('button', { name, exact: true })
  return {
    keyboard,
    key,
    /** Taps each character's key, switching between letters and digits/symbols as needed. */
    async type(text: string) {
      for (const char of text) {
        const wanted = key(char === ' ' ? 'Space' : char)
        if (!(await wanted.isVisible())) {
          const other = (await key('Numbers and symbols').isVisible())
            ? key('Numbers and symbols')
            : key('Letters')
          await other.tap()
        }
        await wanted.tap()
      }
    },
  }
}

/** Taps a field, waits for the keyboard, and types into it by tapping keys. */
async function tapIn(page: Page, field: Locator, text: string) {
  await field.tap()
  await expect(field).toBeFocused()
  const osk = onScreenKeyboard(page)
  await expect(osk.keyboard).toBeVisible()
  await osk.type(text)
  await expect(field).toHaveValue(text)
}

let host: WebHostProcess
let exportsDir: string
test.beforeEach(async () => {
  const dataDir = await freshDataDir()
  exportsDir = join(dataDir, 'usb-stick')
  await mkdir(exportsDir)
  host = await startWebHost({ dataDir, exportsDir })
})
test.afterEach(async () => {
  await host.stop()
})

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test.describe(`on a ${viewport.width}×${viewport.height} touch screen`, () => {
    test.use({ hasTouch: true, viewport })

    test('staff key in a paper form with the on-screen keyboard: saved as paper, in the table, with its certificate, in the export', async ({
      page,
    }, testInfo) => {
      await openKiosk(page, host)
      const staff = new StaffPage(page)
      await staff.open()
      await page.getByRole('tab', { name: 'Paper form' }).tap()
      const form = page.getByRole('form', { name: 'Key in a paper form' })
      await expect(form).toBeVisible()

      // Nothing ticked: the visitor's checks answer, and nothing is saved.
      await form.getByRole('button', { name: 'Save paper form' }).tap()
      await expect(form.getByLabel('Form reference number')).toHaveAttribute('aria-invalid', 'true')
      await expect(
        form.getByText('Only a form with the endorsement ticked can be keyed in'),
      ).toBeVisible()

      await tapIn(page, form.getByLabel('Form reference number'), 'P-0042')
      await tapIn(page, form.getByLabel('First name', { exact: true }), 'Ana')
      await tapIn(page, form.getByLabel('Last name', { exact: true }), 'Novak')
      await form.getByRole('button', { name: /Country/ }).tap()
      const countries = page.getByRole('dialog', { name: 'Country' })
      await countries.getByRole('button', { name: 'Slovenia', exact: true }).tap()
      await expect(countries).toBeHidden()
      await form.getByRole('checkbox', { name: /I endorse the key principles/ }).tap()
      await form.getByRole('checkbox', { name: /Publish my name/ }).tap()
      await page.screenshot({ path: testInfo.outputPath('paper-form-filled.png') })

      await form.getByRole('button', { name: 'Save paper form' }).tap()
      const saved = page.getByRole('heading', { name: /^Paper form P-0042 saved as certificate/ })
      await expect(saved).toBeVisible()
      const certificateNo = ((await saved.textContent()) ?? '').split(' ').at(-1)!
      expect(certificateNo).toMatch(/^EWRC26-B01-\d{6}$/)
      await page.screenshot({ path: testInfo.outputPath('paper-form-saved.png') })

      const stored = (await storedRows(page, 'signatures')) as Record<string, unknown>[]
      expect(stored).toMatchObject([
        { certificateNo, source: 'paper', paperRef: 'P-0042', firstName: 'Ana', country: 'SI' },
      ])
      expect(await storedRows(page, 'strokes')).toEqual([])

      // No printer is chosen: the certificate comes as a PDF.
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Print certificate', exact: true }).tap()
      const pdf = await readFile(await (await download).path())
      const text = await withPdfFile(pdf, (file) => pdfText(file))
      expect(text.replace(/\s+/g, ' ')).toContain('Ana Novak')
      expect(text).toContain(certificateNo)
      const savedCard = page.getByRole('region', { name: /^Paper form P-0042 saved/ })
      await expect(savedCard.getByRole('status')).toContainText(certificateNo)

      // The same reference again is refused, and saves nothing.
      await page.getByRole('button', { name: 'Key in another form' }).tap()
      await tapIn(page, form.getByLabel('Form reference number'), 'P-0042')
      await form.getByLabel('First name', { exact: true }).fill('Marta')
      await form.getByLabel('Last name', { exact: true }).fill('Kos')
      await form.getByRole('button', { name: /Country/ }).tap()
      await countries.getByRole('button', { name: 'Slovenia', exact: true }).tap()
      await form.getByRole('checkbox', { name: /I endorse the key principles/ }).tap()
      await form.getByRole('button', { name: 'Save paper form' }).tap()
      await expect(
        form.getByText(
          'A paper form with this reference number has already been keyed in at this kiosk',
        ),
      ).toBeVisible()
      expect(await storedRows(page, 'signatures')).toHaveLength(1)

      await page.getByRole('tab', { name: 'Signatures' }).tap()
      const row = page.getByRole('row', { name: new RegExp(certificateNo) })
      await expect(row).toContainText('Paper P-0042')
      await page.screenshot({ path: testInfo.outputPath('paper-form-table.png') })

      await page.getByRole('tab', { name: 'Audit log' }).tap()
      await expect(page.getByRole('row', { name: /Paper form/ }).first()).toContainText(
        `paper form P-0042 keyed in as ${certificateNo}`,
      )

      await page.getByRole('tab', { name: 'Export' }).tap()
      const folder = await new ToolsPage(page).exportDay(TODAY)
      const csv = await readFile(join(folder, 'signatures.csv'), 'utf8')
      const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
        header: true,
        skipEmptyLines: true,
      }).data
      expect(rows).toMatchObject([{ certificateNo, source: 'paper', paperRef: 'P-0042' }])
      const json = JSON.parse(await readFile(join(folder, 'signatures.json'), 'utf8')) as {
        records: Record<string, unknown>[]
      }
      expect(json.records[0]).toMatchObject({ source: 'paper', paperRef: 'P-0042' })
      expect(json.records[0]).not.toHaveProperty('signature')
    })
  })
}
