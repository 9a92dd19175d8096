import { BenchBrowser } from '../lib/browser'
import type { BenchContext, Workload } from '../lib/context'
import { startBenchHost } from '../lib/host'
import { APP_DB } from '../lib/large-kiosk'
import type { WorkloadResult } from '../lib/results'
import { ratio, round, summarise } from '../lib/stats'

const CTX = { eventCode: 'EWRC26', kioskId: 'B01', timeZone: 'Europe/Brussels' }

/**
 * Save one signature, as the visitor's "Confirm" does: `saveSignature` (duplicate check, next
 * certificate number, record, strokes, journal-queue entry and audit line in one IndexedDB
 * transaction with strict durability) until it has committed, then `flushJournalQueue` until the
 * host has appended and fsynced the journal line. The renderer's own modules, in Chromium,
 * against the real web host. Floor: one Dexie `put` of the same record (strokes included) into the
 * same table of the same database, interleaved with ours.
 */
export const saveWorkload: Workload = {
  name: 'save',
  description: 'save one signature at 0 and at 100,000 existing records (p95 < 50 ms)',
  async run(ctx: BenchContext): Promise<WorkloadResult[]> {
    const warmup = 5
    const runs = ctx.runs(60, 10)
    const results: WorkloadResult[] = []

    // A new kiosk: its own web host, journal and browser profile.
    const host = await startBenchHost({
      dataDir: await ctx.tempDir('save'),
      rendererDir: await ctx.rendererDir(),
    })
    const browser = await BenchBrowser.launch()
    try {
      const bench = await browser.benchPage(host)
      const empty = await bench.call('saveBench', APP_DB, { warmup, runs, seed: 71, ctx: CTX })
      results.push(row('save-signature@0', empty))
    } finally {
      await browser.close()
      await host.stop()
    }

    // The kiosk after a busy event. The signatures saved here stay (its journal has them).
    const kiosk = await ctx.largeKiosk()
    const large = await kiosk.bench.call('saveBench', APP_DB, { warmup, runs, seed: 72, ctx: CTX })
    results.push(row(`save-signature@${label(large.existingBefore)}`, large))
    return results
  },
}

function label(count: number): string {
  return count >= 1000 ? `${Math.round(count / 1000)}k` : String(count)
}

function row(
  name: string,
  measured: { oursMs: number[]; commitMs: number[]; floorMs: number[]; existingBefore: number },
): WorkloadResult {
  const ours = summarise(measured.oursMs)
  const commit = summarise(measured.commitMs)
  const floor = summarise(measured.floorMs)
  return {
    name,
    n: ours.n,
    medianMs: ours.medianMs,
    p95Ms: ours.p95Ms,
    target: 'p95 < 50 ms',
    pass: ours.p95Ms < 50,
    floorMedianMs: floor.medianMs,
    ratio: ratio(ours.medianMs, floor.medianMs),
    extra: {
      existingRecords: measured.existingBefore,
      commitMedianMs: commit.medianMs,
      commitP95Ms: commit.p95Ms,
      maxMs: ours.maxMs,
      floorP95Ms: floor.p95Ms,
    },
    notes:
      `saveSignature committed (strict durability) + journal line appended and fsynced by the web host, ` +
      `renderer modules in Chromium; ${measured.existingBefore} records already stored. ` +
      `Floor: one Dexie put of the same record into the same table and database ` +
      `(p95 ${round(floor.p95Ms)} ms).`,
    date: new Date().toISOString(),
  }
}
