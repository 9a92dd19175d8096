import { appendFile, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '../shared/journal'
import { sampleRecord } from '../shared/testing/sample-record'
import { JOURNAL_FILE, JOURNAL_STATS_FILE, Journal } from './journal'
import { LineCipher } from './journal-cipher'
import { silentLog, useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()
const KEY = Buffer.alloc(32, 7)
const OTHER_KEY = Buffer.alloc(32, 9)

/** A person easy to find in raw bytes: a name, an email and a stroke no one else draws. */
const person = sampleRecord(2, {
  firstName: 'Zsófia',
  lastName: 'Quennevaux',
  email: 'zsofia.quennevaux@example.eu',
  // A box large enough that the unusual numbers lie inside it, as the record schema requires.
  signature: { width: 10000, height: 10000, strokes: [[4711, 8273, 9917, 3301, 6659, 1213]] },
})
const TRACES = ['Zsófia', 'Quennevaux', 'zsofia.quennevaux@example.eu', '4711,8273,9917']
const signature = (record = sampleRecord(1)): JournalEntry => ({ type: 'signature', record })
const withdrawalOf = (record = person) => ({
  type: 'withdrawal' as const,
  withdrawal: {
    id: record.id,
    certificateNo: record.certificateNo,
    withdrawnAt: '2026-10-13T15:00:00.000Z',
  },
})

/** Every line of the file opened with the key, as text: what someone holding the key can read. */
async function decrypted(file: string, key = KEY): Promise<string> {
  const cipher = new LineCipher(key)
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean)
  return lines
    .map((line) => {
      const opened = cipher.open(line)
      return opened.kind === 'text' ? opened.text : ''
    })
    .join('\n')
}

function expectNoTrace(text: string) {
  for (const trace of TRACES) expect(text).not.toContain(trace)
}

describe('Journal encryption at rest', () => {
  it('seals every line with the kiosk key: the file holds no personal data in clear, 0600', async () => {
    const dir = await tempDir()
    const journal = await Journal.open(dir, silentLog, KEY)
    await journal.append([signature(), signature(person)])
    const raw = await readFile(journal.path, 'utf8')
    expectNoTrace(raw)
    expect(raw.trim().split('\n')).toHaveLength(2)
    for (const line of raw.trim().split('\n')) expect(LineCipher.isSealed(line)).toBe(true)
    expect((await stat(journal.path)).mode & 0o777).toBe(0o600)
    // The same lines, read back with the key.
    const page = await journal.read(0, 10)
    expect(page.entries).toEqual([signature(), signature(person)])
    expect(await decrypted(journal.path)).toContain('Quennevaux')
  })

  it('gives each line its own nonce: the same entry twice is two different lines', () => {
    const cipher = new LineCipher(KEY)
    const text = JSON.stringify(signature())
    expect(cipher.seal(text)).not.toEqual(cipher.seal(text))
  })

  it('seals a plain journal of an earlier version on first start, erasing people withdrawn before', async () => {
    const dir = await tempDir()
    const entries = [signature(), signature(person), withdrawalOf(sampleRecord(1))]
    const plain = entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n'
    const kept = [signature(person), withdrawalOf(sampleRecord(1))]
    // A torn plain last line: unreadable, and not left in clear either.
    await writeFile(join(dir, JOURNAL_FILE), plain + JSON.stringify(signature(person)).slice(0, 60))
    const journal = await Journal.open(dir, silentLog, KEY)
    expectNoTrace(await readFile(journal.path, 'utf8'))
    expect(await decrypted(journal.path)).not.toContain(sampleRecord(1).email!)
    // Signature 1 was withdrawn before erasure existed: sealing erases it, its tombstone stays.
    expect((await journal.read(0, 10)).entries).toEqual(kept)
    expect(await journal.stats()).toMatchObject({ signatures: 1, withdrawals: 1, badLines: 0 })
    expect((await stat(journal.path)).mode & 0o777).toBe(0o600)
  })

  it('refuses a journal sealed with another key: a clear error, never an empty journal, nothing written', async () => {
    const dir = await tempDir()
    const first = await Journal.open(dir, silentLog, KEY)
    await first.append([signature(), signature(person)])
    const before = await readFile(first.path)
    const other = await Journal.open(dir, silentLog, OTHER_KEY)
    await expect(other.read(0, 10)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('another kiosk key'),
    })
    await expect(other.stats()).rejects.toMatchObject({ code: 'unavailable' })
    await expect(other.append([signature(sampleRecord(3))])).rejects.toMatchObject({
      code: 'unavailable',
    })
    expect(await readFile(first.path)).toEqual(before)
  })

  it('skips a line that fails authentication (tampered) as unreadable', async () => {
    const dir = await tempDir()
    const journal = await Journal.open(dir, silentLog, KEY)
    await journal.append([signature()])
    const line = JSON.parse(await readFile(journal.path, 'utf8')) as { c: string }
    const flipped = Buffer.from(line.c, 'base64')
    flipped[3] = flipped[3]! ^ 1
    await appendFile(
      journal.path,
      JSON.stringify({ ...line, c: flipped.toString('base64') }) + '\n',
    )
    const page = await new Journal(journal.path, silentLog, new LineCipher(KEY)).read(0, 10)
    expect(page.entries).toEqual([signature()])
    expect(page.badLines).toEqual([2])
  })
})

