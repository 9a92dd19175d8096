import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dir'
import { ExportInvalidError, readExportBatch } from './read-batch'
import { exportDay, sampleDay } from './test-helpers'

const newDir = useTempDirs()

async function freshExport(): Promise<string> {
  return (await exportDay(await newDir())).folder
}

async function expectInvalid(folder: string, file: string | undefined, message: RegExp) {
  const error = await readExportBatch(folder).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ExportInvalidError)
  expect((error as ExportInvalidError).message).toMatch(message)
  expect((error as ExportInvalidError).file).toBe(file)
}

/** Edits a file and updates manifest.json to match, as a careful forger would. */
async function forge(folder: string, name: string, edit: (text: string) => string) {
  const text = edit(await readFile(join(folder, name), 'utf8'))
  await writeFile(join(folder, name), text)
  const manifestPath = join(folder, 'manifest.json')
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'))
  const data = Buffer.from(text, 'utf8')
  manifest.files[name] = {
    bytes: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  }
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2))
}

async function editManifest(folder: string, edit: (manifest: Record<string, unknown>) => void) {
  const path = join(folder, 'manifest.json')
  const manifest = JSON.parse(await readFile(path, 'utf8'))
  edit(manifest)
  await writeFile(path, JSON.stringify(manifest))
}

