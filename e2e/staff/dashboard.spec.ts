import type { Page } from '@playwright/test'
import { sampleSignatures } from '../../electron/shared/testing/sample-signatures'
import { dayInZone } from '../../electron/shared/time'
import { expect, openKiosk, test } from '../support/fixtures'
import { seedJournal } from '../support/seed-journal'
import { freshDataDir, startWebHost, type WebHostProcess } from '../support/web-host'
import { STAFF_PIN } from './staff-page'

const ZONE = 'Europe/Brussels'

/** Brussels' UTC offset today in minutes (60 in winter, 120 in summer). */
function offsetToday(): number {
  const name = new Intl.DateTimeFormat('en', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')!.value
  const [, sign, hours] = /GMT([+-])(\d+)/.exec(name) ?? ['', '+', '0']
  return (sign === '-' ? -1 : 1) * Number(hours) * 60
}

const today = dayInZone(new Date(), ZONE)
const yesterday = dayInZone(new Date(Date.now() - 86_400_000), ZONE)
const common = { eventCode: 'EWRC26', kioskId: 'B01', utcOffsetMinutes: offsetToday() }
const TODAY = sampleSignatures({ ...common, count: 400, seed: 21, firstDay: today })
const EARLIER = sampleSignatures({
  ...common,
  count: 200,
  seed: 22,
  firstDay: yesterday,
  firstSeq: 401,
})

function expectedPerHour(): Map<number, number> {
  const hourOf = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    hourCycle: 'h23',
  })
  const perHour = new Map<number, number>()
  for (const record of TODAY) {
    const hour = Number(hourOf.format(new Date(record.createdAt)))
    perHour.set(hour, (perHour.get(hour) ?? 0) + 1)
  }
  return perHour
}

async function openDashboard(page: Page) {
  await page.keyboard.press('Control+Shift+S')
  await expect(page.getByRole('button', { name: 'Digit 1' })).toBeEnabled()
  const setting = await page.getByRole('heading', { name: 'Set the staff PIN' }).isVisible()
  for (let round = 0; round < (setting ? 2 : 1); round++) {
    for (const digit of STAFF_PIN) await page.getByRole('button', { name: `Digit ${digit}` }).tap()
    await page.getByRole('button', { name: 'OK' }).tap()
  }
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toBeVisible()
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test.describe(`dashboard at ${viewport.width}×${viewport.height}`, () => {
    test.use({ hasTouch: true, viewport })
    let host: WebHostProcess
    test.beforeEach(async () => {
      const dataDir = await freshDataDir()
      await seedJournal(dataDir, [...EARLIER, ...TODAY])
      host = await startWebHost({ dataDir })
    })
    test.afterEach(async () => {
      await host.stop()
    })

    test('bars are as long as their counts and the hourly chart shows its values', async ({
      page,
    }, testInfo) => {
      await openKiosk(page, host)
      await openDashboard(page)
      await expect(page.getByTestId('count-total')).toHaveText('600')
      await expect(page.getByTestId('count-today')).toHaveText('400')

      for (const name of ['Top countries', 'Organisations by type']) {
        const rows = page.getByRole('region', { name }).getByRole('listitem')
        await expect(rows.first()).toBeVisible()
        const measured = await rows.evaluateAll((items) =>
          items.map((item) => ({
            count: Number(
              item.querySelector('.count-list__count')!.textContent!.replace(/\D/g, ''),
            ),
            bar: item.querySelector('.count-list__bar')!.getBoundingClientRect().width,
            track: item.querySelector('.count-list__track')!.getBoundingClientRect().width,
          })),
        )
        const max = Math.max(...measured.map((m) => m.count))
        expect(measured.length).toBeGreaterThan(1)
        for (const { count, bar, track } of measured) {
          // A bar, not a dot: the longest fills its track, every one in proportion (±2 px).
          expect(track).toBeGreaterThan(150)
          expect(Math.abs(bar - (count / max) * track)).toBeLessThan(2)
        }
      }

      const chart = page.getByTestId('hour-chart')
      const box = (await chart.boundingBox())!
      for (const [hour, count] of expectedPerHour()) {
        const value = chart.locator(`g[data-hour="${hour}"] .hour-chart__count`)
        await expect(value).toHaveText(String(count))
        await expect(value).toBeVisible()
        const at = (await value.boundingBox())!
        expect(at.y).toBeGreaterThanOrEqual(box.y)
      }
      const size = `${viewport.width}x${viewport.height}`
      await page.screenshot({ path: testInfo.outputPath(`dashboard-${size}.png`) })
      await page.getByRole('region', { name: 'Top countries' }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: testInfo.outputPath(`dashboard-${size}-lists.png`) })
    })
  })
}
