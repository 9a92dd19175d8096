import { chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../services/testing/temp-dir'
import { kioskBrowserArgs, openKioskBrowser } from './browser'
import { LAUNCH_CODE_MS } from './server'
import { rawCall, startTestHost, type TestHost } from './testing/test-host'

const tempDir = useTempDirs()
const running: TestHost[] = []
const started: number[] = []
afterEach(async () => {
  for (const pid of started.splice(0)) {
    try {
      // The launcher starts the browser in its own process group: end that group.
      process.kill(-pid)
    } catch {
      // Already gone.
    }
  }
  await Promise.all(running.splice(0).map((host) => host.close()))
})

async function host(options: { now?: () => number } = {}) {
  const h = await startTestHost(await tempDir(), options)
  running.push(h)
  return h
}

const json = { 'content-type': 'application/json' }
const exchange = (h: TestHost, code: string, headers: Record<string, string> = {}) =>
  rawCall(h.port, '/session', {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify({ code }),
  })
const codeOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('c') ?? ''

describe('web host API requests', () => {
  it('refuses a body that is not declared application/json with 415', async () => {
    const h = await host()
    const auth = { authorization: `Bearer ${h.secret}` }
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
    ]) {
      const res = await rawCall(h.port, '/api/getAppInfo', {
        method: 'POST',
        headers: type ? { ...auth, 'content-type': type } : auth,
        body: '{}',
      })
      expect(res.status, String(type)).toBe(415)
    }
    const ok = await rawCall(h.port, '/api/getAppInfo', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'Application/JSON; charset=utf-8' },
      body: '{}',
    })
    expect(ok.status).toBe(200)
  })

  it('refuses an Origin other than its own with 403, even with the secret', async () => {
    const h = await host()
    const headers = { ...json, authorization: `Bearer ${h.secret}` }
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${h.port + 1}`,
      'null',
      `https://127.0.0.1:${h.port}`,
    ]) {
      const res = await rawCall(h.port, '/api/getSettings', {
        method: 'POST',
        headers: { ...headers, origin },
        body: '{}',
      })
      expect(res.status, origin).toBe(403)
      expect(res.body).not.toContain('kioskId')
    }
    for (const origin of [`http://127.0.0.1:${h.port}`, `http://localhost:${h.port}`]) {
      const res = await rawCall(h.port, '/api/getAppInfo', {
        method: 'POST',
        headers: { ...headers, origin },
        body: '{}',
      })
      expect(res.status, origin).toBe(200)
    }
  })
})

describe('handing the secret to a browser the host starts', () => {
  it('puts only a one-time code on the command line, which gives the secret once', async () => {
    const h = await host()
    const url = h.launchUrl()
    const args = kioskBrowserArgs(url, '/data/browser-profile')
    expect(args.join(' ')).not.toContain(h.secret)
    expect(args).toContain(`--app=${url}`)

    const first = await exchange(h, codeOf(url))
    expect(first.status).toBe(200)
    expect(JSON.parse(first.body)).toEqual({ ok: true, value: { secret: h.secret } })
    const again = await exchange(h, codeOf(url))
    expect(again.status).toBe(403)
    expect(again.body).not.toContain(h.secret)
  })

  it('refuses an expired code, an unknown one and one from another origin (which uses it up)', async () => {
    let now = Date.UTC(2026, 9, 13, 9)
    const h = await host({ now: () => now })
    const late = h.launchUrl()
    now += LAUNCH_CODE_MS + 1
    expect((await exchange(h, codeOf(late))).status).toBe(403)
    expect((await exchange(h, 'guessed')).status).toBe(403)
    for (const body of ['null', '[]', '{"code": 5}', '"x"']) {
      const res = await rawCall(h.port, '/session', { method: 'POST', headers: json, body })
      expect(res.status, body).toBe(403)
    }
    const fresh = h.launchUrl()
    expect((await exchange(h, codeOf(fresh), { origin: 'http://evil.example' })).status).toBe(403)
    expect((await rawCall(h.port, '/session', { method: 'GET' })).status).toBe(405)
    expect((await exchange(h, codeOf(fresh))).status).toBe(200)
  })

  it.skipIf(process.platform !== 'linux')(
    'leaves no secret in /proc/<pid>/cmdline of the launched browser',
    async () => {
      const h = await host()
      // A stand-in browser that just waits: what matters is the command line it was given.
      const browser = join(await tempDir(), 'browser')
      await writeFile(browser, '#!/bin/sh\nsleep 30\n')
      await chmod(browser, 0o755)
      const pid = openKioskBrowser(browser, h.launchUrl(), join(h.dataDir, 'browser-profile'))
      expect(pid).toBeDefined()
      started.push(pid!)
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')
      expect(cmdline.join(' ')).not.toContain(h.secret)
      const app = cmdline.find((arg) => arg.startsWith('--app='))
      expect(app).toMatch(/#c=/)
      expect((await exchange(h, codeOf(app!.slice('--app='.length)))).status).toBe(200)
    },
  )
})
