import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, expect, it } from 'vitest'
import { generateKeyPair } from '../../../electron/services/export/encryption'
import { checkExportBatch, readExportBatch } from '../../../electron/services/export/read-batch'
import type { SignatureRecord } from '../../../electron/shared/signature'
import { describeEachDatabase } from '../../testing/databases'
import { sampleBatch, sampleRecord } from '../../testing/batches-fixtures'
import { asSession, logIn, type ConsoleSession } from '../../testing/console-session'
import { buildApp } from '../app'
import { createToken } from '../tokens'
import type { ExportJobStatus } from './export-jobs'
import { createOrganiser } from './organisers'

const run = promisify(execFile)
const apps: FastifyInstance[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function newDir(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

function recordOf(kiosk: string, n: number, overrides: Partial<SignatureRecord> = {}) {
  return sampleRecord(n, {
    id: `0190f0a0-0000-7000-8${kiosk.slice(1).padStart(3, '0')}-${String(n).padStart(12, '0')}`,
    certificateNo: `EWRC26-${kiosk}-${String(n).padStart(6, '0')}`,
    kioskId: kiosk,
    email: `${kiosk.toLowerCase()}-${n}@example.eu`,
    ...overrides,
  })
}

describeEachDatabase('register prepared exports', (ctx) => {
  async function setUp(recipient: string | null) {
    const exportDir = await newDir('register-jobs-')
    const app = await buildApp({
      db: ctx.db(),
      version: '9.8.7',
      exports: { dir: exportDir, recipient },
    })
    apps.push(app)
    for (const kiosk of ['B01', 'B02']) {
      const token = await createToken(ctx.db(), kiosk)
      const records = [recordOf(kiosk, 1), recordOf(kiosk, 2, { day: '2026-10-14' })]
      const res = await app.inject({
        method: 'POST',
        url: '/v1/batches',
        headers: { authorization: `Bearer ${token}` },
        payload: sampleBatch(records, { kioskId: kiosk }),
      })
      expect(res.statusCode).toBe(200)
    }
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const session = await logIn(app, 'anna', password)
    return { app, session, exportDir }
  }

  async function prepare(
    app: FastifyInstance,
    session: ConsoleSession,
    filter: object,
    url = '/v1/admin/exports',
  ) {
    const started = await app.inject({
      method: 'POST',
      url,
      headers: asSession(session),
      payload: filter,
    })
    expect(started.statusCode, started.body).toBe(202)
    const { id, total } = started.json<ExportJobStatus>()
    for (;;) {
      const status = (
        await app.inject({
          method: 'GET',
          url: `/v1/admin/exports/${id}`,
          headers: asSession(session),
        })
      ).json<ExportJobStatus>()
      if (status.state !== 'running') return { ...status, totalAtStart: total }
      await new Promise((done) => setTimeout(done, 20))
    }
  }

  async function download(app: FastifyInstance, session: ConsoleSession, status: ExportJobStatus) {
    const folder = await newDir('register-job-download-')
    for (const file of status.files) {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/admin/exports/${status.id}/${file}`,
        headers: asSession(session),
      })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${file}"`)
      await writeFile(join(folder, file), res.rawPayload)
    }
    return folder
  }

  it('encrypts a prepared export to the organisers key, leaves no plain file, and refuses plain downloads', async () => {
    const { identity, recipient } = await generateKeyPair()
    const { app, session, exportDir } = await setUp(recipient)

    const plain = await app.inject({
      method: 'GET',
      url: '/v1/admin/export/signatures.csv',
      headers: asSession(session),
    })
    expect(plain.statusCode).toBe(409)
    expect(plain.body).not.toContain('EWRC26-B01')

    const status = await prepare(app, session, { day: '2026-10-13' })
    expect(status).toMatchObject({ state: 'done', written: 2, totalAtStart: 2, encrypted: true })
    expect(status.files).toEqual([
      'signatures.csv.age',
      'signatures.json.age',
      'audit.json.age',
      'manifest.json',
    ])
    expect((await readdir(join(exportDir, status.id))).sort()).toEqual([...status.files].sort())

    const folder = await download(app, session, status)
    const check = await checkExportBatch(folder)
    expect(check.manifest).toMatchObject({
      kioskIds: ['B01', 'B02'],
      days: ['2026-10-13'],
      encryption: { method: 'age', recipient },
    })
    const batch = await readExportBatch(folder, { identity })
    expect(batch.records.map((r) => r.certificateNo)).toEqual([
      'EWRC26-B01-000001',
      'EWRC26-B02-000001',
    ])
  })

  it('writes a plain union a second organiser cannot see, and deletes it on request', async () => {
    const { app, session, exportDir } = await setUp(null)
    const status = await prepare(app, session, {})
    expect(status).toMatchObject({ state: 'done', written: 4, encrypted: false })
    const batch = await readExportBatch(await download(app, session, status))
    expect(batch.manifest).toMatchObject({
      kioskIds: ['B01', 'B02'],
      days: ['2026-10-13', '2026-10-14'],
    })
    expect(batch.records).toHaveLength(4)

    const other = await logIn(app, 'ben', await createOrganiser(ctx.db(), 'ben', 'organiser'))
    for (const url of [
      `/v1/admin/exports/${status.id}`,
      `/v1/admin/exports/${status.id}/manifest.json`,
    ]) {
      expect((await app.inject({ method: 'GET', url, headers: asSession(other) })).statusCode).toBe(
        404,
      )
    }
    const removed = await app.inject({
      method: 'DELETE',
      url: `/v1/admin/exports/${status.id}`,
      headers: asSession(session),
    })
    expect(removed.statusCode).toBe(204)
    expect(await readdir(exportDir)).toEqual([])
    const gone = await app.inject({
      method: 'GET',
      url: `/v1/admin/exports/${status.id}/manifest.json`,
      headers: asSession(session),
    })
    expect(gone.statusCode).toBe(404)
  })

  it('prepares the certificates of a filter as one PDF, with progress', async () => {
    const { app, session } = await setUp(null)
    const status = await prepare(app, session, { kiosk: 'B02' }, '/v1/admin/certificates')
    expect(status).toMatchObject({
      state: 'done',
      written: 2,
      total: 2,
      files: ['certificates.pdf'],
    })
    const pdf = await app.inject({
      method: 'GET',
      url: `/v1/admin/exports/${status.id}/certificates.pdf`,
      headers: asSession(session),
    })
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const folder = await newDir('register-job-pdf-')
    await writeFile(join(folder, 'c.pdf'), pdf.rawPayload)
    const { stdout } = await run('pdftotext', [join(folder, 'c.pdf'), '-'])
    expect(stdout).toContain('EWRC26-B02-000001')
    expect(stdout).toContain('EWRC26-B02-000002')
    expect(stdout).not.toContain('EWRC26-B01')
  })

  it('answers 400 for a bad filter, 404 for a bad id or file, and says when nothing matched', async () => {
    const { app, session } = await setUp(null)
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/admin/exports',
      headers: asSession(session),
      payload: { kind: 'alien' },
    })
    expect(bad.statusCode).toBe(400)
    for (const url of ['/v1/admin/exports/nope', '/v1/admin/exports/nope/manifest.json']) {
      expect(
        (await app.inject({ method: 'GET', url, headers: asSession(session) })).statusCode,
      ).toBe(404)
    }
    const empty = await prepare(app, session, { kiosk: 'B09' })
    expect(empty).toMatchObject({ state: 'empty', files: [] })
    const status = await prepare(app, session, { kiosk: 'B01' })
    const file = await app.inject({
      method: 'GET',
      url: `/v1/admin/exports/${status.id}/..%2F..%2Fetc%2Fpasswd`,
      headers: asSession(session),
    })
    expect(file.statusCode).toBe(404)
  })
})
