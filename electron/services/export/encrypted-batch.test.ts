import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/api-error'
import { useTempDirs } from '../testing/temp-dir'
import { generateKeyPair } from './encryption'
import { sha256Hex } from './hash'
import {
  ExportInvalidError,
  ExportKeyNeededError,
  checkExportBatch,
  readExportBatch,
} from './read-batch'
import { exportDay, sampleDay } from './test-helpers'

const newDir = useTempDirs()
const keys = generateKeyPair()

describe('encrypted day export', () => {
  it('writes only the encrypted files and a manifest without personal data', async () => {
    const { recipient } = await keys
    const { folder, manifest } = await exportDay(await newDir(), { recipient })
    expect((await readdir(folder)).sort()).toEqual([
      'audit.json.age',
      'manifest.json',
      'signatures.csv.age',
      'signatures.json.age',
    ])
    const raw = await readFile(join(folder, 'manifest.json'), 'utf8')
    const written = JSON.parse(raw) as Record<string, unknown>
    expect(written.encryption).toEqual({ method: 'age', recipient })
    expect(written.formatVersion).toBe(3)
    expect(manifest.counts.records).toBe(40)
    for (const name of ['signatures.csv.age', 'signatures.json.age', 'audit.json.age']) {
      const data = await readFile(join(folder, name))
      expect(data.subarray(0, 21).toString()).toBe('age-encryption.org/v1')
      expect((written.files as Record<string, { sha256: string }>)[name]!.sha256).toBe(
        sha256Hex(data),
      )
    }
    const everything = Buffer.concat(
      await Promise.all((await readdir(folder)).map((name) => readFile(join(folder, name)))),
    ).toString('latin1')
    for (const record of sampleDay().records.slice(0, 10)) {
      expect(everything).not.toContain(record.lastName)
      expect(everything).not.toContain(record.certificateNo)
    }
  })

  it('decrypts to exactly the files of a plain export of the same data', async () => {
    const { recipient, identity } = await keys
    const plain = await exportDay(await newDir())
    const encrypted = await exportDay(await newDir(), { recipient })
    const batch = await readExportBatch(encrypted.folder, { identity })
    expect(batch.encryptedTo).toBe(recipient)
    expect(batch.records).toHaveLength(40)
    for (const name of ['signatures.csv', 'signatures.json', 'audit.json'] as const) {
      expect(batch.files[name].equals(await readFile(join(plain.folder, name)))).toBe(true)
    }
    expect(batch.manifest).toEqual(plain.manifest)
  })

  it('differs byte for byte on a re-export, with the same plain content', async () => {
    const { recipient, identity } = await keys
    const first = await exportDay(await newDir(), { recipient })
    const second = await exportDay(await newDir(), { recipient })
    const a = await readFile(join(first.folder, 'signatures.json.age'))
    const b = await readFile(join(second.folder, 'signatures.json.age'))
    expect(a.equals(b)).toBe(false)
    const [one, two] = await Promise.all([
      readExportBatch(first.folder, { identity }),
      readExportBatch(second.folder, { identity }),
    ])
    expect(one.files['signatures.json'].equals(two.files['signatures.json'])).toBe(true)
  })

  it('is checked by its hashes without the key, and asks for the key to read it', async () => {
    const { recipient } = await keys
    const { folder } = await exportDay(await newDir(), { recipient })
    const check = await checkExportBatch(folder)
    expect('records' in check).toBe(false)
    await expect(readExportBatch(folder)).rejects.toBeInstanceOf(ExportKeyNeededError)
  })

  it('rejects an altered encrypted file, naming it', async () => {
    const { recipient } = await keys
    const { folder } = await exportDay(await newDir(), { recipient })
    const path = join(folder, 'signatures.csv.age')
    const data = await readFile(path)
    data[data.length - 1] = data[data.length - 1]! ^ 1
    await writeFile(path, data)
    await expect(checkExportBatch(folder)).rejects.toMatchObject({
      file: 'signatures.csv.age',
      message: expect.stringMatching(/SHA-256/) as unknown,
    })
  })

  it('rejects the wrong key, naming the file it could not decrypt', async () => {
    const { recipient } = await keys
    const other = await generateKeyPair()
    const { folder } = await exportDay(await newDir(), { recipient })
    const failure = await readExportBatch(folder, { identity: other.identity }).catch(
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(ExportInvalidError)
    expect((failure as ExportInvalidError).file).toBe('signatures.csv.age')
  })

  it('refuses a public key that is not an age recipient and writes nothing', async () => {
    const parent = await newDir()
    const failure = await exportDay(parent, { recipient: 'age1nope' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiError)
    expect((failure as ApiError).message).toMatch(/export public key/)
    expect(await readdir(parent)).toEqual([])
  })
})