describe('readExportBatch', () => {
  it('reads back exactly what was exported', async () => {
    const { records, withdrawals, audit } = sampleDay()
    const { folder, manifest } = await exportDay(await newDir(), {
      records: [...records].reverse(),
    })
    const batch = await readExportBatch(folder)
    expect(batch.folder).toBe(folder)
    expect(batch.manifest).toEqual(manifest)
    expect(batch.records).toEqual(records)
    expect(batch.withdrawals).toEqual(withdrawals)
    expect(batch.audit.map((entry) => entry.detail).sort()).toEqual(
      audit.map((entry) => entry.detail).sort(),
    )
  })

  it('tolerates what Finder and Explorer leave behind', async () => {
    const folder = await freshExport()
    await writeFile(join(folder, '.DS_Store'), 'x')
    await writeFile(join(folder, 'Thumbs.db'), 'x')
    await expect(readExportBatch(folder)).resolves.toMatchObject({ folder })
  })

  it('rejects a changed file, naming it', async () => {
    const folder = await freshExport()
    const path = join(folder, 'signatures.csv')
    const text = await readFile(path, 'utf8')
    // Same length, one letter changed: only the hash can tell.
    await writeFile(path, text.replace('EWRC26-B03-000001', 'EWRC26-B03-000009'))
    await expectInvalid(
      folder,
      'signatures.csv',
      /^signatures\.csv does not match its SHA-256 in manifest\.json/,
    )
  })

  it('rejects a file cut short, naming it', async () => {
    const folder = await freshExport()
    const path = join(folder, 'signatures.json')
    const data = await readFile(path)
    await writeFile(path, data.subarray(0, data.length - 100))
    await expectInvalid(folder, 'signatures.json', /^signatures\.json has \d+ bytes but manifest/)
  })

  it('rejects a missing file, naming it', async () => {
    const folder = await freshExport()
    await rm(join(folder, 'audit.json'))
    await expectInvalid(folder, 'audit.json', /^audit\.json is missing/)
  })

  it('rejects an extra file, naming it', async () => {
    const folder = await freshExport()
    await writeFile(join(folder, 'extra-signatures.csv'), 'certificateNo\r\nFAKE\r\n')
    await expectInvalid(folder, 'extra-signatures.csv', /unexpected file "extra-signatures\.csv"/)
  })

  it('rejects a folder without manifest.json as not an export', async () => {
    const folder = await freshExport()
    await rm(join(folder, 'manifest.json'))
    await expectInvalid(folder, 'manifest.json', /^manifest\.json is missing: not an export folder/)
  })

  it('rejects a manifest that is not JSON', async () => {
    const folder = await freshExport()
    await writeFile(join(folder, 'manifest.json'), '{"format": "cohesion-kiosk-day-batch",')
    await expectInvalid(folder, 'manifest.json', /^manifest\.json is not valid JSON/)
  })

  it('rejects a manifest with a wrong field, naming the field', async () => {
    const folder = await freshExport()
    await editManifest(folder, (manifest) => {
      ;(manifest.counts as Record<string, unknown>).records = -1
    })
    await expectInvalid(folder, 'manifest.json', /not a valid export manifest: counts\.records/)
  })

  it('still reads a format version 1 batch, whose CSV ends before consentLocalEvents', async () => {
    const folder = await freshExport()
    const dropLastColumn = (text: string) =>
      text
        .split('\r\n')
        .map((line) => line.replace(/,(yes|no|consentLocalEvents),(kiosk|source),(paperRef)?$/, ''))
        .join('\r\n')
    await forge(folder, 'signatures.csv', dropLastColumn)
    await editManifest(folder, (manifest) => {
      manifest.formatVersion = 1
    })
    expect((await readExportBatch(folder)).records).toHaveLength(40)
    // The same CSV under version 2 lacks a column.
    await editManifest(folder, (manifest) => {
      manifest.formatVersion = 2
    })
    await expectInvalid(folder, 'signatures.csv', /expected header row/)
  })

  it('still reads a format version 2 batch, whose CSV has no source and paperRef columns', async () => {
    const folder = await freshExport()
    const dropSource = (text: string) =>
      text
        .split('\r\n')
        .map((line) => line.replace(/,(kiosk|source),(paperRef)?$/, ''))
        .join('\r\n')
    await forge(folder, 'signatures.csv', dropSource)
    await editManifest(folder, (manifest) => {
      manifest.formatVersion = 2
    })
    expect((await readExportBatch(folder)).records).toHaveLength(40)
    await editManifest(folder, (manifest) => {
      manifest.formatVersion = 3
    })
    await expectInvalid(folder, 'signatures.csv', /expected header row/)
  })

  it('rejects a manifest of an unknown format version', async () => {
    const folder = await freshExport()
    await editManifest(folder, (manifest) => {
      manifest.formatVersion = 4
    })
    await expectInvalid(
      folder,
      'manifest.json',
      /format version 4; this tool reads versions 1, 2, 3/,
    )
  })

  it('rejects a manifest whose counts were changed', async () => {
    const folder = await freshExport()
    await editManifest(folder, (manifest) => {
      const counts = manifest.counts as { organisations: number }
      counts.organisations += 1
    })
    await expectInvalid(folder, 'signatures.json', /manifest\.json counts \d+ organisations/)
  })

  it('rejects a CSV edited with its hash updated, naming row and column', async () => {
    const folder = await freshExport()
    const [record] = sampleDay().records
    await forge(folder, 'signatures.csv', (text) =>
      text.replace(`,${record!.firstName},`, ',Mallory,'),
    )
    await expectInvalid(
      folder,
      'signatures.csv',
      /^signatures\.csv row 2 does not match signatures\.json \(EWRC26-B03-000001\): column firstName/,
    )
  })

  it('rejects a signature added to the JSON with its hash updated', async () => {
    const folder = await freshExport()
    const { records } = sampleDay(41)
    const extra = JSON.stringify(records[40])
    await forge(folder, 'signatures.json', (text) =>
      text.replace('"records": [\n', `"records": [\n    ${extra},\n`),
    )
    await expectInvalid(folder, 'signatures.json', /counts 40 records, the file holds 41/)
  })

  it('rejects JSON that does not match the schema, naming the field', async () => {
    const folder = await freshExport()
    await forge(folder, 'signatures.json', (text) =>
      text.replace(/"country":"[A-Z]{2}"/, '"country":"Belgium"'),
    )
    await expectInvalid(
      folder,
      'signatures.json',
      /does not match the export schema: records\.0\.country/,
    )
  })

  it('rejects a path that is not a folder or does not exist', async () => {
    const parent = await newDir()
    await expectInvalid(join(parent, 'nope'), undefined, /does not exist/)
    await writeFile(join(parent, 'file'), 'x')
    await expectInvalid(join(parent, 'file'), undefined, /is not a folder/)
    await mkdir(join(parent, 'empty'))
    await expectInvalid(join(parent, 'empty'), 'manifest.json', /not an export folder/)
  })
})
