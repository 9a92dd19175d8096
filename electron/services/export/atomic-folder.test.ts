import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { writeFolderAtomically } from './atomic-folder'
import type { BatchFile } from './batch-files'
import { readExportBatch } from './read-batch'
import { exportDay } from './test-helpers'

const newDir = useTempDirs()

/** Files whose third one fails while being written, as when the USB stick is pulled. */
function failingOnThirdFile(): BatchFile[] {
  const file = (name: string): BatchFile => ({ name, data: Buffer.from(`${name} content`) })
  const third = {
    name: 'audit.json',
    get data(): Buffer {
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })
    },
  }
  return [file('signatures.csv'), file('signatures.json'), third, file('manifest.json')]
}

describe('writeFolderAtomically', () => {
  it('leaves no folder at all when writing fails midway', async () => {
    const parent = await newDir()
    const error = await writeFolderAtomically(parent, 'X-1-2026-10-12', failingOnThirdFile()).catch(
      (e: unknown) => e,
    )
    expect((error as Error).message).toMatch(/EIO/)
    expect(await readdir(parent)).toEqual([])
  })

  it('keeps the earlier complete export, intact and verifiable, when a re-export fails midway', async () => {
    const parent = await newDir()
    const { folder } = await exportDay(parent)
    const before = await readFile(join(folder, 'signatures.json'))
    const name = folder.slice(parent.length + 1)
    await expect(writeFolderAtomically(parent, name, failingOnThirdFile())).rejects.toThrow(/EIO/)
    expect(await readdir(parent)).toEqual([name])
    expect((await readFile(join(folder, 'signatures.json'))).equals(before)).toBe(true)
    await expect(readExportBatch(folder)).resolves.toMatchObject({ folder })
  })

  it('refuses a parent that is missing', async () => {
    const parent = join(await newDir(), 'gone')
    await expect(writeFolderAtomically(parent, 'X', [])).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
