import { appendFile, readFile } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import type { JournalEntry } from '../shared/journal'
import { sampleRecord } from '../shared/testing/sample-record'
import { Journal } from './journal'
import { silentLog, useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()

const signature = (n: number): JournalEntry => ({ type: 'signature', record: sampleRecord(n) })

describe('Journal', () => {
  it('appends entries as JSON lines and reads them back in pages', async () => {
    const journal = await Journal.open(await tempDir(), silentLog)
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

  it('keeps concurrent appends whole and in order', async () => {
    const journal = await Journal.open(await tempDir(), silentLog)
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append([signature(i + 1)])))
    const page = await journal.read(0, 100)
    expect(page.entries).toHaveLength(50)
    expect(page.badLines).toEqual([])
  })

  it('skips and reports a truncated or corrupted line, and keeps appending after it', async () => {
    const journal = await Journal.open(await tempDir(), silentLog)
    await journal.append([signature(1)])
    // A crash mid-write leaves half a line without its newline.
    await appendFile(journal.path, JSON.stringify(signature(2)).slice(0, 40))
    await journal.append([signature(3)])
    const warn = vi.fn()
    const reread = new Journal(journal.path, { ...silentLog, warn })
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

  it('reads an absent journal as empty', async () => {
    const journal = await Journal.open(await tempDir(), silentLog)
    expect(await journal.read(0, 10)).toEqual({
      entries: [],
      nextOffset: 0,
      done: true,
      badLines: [],
    })
    expect(await journal.stats()).toEqual({ signatures: 0, withdrawals: 0, badLines: 0, bytes: 0 })
  })
})