describe('Journal erasure', () => {
  it('rewrites the journal without the person, keeps every other line byte for byte and the tombstone', async () => {
    const dir = await tempDir()
    const journal = await Journal.open(dir, silentLog, KEY)
    await journal.append([signature(), signature(person), signature(sampleRecord(3))])
    const before = (await readFile(journal.path, 'utf8')).trim().split('\n')

    // The withdrawal line is appended, and erases the person as soon as it is on disk.
    await journal.append([withdrawalOf()])

    const after = (await readFile(journal.path, 'utf8')).trim().split('\n')
    expect(after).toHaveLength(3)
    expect([after[0], after[1]]).toEqual([before[0], before[2]])
    // Staff's erasure call after it finds nothing left to do, and leaves the file as it is.
    expect(await journal.erase(withdrawalOf().withdrawal)).toBe(0)
    expect((await readFile(journal.path, 'utf8')).trim().split('\n')).toEqual(after)
    expectNoTrace(await readFile(journal.path, 'utf8'))
    expectNoTrace(await decrypted(journal.path))
    const entries = (await journal.read(0, 10)).entries
    expect(entries).toEqual([signature(), signature(sampleRecord(3)), withdrawalOf()])
    // The counts are those of the new file, now and after a restart (side file or recount).
    const counts = { signatures: 2, withdrawals: 1, audits: 0, badLines: 0 }
    expect(await journal.stats()).toMatchObject(counts)
    await journal.flushStats()
    expect(await (await Journal.open(dir, silentLog, KEY)).stats()).toMatchObject(counts)
    expect(await readFile(join(dir, JOURNAL_STATS_FILE), 'utf8')).not.toContain('Quennevaux')
    // Appends continue on the new file.
    await journal.append([signature(sampleRecord(4))])
    expect(await journal.stats()).toMatchObject({ signatures: 3 })
  })

  it('writes the withdrawal line itself when the journal lacks it', async () => {
    const dir = await tempDir()
    const journal = await Journal.open(dir, silentLog, KEY)
    await journal.append([signature(person), signature()])
    expect(await journal.erase(withdrawalOf().withdrawal)).toBe(1)
    expect((await journal.read(0, 10)).entries).toEqual([signature(), withdrawalOf()])
    expectNoTrace(await decrypted(journal.path))
  })
})

describe('Journal purge (retention)', () => {
  it('replaces a confirmed signature line by its purged form in place, every other line byte for byte', async () => {
    const dir = await tempDir()
    const journal = await Journal.open(dir, silentLog, KEY)
    await journal.append([signature(), signature(person), signature(sampleRecord(3))])
    const before = (await readFile(journal.path, 'utf8')).trim().split('\n')
    const { id, certificateNo, kioskId, eventCode, createdAt, day, language, capacity } = person
    const purged = {
      id,
      certificateNo,
      kioskId,
      eventCode,
      createdAt,
      day,
      language,
      capacity,
      organisationType: person.organisationType,
      country: person.country,
      consents: person.consents,
      syncState: 'synced' as const,
      syncedAt: '2026-10-14T08:00:00.000Z',
      purgedAt: '2026-11-14T08:00:00.000Z',
    }

    expect(await journal.purge([purged])).toBe(1)

    const after = (await readFile(journal.path, 'utf8')).trim().split('\n')
    expect([after[0], after[2]]).toEqual([before[0], before[2]])
    expect(after[1]).not.toEqual(before[1])
    expectNoTrace(await decrypted(journal.path))
    expect((await journal.read(0, 10)).entries).toEqual([
      signature(),
      { type: 'purged', record: purged },
      signature(sampleRecord(3)),
    ])
    expect(await journal.stats()).toMatchObject({ signatures: 3, withdrawals: 0 })
    // A withdrawal later erases the purged line too.
    await journal.erase(withdrawalOf().withdrawal)
    expect((await journal.read(0, 10)).entries).toEqual([
      signature(),
      signature(sampleRecord(3)),
      withdrawalOf(),
    ])
  })
})
