import type { Locator, Page } from '@playwright/test'
import { test, expect } from '../support/fixtures'
import { TouchVisitor } from './touch-visitor'

test.use({ hasTouch: true })
// Every letter is tapped on the on-screen keyboard: longer than a one-screen test.
test.describe.configure({ timeout: 180_000 })

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not visible')
  return found
}

/** The part of the flow's scrolling area that is on screen, between the top bar and Back/Continue. */
async function visibleArea(page: Page) {
  return box(page.locator('main.flow__main'))
}

for (const [width, height] of [
  [1920, 1080],
  [1080, 1920],
] as const) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } })

    test('German: the endorsement box is in view, and no review label runs into its value', async ({
      kiosk,
    }) => {
      const visitor = new TouchVisitor(kiosk, 'de')
      await visitor.start()
      await visitor.fillDetails({
        firstName: 'Xanthi',
        lastName: 'Papadopoulou',
        email: 'xanthi.papadopoulou@thessaloniki-region.example.eu',
        country: 'GR',
        organisation: {
          type: 'region',
          name: 'Regionalverband Zentralmakedonien',
          role: 'Regionalgouverneurin',
        },
      })
      await visitor.next()
      await expect(visitor.heading()).toHaveText(visitor.t('principles.title'))
      const endorse = kiosk.getByRole('checkbox', { name: visitor.t('principles.endorse') })
      const area = await visibleArea(kiosk)
      const tick = await box(endorse)
      expect(tick.y).toBeGreaterThanOrEqual(area.y)
      expect(tick.y + tick.height).toBeLessThanOrEqual(area.y + area.height)

      await visitor.endorse(['principles.newsletter'])
      await visitor.next()
      await visitor.drawSignature()
      await visitor.next()
      await expect(visitor.heading()).toHaveText(visitor.t('review.title'))

      const rows = kiosk.locator('.review-card__row')
      expect(await rows.count()).toBeGreaterThan(8)
      for (const row of await rows.all()) {
        const label = await box(row.locator('dt'))
        const value = await box(row.locator('dd'))
        // Side by side: the label ends before its value begins, both within the card.
        expect(label.x + label.width).toBeLessThanOrEqual(value.x)
      }
      // The email wraps at the @ or a dot, never inside a word.
      const email = kiosk.locator('.review-email')
      const lines = await email.evaluate((element) => {
        const range = document.createRange()
        range.selectNodeContents(element)
        const tops = new Map<number, string>()
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? ''
          for (let i = 0; i < text.length; i++) {
            range.setStart(node, i)
            range.setEnd(node, i + 1)
            const top = Math.round(range.getBoundingClientRect().top)
            tops.set(top, (tops.get(top) ?? '') + text[i])
          }
        }
        return [...tops.values()]
      })
      expect(lines.join('')).toBe('xanthi.papadopoulou@thessaloniki-region.example.eu')
      for (const line of lines.slice(0, -1)) expect(line).toMatch(/@$|[a-z]$/)
      for (const line of lines.slice(1)) expect(line).toMatch(/^\.|^thessaloniki/)
      // Landscape uses the width: the cards span most of the screen.
      const cards = await box(kiosk.locator('.review-grid'))
      expect(cards.width).toBeGreaterThan(width * 0.8)
    })
  })
}
