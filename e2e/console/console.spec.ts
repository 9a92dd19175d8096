import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { createOrganiserIn } from '../../register/src/admin/organisers'
import { sampleBatch, sampleRecord } from '../../register/testing/batches-fixtures'
import { startRegister, type RegisterProcess } from '../../register/testing/start-register'

const run = promisify(execFile)

function recordOf(kiosk: string, n: number, publishName = true) {
  return sampleRecord(n, {
    id: `0190f0a0-0000-7000-8${kiosk.slice(1).padStart(3, '0')}-${String(n).padStart(12, '0')}`,
    certificateNo: `EWRC26-${kiosk}-${String(n).padStart(6, '0')}`,
    kioskId: kiosk,
    email: `${kiosk.toLowerCase()}-${n}@example.eu`,
    lastName: `${kiosk}-Person-${n}`,
    consents: { endorse: true, newsletter: false, publishName, localStory: false },
  })
}

let register: RegisterProcess
let dataDir: string
let password: string

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-e2e-'))
  password = await createOrganiserIn({ dataDir }, 'root', 'admin')
  register = await startRegister({ dataDir, kiosks: ['B01', 'B02'] })
  // Two kiosks sync as the protocol has them do; B02 reports signatures it still holds.
  for (const [kiosk, records] of [
    ['B01', [recordOf('B01', 1), recordOf('B01', 2, false)]],
    ['B02', [recordOf('B02', 1)]],
  ] as const) {
    const res = await fetch(`${register.url}/v1/batches`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${register.tokens[kiosk]}`,
      },
      body: JSON.stringify(sampleBatch([...records], { kioskId: kiosk })),
    })
    expect(res.status).toBe(200)
  }
  const beat = await fetch(`${register.url}/v1/heartbeat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${register.tokens.B02}` },
    body: JSON.stringify({
      kioskId: 'B02',
      pendingCount: 4,
      appVersion: '0.1.0',
      sentAt: new Date().toISOString(),
    }),
  })
  expect(beat.status).toBe(204)
})

test.afterAll(async () => {
  await register?.dispose()
  await rm(dataDir, { recursive: true, force: true })
})

test('an admin logs in, sees the fleet, issues and revokes a kiosk token, exports the union and a kiosk day the CLI verifies, prints its certificates, withdraws one and logs out', async ({
  page,
}) => {
  const errors: string[] = []
  // CSP violations and script errors; the 401 of the session probe before login is expected.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text())) {
      errors.push(message.text())
    }
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${register.url}/console/`)
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('root')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.locator('body[data-ready="true"]')).toBeAttached()

  await expect(page.locator('#total')).toHaveText('3')
  const fleet = page.getByRole('table', { name: 'Kiosks' })
  await expect(fleet.getByRole('row', { name: /B01/ })).toContainText('2 records')
  await expect(fleet.getByRole('row', { name: /B02/ }).getByRole('cell').nth(2)).toHaveText('4')

  // An admin issues a token for a new kiosk; it works for that kiosk's heartbeat, then is revoked.
  await page.getByRole('textbox', { name: 'Kiosk id' }).fill('B07')
  await page.getByRole('button', { name: 'Create kiosk token' }).click()
  const issued = page.getByText(/Token for B07/)
  await expect(issued).toBeVisible()
  const token = /: (ckr_\S+)$/.exec((await issued.textContent()) ?? '')?.[1]
  expect(token).toBeTruthy()
  await expect(fleet.getByRole('row', { name: /B07/ })).toBeVisible()
  const heartbeat = (kioskToken: string) =>
    fetch(`${register.url}/v1/heartbeat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
      body: JSON.stringify({
        kioskId: 'B07',
        pendingCount: 0,
        appVersion: '0.1.0',
        sentAt: new Date().toISOString(),
      }),
    })
  expect((await heartbeat(token!)).status).toBe(204)
  await page.getByRole('button', { name: 'Revoke its tokens' }).click()
  await expect(page.getByText('Revoked 1 token(s) of B07')).toBeVisible()
  expect((await heartbeat(token!)).status).toBe(401)

  // Export through the console's links (the session cookie goes along) and verify with the CLI:
  // the union of both kiosks, then one kiosk's day.
  const exportAndVerify = async (links = page.locator('#exports')) => {
    const folder = await mkdtemp(join(tmpdir(), 'console-export-'))
    try {
      for (const file of ['signatures.csv', 'signatures.json', 'audit.json', 'manifest.json']) {
        const href = await links.getByRole('link', { name: file, exact: true }).getAttribute('href')
        const res = await page.request.get(`${register.url}${href}`)
        expect(res.status(), await res.text()).toBe(200)
        await writeFile(join(folder, file), await res.body())
      }
      const cli = ['tsx', 'electron/services/cli/index.ts', 'verify', folder]
      return (await run('npx', cli)).stdout
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }
  const union = await exportAndVerify()
  expect(union).toMatch(/records:\s+3\n/)
  expect(union).toMatch(/kiosks:\s+B01, B02\n/)

  // The same union prepared on the register: progress, then its files, which the CLI verifies.
  await page.getByRole('button', { name: 'Prepare export' }).click()
  await expect(page.getByText('Export ready: 3 signatures, not encrypted.')).toBeVisible()
  const prepared = await exportAndVerify(page.locator('#export-files'))
  expect(prepared).toMatch(/records:\s+3\n/)

  await page.getByRole('textbox', { name: 'Kiosk', exact: true }).fill('B01')
  await page.getByRole('textbox', { name: 'Day', exact: true }).fill('2026-10-13')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('table', { name: 'Signatures' }).getByRole('row')).toHaveCount(3)
  const day = await exportAndVerify()
  expect(day).toMatch(/records:\s+2\n/)
  expect(day).toMatch(/kiosk:\s+B01\n/)

  // Certificates for the filter, from the register, read back: streamed, and prepared with progress.
  const pdfHref = await page
    .locator('#exports')
    .getByRole('link', { name: 'certificates.pdf' })
    .getAttribute('href')
  const streamed = await page.request.get(`${register.url}${pdfHref}`)
  expect(streamed.headers()['x-certificates-total']).toBe('2')
  await page.getByRole('button', { name: 'Prepare certificates' }).click()
  await expect(page.getByText('Certificates ready: 2 certificates.')).toBeVisible()
  const preparedHref = await page
    .locator('#export-files')
    .getByRole('link', { name: 'certificates.pdf' })
    .getAttribute('href')
  const preparedPdf = await page.request.get(`${register.url}${preparedHref}`)
  expect(preparedPdf.status()).toBe(200)
  const pdfDir = await mkdtemp(join(tmpdir(), 'console-pdf-'))
  try {
    for (const [name, pdf] of [
      ['streamed.pdf', streamed],
      ['prepared.pdf', preparedPdf],
    ] as const) {
      await writeFile(join(pdfDir, name), await pdf.body())
      const { stdout: text } = await run('pdftotext', [join(pdfDir, name), '-'])
      expect(text).toContain('B01-Person-1')
      expect(text).toContain('B01-Person-2')
      expect(text).not.toContain('B02-Person-1')
    }
  } finally {
    await rm(pdfDir, { recursive: true, force: true })
  }

  // Withdraw one on request: gone from the search, the export and the public big screen.
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Withdraw EWRC26-B01-000001' }).click()
  await expect(page.getByText('Withdrawn: EWRC26-B01-000001')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Withdraw EWRC26-B01-000001' })).toHaveCount(0)
  const exported = await page.request.get(`${register.url}/v1/admin/export/signatures.csv`)
  expect(await exported.text()).not.toContain('EWRC26-B01-000001')

  const live = await page.context().newPage()
  await live.goto(`${register.url}/live`)
  await expect(live.locator('#total[data-ready="true"]')).toHaveText('2')
  await expect(live.getByRole('list').last()).toContainText('B02-Person-1')
  // Never a name without consent (B01-2 did not consent), nor the withdrawn one.
  await expect(live.locator('body')).not.toContainText('B01-Person-2')
  await expect(live.locator('body')).not.toContainText('B01-Person-1')
  await live.close()

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible()
  const after = await page.request.get(`${register.url}/v1/admin/kiosks`)
  expect(after.status()).toBe(401)
  expect(errors).toEqual([])
})
