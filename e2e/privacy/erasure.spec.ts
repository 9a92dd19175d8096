import { readdir, readFile, rm } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { LineCipher } from '../../electron/services/journal-cipher'
import { test, expect } from '../support/fixtures'
import { kioskKey } from '../support/journal-file'
import { PersistentBrowser } from '../support/persistent-browser'
import { StaffPage } from '../staff/staff-page'
import { ToolsPage } from '../staff/tools-page'
import { storedRows, storedSignatures, VisitorPage } from '../visitor/visitor-page'

/** Every file under a folder as text, and every journal line decrypted with the kiosk key. */
async function everyByte(dataDir: string): Promise<string> {
  const cipher = new LineCipher(await kioskKey(dataDir))
  const parts: string[] = []
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const text = await readFile(join(entry.parentPath, entry.name), 'latin1')
    parts.push(text, Buffer.from(text, 'latin1').toString('utf8'))
    for (const line of text.split('\n')) {
      const opened = cipher.open(Buffer.from(line, 'latin1').toString('utf8'))
      if (opened.kind === 'text' && opened.sealed) parts.push(opened.text)
    }
  }
  return parts.join('\n')
}

/** A drawn signature no other visitor of this test makes: a loop, unlike the page module's zigzag. */
async function drawLoop(page: Page) {
  const box = await page.locator('canvas.signature-pad').boundingBox()
  if (!box) throw new Error('signature pad not visible')
  const at = (t: number) => ({
    x: box.x + box.width * (0.5 + 0.3 * Math.cos(t)),
    y: box.y + box.height * (0.5 + 0.3 * Math.sin(2 * t)),
  })
  await page.mouse.move(at(0).x, at(0).y)
  await page.mouse.down()
  for (let i = 1; i <= 24; i++) await page.mouse.move(at(i / 4).x, at(i / 4).y, { steps: 3 })
  await page.mouse.up()
}

test('a withdrawal erases the person from every file of the kiosk; the others restore after a wiped profile', async ({
  host,
}) => {
  test.setTimeout(120_000)
  const browser = await PersistentBrowser.create()
  try {
    const page = await browser.open(host.url)
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
    const visitor = new VisitorPage(page)
    await visitor.start()
    await visitor.chooseCapacity('individual')
    await visitor.fillDetails({
      firstName: 'Ieva',
      lastName: 'Kazlauskaitė',
      email: 'ieva.kazlauskaite@example.lt',
      countryName: 'Lithuania',
    })
    await visitor.next()
    await visitor.endorse()
    await visitor.next()
    await drawLoop(page)
    await visitor.next()
    const withdrawn = await visitor.confirm()
    await page.getByRole('button', { name: 'Finish' }).click()
    await visitor.signUpToReview({
      firstName: 'Matteo',
      lastName: 'Bianchardi',
      email: 'matteo@example.it',
      countryName: 'Italy',
    })
    const kept = await visitor.confirm()
    await page.getByRole('button', { name: 'Finish' }).click()

    const ieva = (await storedSignatures(page)).find((r) => r.certificateNo === withdrawn)!
    const strokes = (await storedRows(page, 'strokes')).find((r) => r.id === ieva.id) as {
      signature: { strokes: number[][] }
    }
    // Her drawn signature as it would appear in any JSON file: the first points of her stroke.
    const drawn = strokes.signature.strokes[0]!.slice(0, 8).join(',')
    const traces = ['Kazlauskait', 'ieva.kazlauskaite@example.lt', drawn]

    // A day export written before the withdrawal holds her.
    const staff = new StaffPage(page)
    await staff.open()
    await staff.tab('Export')
    const tools = new ToolsPage(page)
    const day = String(ieva.day)
    const folder = await tools.exportDay(day)

    await staff.tab('Signatures')
    await page.getByRole('button', { name: `Details ${withdrawn}` }).click()
    await page.getByRole('button', { name: 'Withdraw' }).click()
    await page.getByRole('button', { name: 'Erase the personal data' }).click()
    // Staff are told which export folders still hold her, to export again or destroy.
    const listed = page.getByRole('alertdialog', { name: /export folders still hold/ })
    await expect(listed).toBeVisible()
    await expect(listed.getByText(folder)).toBeVisible()
    await listed.getByRole('button', { name: 'Understood' }).click()
    await expect(page.getByText(`Signature ${withdrawn} was withdrawn.`)).toBeVisible()

    // Staff export the day again: the batch now holds Matteo only.
    await staff.tab('Export')
    expect(await tools.exportDay(day)).toBe(folder)

    const everything = await everyByte(host.dataDir)
    for (const trace of traces) expect(everything, trace).not.toContain(trace)
    expect(everything).toContain('Bianchardi')

    // A wiped browser profile: Matteo comes back from the journal, Ieva does not, the log does.
    await browser.kill()
    await rm(browser.profileDir, { recursive: true, force: true })
    const again = await browser.open(host.url)
    await expect(again.locator('html')).toHaveAttribute('data-app-state', 'ready')
    expect((await storedSignatures(again)).map((r) => r.certificateNo)).toEqual([kept])
    expect((await storedRows(again, 'tombstones')).map((t) => t.certificateNo)).toEqual([withdrawn])
    const audit = await storedRows(again, 'audit')
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'withdrawal', detail: `Withdrew ${withdrawn}` }),
    )
    expect(audit).toContainEqual(expect.objectContaining({ action: 'export' }))
    for (const trace of traces) expect(JSON.stringify(audit)).not.toContain(trace)
  } finally {
    await browser.close()
  }
})
