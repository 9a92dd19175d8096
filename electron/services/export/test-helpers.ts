import type { AuditEntry } from '../../shared/audit'
import type { SignatureRecord, Withdrawal } from '../../shared/signature'
import { sampleSignatures } from '../../shared/testing/sample-signatures'
import { writeDayBatch, type WriteDayBatchOptions, type WrittenBatch } from './write-batch'

export const DAY = '2026-10-12'

/** A realistic day for kiosk B03: 40 signatures, two tombstones, a few audit lines. */
export function sampleDay(count = 40): {
  records: SignatureRecord[]
  withdrawals: Withdrawal[]
  audit: AuditEntry[]
} {
  const all = sampleSignatures({ count: count + 2, seed: 42, kioskId: 'B03', firstDay: DAY })
  const withdrawn = all.splice(5, 2)
  return {
    records: all,
    withdrawals: withdrawn.map((record) => ({
      id: record.id,
      certificateNo: record.certificateNo,
      withdrawnAt: '2026-10-12T14:00:00.000Z',
    })),
    audit: [
      { id: 2, at: '2026-10-12T07:30:00.000Z', action: 'withdrawal', detail: 'EWRC26-B03-000006' },
      { id: 1, at: '2026-10-12T06:55:00.000Z', action: 'staff-unlock', detail: 'PIN accepted' },
      { at: '2026-10-12T16:10:00.000Z', action: 'staff-unlock-failed', detail: 'wrong PIN' },
    ],
  }
}

/** Writes a batch for EWRC26 / B03 / DAY with the given content. */
export function exportDay(
  parentDir: string,
  content: Partial<WriteDayBatchOptions> = {},
): Promise<WrittenBatch> {
  return writeDayBatch({
    parentDir,
    eventCode: 'EWRC26',
    kioskId: 'B03',
    day: DAY,
    appVersion: '1.2.3',
    ...sampleDay(),
    ...content,
  })
}
