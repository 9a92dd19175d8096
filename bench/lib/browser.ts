import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/support/chromium'
import type { KioskBench } from '../page/kiosk-lib'
import { bundleKioskLib, bundleProbe } from './bundle'
import type { BenchHost } from './host'

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
   * The bench page (`installBenchPage`) on the host's origin: the bench's page library loaded by
   * a script tag under the app's Content-Security-Policy, so IndexedDB, the host API and the
   * libraries behave as in the app, and no app code runs beside it.
   */
  async benchPage(host: Pick<BenchHost, 'origin' | 'secret'>): Promise<BenchPage> {
    const page = await this.context.newPage()
    // The app's modules report their own failures on the console: show them with the bench's.
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`  [page] ${message.text()}`)
    })
    await page.goto(`${host.origin}/${BENCH_PAGE}#k=${host.secret}`)
    await page.waitForFunction(() => window.kioskBench !== undefined)
    return new BenchPage(page)
  }

  async close(options: { keepProfile?: boolean } = {}): Promise<void> {
    await this.context.close().catch(() => undefined)
    if (!options.keepProfile) await rm(this.profileDir, { recursive: true, force: true })
  }
}

const BENCH_PAGE = 'bench-page.html'
const BENCH_SCRIPT = 'bench-kiosk-lib.js'

/** Adds the bench page and its script to the bench's own build of the renderer (never to out/). */
export async function installBenchPage(rendererDir: string): Promise<void> {
  await writeFile(join(rendererDir, BENCH_SCRIPT), await bundleKioskLib())
  await writeFile(
    join(rendererDir, BENCH_PAGE),
    `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head>` +
      `<body><script src="/${BENCH_SCRIPT}"></script></body></html>\n`,
  )
}

type BenchMethods = Omit<KioskBench, 'lib'>

/** Calls into `window.kioskBench` (bench/page/kiosk-lib.ts). */
export class BenchPage {
  constructor(readonly page: Page) {}

  call<K extends keyof BenchMethods>(
    method: K,
    ...args: Parameters<BenchMethods[K]>
  ): Promise<Awaited<ReturnType<BenchMethods[K]>>> {
    return this.page.evaluate(
      ([name, params]) =>
        (window.kioskBench![name] as (...a: unknown[]) => Promise<unknown>)(...params),
      [method, args] as const,
    ) as Promise<Awaited<ReturnType<BenchMethods[K]>>>
  }

  close(): Promise<void> {
    return this.page.close()
  }
}

/** Runs `read` every `everyMs` (never two at once, failures ignored) until the answer is called. */
export function repeatEvery(everyMs: number, read: () => Promise<void>): () => void {
  let busy = false
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    read()
      .catch(() => undefined)
      .finally(() => (busy = false))
  }, everyMs)
  return () => clearInterval(timer)
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
  const stopSampling = repeatEvery(everyMs, read)
  return {
    /** Stops sampling; peak and last in MB. */
    async stop() {
      stopSampling()
      await read().catch(() => undefined)
      await cdp.detach().catch(() => undefined)
      return { peakMb: peak / 1024 / 1024, lastMb: last / 1024 / 1024 }
    },
  }
}
