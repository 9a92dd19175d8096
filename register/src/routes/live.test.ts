import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterEach, expect, it } from 'vitest'
import { describeEachDatabase } from '../../testing/databases'
import { organisationRecord, sampleBatch, sampleRecord } from '../../testing/batches-fixtures'
import { LANGUAGES } from '../../../electron/shared/settings'
import { buildApp } from '../app'
import type { LiveSnapshot } from '../live/live-feed'
import { createToken } from '../tokens'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

const hidden = (n: number) =>
  sampleRecord(n, {
    firstName: 'Secret',
    lastName: `Person-${n}`,
    consents: { endorse: true, newsletter: false, publishName: false, localStory: false },
  })

describeEachDatabase('/live', (ctx) => {
  async function setUp() {
    const token = await createToken(ctx.db(), 'B01')
    const app = await buildApp({ db: ctx.db(), livePollMs: 20 })
    apps.push(app)
    const send = async (records: unknown[]) => {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/batches',
        headers: { authorization: `Bearer ${token}` },
        payload: sampleBatch(records),
      })
      expect(res.statusCode).toBe(200)
    }
    return { app, send }
  }

  it('counts everyone but names only signatories who consented to publication', async () => {
    const { app, send } = await setUp()
    await send([
      sampleRecord(1),
      hidden(2),
      organisationRecord(3, 'Ville de Lyon', 'FR'),
      hidden(4),
    ])

    const res = await app.inject({ method: 'GET', url: '/v1/live' })

    const snapshot = res.json<LiveSnapshot>()
    expect(snapshot.total).toBe(4)
    expect(snapshot.byCountry).toEqual({ PL: 3, FR: 1 })
    expect(snapshot.latest.map((p) => p.name).sort()).toEqual(['Łukasz Nowak-1', 'Łukasz Nowak-3'])
    expect(res.body).not.toContain('Secret')
    expect(res.body).not.toContain('@')
  })

  it('serves the page with a strict CSP and no data in it', async () => {
    const { app, send } = await setUp()
    await send([sampleRecord(1)])

    const page = await app.inject({ method: 'GET', url: '/live' })
    const script = await app.inject({ method: 'GET', url: '/live/live.js' })

    expect(page.statusCode).toBe(200)
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/)
    expect(page.body).not.toContain('Nowak')
    expect(script.headers['content-type']).toMatch(/^text\/javascript/)
    expect(script.body).toContain("fetch('/live/strings.json')")
  })

  it("shows its headings in the event's languages in turn, all 24 unless told", async () => {
    const { app } = await setUp()
    const all = (await app.inject({ method: 'GET', url: '/live/strings.json' })).json<
      { lang: string; title: string }[]
    >()
    expect(all.map((s) => s.lang)).toEqual([...LANGUAGES])
    expect(all.find((s) => s.lang === 'ga')?.title).toBe('Sínithe ar son an #CohesionAlliance')

    const chosen = await buildApp({ db: ctx.db(), liveLanguages: ['pl', 'fr'] })
    apps.push(chosen)
    const some = (await chosen.inject({ method: 'GET', url: '/live/strings.json' })).json<
      { lang: string; title: string; latest: string }[]
    >()
    expect(some).toEqual([
      expect.objectContaining({ lang: 'pl', latest: 'Najnowsi sygnatariusze' }),
      expect.objectContaining({ lang: 'fr', title: 'Signatures pour la #CohesionAlliance' }),
    ])
  })

  it('streams a snapshot at once and another when a batch arrives (server-sent events)', async () => {
    const { app, send } = await setUp()
    await send([sampleRecord(1)])
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    const controller = new AbortController()
    const res = await fetch(`http://127.0.0.1:${port}/v1/live/stream`, {
      signal: controller.signal,
    })
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    const nextSnapshot = async (): Promise<LiveSnapshot> => {
      for (;;) {
        const match = /event: snapshot\ndata: (.*)\n\n/.exec(buffer)
        if (match?.[1]) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length)
          return JSON.parse(match[1]) as LiveSnapshot
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('stream ended')
        buffer += value
      }
    }

    expect((await nextSnapshot()).total).toBe(1)
    await send([sampleRecord(2), hidden(3)])
    const after = await nextSnapshot()
    expect(after.total).toBe(3)
    expect(after.latest.map((p) => p.name)).toContain('Łukasz Nowak-2')
    expect(JSON.stringify(after)).not.toContain('Secret')
    controller.abort()
  })
})
