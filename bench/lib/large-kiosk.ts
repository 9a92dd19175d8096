import { seedJournal } from '../../e2e/support/seed-journal'
import { BenchBrowser, type BenchPage } from './browser'
import { startBenchHost, type BenchHost } from './host'
import { benchSignatures } from './signatories'

/** The app's own IndexedDB database name (renderer/src/db/index.ts). */
export const APP_DB = 'cohesion-kiosk'

/**
 * A kiosk as it is after a busy event: the same realistic signatures in its on-disk journal and in
 * its browser profile's IndexedDB. Web host and browser can be stopped and started again on the
 * same data folder, profile and port (IndexedDB belongs to the origin, port included).
 */
export class LargeKiosk {
  private running: { host: BenchHost; browser: BenchBrowser; bench: BenchPage } | null = null
  private port = 0
  /** How long the bare Dexie bulkAdd of its signatures and strokes took (in chunks of 5,000). */
  seedMs = 0

  private constructor(
    readonly dataDir: string,
    readonly profileDir: string,
    readonly rendererDir: string,
    readonly records: number,
  ) {}

  static async create(options: {
    dataDir: string
    profileDir: string
    rendererDir: string
    records: number
    log: (line: string) => void
  }): Promise<LargeKiosk> {
    const seed = { count: options.records, seed: 2026, tag: 'k', firstDay: '2026-10-12', days: 4 }
    const started = performance.now()
    await seedJournal(options.dataDir, benchSignatures({ ...seed, kioskId: 'B01' }))
    const kiosk = new LargeKiosk(
      options.dataDir,
      options.profileDir,
      options.rendererDir,
      options.records,
    )
    await kiosk.start()
    const seeded = await kiosk.bench.call('seed', APP_DB, seed)
    kiosk.seedMs = seeded.ms
    options.log(
      `large kiosk: ${seeded.count} signatures in the journal and in IndexedDB ` +
        `(${Math.round((performance.now() - started) / 1000)} s, of which IndexedDB writes ` +
        `${Math.round(seeded.ms / 1000)} s)`,
    )
    return kiosk
  }

  get host(): BenchHost {
    return this.live().host
  }
  get browser(): BenchBrowser {
    return this.live().browser
  }
  get bench(): BenchPage {
    return this.live().bench
  }

  /** The port its host listens on, kept across restarts. */
  get hostPort(): number {
    return this.port
  }

  async start(): Promise<void> {
    if (this.running) return
    const host = await startBenchHost({
      dataDir: this.dataDir,
      rendererDir: this.rendererDir,
      port: this.port,
    })
    this.port = host.port
    const browser = await BenchBrowser.launch(this.profileDir)
    const bench = await browser.benchPage(host)
    this.running = { host, browser, bench }
  }

  /** Stops host and browser; data folder and profile stay. */
  async stop(): Promise<void> {
    const running = this.running
    this.running = null
    if (!running) return
    await running.browser.close({ keepProfile: true })
    await running.host.stop()
  }

  private live() {
    if (!this.running) throw new Error('the large kiosk is stopped')
    return this.running
  }
}
