import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { openKioskServices } from '../services/kiosk-services'
import { silentLog, useTempDirs } from '../services/testing/temp-dir'
import { startHost, type RunningHost } from './server'

const tempDir = useTempDirs()
const running: RunningHost[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((host) => host.close()))
})

async function host(): Promise<RunningHost> {
  const dataDir = await tempDir()
  const rendererDir = join(dataDir, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>')
  await writeFile(join(dataDir, 'outside.txt'), 'private')
  const { api } = await openKioskServices({ dataDir, runtime: 'web', log: silentLog })
  const started = await startHost({ api, rendererDir, log: silentLog })
  running.push(started)
  return started
}

/** A raw HTTP call, so the Host header can be anything a hostile page or rebinding attack would send. */
function call(
  port: number,
  path: string,
  options: { method?: string; host?: string; authorization?: string; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: {
          host: options.host ?? `127.0.0.1:${port}`,
          ...(options.authorization ? { authorization: options.authorization } : {}),
          'content-type': 'application/json',
        },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('web host security', () => {
  it('answers the API with the right secret and Host header', async () => {
    const h = await host()
    const res = await call(h.port, '/api/getAppInfo', {
      method: 'POST',
      authorization: `Bearer ${h.secret}`,
      body: '{}',
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({
      ok: true,
      value: { runtime: 'web', kioskId: 'B01' },
    })
  })

  it('refuses a foreign Host header with 403, for pages and API alike', async () => {
    const h = await host()
    for (const path of ['/', '/api/getAppInfo']) {
      const res = await call(h.port, path, {
        method: 'POST',
        host: 'evil.example:80',
        authorization: `Bearer ${h.secret}`,
      })
      expect(res.status).toBe(403)
    }
    expect((await call(h.port, '/', { host: `localhost:${h.port}` })).status).toBe(200)
  })

  it('refuses API calls with a missing or wrong secret with 401', async () => {
    const h = await host()
    expect((await call(h.port, '/api/getSettings', { method: 'POST', body: '{}' })).status).toBe(
      401,
    )
    const wrong = await call(h.port, '/api/getSettings', {
      method: 'POST',
      authorization: 'Bearer nope',
      body: '{}',
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body).not.toContain('kioskId')
  })

  it('validates arguments over HTTP like over IPC', async () => {
    const h = await host()
    const res = await call(h.port, '/api/readJournal', {
      method: 'POST',
      authorization: `Bearer ${h.secret}`,
      body: JSON.stringify({ input: { offset: 0, limit: 0 } }),
    })
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        issues: [{ code: 'invalid', field: 'limit', params: { min: 1 } }],
      },
    })
    const notJson = await call(h.port, '/api/updateSettings', {
      method: 'POST',
      authorization: `Bearer ${h.secret}`,
      body: '{oops',
    })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', reason: 'not-json' },
    })
  })

  it('cannot be bound to a non-loopback address', async () => {
    const dataDir = await tempDir()
    const { api } = await openKioskServices({ dataDir, runtime: 'web', log: silentLog })
    for (const bindAddress of ['0.0.0.0', '::', '192.168.1.20']) {
      await expect(
        startHost({ api, rendererDir: dataDir, log: silentLog, bindAddress }),
      ).rejects.toThrow(/127\.0\.0\.1 only/)
    }
  })

  it('listens on 127.0.0.1 and never serves files outside the renderer folder', async () => {
    const h = await host()
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=/)
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt']) {
      const res = await call(h.port, path)
      expect(res.body).not.toContain('private')
    }
  })
})
