import { test as base, expect, type Page } from '@playwright/test'
import { startWebHost, type WebHostProcess } from './web-host'

/** Opens the kiosk page from the host's URL (with its secret) and waits until the app marks itself ready. */
export async function openKiosk(page: Page, host: WebHostProcess): Promise<void> {
  await page.goto(host.url)
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
}

export const test = base.extend<{ host: WebHostProcess; kiosk: Page }>({
  // Each test gets its own host process and a fresh data folder.
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring form
  host: async ({}, use) => {
    const host = await startWebHost()
    await use(host)
    await host.stop()
  },
  kiosk: async ({ page, host }, use) => {
    await openKiosk(page, host)
    await use(page)
  },
})

export { expect }
