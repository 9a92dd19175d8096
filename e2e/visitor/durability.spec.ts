import { rm } from 'node:fs/promises'
import type { JournalEntry } from '../../electron/shared/journal'
import { test, expect } from '../support/fixtures'
import { journalEntries } from '../support/journal-file'
import { PersistentBrowser } from '../support/persistent-browser'
import { startWebHost } from '../support/web-host'
import { storedSignatures, VisitorPage } from './visitor-page'

const person = {
  firstName: 'Ģirts',
  lastName: 'Ozoliņš',
  email: 'girts@example.lv',
  countryName: 'Latvia',
}

/** The journal's signature lines (audit lines are journaled too). */
async function journalLines(dataDir: string): Promise<JournalEntry[]> {
  return (await journalEntries(dataDir)).filter((entry) => entry.type === 'signature')
}

test('a signature survives the browser being killed right after confirm', async ({ host }) => {
  const browser = await PersistentBrowser.create()
  try {
    const page = await browser.open(host.url)
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
    const visitor = new VisitorPage(page)
    await visitor.signUpToReview(person)
    const certificateNo = await visitor.confirm()
    await browser.kill()

    const again = await browser.open(host.url)
    await expect(again.locator('html')).toHaveAttribute('data-app-state', 'ready')
    const records = await storedSignatures(again)
    expect(records.map((r) => r.certificateNo)).toEqual([certificateNo])
    expect(records[0]).toMatchObject({ firstName: 'Ģirts', lastName: 'Ozoliņš' })
  } finally {
    await browser.close()
  }
})

test('a wiped browser profile is restored from the on-disk journal, once', async ({ host }) => {
  let browser = await PersistentBrowser.create()
  const page = await browser.open(host.url)
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
  const first = new VisitorPage(page)
  await first.signUpToReview(person)
  const certificateNo = await first.confirm()
  await expect.poll(() => journalLines(host.dataDir)).toHaveLength(1)
  await browser.kill()
  await rm(browser.profileDir, { recursive: true, force: true })

  // The host restarts too, as after an app update; same data folder, new secret.
  await host.stop()
  const restarted = await startWebHost({ dataDir: host.dataDir })
  browser = await PersistentBrowser.create()
  try {
    const fresh = await browser.open(restarted.url)
    await expect(fresh.locator('html')).toHaveAttribute('data-app-state', 'ready')
    const restored = await storedSignatures(fresh)
    expect(restored.map((r) => r.certificateNo)).toEqual([certificateNo])
    expect(restored[0]).toMatchObject({
      firstName: 'Ģirts',
      email: 'girts@example.lv',
      syncState: 'pending',
    })

    // Numbering continues after the restored signature; a reload restores nothing twice.
    const next = new VisitorPage(fresh)
    await next.signUpToReview({ ...person, email: 'other@example.lv', firstName: 'Inese' })
    expect(await next.confirm()).toBe('EWRC26-B01-000002')
    await fresh.reload()
    await expect(fresh.locator('html')).toHaveAttribute('data-app-state', 'ready')
    expect(await storedSignatures(fresh)).toHaveLength(2)
    await expect.poll(() => journalLines(host.dataDir)).toHaveLength(2)
  } finally {
    await browser.close()
    await restarted.stop()
  }
})

test('a double-tapped confirm saves once', async ({ kiosk }) => {
  const visitor = new VisitorPage(kiosk)
  await visitor.signUpToReview(person)
  await kiosk.getByRole('button', { name: 'Confirm and sign' }).evaluate((button: HTMLElement) => {
    button.click()
    button.click()
  })
  await expect(
    kiosk.getByRole('heading', { level: 1, name: 'You have joined the #CohesionAlliance' }),
  ).toBeVisible()
  expect(await storedSignatures(kiosk)).toHaveLength(1)
})

test('a storage failure tells the visitor it was not saved, leaves nothing behind, and a retry saves', async ({
  page,
  host,
}) => {
  // Simulated quota exhaustion: IndexedDB's add() throws QuotaExceededError while the flag is set.
  await page.addInitScript(() => {
    const add = IDBObjectStore.prototype.add
    IDBObjectStore.prototype.add = function (
      this: IDBObjectStore,
      ...args: Parameters<typeof add>
    ) {
      if (sessionStorage.getItem('fail-saves') === '1') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      return add.apply(this, args)
    }
  })
  await page.goto(host.url)
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
  const visitor = new VisitorPage(page)
  await visitor.signUpToReview(person)
  await page.evaluate(() => sessionStorage.setItem('fail-saves', '1'))
  await page.getByRole('button', { name: 'Confirm and sign' }).click()
  await expect(page.getByRole('alert')).toHaveText(/Your signature was NOT saved/)
  await expect(page.getByRole('heading', { level: 1, name: 'Check and confirm' })).toBeVisible()
  expect(await storedSignatures(page)).toHaveLength(0)

  await page.evaluate(() => sessionStorage.removeItem('fail-saves'))
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByTestId('certificate-no')).toHaveText('EWRC26-B01-000001')
  expect(await storedSignatures(page)).toHaveLength(1)
})
