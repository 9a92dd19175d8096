import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleRecord } from '../shared/testing/sample-record'
import { eraseWithdrawn } from './erasure'
import { Journal } from './journal'
import { LineCipher } from './journal-cipher'
import { silentLog, useTempDirs } from './testing/temp-dir'

const tempDir = useTempDirs()
const KEY = Buffer.alloc(32, 3)
const person = sampleRecord(2, {
  firstName: 'Zsófia',
  lastName: 'Quennevaux',
  email: 'zsofia.quennevaux@example.eu',
  // A box large enough that the unusual numbers lie inside it, as the record schema requires.
  signature: { width: 10000, height: 10000, strokes: [[4711, 8273, 9917, 3301, 6659, 1213]] },
})
const TRACES = ['Quennevaux', 'zsofia.quennevaux@example.eu', '4711,8273,9917']
const withdrawal = {
  id: person.id,
  certificateNo: person.certificateNo,
  withdrawnAt: '2026-10-13T15:00:00.000Z',
}

/** Every file under a folder, raw and (journal lines) decrypted with the key. */
async function everyByte(dir: string): Promise<string> {
  const cipher = new LineCipher(KEY)
  const parts: string[] = []
  for (const name of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue
    const text = await readFile(join(name.parentPath, name.name), 'utf8')
    parts.push(text)
    for (const line of text.split('\n')) {
      const opened = cipher.open(line)
      if (opened.kind === 'text' && opened.sealed) parts.push(opened.text)
    }
  }
  return parts.join('\n')
}

describe('eraseWithdrawn', () => {
  it('erases the person from the journal and certificate PDFs, and lists the export folders holding them', async () => {
    const data = await tempDir()
    const exportsDir = join(data, 'exports')
    const journal = await Journal.open(data, silentLog, KEY)
    await journal.append([
      { type: 'signature', record: sampleRecord(1) },
      { type: 'signature', record: person },
    ])
    const certificates = join(data, 'certificates')
    await mkdir(certificates, { recursive: true })
    await writeFile(join(certificates, `certificate-${person.certificateNo}.pdf`), 'Quennevaux')
    await writeFile(join(certificates, `certificate-${sampleRecord(1).certificateNo}.pdf`), 'x')
    const day = join(exportsDir, 'EWRC26-B01-2026-10-13')
    const selection = join(
      exportsDir,
      'EWRC26-B01-selection-20261013-120000',
      'EWRC26-B01-2026-10-13',
    )
    const otherDay = join(exportsDir, 'EWRC26-B01-2026-10-12')
    for (const folder of [day, selection, otherDay]) await mkdir(folder, { recursive: true })
    await writeFile(join(day, 'signatures.json'), JSON.stringify({ records: [person] }))
    await writeFile(join(selection, 'signatures.json'), JSON.stringify({ records: [person] }))
    await writeFile(
      join(otherDay, 'signatures.json'),
      JSON.stringify({ records: [sampleRecord(1)] }),
    )

    const report = await eraseWithdrawn(
      { journal, certificateDirs: [certificates, join(data, 'spool')], exportDir: exportsDir },
      withdrawal,
    )

    expect(report.journalLines).toBe(1)
    expect(report.certificatesDeleted).toEqual([
      join(certificates, `certificate-${person.certificateNo}.pdf`),
    ])
    expect(report.exportFolders.sort()).toEqual([day, selection].sort())
    // Outside the export folder (left to staff), no byte of the person remains, decrypted or not.
    await writeFile(join(day, 'signatures.json'), '{}')
    await writeFile(join(selection, 'signatures.json'), '{}')
    const all = await everyByte(data)
    for (const trace of TRACES) expect(all).not.toContain(trace)
    expect(all).toContain(sampleRecord(1).lastName)
    expect(await readdir(certificates)).toEqual([
      `certificate-${sampleRecord(1).certificateNo}.pdf`,
    ])
  })
})
