/**
 * A print that goes all the way through a real CUPS spooler: a private cupsd started by this test
 * (never the machine's print system) with a virtual printer that runs CUPS's filter chain and
 * writes the page to a PDF file instead of paper. Staff pick that printer from the list the
 * system reports, print a test page, and a visitor's certificate comes out of it with their name.
 */
import { pdfText, withPdfFile } from '../../electron/services/certificates/testing/poppler'
import {
  cupsUnavailableReason,
  startCupsServer,
  type CupsServer,
} from '../../electron/services/printing/testing/cups-server'
import { expect, openKiosk, test } from '../support/fixtures'
import { startWebHost, type WebHostProcess } from '../support/web-host'
import { StaffPage } from '../staff/staff-page'
import { storedSignatures, VisitorPage } from '../visitor/visitor-page'

const unavailable = cupsUnavailableReason()

test.describe('printing on a real print system', () => {
  test.skip(unavailable !== null, `skipped: no private CUPS server: ${unavailable}`)

  let cups: CupsServer
  let host: WebHostProcess
  test.beforeEach(async () => {
    cups = await startCupsServer('Booth_Printer')
    host = await startWebHost({ env: cups.env })
  })
  test.afterEach(async () => {
    await host?.stop()
    await cups?.stop()
  })

  test('staff choose the printer and print a test page; the visitor’s certificate comes out of it', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await openKiosk(page, host)
    const staff = new StaffPage(page)
    await staff.open()
    await staff.tab('Settings')
    await expect(
      page
        .getByRole('combobox', { name: 'Certificate printer' })
        .getByRole('option', { name: /Booth_Printer · system default/ }),
    ).toBeAttached()
    await staff.choosePrinter('Booth_Printer')
    await page.getByRole('button', { name: 'Print a test page' }).click()
    await expect(page.getByText('Test page printed on Booth_Printer.')).toBeVisible({
      timeout: 30_000,
    })
    expect(await withPdfFile(await cups.printedPdf(), (file) => pdfText(file))).toContain(
      'Booth_Printer',
    )
    await page.getByRole('button', { name: 'Lock' }).click()

    const visitor = new VisitorPage(page, 'en')
    await visitor.signUpToReview({
      firstName: 'Zoë',
      lastName: 'Ó Súilleabháin',
      email: 'zoe@example.ie',
      countryName: 'Ireland',
    })
    const certificateNo = await visitor.confirm()
    await page.getByRole('button', { name: 'Print my certificate' }).click()
    await expect(page.getByRole('status')).toHaveText(
      'Your certificate is printing. Please collect it at the printer.',
      { timeout: 50_000 },
    )
    const printed = await withPdfFile(await cups.printedPdf(), (file) => pdfText(file))
    expect(printed).toContain('Zoë Ó Súilleabháin')
    expect(printed).toContain(certificateNo)
    await expect.poll(async () => (await storedSignatures(page))[0]?.printedAt).toBeTruthy()

    // Staff reprint it from the signatures table: it comes out again and the log says so.
    await page.getByRole('button', { name: 'Finish' }).click()
    await staff.open()
    await staff.tab('Signatures')
    await page
      .getByRole('row', { name: new RegExp(certificateNo) })
      .getByRole('button', { name: 'Details' })
      .click()
    const details = page.getByRole('dialog', { name: `Signature ${certificateNo}` })
    await details.getByRole('button', { name: 'Reprint' }).click()
    // The reprint's own status line (the consent editor has one too).
    await expect(
      details.getByRole('status').filter({ hasText: `${certificateNo}: certificate sent` }),
    ).toHaveText(`${certificateNo}: certificate sent to Booth_Printer.`, { timeout: 50_000 })
    const reprinted = await withPdfFile(await cups.printedPdf(), (file) => pdfText(file))
    expect(reprinted).toContain('Zoë Ó Súilleabháin')
    await details.getByRole('button', { name: 'Close' }).click()
    await staff.tab('Audit log')
    await expect(page.getByRole('row', { name: /Reprint/ }).first()).toContainText(
      `Certificate ${certificateNo} reprinted on Booth_Printer`,
    )
  })

  test('a stopped printer: the visitor is told to ask the staff, nothing is downloaded', async ({
    page,
  }) => {
    // The kiosk waits out its 45 s print deadline; the thank-you screen's 20 s idle wipe is held
    // meanwhile, or the visitor would never see the answer.
    test.setTimeout(120_000)
    await cups.client('cupsdisable', ['Booth_Printer'])
    await openKiosk(page, host)
    const staff = new StaffPage(page)
    await staff.open()
    await staff.choosePrinter('Booth_Printer')
    await page.getByRole('button', { name: 'Lock' }).click()

    const visitor = new VisitorPage(page, 'en')
    await visitor.signUpToReview({ firstName: 'Ana', lastName: 'Pop', countryName: 'Romania' })
    const certificateNo = await visitor.confirm()
    await page.getByRole('button', { name: 'Print my certificate' }).click()
    // The job sits in the stopped queue until the kiosk's print deadline (45 s).
    await expect(page.getByRole('status')).toHaveText(
      'The certificate could not be printed. Please ask the booth staff.',
      { timeout: 55_000 },
    )
    // No register is set in this kiosk: the take-away is the staff, not a file on the kiosk.
    await expect(page.getByTestId('take-away')).toHaveText(
      `Your certificate ${certificateNo} can be asked for from the booth staff.`,
    )
  })
})
