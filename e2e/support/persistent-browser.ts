import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from './chromium'

/** A Chromium with a profile folder that outlives the browser, as on a booth PC. */
export class PersistentBrowser {
  context: BrowserContext | null = null

  private constructor(readonly profileDir: string) {}

  static async create(): Promise<PersistentBrowser> {
    return new PersistentBrowser(await mkdtemp(join(tmpdir(), 'kiosk-profile-')))
  }

  async open(url: string): Promise<Page> {
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: { width: 1920, height: 1080 },
    })
    const page = this.context.pages()[0] ?? (await this.context.newPage())
    await page.goto(url)
    return page
  }

  /** SIGKILLs every Chromium process of this profile: a crash or a pulled plug, no clean shutdown. */
  async kill(): Promise<void> {
    try {
      // '--' ends pkill's options: the pattern itself starts with dashes.
      execFileSync('pkill', ['-KILL', '-f', '--', `--user-data-dir=${this.profileDir}`])
    } catch {
      // pkill exits 1 when nothing matched: the browser was already gone.
    }
    await this.context?.close().catch(() => undefined)
    this.context = null
  }

  async close(): Promise<void> {
    await this.context?.close().catch(() => undefined)
    this.context = null
  }
}
