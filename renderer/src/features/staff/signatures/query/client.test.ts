import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleSignatures } from '@shared/testing/sample-signatures'
import { toStored } from '../../../../db/save-signature'
import { KioskDB } from '../../../../db/schema'
import { SignatureQueryClient, type WorkerLike } from './client'
import type { CallMessage } from './protocol'

const STORED = sampleSignatures({
  count: 50,
  seed: 3,
  kioskId: 'B01',
  eventCode: 'EWRC26',
  firstDay: '2026-10-13',
  days: 2,
}).map(toStored)

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step()
})

async function database(): Promise<KioskDB> {
  const db = new KioskDB(`client-${crypto.randomUUID()}`)
  await db.signatures.bulkAdd(STORED)
  cleanup.push(() => db.delete())
  return db
}

/** A worker that never answers; `fail()` makes it report an error as a broken worker would. */
class BrokenWorker extends EventTarget implements WorkerLike {
  posted: CallMessage[] = []
  terminated = false
  postMessage(message: CallMessage) {
    this.posted.push(message)
  }
  terminate() {
    this.terminated = true
  }
  fail() {
    this.dispatchEvent(
      Object.assign(new Event('error'), { message: 'Failed to load the worker script' }),
    )
  }
}

const BY_NUMBER = {
  search: '',
  filters: {},
  sorting: [{ id: 'certificateNo', desc: false }],
  offset: 0,
  limit: 5,
}

describe('SignatureQueryClient', () => {
  it("gives the first view the page's count while the worker has not started", async () => {
    const worker = new BrokenWorker()
    const client = new SignatureQueryClient(await database(), () => worker)
    cleanup.push(async () => client.close())
    await expect.poll(() => client.status().counted).toBe(true)
    const first = { search: '', filters: {}, sorting: [{ id: 'time', desc: true }] }
    const answer = await client.query({ ...first, offset: 0, limit: 10 })
    expect(answer).toMatchObject({ total: 50, matching: 50, offset: 0 })
    expect(answer.rows).toHaveLength(10)
    expect(client.status().loaded).toBe(false)
    // Answered on the page: nothing was asked of the worker.
    expect(worker.posted).toEqual([])
  })

  it('runs the engine on the page when no worker can be created', async () => {
    const client = new SignatureQueryClient(await database(), () => {
      throw new Error('Module scripts are not supported in workers')
    })
    cleanup.push(async () => client.close())
    expect(client.status().transport).toBe('thread')
    const answer = await client.query(BY_NUMBER)
    expect(answer.total).toBe(50)
    expect(answer.rows.map((row) => row.certificateNo)).toEqual(
      STORED.map((r) => r.certificateNo)
        .sort()
        .slice(0, 5),
    )
  })

  it('asks the page engine again for calls the worker left unanswered when it fails', async () => {
    const worker = new BrokenWorker()
    const client = new SignatureQueryClient(await database(), () => worker)
    cleanup.push(async () => client.close())
    const statuses: string[] = []
    client.subscribe((status) => statuses.push(status.transport))
    expect(client.status().transport).toBe('worker')
    const pending = client.matchingIds({ search: '', filters: {}, sorting: [] })
    expect(worker.posted.map((m) => m.method)).toEqual(['matchingIds'])
    worker.fail()
    expect(worker.terminated).toBe(true)
    expect((await pending).sort()).toEqual(STORED.map((r) => r.id).sort())
    expect(statuses[0]).toBe('thread')
    expect(client.status().transport).toBe('thread')
  })
})
