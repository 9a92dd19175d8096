/**
 * Property-based fuzz of the web host's /api/*: bad bodies of every kind (wrong types, deep
 * nesting, huge strings, bad characters, wrong methods and content types) never get a 5xx, never
 * stop the host, and write nothing: the data folder is byte for byte the same afterwards.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../shared/api'
import { sampleRecord } from '../shared/testing/sample-record'
import { rawCall, startTestHost, type TestHost } from './testing/test-host'

let h: TestHost

/** Every file and folder of the data folder (the test's renderer aside): mode and SHA-256. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      const key = relative(dir, path)
      if (key === 'renderer') continue
      const mode = ((await stat(path)).mode & 0o777).toString(8)
      if (entry.isDirectory()) {
        out[`${key}/`] = mode
        await walk(path)
      } else {
        out[key] = `${mode} ${createHash('sha256')
          .update(await readFile(path))
          .digest('hex')}`
      }
    }
  }
  await walk(dir)
  return out
}

const api = (method: string, input?: unknown, secret = h.secret) =>
  rawCall(h.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ input }),
  })

beforeAll(async () => {
  h = await startTestHost(await mkdtemp(join(tmpdir(), 'kiosk-fuzz-')))
  // A kiosk in use: a PIN (so settings exist), one signature in the journal, console locked.
  expect((await api('setStaffPin', { pin: '482913' })).status).toBe(200)
  expect(
    JSON.parse((await api('appendJournal', [{ type: 'signature', record: sampleRecord(1) }])).body),
  ).toMatchObject({ ok: true })
  expect((await api('lockStaff')).status).toBe(200)
})
afterAll(async () => {
  await h.close()
  await rm(h.dataDir, { recursive: true, force: true })
})

const badChars = fc.constantFrom(
  '\u0000',
  '\ud800',
  '\udfff',
  '\u0007',
  '\u001b',
  '\u0085',
  '\u009f',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\uffff',
)
const nastyString = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), badChars), { maxLength: 16 })
  .map((parts) => parts.join(''))

/** A value no schema of the contract can take in a field that wants a string. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
)

/** A signature record with one required text field of the wrong type, for the record methods. */
const brokenRecord = fc
  .record({
    field: fc.constantFrom('id', 'certificateNo', 'createdAt', 'firstName', 'country', 'day'),
    value: wrongType,
    n: fc.integer({ min: 2, max: 999 }),
  })
  .map(({ field, value, n }) => ({ ...sampleRecord(n), [field]: value }))

function nested(depth: number, open: string, close: string, leaf: string): string {
  return `{"input":${open.repeat(depth)}${leaf}${close.repeat(depth)}}`
}

const body: fc.Arbitrary<string> = fc.oneof(
  // Any JSON as the input, and JSON without the envelope.
  fc.jsonValue({ maxDepth: 4 }).map((input) => JSON.stringify({ input })),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  // Not JSON at all, cut-off JSON, and text with bad characters.
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((value) => JSON.stringify({ input: value }).slice(0, -1)),
  fc
    .dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 4 })
    .map((input) => JSON.stringify({ input })),
  nastyString.map((text) => JSON.stringify({ input: { pin: 5, text } })),
  // Records of the wrong shape, alone and in the arrays the journal and certificates take.
  brokenRecord.map((record) => JSON.stringify({ input: record })),
  brokenRecord.map((record) => JSON.stringify({ input: [{ type: 'signature', record }] })),
  brokenRecord.map((record) => JSON.stringify({ input: { records: [record], withdrawals: 7 } })),
  // Deep nesting, far beyond any schema.
  fc
    .record({
      depth: fc.integer({ min: 100, max: 120_000 }),
      kind: fc.constantFrom<[string, string]>(['[', ']'], ['{"a":', '}'], ['{"input":', '}']),
    })
    .map(({ depth, kind }) => nested(depth, kind[0], kind[1], '1')),
  // Huge strings, in a field and as the whole input.
  fc
    .record({
      size: fc.integer({ min: 100_000, max: 3_000_000 }),
      key: fc.constantFrom('pin', 'name', 'printerName', 'token'),
    })
    .map(({ size, key }) => JSON.stringify({ input: { [key]: 'x'.repeat(size) } })),
  fc
    .integer({ min: 100_000, max: 2_000_000 })
    .map((size) => JSON.stringify({ input: 'é'.repeat(size) })),
)

