import { runChild } from '../lib/child'
import type { BenchContext, Workload } from '../lib/context'
import type { WorkloadResult } from '../lib/results'
import { round, summarise } from '../lib/stats'

/**
 * Export a day of 10,000 signatures: `benchExportDay` from electron/services/export, i.e.
 * `writeDayBatch` (CSV, JSON, audit and manifest written to a hidden folder, every file fsynced,
 * renamed into place) on generated records; the read-back verification (`npm run cli -- verify`)
 * is reported beside it. In a Node process of its own, for its peak RSS.
 */
export const exportWorkload: Workload = {
  name: 'export',
  description: 'export a 10,000-signature day (< 2 s)',
  async run(ctx: BenchContext): Promise<WorkloadResult[]> {
    const dir = await ctx.tempDir('export')
    const count = 10_000
    const measured = await runChild<{
      write: number[]
      verify: number[]
      bytes: number
      peakRssMb: number
    }>('bench/node/export.ts', { dir, count, warmup: 1, runs: ctx.runs(5, 1) })
    const write = summarise(measured.write)
    const verify = summarise(measured.verify)
    return [
      {
        name: 'export-day@10k',
        n: write.n,
        medianMs: write.medianMs,
        p95Ms: write.p95Ms,
        peakMemoryMb: round(measured.peakRssMb),
        target: '< 2000 ms',
        pass: write.medianMs < 2000,
        extra: {
          records: count,
          verifyMedianMs: verify.medianMs,
          bytes: measured.bytes,
        },
        notes:
          `writeDayBatch of a generated day of ${count} signatures (the export service the ` +
          `staff console's export calls), files fsynced and renamed into place; verifying the ` +
          `folder takes ${verify.medianMs} ms more. peakMemoryMb: peak RSS of the Node process.`,
        date: new Date().toISOString(),
      },
    ]
  },
}
