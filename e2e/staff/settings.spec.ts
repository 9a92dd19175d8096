import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { LANGUAGES } from '../../electron/shared/settings'
import { expect, openKiosk, test } from '../support/fixtures'
import { pageStrings } from '../support/locale-strings'
import { callHost, hostValue, unlockHost } from '../support/host-api'
import { startWebHost } from '../support/web-host'
import { STAFF_PIN, StaffPage } from './staff-page'

async function openSettings(page: Page): Promise<StaffPage> {
  const staff = new StaffPage(page)
  await staff.open()
  await staff.tab('Settings')
  return staff
}

/** What the main process has on disk (absent until the first save). */
async function settingsFile(dataDir: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >
  } catch {
    return null
  }
}

/** Only the values staff edit: the PIN hash changes on first start and is not a setting. */
async function editableOnDisk(dataDir: string) {
  const file = await settingsFile(dataDir)
  if (!file) return null
  const { staffPinHash: _hash, ...rest } = file
  return rest
}

const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true })

test('invalid values are refused with the message next to each field, and nothing is saved', async ({
  kiosk,
  host,
}) => {
  await openSettings(kiosk)
  const before = await editableOnDisk(host.dataDir)
  await field(kiosk, 'Idle timeout (seconds)').fill('5')
  await field(kiosk, 'Register URL').fill('register.example.eu')
  await field(kiosk, 'Kiosk id').fill('b 3')
  await field(kiosk, 'Event name').fill('EW')
  // Every event language off (a new kiosk offers all 24).
  for (const language of LANGUAGES) {
    const name = pageStrings(language).get('languageName')!
    await kiosk.getByRole('checkbox', { name, exact: true }).uncheck()
  }
  await kiosk.getByRole('button', { name: 'Save settings' }).click()

  await expect(kiosk.getByTestId('settings-status')).toHaveText(
    'Some values are not valid; nothing was saved. See the messages next to the fields.',
  )
  // Each message is tied to its field (aria-describedby), as a screen reader hears it.
  await expect(field(kiosk, 'Idle timeout (seconds)')).toHaveAccessibleDescription(
    /Idle timeout: a whole number of seconds from 15 to 600/,
  )
  await expect(field(kiosk, 'Idle timeout (seconds)')).toHaveAttribute('aria-invalid', 'true')
  await expect(field(kiosk, 'Register URL')).toHaveAccessibleDescription(
    /Register URL: a web address starting with https:\/\/ \(or http:\/\/\), or empty/,
  )
  await expect(field(kiosk, 'Kiosk id')).toHaveAccessibleDescription(
    /Kiosk id: 1–8 capital letters or digits, e.g. B03/,
  )
  await expect(field(kiosk, 'Event name')).toHaveAccessibleDescription(
    /Event name: 3 to 120 characters/,
  )
  await expect(kiosk.getByText('Languages: choose at least one')).toBeVisible()

  expect(await editableOnDisk(host.dataDir)).toEqual(before)
  const settings = await hostValue<Record<string, unknown>>(host, 'getSettings')
  expect(settings).toMatchObject({ idleSeconds: 60, kioskId: 'B01', registerUrl: '' })

  // The host refuses the same values on its own (a page that skipped the check gains nothing).
  expect(await callHost(host, 'updateSettings', { idleSeconds: 5 })).toMatchObject({
    ok: false,
    error: {
      code: 'invalid-argument',
      issues: [{ code: 'invalid', field: 'idleSeconds', params: { min: 15 } }],
    },
  })
})

test('a valid change is saved, used at once, audited, and kept across a host restart', async ({
  page,
  host,
}) => {
  // An event that offers English, French and German.
  await unlockHost(host)
  await hostValue(host, 'updateSettings', { languages: ['en', 'fr', 'de'] })
  await openKiosk(page, host)
  const staff = await openSettings(page)
  await field(page, 'Event city').fill('Bruxelles')
  await field(page, 'Idle timeout (seconds)').fill('90')
  await field(page, 'Kiosk id').fill('B07')
  await page.getByRole('checkbox', { name: 'Deutsch' }).uncheck()
  await expect(page.getByTestId('settings-status')).toHaveText('Unsaved changes')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByTestId('settings-status')).toHaveText('Settings saved.')

  // The console and the visitor screens use the new values without a restart.
  await expect(page.getByText('Kiosk B07 · EWRC26')).toBeVisible()
  await staff.tab('Audit log')
  await expect(page.getByRole('row', { name: /Settings/ }).first()).toContainText(
    'Settings changed: kioskId B01 → B07; eventCity Brussels → Bruxelles; idleSeconds 60 → 90; languages en, fr, de → en, fr',
  )
  await page.getByRole('button', { name: 'Lock' }).click()
  const languages = page.getByRole('group', { name: /language/i })
  await expect(languages.getByRole('button', { name: 'Français' })).toBeVisible()
  await expect(languages.getByRole('button', { name: 'Deutsch' })).toHaveCount(0)

  expect(await settingsFile(host.dataDir)).toMatchObject({
    kioskId: 'B07',
    eventCity: 'Bruxelles',
    idleSeconds: 90,
    languages: ['en', 'fr'],
  })
  await host.stop()
  const again = await startWebHost({ dataDir: host.dataDir })
  try {
    expect(await hostValue(again, 'getSettings')).toMatchObject({
      kioskId: 'B07',
      eventCity: 'Bruxelles',
      idleSeconds: 90,
      languages: ['en', 'fr'],
    })
    await openKiosk(page, again)
    await openSettings(page)
    await expect(field(page, 'Event city')).toHaveValue('Bruxelles')
    await expect(field(page, 'Idle timeout (seconds)')).toHaveValue('90')
    await expect(page.getByRole('checkbox', { name: 'Deutsch' })).not.toBeChecked()
  } finally {
    await again.stop()
  }
})

