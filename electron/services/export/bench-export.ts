import { sampleSignatures } from '../../shared/testing/sample-signatures'
import { readExportBatch } from './read-batch'
import { writeDayBatch } from './write-batch'

export interface ExportBenchResult {
  records: number
  /** writeDayBatch of the whole day, files fsynced and renamed into place. */
  writeMs: number
  /** readExportBatch of the folder just written (what `npm run cli -- verify` does). */
  verifyMs: number
  /** Total size of the batch's files. */
  bytes: number
}

/**
 * For `npm run bench`: exports a generated day of `count` signatures (default 10,000, the
 * issue's target: under 2 s) into `parentDir` and verifies it, timing each. Generating the data
 * is not timed.
 */
export async function benchExportDay(options: {
  parentDir: string
  count?: number
  /** Milliseconds, for timing; the tests pass a fake one. */
  clock?: () => number
}): Promise<ExportBenchResult> {
  const clock = options.clock ?? (() => performance.now())
  const count = options.count ?? 10_000
  const records = sampleSignatures({ count, seed: 2026, kioskId: 'B01', firstDay: '2026-10-12' })
  const writeStart = clock()
  const { folder, manifest } = await writeDayBatch({
    parentDir: options.parentDir,
    eventCode: 'EWRC26',
    kioskId: 'B01',
    day: '2026-10-12',
    appVersion: 'bench',
    records,
    withdrawals: [],
    audit: [],
  })
  const writeMs = clock() - writeStart
  const verifyStart = clock()
  await readExportBatch(folder)
  const verifyMs = clock() - verifyStart
  const bytes = Object.values(manifest.files).reduce((sum, file) => sum + file.bytes, 0)
  return { records: count, writeMs: Math.round(writeMs), verifyMs: Math.round(verifyMs), bytes }
}
