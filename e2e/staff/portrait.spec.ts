/**
 * The staff console on a portrait kiosk (1080×1920): every tab fits the width, the Lock button
 * included, so staff never scroll sideways to find it.
 */
import { expect, test } from '../support/fixtures'
import { StaffPage } from './staff-page'

test.use({ hasTouch: true, viewport: { width: 1080, height: 1920 } })

test('every staff tab fits a portrait screen, with the bar and Lock in view', async ({
  kiosk,
}, testInfo) => {
  const staff = new StaffPage(kiosk)
  await staff.openByTouch()
  for (const name of ['Dashboard', 'Signatures', 'Paper form', 'Export', 'Settings', 'Audit log']) {
    await kiosk.getByRole('tab', { name }).tap()
    await expect(kiosk.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
    const overflow = await kiosk.evaluate(() => {
      const root = document.scrollingElement!
      return root.scrollWidth - window.innerWidth
    })
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0)
    const lock = await kiosk.getByRole('button', { name: 'Lock', exact: true }).boundingBox()
    expect(lock, 'the Lock button is laid out').not.toBeNull()
    expect(lock!.x + lock!.width, `Lock is cut off on ${name}`).toBeLessThanOrEqual(1080)
    await kiosk.screenshot({ path: testInfo.outputPath(`staff-${name}-portrait.png`) })
  }
})