test('the register token is write-only: shown as set, never sent back to the page', async ({
  page,
  host,
}) => {
  const token = 'kiosk-B01-secret-token-0123456789abcdef'
  const answers: Promise<string>[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      answers.push(response.text().catch(() => ''))
    }
  })
  await openKiosk(page, host)
  await openSettings(page)
  const state = page.getByTestId('token-state')
  await expect(state).toHaveText('Not set')

  const input = page.getByLabel('Kiosk token', { exact: true })
  await input.fill('too-short')
  await page.getByRole('button', { name: 'Save token' }).click()
  await expect(input).toHaveAccessibleDescription(/16 to 512 characters/)
  await expect(state).toHaveText('Not set')
  expect(await settingsFile(host.dataDir)).toMatchObject({ registerToken: null })

  await input.fill(token)
  await page.getByRole('button', { name: 'Save token' }).click()
  await expect(page.getByText('Token saved.')).toBeVisible()
  await expect(state).toHaveText('Set')
  await expect(page.getByLabel('Replace the kiosk token', { exact: true })).toHaveValue('')
  expect(await settingsFile(host.dataDir)).toMatchObject({ registerToken: token })

  // The token is in the main process's settings only: no answer to the page ever held it.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
  await openSettings(page)
  await expect(page.getByTestId('token-state')).toHaveText('Set')
  const bodies = await Promise.all(answers)
  expect(bodies.length).toBeGreaterThan(5)
  for (const body of bodies) expect(body).not.toContain(token)
  expect(JSON.stringify(await hostValue(host, 'getSettings'))).not.toContain(token)
  expect(await page.content()).not.toContain(token)

  // Nor does the audit log name it.
  await page.getByRole('tab', { name: 'Audit log' }).click()
  await expect(page.getByRole('cell', { name: 'Register token set' })).toBeVisible()
  expect(await page.content()).not.toContain(token)
})

test('changing the PIN: the new one unlocks, the old one is refused, and the log says so', async ({
  kiosk,
  host,
}) => {
  const staff = await openSettings(kiosk)
  const newPin = '7305118'
  await kiosk.getByLabel('New PIN (6 to 12 digits)').fill(newPin)
  await kiosk.getByLabel('New PIN again').fill('7305119')
  await kiosk.getByRole('button', { name: 'Change PIN' }).click()
  await expect(kiosk.getByText('The two PINs differ.')).toBeVisible()
  await kiosk.getByLabel('New PIN again').fill(newPin)
  await kiosk.getByRole('button', { name: 'Change PIN' }).click()
  await expect(kiosk.getByText('PIN changed. Use the new PIN from now on.')).toBeVisible()

  await kiosk.getByRole('button', { name: 'Lock' }).click()
  await staff.openPinScreen()
  await staff.typePin(STAFF_PIN)
  await expect(kiosk.getByRole('alert')).toHaveText(/Wrong PIN/)
  await staff.typePin(newPin)
  await staff.tab('Audit log')
  const rows = kiosk.getByRole('row')
  // Newest first: the unlock, the refused old PIN, the lock, the change.
  await expect(rows.nth(1)).toContainText('Console unlocked')
  await expect(rows.nth(2)).toContainText('Wrong PIN; 4 attempt(s) left')
  await expect(rows.nth(3)).toContainText('Console locked with the Lock button')
  await expect(rows.nth(4)).toContainText('Staff PIN changed')

  // Staff-only methods answer the new session; the old PIN opens nothing.
  await kiosk.getByRole('button', { name: 'Lock' }).click()
  await expect(unlockHost(host)).rejects.toThrow(/refused/)
  await unlockHost(host, newPin)
  expect((await callHost(host, 'getExportInfo')).ok).toBe(true)
})
