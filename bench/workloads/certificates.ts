import { runChild } from '../lib/child'
import type { BenchContext, Workload } from '../lib/context'
import type { WorkloadResult } from '../lib/results'
import { ratio, round, summarise } from '../lib/stats'

interface Bulk {
  ms: number[]
  bytes?: number
  peakRssMb: number
  rssBeforeMb: number
}

/**
 * Certificates (electron/services/certificates), each mode in a Node process of its own:
 * - one certificate once warm (`renderCertificate`, a one-page PDF in memory), different records
 *   in turn, interleaved with its floor: bare pdfkit drawing a comparable page with the same
 *   fonts (bench/lib/pdf-floor.ts);
 * - 1,000 certificates in one PDF file (`writeCertificates`, streamed), with the process's peak
 *   RSS; floor: bare pdfkit writing 1,000 comparable pages into one file.
 */
export const certificatesWorkload: Workload = {
  name: 'certificates',
  description: 'one certificate warm (< 100 ms); 1,000 in one PDF (< 10 s), peak RSS',
  async run(ctx: BenchContext): Promise<WorkloadResult[]> {
    const dir = await ctx.tempDir('certificates')
    const one = await runChild<{ ours: number[]; floor: number[]; peakRssMb: number }>(
      'bench/node/certificates.ts',
      { mode: 'one', dir, count: 60, warmup: 5, runs: ctx.runs(40, 5) },
    )
    const count = ctx.quick ? 100 : 1_000
    const runs = ctx.runs(3, 1)
    const bulk = await runChild<Bulk>('bench/node/certificates.ts', {
      mode: 'bulk',
      dir,
      count,
      warmup: 0,
      runs,
    })
    const bare = await runChild<Bulk>('bench/node/certificates.ts', {
      mode: 'bulk-floor',
      dir,
      count,
      warmup: 0,
      runs,
    })
    const date = new Date().toISOString()
    const ours = summarise(one.ours)
    const floor = summarise(one.floor)
    const many = summarise(bulk.ms)
    const manyFloor = summarise(bare.ms)
    return [
      {
        name: 'certificate-one-warm',
        n: ours.n,
        medianMs: ours.medianMs,
        p95Ms: ours.p95Ms,
        target: '< 100 ms',
        pass: ours.medianMs < 100,
        floorMedianMs: floor.medianMs,
        ratio: ratio(ours.medianMs, floor.medianMs),
        notes:
          'renderCertificate (A4 PDF in memory, fonts embedded, QR code) once warm, a different ' +
          'record each time. Floor: bare pdfkit, same fonts, a comparable page of fixed texts.',
        date,
      },
      {
        name: `certificates-bulk@${count}`,
        n: many.n,
        medianMs: many.medianMs,
        p95Ms: many.p95Ms,
        peakMemoryMb: round(bulk.peakRssMb),
        target: '< 10000 ms',
        pass: many.medianMs < 10_000,
        floorMedianMs: manyFloor.medianMs,
        ratio: ratio(many.medianMs, manyFloor.medianMs),
        extra: {
          bytes: bulk.bytes ?? 0,
          rssBeforeMb: round(bulk.rssBeforeMb),
          floorPeakRssMb: round(bare.peakRssMb),
        },
        notes:
          `writeCertificates: ${count} certificates streamed into one PDF file. peakMemoryMb: peak ` +
          `RSS of its Node process (${round(bulk.rssBeforeMb)} MB before the first run; bare ` +
          `pdfkit's peaks at ${round(bare.peakRssMb)} MB). Floor: bare pdfkit writing ${count} ` +
          'comparable pages into one file.',
        date,
      },
    ]
  },
}
