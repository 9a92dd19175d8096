import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/support/chromium'
import type { KioskBench } from '../page/kiosk-lib'
import { bundleKioskLib, bundleProbe } from './bundle'
import type { BenchHost } from './host'

let kioskLib: Promise<string> | undefined
let probe: Promise<string> | undefined

/**
 * Debian's Chromium with a profile folder on disk, as on a booth PC: IndexedDB is written to disk
 * (an incognito context would keep it in memory and flatter every figure). Every page gets the
 * timing probe before its own scripts run.
 */
export class BenchBrowser {
  private constructor(
    readonly context: BrowserContext,
    readonly profileDir: string,
    /** How long launching the browser took (not part of any workload's figure). */
    readonly launchMs: number,
  ) {}

  static async launch(profileDir?: string): Promise<BenchBrowser> {
    const dir = profileDir ?? (await mkdtemp(join(tmpdir(), 'kiosk-bench-profile-')))
    probe ??= bundleProbe()
    const script = await probe
    const started = performance.now()
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: { width: 1920, height: 1080 },
    })
    const launchMs = performance.now() - started
    await context.addInitScript({ content: script })
    return new BenchBrowser(context, dir, launchMs)
  }

  /**
   * A page of the host's origin that is not the app (a 404 answer), with the bench's page library
   * loaded: IndexedDB and the host API work there as in the app, and no app code runs beside it.
   */
  async benchPage(host: Pick<BenchHost, 'origin' | 'secret'>): Promise<BenchPage> {
    kioskLib ??= bundleKioskLib()
    const code = await kioskLib
    const page = await this.context.newPage()
    await page.goto(`${host.origin}/bench-page.none#k=${host.secret}`)
    await page.evaluate(code)
    return new BenchPage(page)
  }

  async close(options: { keepProfile?: boolean } = {}): Promise<void> {
    await this.context.close().catch(() => undefined)
    if (!options.keepProfile) await rm(this.profileDir, { recursive: true, force: true })
  }
}

/** Calls into `window.kioskBench` (bench/page/kiosk-lib.ts). */
export class BenchPage {
  constructor(readonly page: Page) {}

  call<K extends keyof KioskBench>(
    method: K,
    ...args: Parameters<KioskBench[K]>
  ): Promise<Awaited<ReturnType<KioskBench[K]>>> {
    return this.page.evaluate(
      ([name, params]) =>
        (window.kioskBench![name] as (...a: unknown[]) => Promise<unknown>)(...params),
      [method, args] as const,
    ) as Promise<Awaited<ReturnType<KioskBench[K]>>>
  }

  close(): Promise<void> {
    return this.page.close()
  }
}

/**
 * Samples the page's JS heap (CDP `Performance.getMetrics`, JSHeapUsedSize) every `everyMs`
 * until stopped, keeping the highest value: the renderer memory a workload needs at its peak.
 */
export async function sampleHeap(page: Page, everyMs = 100) {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  let peak = 0
  let last = 0
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    last = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
    peak = Math.max(peak, last)
  }
  await read()
  let busy = false
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    read()
      .catch(() => undefined)
      .finally(() => (busy = false))
  }, everyMs)
  return {
    /** Stops sampling; peak and last in MB. */
    async stop() {
      clearInterval(timer)
      await read().catch(() => undefined)
      await cdp.detach().catch(() => undefined)
      return { peakMb: peak / 1024 / 1024, lastMb: last / 1024 / 1024 }
    },
  }
}
