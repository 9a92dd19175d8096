import { ApiError } from '@shared/api-error'
import { describe, expect, it } from 'vitest'
import type { PrintResult } from '@shared/printing'
import { sampleRecord } from '@shared/testing/sample-record'
import { toStored } from '../../../db/save-signature'
import type { KioskDB } from '../../../db/schema'
import { testDatabases } from '../../../db/testing/test-db'
import { reprintCertificate, type ReprintApi } from './reprint'

const newDb = testDatabases()

const RECORD = sampleRecord(42)

async function seededDb(): Promise<KioskDB> {
  const db = newDb()
  await db.signatures.add(toStored(RECORD))
  await db.strokes.add({ id: RECORD.id, signature: RECORD.signature })
  return db
}

/** A stand-in for the main process's certificate methods. */
function fakeApi(print: PrintResult | Error): ReprintApi & { printed: string[] } {
  const printed: string[] = []
  return {
    printed,
    printCertificate: async ({ record }) => {
      printed.push(record.certificateNo)
      if (print instanceof Error) throw print
      return print
    },
    renderCertificate: async () => new Uint8Array([37, 80, 68, 70]),
  }
}

const state = async (db: KioskDB) => ({
  printedAt: (await db.signatures.get(RECORD.id))?.printedAt ?? null,
  audit: (await db.audit.toArray()).map((entry) => [entry.action, entry.detail]),
})

describe('reprintCertificate', () => {
  it('prints on the chosen printer, marks the record printed and logs it', async () => {
    const db = await seededDb()
    const api = fakeApi({ ok: true, printer: 'Booth_Printer', jobId: 'Booth_Printer-3' })
    expect(await reprintCertificate(db, RECORD, true, api)).toEqual({
      ok: true,
      printer: 'Booth_Printer',
    })
    expect(api.printed).toEqual([RECORD.certificateNo])
    const after = await state(db)
    expect(after.printedAt).not.toBeNull()
    expect(after.audit).toEqual([
      ['reprint', `Certificate ${RECORD.certificateNo} reprinted on Booth_Printer`],
    ])
  })

  it('without a printer hands out the PDF, and says so in the log', async () => {
    const db = await seededDb()
    const downloads: string[] = []
    const api = fakeApi(new Error('must not print'))
    const outcome = await reprintCertificate(db, RECORD, false, api, (_pdf, name) =>
      downloads.push(name),
    )
    expect(outcome).toEqual({ ok: true, printer: null })
    expect(api.printed).toEqual([])
    expect(downloads).toEqual([`certificate-${RECORD.certificateNo}.pdf`])
    expect((await state(db)).audit).toEqual([
      ['reprint', `Certificate ${RECORD.certificateNo} given as a PDF`],
    ])
  })

  it("a printer's refusal or a failed call is logged with its reason and marks nothing", async () => {
    const db = await seededDb()
    const refused = fakeApi({ ok: false, reason: 'not-printed', message: 'Check the paper.' })
    expect(await reprintCertificate(db, RECORD, true, refused)).toEqual({
      ok: false,
      reason: 'not-printed',
      message: 'Check the paper.',
    })
    const locked = 'The staff console is locked. Unlock it with the PIN and try again.'
    const broken = fakeApi(
      new ApiError('forbidden', 'printCertificate: The staff console is locked', {
        reason: 'staff-locked',
      }),
    )
    expect(await reprintCertificate(db, RECORD, true, broken)).toEqual({
      ok: false,
      message: locked,
    })
    expect(await state(db)).toEqual({
      printedAt: null,
      audit: [
        ['reprint', `Certificate ${RECORD.certificateNo} not reprinted: Check the paper.`],
        ['reprint', `Certificate ${RECORD.certificateNo} not reprinted: ${locked}`],
      ],
    })
  })

  it('a print that could not be recorded still answers printed, saying what was not recorded', async () => {
    const db = await seededDb()
    const api = fakeApi({ ok: true, printer: 'Booth_Printer', jobId: null })
    db.signatures.hook('updating', () => {
      throw new Error('simulated write failure')
    })
    const outcome = await reprintCertificate(db, RECORD, true, api)
    expect(outcome).toMatchObject({ ok: true, printer: 'Booth_Printer' })
    expect(outcome.ok && outcome.notRecorded).toContain('simulated write failure')
    expect((await state(db)).audit).toEqual([
      ['reprint', `Certificate ${RECORD.certificateNo} reprinted on Booth_Printer`],
    ])
  })
})
