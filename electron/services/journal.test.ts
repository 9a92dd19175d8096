import { appendFile, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { JournalEntry } from '../shared/journal'
import { sampleRecord } from '../shared/testing/sample-record'
import { sampleSignatures } from '../shared/testing/sample-signatures'
import { JOURNAL_STATS_FILE, Journal } from './journal'
import { LineCipher } from './journal-cipher'
import { silentLog, useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()
const KEY = Buffer.alloc(32, 7)

const signature = (n: number): JournalEntry => ({ type: 'signature', record: sampleRecord(n) })

describe('Journal', () => {
  it('appends entries as JSON lines and reads them back in pages', async () => {
    const journal = await Journal.open(await tempDir(), silentLog, KEY)
    await journal.append([signature(1), signature(2)])
    await journal.append([signature(3)])
    const first = await journal.read(0, 2)
    expect(first.entries.map((e) => e.type === 'signature' && e.record.certificateNo)).toEqual([
      'EWRC26-B01-000001',
      'EWRC26-B01-000002',
    ])
    expect(first.done).toBe(false)
    const second = await journal.read(first.nextOffset, 2)
    expect(second.entries).toHaveLength(1)
    expect(second.done).toBe(true)
    expect(await journal.stats()).toMatchObject({ signatures: 3, withdrawals: 0, badLines: 0 })
  })

  it('writes an entry sent again (the page reloaded before it heard the answer) once', async () => {
    const journal = await Journal.open(await tempDir(), silentLog, KEY)
    const withdrawal: JournalEntry = {
      type: 'withdrawal',
      withdrawal: {
        id: sampleRecord(1).id,
        certificateNo: 'EWRC26-B01-000001',
        withdrawnAt: '2026-10-13T12:00:00.000Z',
      },
    }
    await journal.append([signature(1), signature(2)])
    await journal.append([signature(2), signature(3), signature(3)])
    await journal.append([withdrawal])
    await journal.append([signature(1), withdrawal])
    const page = await journal.read(0, 100)
    // The withdrawal erased signature 1's line; sent again, it is not written back.
    expect(
      page.entries.map((e) => (e.type === 'signature' ? e.record.certificateNo : 'withdrawal')),
    ).toEqual(['EWRC26-B01-000002', 'EWRC26-B01-000003', 'withdrawal'])
    expect(await journal.stats()).toMatchObject({ signatures: 2, withdrawals: 1 })
  })

  it('keeps concurrent appends whole and in order', async () => {
    const journal = await Journal.open(await tempDir(), silentLog, KEY)
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append([signature(i + 1)])))
    const page = await journal.read(0, 100)
    expect(page.entries).toHaveLength(50)
    expect(page.badLines).toEqual([])
  })

  it('skips and reports a truncated or corrupted line, and keeps appending after it', async () => {
    const journal = await Journal.open(await tempDir(), silentLog, KEY)
    await journal.append([signature(1)])
    // A crash mid-write leaves half a line without its newline.
    await appendFile(
      journal.path,
      new LineCipher(KEY).seal(JSON.stringify(signature(2))).slice(0, 40),
    )
    await journal.append([signature(3)])
    const warn = vi.fn()
    const reread = new Journal(journal.path, { ...silentLog, warn }, new LineCipher(KEY))
    const page = await reread.read(0, 10)
    expect(page.entries.map((e) => e.type === 'signature' && e.record.certificateNo)).toEqual([
      'EWRC26-B01-000001',
      'EWRC26-B01-000003',
    ])
    expect(page.badLines).toEqual([2])
    expect(warn).toHaveBeenCalled()
    expect((await reread.stats()).badLines).toBe(1)
    expect((await readFile(journal.path, 'utf8')).split('\n')).toHaveLength(4)
  })

  it('reads page after page from where the last one stopped, as a full read does', async () => {
    const journal = await Journal.open(await tempDir(), silentLog, KEY)
    // Names in every EU script, over many read chunks: multi-byte characters cross chunk edges.
    const records = sampleSignatures({ count: 400, seed: 3 })
    await journal.append(records.slice(0, 300).map((record) => ({ type: 'signature', record })))
    const ids = (page: { entries: JournalEntry[] }) =>
      page.entries.map((e) => (e.type === 'signature' ? e.record.id : e.type))
    const paged: string[] = []
    let offset = 0
    for (;;) {
      const page = await journal.read(offset, 7)
      paged.push(...ids(page))
      if (offset === 140) {
        // Appended while a restore is under way: later pages see it.
        await journal.append(records.slice(300).map((record) => ({ type: 'signature', record })))
      }
      if (page.done) break
      offset = page.nextOffset
    }
    expect(paged).toEqual(records.map((r) => r.id))
    // An earlier page after a later one, and a fresh reader, give the same lines.
    expect(ids(await journal.read(5, 3))).toEqual(records.slice(5, 8).map((r) => r.id))
    const fresh = new Journal(journal.path, silentLog, new LineCipher(KEY))
    expect(ids(await fresh.read(0, 1_000))).toEqual(records.map((r) => r.id))
  })

  it('reads a replaced journal file from its start', async () => {
    const dir = await tempDir()
    const journal = await Journal.open(dir, silentLog, KEY)
    await journal.append([signature(1), signature(2), signature(3)])
    expect((await journal.read(0, 2)).done).toBe(false)
    // Another file in its place (restored from a backup): the place where the page stopped means nothing there.
    const other = `${journal.path}.new`
    await writeFile(
      other,
      [signature(7), signature(8), signature(9)].map((e) => JSON.stringify(e)).join('\n') + '\n',
    )
    await rename(other, journal.path)
    const page = await journal.read(2, 2)
    expect(page.entries.map((e) => e.type === 'signature' && e.record.certificateNo)).toEqual([
      'EWRC26-B01-000009',
    ])
  })

  it('keeps its counts right across appends and restarts without reading every line again', async () => {
    const dir = await tempDir()
    const journal = await Journal.open(dir, silentLog, KEY)
    await journal.append([signature(1)])
    expect(await journal.stats()).toMatchObject({ signatures: 1, withdrawals: 0 })
    const withdrawal: JournalEntry = {
      type: 'withdrawal',
      withdrawal: {
        id: sampleRecord(1).id,
        certificateNo: 'EWRC26-B01-000001',
        withdrawnAt: '2026-10-12T10:00:00.000Z',
      },
    }
    await Promise.all([journal.append([signature(2), signature(3)]), journal.append([withdrawal])])
    const counted = await journal.stats()
    // The withdrawal erased signature 1's line.
    expect(counted).toMatchObject({ signatures: 2, withdrawals: 1, badLines: 0 })
    await journal.flushStats()

    // The next start takes the counts from the side file; counting the lines gives the same.
    const restarted = await Journal.open(dir, silentLog, KEY)
    expect(await restarted.stats()).toEqual(counted)
    await rm(join(dir, JOURNAL_STATS_FILE))
    expect(await (await Journal.open(dir, silentLog, KEY)).stats()).toEqual(counted)
  })

  it('counts again a journal changed behind its back', async () => {
    const dir = await tempDir()
    const journal = await Journal.open(dir, silentLog, KEY)
    await journal.append([signature(1)])
    await journal.stats()
    await journal.flushStats()
    // Another writer, or a crash between the journal and the side file: both are behind the file.
    await appendFile(journal.path, JSON.stringify(signature(2)) + '\n' + '{"type":"signa')
    expect(await journal.stats()).toMatchObject({ signatures: 2, badLines: 1 })
    const restarted = await Journal.open(dir, silentLog, KEY)
    await restarted.append([signature(3)])
    expect(await restarted.stats()).toMatchObject({ signatures: 3, badLines: 1 })
    expect(await (await Journal.open(dir, silentLog, KEY)).stats()).toMatchObject({
      signatures: 3,
      badLines: 1,
    })
  })

  it('reads an absent journal as empty', async () => {
    const journal = await Journal.open(await tempDir(), silentLog, KEY)
    expect(await journal.read(0, 10)).toEqual({
      entries: [],
      nextOffset: 0,
      done: true,
      badLines: [],
    })
    expect(await journal.stats()).toEqual({
      signatures: 0,
      withdrawals: 0,
      audits: 0,
      badLines: 0,
      bytes: 0,
    })
  })
})
