import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { afterEach, expect, it } from 'vitest'
import { describeEachDatabase } from '../../testing/databases'
import { organisationRecord, sampleBatch, sampleRecord } from '../../testing/batches-fixtures'
import { logIn } from '../../testing/console-session'
import { createOrganiser } from '../admin/organisers'
import { buildApp } from '../app'
import { createToken } from '../tokens'

const run = promisify(execFile)
const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

describeEachDatabase('certificates in bulk from the register', (ctx) => {
  it('streams one PDF for a filter, by the kiosk renderer, with the names of that filter only', async () => {
    const token = await createToken(ctx.db(), 'B01')
    const password = await createOrganiser(ctx.db(), 'anna', 'organiser')
    const app = await buildApp({ db: ctx.db() })
    apps.push(app)
    const batch = sampleBatch([
      organisationRecord(1, 'Ville de Lyon', 'FR', { firstName: 'Amélie', lastName: 'Durand' }),
      organisationRecord(2, 'Gmina Kraków', 'PL', { firstName: 'Jan', lastName: 'Kowalski' }),
      sampleRecord(3, { firstName: 'Individual', lastName: 'Visitor' }),
    ])
    const sent = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { authorization: `Bearer ${token}` },
      payload: batch,
    })
    expect(sent.statusCode).toBe(200)
    const session = await logIn(app, 'anna', password)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

    const res = await fetch(`${base}/v1/admin/certificates.pdf?kind=city`, {
      headers: { cookie: session.cookie },
    })

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('x-certificates-total')).toBe('2')
    const dir = await mkdtemp(join(tmpdir(), 'register-pdf-'))
    try {
      await writeFile(join(dir, 'c.pdf'), Buffer.from(await res.arrayBuffer()))
      const { stdout } = await run('pdftotext', ['-layout', join(dir, 'c.pdf'), '-'])
      expect(stdout).toContain('Amélie Durand')
      expect(stdout).toContain('Jan Kowalski')
      expect(stdout).not.toContain('Individual Visitor')
      const { stdout: info } = await run('pdfinfo', [join(dir, 'c.pdf')])
      expect(info).toMatch(/Pages:\s+2\n/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }

    const none = await fetch(`${base}/v1/admin/certificates.pdf?country=DE`, {
      headers: { cookie: session.cookie },
    })
    expect(none.status).toBe(404)
    const bad = await fetch(`${base}/v1/admin/certificates.pdf?language=French`, {
      headers: { cookie: session.cookie },
    })
    expect(bad.status).toBe(400)
    const anonymous = await fetch(`${base}/v1/admin/certificates.pdf`)
    expect(anonymous.status).toBe(401)
  }, 60_000)
})
