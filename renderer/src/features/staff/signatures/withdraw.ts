import type { KioskApi } from '@shared/api'
import type { ErasureReport } from '@shared/journal'
import { flushJournalQueue } from '../../../db/journal-sync'
import type { KioskDB } from '../../../db/schema'

/**
 * A person's request to be erased: the personal data goes now (record and strokes), a tombstone
 * keeps the certificate number and time for the register, and the journal gets a withdrawal line
 * so a restore never brings the data back. Then the main process erases the person from its
 * files (the journal rewritten without them, certificate PDFs deleted) and names the export
 * folders on the kiosk's disk that still hold them. The audit log notes it without personal data.
 */
export async function withdrawSignature(
  db: KioskDB,
  api: Pick<KioskApi, 'appendJournal' | 'readJournal' | 'getJournalStats' | 'eraseWithdrawn'>,
  id: string,
  now = new Date(),
): Promise<{ certificateNo: string; erasure: ErasureReport }> {
  const withdrawnAt = now.toISOString()
  const certificateNo = await db.transaction(
    'rw',
    [db.signatures, db.strokes, db.tombstones, db.journalQueue, db.audit],
    async () => {
      const record = await db.signatures.get(id)
      if (!record) throw new Error('This signature no longer exists on this kiosk')
      await db.signatures.delete(id)
      await db.strokes.delete(id)
      await db.journalQueue.delete(id)
      await db.tombstones.put({
        id,
        certificateNo: record.certificateNo,
        withdrawnAt,
        signedDay: record.day,
        syncState: 'pending',
        journaledAt: null,
      })
      await db.audit.add({
        at: withdrawnAt,
        action: 'withdrawal',
        detail: `Withdrew ${record.certificateNo}`,
      })
      return record.certificateNo
    },
  )
  await flushJournalQueue(db, api)
  const erasure = await api.eraseWithdrawn({ id, certificateNo, withdrawnAt })
  return { certificateNo, erasure }
}
