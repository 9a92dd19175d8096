import { BenchBrowser } from '../lib/browser'
import type { BenchContext, Workload } from '../lib/context'
import { epochNow, startBenchHost } from '../lib/host'
import type { WorkloadResult } from '../lib/results'
import { ratio, round, summarise } from '../lib/stats'
import { seedCommand } from './seed'

/**
 * First start on a data folder whose journal holds 100,000 signatures, with an empty browser
 * profile: what a kiosk does after its IndexedDB was wiped (a runtime update, a new profile), and
 * what `npm run bench -- seed` leads to. From opening the page to the attract screen interactive;
 * the app restores every signature from the journal into IndexedDB before it shows it.
 */
export const restoreWorkload: Workload = {
  name: 'restore',
  description: 'first start restoring 100,000 signatures from the journal (reported)',
  async run(ctx: BenchContext): Promise<WorkloadResult[]> {
    const count = ctx.quick ? 10_000 : 100_000
    const dataDir = await ctx.tempDir('restore')
    if ((await seedCommand(['--count', String(count), '--data', dataDir])) !== 0) {
      throw new Error('seeding the journal failed')
    }
    const rendererDir = await ctx.rendererDir()
    // One run: restoring is IndexedDB writing, at the pace of the floor below, for a minute.
    const runs = 1
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const browser = await BenchBrowser.launch()
      const host = await startBenchHost({ dataDir, rendererDir })
      try {
        const tab = browser.context.pages()[0] ?? (await browser.context.newPage())
        const openedAt = epochNow()
        await tab.goto(host.url)
        const ready = await tab.evaluate(() => window.benchProbe!.attractReadyAt())
        const origin = await tab.evaluate(() => performance.timeOrigin)
        times.push(origin + ready - openedAt)
        const restored = await tab.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const open = indexedDB.open('cohesion-kiosk')
              open.onerror = () => reject(open.error)
              open.onsuccess = () => {
                const request = open.result
                  .transaction('signatures')
                  .objectStore('signatures')
                  .count()
                request.onsuccess = () => resolve(request.result)
                request.onerror = () => reject(request.error)
              }
            }),
        )
        if (restored !== count) throw new Error(`restored ${restored} of ${count} signatures`)
      } finally {
        await host.stop()
        await browser.close()
      }
    }
    // Floor: the bench's own bare Dexie bulkAdd of as many comparable signatures and strokes into
    // the large kiosk's IndexedDB, in the same browser.
    const large = await ctx.largeKiosk()
    const floor = large.records === count ? large.seedMs : undefined
    const measured = summarise(times)
    return [
      {
        name: `restore@${count / 1000}k`,
        n: measured.n,
        medianMs: measured.medianMs,
        p95Ms: measured.p95Ms,
        target: 'none (reported)',
        pass: null,
        ...(floor === undefined
          ? {}
          : { floorMedianMs: round(floor), ratio: ratio(measured.medianMs, floor) }),
        extra: {
          records: count,
          signaturesPerSecond: Math.round((count / measured.medianMs) * 1000),
        },
        notes:
          `First start with ${count} signatures in the journal and an empty browser profile: ` +
          'page opened → every signature restored into IndexedDB and the attract screen ' +
          'interactive (journal read in pages of 2,000 through the host API, each page one ' +
          'IndexedDB transaction). Floor: bare Dexie bulkAdd of as many comparable signatures and ' +
          'their strokes, in chunks of 5,000, in the same browser.',
        date: new Date().toISOString(),
      },
    ]
  },
}
