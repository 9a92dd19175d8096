import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { JournalEntry } from '../../electron/shared/journal'
import { LineCipher } from '../../electron/services/journal-cipher'

/** The web host's kiosk key (the 0600 key file beside the data). */
export async function kioskKey(dataDir: string): Promise<Buffer> {
  return Buffer.from((await readFile(join(dataDir, 'kiosk.key'), 'utf8')).trim(), 'base64')
}

/** The entries of a kiosk's on-disk journal, decrypted with its key; none while there is no journal. */
export async function journalEntries(dataDir: string): Promise<JournalEntry[]> {
  const text = await readFile(join(dataDir, 'journal.jsonl'), 'utf8').catch(() => '')
  if (!text) return []
  const cipher = new LineCipher(await kioskKey(dataDir))
  return text
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const opened = cipher.open(line)
      return opened.kind === 'text' ? [JSON.parse(opened.text) as JournalEntry] : []
    })
}
