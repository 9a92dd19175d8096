import { spawn } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { run } from '../cli/certificates'
import { exportDay, sampleDay } from '../export/test-helpers'
import { useTempDirs } from '../testing/temp-dir'
import { decodeQr, pageCount, pdfInfo, pdfText } from './testing/poppler'

const newDir = useTempDirs()
const ROOT = resolve(import.meta.dirname, '../../..')
const flat = (text: string) => text.replace(/\s+/g, ' ')

let log: MockInstance<typeof console.log>
let error: MockInstance<typeof console.error>
const printed = (spy: MockInstance) => spy.mock.calls.map((c) => c.join(' ')).join('\n')

beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => vi.restoreAllMocks())

describe('npm run cli -- certificates', () => {
  it('turns an export folder into one PDF with a certificate per signature', async () => {
    const { folder } = await exportDay(await newDir())
    const { records } = sampleDay()
    const out = join(await newDir(), 'day.pdf')
    expect(await run([folder, '--out', out])).toBe(0)
    expect(printed(log)).toBe(`Wrote ${records.length} certificates to ${out}`)
    expect(await pageCount(out)).toBe(records.length)
    const sorted = [...records].sort((a, b) => a.certificateNo.localeCompare(b.certificateNo))
    const first = sorted[0]!
    const page1 = flat(await pdfText(out, 1))
    expect(page1).toContain(`${first.firstName.trim()} ${first.lastName.trim()}`)
    expect(page1).toContain(first.certificateNo)
    expect(await decodeQr(out, 1)).toBe(
      `https://register.cohesionalliance.eu/v1/certificates/${first.certificateNo}`,
    )
  })

  it('prints only organisations, in the language asked for, with the event given as flags', async () => {
    const { folder } = await exportDay(await newDir())
    const organisations = sampleDay().records.filter((r) => r.capacity === 'organisation')
    expect(organisations.length).toBeGreaterThan(0)
    const out = join(await newDir(), 'orgs.pdf')
    const code = await run([
      folder,
      '--out',
      out,
      '--only',
      'organisations',
      '--lang',
      'de',
      '--event-name',
      'Cohesion Forum 2027',
      '--city',
      'Wrocław',
      '--verify-url',
      'https://verify.example.eu',
    ])
    expect(code).toBe(0)
    expect(await pageCount(out)).toBe(organisations.length)
    const text = flat(await pdfText(out))
    expect(text.match(/Unterstützungsurkunde/g)).toHaveLength(organisations.length)
    expect(text).not.toContain('in an individual capacity')
    expect(text).toContain('„Cohesion Forum 2027“, Wrocław, am')
    for (const org of organisations) expect(text).toContain(org.certificateNo)
    expect(await decodeQr(out, 1)).toMatch(/^https:\/\/verify\.example\.eu\/v1\/certificates\//)
  })

  it('refuses a tampered export with exit 1, naming the file, and writes nothing', async () => {
    const { folder } = await exportDay(await newDir())
    const json = join(folder, 'signatures.json')
    await writeFile(json, (await readFile(json, 'utf8')).replace(/"firstName": ?"/, '$&X'))
    const outDir = await newDir()
    expect(await run([folder, '--out', join(outDir, 'x.pdf')])).toBe(1)
    expect(printed(error)).toMatch(/^NOT VALID: signatures\.json .*manifest\.json/)
    expect(await readdir(outDir)).toEqual([])
  })

  it('refuses a folder that is not an export with exit 1', async () => {
    const outDir = await newDir()
    expect(await run([await newDir(), '--out', join(outDir, 'x.pdf')])).toBe(1)
    expect(printed(error)).toContain('manifest.json is missing')
    expect(await readdir(outDir)).toEqual([])
  })

  it('says so when the filter leaves nothing, with exit 1 and no file', async () => {
    const individualsOnly = sampleDay().records.filter((r) => r.capacity === 'individual')
    const { folder } = await exportDay(await newDir(), { records: individualsOnly })
    const outDir = await newDir()
    expect(await run([folder, '--out', join(outDir, 'x.pdf'), '--only', 'organisations'])).toBe(1)
    expect(printed(error)).toContain('No organisations signatures in this export')
    expect(await readdir(outDir)).toEqual([])
  })

  it('warns and prints in English for a language without certificate texts', async () => {
    const { folder } = await exportDay(await newDir())
    const out = join(await newDir(), 'tr.pdf')
    expect(await run([folder, '--out', out, '--lang', 'tr'])).toBe(0)
    expect(printed(error)).toContain('No certificate texts for "tr": printing in English.')
    expect(flat(await pdfText(out, 1))).toContain('Certificate of endorsement')
  })

  it.each([
    [[], 'Which export folder?'],
    [['folder'], 'Give --out'],
    [['folder', '--out', 'x.pdf', '--only', 'people'], '--only takes'],
    [['folder', '--out', 'x.pdf', '--lang', 'french'], '--lang takes'],
    [['folder', '--out', 'x.pdf', '--time-zone', 'Mars/Olympus'], '--time-zone: Unknown time zone'],
    [['folder', '--out', 'x.pdf', '--colour'], "Unknown option '--colour'"],
    [['a', 'b', '--out', 'x.pdf'], 'Unexpected argument "b"'],
  ])('rejects %j as a usage error (exit 2)', async (args, message) => {
    expect(await run(args)).toBe(2)
    expect(printed(error)).toContain(message)
    expect(printed(error)).toContain('Usage: npm run cli -- certificates')
  })

  it('runs through the real command-line entry point with its exit codes', async () => {
    const { folder } = await exportDay(await newDir())
    const outDir = await newDir()
    const good = await cli('certificates', folder, '--out', join(outDir, 'c.pdf'))
    expect(good.code).toBe(0)
    expect(good.stdout).toContain('Wrote 40 certificates')
    await writeFile(join(folder, 'signatures.csv'), 'tampered')
    const bad = await cli('certificates', folder, '--out', join(outDir, 'd.pdf'))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('NOT VALID: signatures.csv')
    expect((await cli('certificates')).code).toBe(2)
    expect(await readdir(outDir)).toEqual(['c.pdf'])
  })

  it('shows progress on stderr as plain lines off a terminal, and writes a valid PDF to stdout with --out -', async () => {
    const { folder } = await exportDay(await newDir())
    const run = await cli('certificates', folder, '--out', '-')
    expect(run.code).toBe(0)
    const lines = run.stderr.trim().split('\n')
    expect(run.stderr).not.toContain('\r')
    // 40 pages: a line at every 10% (4, 8, … 36), the last one, then what was written.
    expect(lines.filter((l) => / \/ 40 pages \(\d+%\)/.test(l))).toHaveLength(10)
    expect(lines.at(-2)).toMatch(/^40 \/ 40 pages \(100%\)/)
    expect(lines.at(-1)).toBe('Wrote 40 certificates to stdout')
    expect(run.stdoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const file = join(await newDir(), 'stdout.pdf')
    await writeFile(file, run.stdoutBytes)
    expect((await pdfInfo(file))['Pages']).toBe('40')
    const first = [...sampleDay().records].sort((a, b) =>
      a.certificateNo.localeCompare(b.certificateNo),
    )[0]!
    expect(flat(await pdfText(file, 1))).toContain(first.certificateNo)
  })
})

/** Runs the organisers' CLI as they would (`npx tsx electron/services/cli/index.ts …`). */
function cli(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stdoutBytes: Buffer; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'electron/services/cli/index.ts', ...args], { cwd: ROOT })
    const stdout: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(stdout)
      done({ code, stdout: stdoutBytes.toString(), stdoutBytes, stderr })
    })
  })
}
