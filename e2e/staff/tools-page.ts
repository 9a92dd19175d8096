import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { PROJECT_ROOT } from '../../electron/host/paths'

/** The staff console's Export tab and the table's bulk actions, driven by visible labels. */
export class ToolsPage {
  constructor(readonly page: Page) {}

  dayCard() {
    return this.page.getByRole('region', { name: 'Export a day' })
  }

  bulkCard() {
    return this.page.getByRole('region', { name: 'Certificates in bulk' })
  }

  /** Exports a day and returns the batch folder the console reports. */
  async exportDay(day: string): Promise<string> {
    const card = this.dayCard()
    await card.getByRole('combobox', { name: 'Day' }).selectOption(day)
    // Without the organisers' public key in the settings a plain export must be confirmed.
    const plain = card.getByRole('checkbox', { name: /Export without encryption/ })
    if (await plain.isVisible()) await plain.check()
    await card.getByRole('button', { name: 'Export day' }).click()
    const folder = card.getByTestId('export-result-folder')
    await expect(folder).toBeVisible({ timeout: 30_000 })
    return (await folder.textContent()) ?? ''
  }

  /** Creates a filter's certificate PDF and returns its path. */
  async certificatesFor(filter: { day?: string; signing?: string; country?: string }) {
    const card = this.bulkCard()
    if (filter.day) await card.getByRole('combobox', { name: 'Day' }).selectOption(filter.day)
    if (filter.signing) {
      await card.getByRole('combobox', { name: 'Signing' }).selectOption({ label: filter.signing })
    }
    if (filter.country) {
      await card.getByRole('combobox', { name: 'Country' }).selectOption({ label: filter.country })
    }
    await card.getByRole('button', { name: /Create PDF/ }).click()
    const path = card.getByTestId('certificates-path')
    await expect(path).toBeVisible({ timeout: 60_000 })
    return (await path.textContent()) ?? ''
  }
}

/** Every file of a folder, by name. */
export async function readFolder(folder: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {}
  for (const name of (await readdir(folder)).sort())
    files[name] = await readFile(join(folder, name))
  return files
}

/** `npm run cli -- <args>` as an organiser runs it; resolves with the exit code and output. */
export function runCli(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: PROJECT_ROOT })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}
