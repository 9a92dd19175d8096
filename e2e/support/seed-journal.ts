import { appendFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { SignatureRecord } from '../../electron/shared/signature'

/**
 * Seeds a kiosk's data folder the way a real kiosk leaves it: signatures in the on-disk journal.
 * At start the app restores them into IndexedDB through its own restore path.
 */
export async function seedJournal(
  dataDir: string,
  records: readonly SignatureRecord[],
): Promise<void> {
  await mkdir(dataDir, { recursive: true })
  const lines = records.map((record) => JSON.stringify({ type: 'signature', record })).join('\n')
  await appendFile(join(dataDir, 'journal.jsonl'), lines + '\n')
}
