import { expect, test } from '../support/fixtures'
import { VisitorPage, type Person } from '../visitor/visitor-page'
import {
  expectExactlyOnce,
  kioskRows,
  registeredTotal,
  seedSignatures,
  syncStates,
  type KioskBatch,
} from './sync-kiosk'
import { SYNC_TEST_TIMEOUT_MS, withSyncingKiosk } from './sync-setup'

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS })

const visitors: Person[] = [
  { firstName: 'Aino', lastName: 'Virtanen', email: 'aino@example.fi', countryName: 'Finland' },
  {
    firstName: 'Jonas',
    lastName: 'Petraitis',
    email: 'jonas@example.lt',
    countryName: 'Lithuania',
  },
  { firstName: 'Marta', lastName: 'Kovač', email: 'marta@example.hr', countryName: 'Croatia' },
]

test('50 signatures made while the register is down all arrive once it is back, exactly once', async ({
  page,
  host,
}) => {
  await withSyncingKiosk({ page, host }, { registerDown: true }, async ({ register }) => {
    // Three visitors sign through the screens; 47 more are seeded into IndexedDB.
    const certificateNos: string[] = []
    for (const person of visitors) {
      const visitor = new VisitorPage(page)
      await visitor.signUpToReview(person)
      certificateNos.push(await visitor.confirm())
      await page.getByRole('button', { name: 'Finish' }).click()
    }
    const seeded = await seedSignatures(page, 47)
    certificateNos.push(...seeded.map((r) => r.certificateNo))

    // The register does not answer: nothing is sent, nothing is batched, all stays pending.
    await expect.poll(() => syncStates(page)).toEqual({ pending: 50 })
    expect(await kioskRows(page, 'batches')).toEqual([])

    await register.start()
    await expect.poll(() => syncStates(page), { timeout: 30_000 }).toEqual({ synced: 50 })
    await expectExactlyOnce(page, register, certificateNos)
  })
})

test('the register fails the first 2 tries with 500: the same batch is retried and arrives once', async ({
  page,
  host,
}) => {
  await withSyncingKiosk(
    { page, host }, // Two, not three: three 500s in a row split a batch (poison.spec.ts).
    { register: { failBatches: 2 } },
    async ({ register }) => {
      const seeded = await seedSignatures(page, 12)

      await expect.poll(() => syncStates(page), { timeout: 30_000 }).toEqual({ synced: 12 })
      const batches = await kioskRows<KioskBatch>(page, 'batches')
      // One batch id, sent three times: two 500s, then accepted.
      expect(batches).toMatchObject([{ state: 'done', attempts: 3, lastError: null }])
      await expectExactlyOnce(
        page,
        register,
        seeded.map((r) => r.certificateNo),
      )
    },
  )
})

test('the connection drops after the register committed: the retry gets the stored answer, nothing twice', async ({
  page,
  host,
}) => {
  await withSyncingKiosk(
    { page, host },
    { register: { dropAfterCommit: 1 } },
    async ({ register }) => {
      const seeded = await seedSignatures(page, 9)

      await expect.poll(() => syncStates(page), { timeout: 30_000 }).toEqual({ synced: 9 })
      expect(await kioskRows<KioskBatch>(page, 'batches')).toMatchObject([
        { state: 'done', attempts: 2 },
      ])
      expect(await registeredTotal(register)).toBe(9)
      await expectExactlyOnce(
        page,
        register,
        seeded.map((r) => r.certificateNo),
      )
    },
  )
})
