/**
 * `npx tsx e2e/support/screenshots.ts [outDir]`: screenshots of every visitor screen at
 * 1920×1080 and 1080×1920, to look at as a visitor would. Needs a build (`npm run build`).
 * With `SCREEN_STYLES=1` each screenshot also gets `<name>.styles.json`: every element's computed
 * style (and its ::before/::after), so a CSS refactor can be checked to change nothing
 * (`compare-screenshots.ts` compares those too).
 */
import { chromium } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from './chromium'
import { startWebHost } from './web-host'
import { StaffPage } from '../staff/staff-page'
import { VisitorPage } from '../visitor/visitor-page'

/**
 * Every element's computed style by its path in the document. A string, run in the page as is:
 * tsx would wrap the inner functions of a real function in a helper the page does not have.
 */
const COMPUTED_STYLES = `(() => {
  const pathOf = (element) => {
    const parent = element.parentElement
    if (!parent) return element.tagName
    return pathOf(parent) + '>' + element.tagName + ':' + [...parent.children].indexOf(element)
  }
  const names = [...getComputedStyle(document.documentElement)].filter((n) => !n.startsWith('--'))
  const styles = {}
  for (const element of document.querySelectorAll('*')) {
    const path = pathOf(element)
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo)
      if (pseudo && (style.content === 'none' || style.content === 'normal')) continue
      const values = {}
      for (const name of names) values[name] = style.getPropertyValue(name)
      styles[path + (pseudo ?? '')] = values
    }
  }
  return styles
})()`

const outDir = process.argv[2] ?? 'test-results/screens'
mkdirSync(outDir, { recursive: true })
const host = await startWebHost()
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
try {
  for (const [width, height] of [
    [1920, 1080],
    [1080, 1920],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } })
    const shot = async (name: string) => {
      const file = join(outDir, `${name}-${width}x${height}`)
      await page.screenshot({ path: `${file}.png` })
      if (process.env.SCREEN_STYLES === '1')
        writeFileSync(`${file}.styles.json`, JSON.stringify(await page.evaluate(COMPUTED_STYLES)))
    }
    await page.goto(host.url)
    await page.waitForSelector('html[data-app-state=ready]')
    await shot('01-attract')
    const visitor = new VisitorPage(page)
    await visitor.start()
    await shot('02-capacity')
    await visitor.chooseCapacity('organisation')
    await visitor.next()
    await shot('03-details-errors')
    await visitor.fillDetails({
      firstName: 'Ξανθή',
      lastName: 'Мария-Йорданова',
      email: `xanthi.${width}@example.eu`,
      countryName: 'Greece',
      city: 'Θεσσαλονίκη',
      organisation: {
        typeLabel: 'Region',
        // One organisation per orientation: the kiosk refuses the same one twice.
        name: width > height ? 'Region of Central Macedonia' : 'Region of Western Macedonia',
        role: 'Regional Governor',
      },
    })
    await shot('04-details-filled')
    await page.getByRole('button', { name: /Greece/ }).click()
    await shot('05-country-picker')
    await page.keyboard.press('Escape')
    await visitor.next()
    await shot('06-principles')
    await visitor.endorse([/newsletter/])
    await visitor.next()
    await visitor.next()
    await shot('07-signature-empty-error')
    await visitor.drawSignature()
    await shot('08-signature')
    await visitor.next()
    await shot('09-review')
    await visitor.confirm()
    await shot('10-thanks')
    await page.getByRole('button', { name: 'Finish' }).click()
    const staff = new StaffPage(page)
    await staff.open()
    await shot('11-staff-dashboard')
    for (const [n, tab] of (['Signatures', 'Export', 'Settings', 'Audit log'] as const).entries()) {
      await staff.tab(tab)
      await page.waitForTimeout(300)
      await shot(`${12 + n}-staff-${tab.toLowerCase().replace(' ', '-')}`)
    }
    await page.getByRole('button', { name: 'Lock' }).click()
    await page.close()
  }
} finally {
  await browser.close()
  await host.stop()
}
console.log(`Screenshots in ${outDir}`)
