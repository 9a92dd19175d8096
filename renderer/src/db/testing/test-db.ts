import 'fake-indexeddb/auto'
import { afterEach } from 'vitest'
import { sampleRecord } from '@shared/testing/sample-record'
import type { SignatureRecord } from '@shared/signature'
import type { SignatureDraft } from '../save-signature'
import { KioskDB } from '../schema'

/** A fresh kiosk database per test (fake-indexeddb), deleted afterwards. */
export function testDatabases(): () => KioskDB {
  const opened: KioskDB[] = []
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.delete()))
  })
  return () => {
    const db = new KioskDB(`test-${crypto.randomUUID()}`)
    opened.push(db)
    return db
  }
}

/** What a visitor would have entered for sample record n, with a fresh id. */
export function sampleDraft(n: number, overrides: Partial<SignatureRecord> = {}): SignatureDraft {
  const {
    certificateNo: _c,
    kioskId: _k,
    eventCode: _e,
    createdAt: _t,
    day: _d,
    ...draft
  } = sampleRecord(n, overrides)
  return { ...draft, id: crypto.randomUUID() }
}
