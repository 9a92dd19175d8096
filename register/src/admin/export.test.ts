import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, expect, it } from 'vitest'
import { buildSignaturesCsv } from '../../../electron/services/export/csv'
import { readExportBatch } from '../../../electron/services/export/read-batch'
import type { SignatureRecord } from '../../../electron/shared/signature'
import { describeEachDatabase } from '../../testing/databases'
import { organisationRecord, sampleBatch, sampleRecord } from '../../testing/batches-fixtures'
import { asSession, logIn, type ConsoleSession } from '../../testing/console-session'
import { buildApp } from '../app'
import { createToken } from '../tokens'
import { createOrganiser } from './organisers'

const ROOT = resolve(import.meta.dirname, '../../..')
const apps: FastifyInstance[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

/** The organisers' CLI as they run it. */
function verify(folder: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'electron/services/cli/index.ts', 'verify', folder], {
      cwd: ROOT,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

/** Record n of a kiosk, every one a different person. */
function recordOf(kiosk: string, n: number, overrides: Partial<SignatureRecord> = {}) {
  return sampleRecord(n, {
    id: `0190f0a0-0000-7000-8${kiosk.slice(1).padStart(3, '0')}-${String(n).padStart(12, '0')}`,
    certificateNo: `EWRC26-${kiosk}-${String(n).padStart(6, '0')}`,
    kioskId: kiosk,
    email: `${kiosk.toLowerCase()}-${n}@example.eu`,
    ...overrides,
  })
}

describeEachDatabase('register export', (ctx) => {
  async function setUp() {
    const tokens = {
      B01: await createToken(ctx.db(), 'B01'),
      B02: await createToken(ctx.db(), 'B02'),
    }
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await buildApp({ db: ctx.db(), version: '9.8.7' })
    apps.push(app)
    const send = async (kiosk: 'B01' | 'B02', records: SignatureRecord[]) => {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/batches',
        headers: { authorization: `Bearer ${tokens[kiosk]}` },
        payload: sampleBatch(records, { kioskId: kiosk }),
      })
      expect(res.statusCode).toBe(200)
    }
    const session = await logIn(app, 'anna', password)
    return { app, send, session }
  }

  const download = async (
    app: FastifyInstance,
    session: ConsoleSession,
    file: string,
    query: string,
  ) => {
    const res = await app.inject({
      method: 'GET',
      url: `/v1/admin/export/${file}?${query}`,
      headers: asSession(session),
    })
    return res
  }

  it('streams the files of a kiosk day that the CLI verifies, across more than one keyset page', async () => {
    const { app, send, session } = await setUp()
    const many = Array.from({ length: 620 }, (_, i) => recordOf('B01', i + 1))
    many[3] = { ...many[3]!, firstName: '=HYPERLINK("x")', lastName: 'Comma, "Quoted"' }
    many[7] = organisationRecord(8, 'Ville de Lyon', 'FR', {
      id: many[7]!.id,
      email: many[7]!.email,
    })
    for (let i = 0; i < many.length; i += 250) await send('B01', many.slice(i, i + 250))
    await send('B01', [recordOf('B01', 900, { day: '2026-10-14' })])
    await send('B02', [recordOf('B02', 1)])

    const folder = await mkdtemp(join(tmpdir(), 'register-export-'))
    dirs.push(folder)
    const query = 'kiosk=B01&day=2026-10-13'
    for (const file of ['signatures.csv', 'signatures.json', 'audit.json', 'manifest.json']) {
      const res = await download(app, session, file, query)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${file}"`)
      await writeFile(join(folder, file), res.rawPayload)
    }

    const batch = await readExportBatch(folder)
    expect(batch.records).toHaveLength(620)
    expect(batch.manifest).toMatchObject({
      kioskId: 'B01',
      day: '2026-10-13',
      eventCode: 'EWRC26',
      counts: { records: 620, organisations: 1 },
    })
    // Byte for byte what the kiosk writes for the same records.
    const csv = await download(app, session, 'signatures.csv', query)
    expect(csv.rawPayload.equals(buildSignaturesCsv(batch.records))).toBe(true)
    const { code, stdout } = await verify(folder)
    expect(code).toBe(0)
    expect(stdout).toMatch(/records:\s+620\n/)
  }, 120_000)

  it('exports the union across kiosks and days, and leaves a withdrawn signature out', async () => {
    const { app, send, session } = await setUp()
    await send('B01', [recordOf('B01', 1), recordOf('B01', 2, { day: '2026-10-14' })])
    await send('B02', [recordOf('B02', 1), recordOf('B02', 2, { country: 'FR' })])
    await ctx.db().query(
      `UPDATE signatures SET record = NULL, email_key = NULL, org_key = NULL, capacity = NULL,
              organisation_type = NULL, country = NULL, withdrawn_at = now()
        WHERE certificate_no = 'EWRC26-B02-000001'`,
    )

    const json = await download(app, session, 'signatures.json', '')
    const { records } = JSON.parse(json.body) as { records: SignatureRecord[] }
    expect(records.map((r) => r.certificateNo)).toEqual([
      'EWRC26-B01-000001',
      'EWRC26-B01-000002',
      'EWRC26-B02-000002',
    ])
    const csv = await download(app, session, 'signatures.csv', 'country=FR')
    expect(csv.body.trim().split('\r\n')).toHaveLength(2)
    expect(csv.body).toContain('EWRC26-B02-000002')

    const empty = await download(app, session, 'signatures.json', 'kiosk=B09')
    expect(JSON.parse(empty.body)).toEqual({ records: [], withdrawals: [] })

    // The union's folder: its manifest lists the kiosks and days it holds; the CLI verifies it.
    const folder = await mkdtemp(join(tmpdir(), 'register-union-'))
    dirs.push(folder)
    for (const file of ['signatures.csv', 'signatures.json', 'audit.json', 'manifest.json']) {
      const res = await download(app, session, file, '')
      expect(res.statusCode, res.body).toBe(200)
      await writeFile(join(folder, file), res.rawPayload)
    }
    const batch = await readExportBatch(folder)
    expect(batch.manifest).toMatchObject({
      kioskIds: ['B01', 'B02'],
      days: ['2026-10-13', '2026-10-14'],
      counts: { records: 3 },
    })
    expect(batch.manifest).not.toHaveProperty('kioskId')
    const { code, stdout } = await verify(folder)
    expect(code, stdout).toBe(0)
    expect(stdout).toMatch(/kiosks:\s+B01, B02\n/)
    expect(stdout).toMatch(/days:\s+2026-10-13, 2026-10-14\n/)

    // A manifest that claims a kiosk the files do not hold is refused.
    const manifestPath = join(folder, 'manifest.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { kioskIds: string[] }
    manifest.kioskIds = ['B01', 'B02', 'B09']
    await writeFile(manifestPath, JSON.stringify(manifest))
    await expect(readExportBatch(folder)).rejects.toThrow(/no record is from B09/)
  })

  it('writes a day manifest for one kiosk and day, a union one otherwise, and refuses bad filters', async () => {
    const { app, send, session } = await setUp()
    await send('B01', [recordOf('B01', 1)])

    const union = await download(app, session, 'manifest.json', 'day=2026-10-13')
    expect(union.statusCode).toBe(200)
    expect(JSON.parse(union.body)).toMatchObject({ kioskIds: ['B01'], days: ['2026-10-13'] })
    const day = await download(app, session, 'manifest.json', 'kiosk=B01&day=2026-10-13')
    expect(JSON.parse(day.body)).toMatchObject({ kioskId: 'B01', day: '2026-10-13' })
    expect(
      (await download(app, session, 'manifest.json', 'kiosk=B01&day=2026-10-15')).statusCode,
    ).toBe(404)
    expect((await download(app, session, 'signatures.csv', 'kind=alien')).statusCode).toBe(400)
    expect((await download(app, session, 'signatures.csv', '')).statusCode).toBe(200)
  })
})
