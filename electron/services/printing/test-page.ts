import { rm, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDocument, FONT, PAGE, PAGE_OPTIONS } from '../certificates/document'
import { drawLogo } from '../certificates/logo'
import { printPdf, type PrintPdfOptions } from './print-pdf'
import type { PrintResult } from './types'

/**
 * A one-page PDF for staff to check a printer: same paper size, orientation, fonts and frame
 * as a certificate, so what prints well here prints well there.
 */
export async function renderTestPage(printerName: string, now = new Date()): Promise<Uint8Array> {
  const doc = createDocument({ title: 'Cohesion Kiosk test page', createdAt: now, language: 'en' })
  const chunks: Uint8Array[] = []
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  doc.addPage(PAGE_OPTIONS)
  const { width: w, height: h } = PAGE
  doc
    .rect(20, 20, w - 40, h - 40)
    .lineWidth(3)
    .stroke('#003399')
  drawLogo(doc, (w - 80) / 2, 80, 80)
  const line = (text: string, y: number, size: number, font: string = FONT.regular) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor('#1B2033')
      .text(text, 60, y, { width: w - 120, align: 'center' })
  line('Cohesion Kiosk test page', 190, 30, FONT.bold)
  line(`Printer: ${printerName}`, 240, 14)
  line(`Printed ${now.toISOString().replace('T', ' ').slice(0, 16)} UTC`, 262, 12)
  line(
    'If you can read this, the frame is complete on all four sides and the letters below look',
    310,
    11,
  )
  line('right, certificates will print correctly on this printer.', 326, 11)
  line('ő ű ș ț ł ř ė ā ħ ß č đ  ·  Ελληνικά  ·  Български', 370, 16)
  doc.end()
  await done
  return Buffer.concat(chunks)
}

/** Prints the test page on a printer; resolves like `printPdf`, never throws. */
export async function printTestPage(
  printerName: string,
  options: PrintPdfOptions = {},
): Promise<PrintResult> {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-test-page-'))
  try {
    const file = join(dir, 'cohesion-kiosk-test-page.pdf')
    await writeFile(file, await renderTestPage(printerName))
    return await printPdf(file, printerName, { title: 'Cohesion Kiosk test page', ...options })
  } finally {
    // lp has handed the file to the spooler by the time it exits.
    await rm(dir, { recursive: true, force: true })
  }
}