const request = fc.record({
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...METHOD_NAMES) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'nope',
        '__proto__',
        'constructor',
        'toString',
        '..%2FgetAppInfo',
        '%00',
        'getAppInfo%00',
      ),
    },
  ),
  httpMethod: fc.constantFrom(
    'POST',
    'POST',
    'POST',
    'POST',
    'GET',
    'PUT',
    'DELETE',
    'PATCH',
    'OPTIONS',
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    undefined,
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=zzz',
  ),
  secret: fc.constantFrom('right', 'right', 'right', 'right', 'right', 'wrong', 'none'),
  origin: fc.constantFrom(
    undefined,
    undefined,
    undefined,
    'own',
    'own',
    'http://evil.example',
    'null',
  ),
  body,
})

/** A wrong PIN is refused but counted (by design): keep PIN-shaped bodies out of unlockStaff. */
function isPinAttempt(method: string, text: string): boolean {
  if (method !== 'unlockStaff') return false
  try {
    const parsed = JSON.parse(text) as { input?: { pin?: unknown } }
    return typeof parsed?.input?.pin === 'string'
  } catch {
    return false
  }
}

describe('web host API fuzz', () => {
  it('answers 600 generated bad requests without a 5xx, a crash or a write', async () => {
    // The journal's counts are cached beside it on the first read of them: a good request, so
    // the cache is made before the "before" picture.
    expect((await api('getJournalStats')).status).toBe(200)
    await vi.waitFor(async () => {
      const names = await readdir(h.dataDir)
      expect(names).toContain('journal.stats.json')
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([])
    })
    const before = await snapshot(h.dataDir)
    const settingsBefore = (await api('getSettings')).body
    const statuses = new Map<number, number>()

    const run = fc.assert(
      fc.asyncProperty(request, async (r) => {
        fc.pre(!isPinAttempt(r.method, r.body))
        const headers: Record<string, string> = {}
        if (r.contentType) headers['content-type'] = r.contentType
        if (r.secret !== 'none') {
          headers.authorization = `Bearer ${r.secret === 'right' ? h.secret : 'wrong-secret'}`
        }
        if (r.origin) {
          headers.origin = r.origin === 'own' ? `http://127.0.0.1:${h.port}` : r.origin
        }
        const answer = await rawCall(h.port, `/api/${r.method}`, {
          method: r.httpMethod,
          headers,
          body: r.httpMethod === 'GET' ? undefined : r.body,
        })
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
        expect(answer.status).toBeGreaterThanOrEqual(200)
        expect(answer.status).toBeLessThan(500)
      }),
      { numRuns: 600 },
    )
    // A counterexample may hold megabytes of text: report its start only.
    await run.catch((error: unknown) => {
      throw new Error(String(error instanceof Error ? error.message : error).slice(0, 3_000))
    })

    // Still up, and nothing changed on disk or in the settings.
    expect((await api('getAppInfo')).status).toBe(200)
    expect((await api('getSettings')).body).toBe(settingsBefore)
    expect(await snapshot(h.dataDir)).toEqual(before)
    // The generator reached the handlers, not only the front door.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(20)
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([401, 403, 405, 415]))
  }, 240_000)

  it.skipIf(process.platform === 'win32')(
    'keeps every file it wrote 0600 in 0700 folders',
    async () => {
      const modes = await snapshot(h.dataDir)
      for (const [path, value] of Object.entries(modes)) {
        expect(value.split(' ')[0], path).toBe(path.endsWith('/') ? '700' : '600')
      }
      expect(((await stat(h.dataDir)).mode & 0o777).toString(8)).toBe('700')
    },
  )
})
