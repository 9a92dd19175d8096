import { seriousViolations } from '../support/axe'
import { test, expect } from '../support/fixtures'
import { VisitorPage } from './visitor-page'

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`every visitor screen passes an axe scan at ${viewport.width}×${viewport.height}`, async ({
    kiosk,
  }) => {
    await kiosk.setViewportSize(viewport)
    const screens: Record<string, string[]> = {}
    const scan = async (name: string) => {
      screens[name] = await seriousViolations(kiosk)
    }
    await scan('attract')
    const visitor = new VisitorPage(kiosk)
    await visitor.start()
    await scan('capacity')
    await visitor.chooseCapacity('organisation')
    await visitor.next()
    await scan('details with errors')
    await kiosk.getByRole('button', { name: /Choose your country/ }).click()
    await scan('country picker')
    await kiosk.keyboard.press('Escape')
    await visitor.fillDetails({
      firstName: 'Ilse',
      lastName: 'Jansen',
      email: 'ilse@example.nl',
      countryName: 'Netherlands',
      organisation: { typeLabel: 'Social partner', name: 'FNV', role: 'Chair' },
    })
    await scan('details with keyboard')
    await visitor.next()
    await scan('principles')
    await kiosk.getByRole('button', { name: 'How we use your data' }).click()
    await scan('privacy notice')
    await kiosk.getByRole('button', { name: 'Close' }).click()
    await visitor.endorse()
    await visitor.next()
    await scan('signature')
    await visitor.drawSignature()
    await visitor.next()
    await scan('review')
    await visitor.confirm()
    await scan('thank you')
    expect(screens).toEqual(Object.fromEntries(Object.keys(screens).map((name) => [name, []])))
  })
}

test('the flow can be completed with the keyboard alone, focus moving to each new heading', async ({
  kiosk,
}) => {
  await kiosk.keyboard.press('Tab')
  const start = kiosk.getByRole('button', { name: 'Sign the declaration' })
  await start.focus()
  await kiosk.keyboard.press('Enter')
  await expect(kiosk.getByRole('heading', { level: 1, name: 'How are you signing?' })).toBeFocused()
  await kiosk.getByRole('button', { name: 'In my own name' }).focus()
  await kiosk.keyboard.press('Enter')
  await expect(kiosk.getByRole('heading', { level: 1, name: 'Your details' })).toBeFocused()
  await kiosk.keyboard.press('Tab')
  await expect(kiosk.getByLabel('First name')).toBeFocused()
  await kiosk.keyboard.type('Kari')
  await kiosk.keyboard.press('Tab')
  await kiosk.keyboard.type('Virtanen')
  await kiosk.keyboard.press('Tab')
  await kiosk.keyboard.press('Tab')
  await kiosk.keyboard.press('Enter')
  await kiosk.keyboard.type('Finl')
  await kiosk.keyboard.press('Tab')
  await kiosk.keyboard.press('Enter')
  await expect(kiosk.getByRole('button', { name: /Country Finland/ })).toBeVisible()
})
