import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { sampleSignatures } from '../../shared/testing/sample-signatures'
import { writeCertificates } from './bulk'
import { renderCertificate } from './render'

export interface CertificateBenchResult {
  /** Median time of one certificate once fonts and code are warm (target < 100 ms). */
  oneWarmMs: number
  bulkCount: number
  /** Time to write `bulkCount` certificates into one PDF file (target for 1,000: < 10 s). */
  bulkMs: number
  bulkBytes: number
  /** Highest resident set size seen during the bulk run, and how much it grew over the start. */
  peakRssMb: number
  rssGrowthMb: number
}

/**
 * For `npm run bench`: times one warm certificate and a bulk PDF of `count` generated signatures
 * (default 1,000) written into `dir`. Generating the records is not timed; the PDF is removed.
 */
export async function benchCertificates(options: {
  dir: string
  count?: number
}): Promise<CertificateBenchResult> {
  const count = options.count ?? 1_000
  const records = sampleSignatures({ count, seed: 2026, kioskId: 'B01', firstDay: '2026-10-12' })
  const one = records[0]
  if (!one) throw new Error('benchCertificates needs at least one record')

  for (let i = 0; i < 3; i++) await renderCertificate(one, DEFAULT_SETTINGS)
  const times: number[] = []
  for (let i = 0; i < 15; i++) {
    const start = performance.now()
    await renderCertificate(records[i % records.length] ?? one, DEFAULT_SETTINGS)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)

  const file = join(options.dir, 'bench-certificates.pdf')
  const rssStart = process.memoryUsage().rss
  let peak = rssStart
  const start = performance.now()
  const { bytes } = await writeCertificates(records, file, DEFAULT_SETTINGS, {
    onProgress: (done) => {
      if (done % 25 === 0) peak = Math.max(peak, process.memoryUsage().rss)
    },
  })
  const bulkMs = performance.now() - start
  peak = Math.max(peak, process.memoryUsage().rss)
  await rm(file, { force: true })
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10
  return {
    oneWarmMs: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10,
    bulkCount: count,
    bulkMs: Math.round(bulkMs),
    bulkBytes: bytes,
    peakRssMb: mb(peak),
    rssGrowthMb: mb(peak - rssStart),
  }
}
