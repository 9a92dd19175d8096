/**
 * Child process of the certificates workload (bench/workloads/certificates.ts): one mode per
 * process, so each peak RSS is that mode's own. Prints one JSON line.
 * - `one`: renderCertificate of different records once warm, interleaved with the bare page;
 * - `bulk`: writeCertificates of `count` records into one PDF file, `runs` times;
 * - `bulk-floor`: bare pdfkit writing the same number of comparable pages into one file.
 */
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { renderCertificate, writeCertificates } from '../../electron/services/certificates'
import { childInput, maxRssMb } from '../lib/child'
import { bareCertificate, bareDocument, barePageOf, drawBarePage } from '../lib/pdf-floor'
import { benchSignatures } from '../lib/signatories'

interface Input {
  mode: 'one' | 'bulk' | 'bulk-floor'
  dir: string
  count: number
  warmup: number
  runs: number
}

const input = childInput<Input>()
const records = benchSignatures({
  count: input.count,
  seed: 2026,
  tag: 'c',
  firstDay: '2026-10-12',
})
const rssBefore = process.memoryUsage().rss / 1024 / 1024
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

if (input.mode === 'one') {
  const pages = records.map(barePageOf)
  const ours: number[] = []
  const floor: number[] = []
  for (let i = 0; i < input.warmup + input.runs; i++) {
    const record = records[i % records.length]!
    const a = await time(() => renderCertificate(record, DEFAULT_SETTINGS))
    const b = await time(() => bareCertificate(pages[i % pages.length]!))
    if (i >= input.warmup) {
      ours.push(a)
      floor.push(b)
    }
  }
  console.log(JSON.stringify({ ours, floor, peakRssMb: maxRssMb() }))
} else if (input.mode === 'bulk') {
  const ms: number[] = []
  let bytes = 0
  for (let i = 0; i < input.runs; i++) {
    const file = join(input.dir, `bench-bulk-${i}.pdf`)
    ms.push(
      await time(async () => {
        bytes = (await writeCertificates(records, file, DEFAULT_SETTINGS)).bytes
      }),
    )
    await rm(file, { force: true })
  }
  console.log(JSON.stringify({ ms, bytes, peakRssMb: maxRssMb(), rssBeforeMb: rssBefore }))
} else {
  const pages = records.map(barePageOf)
  const ms: number[] = []
  for (let i = 0; i < input.runs; i++) {
    const file = join(input.dir, `bench-bare-${i}.pdf`)
    ms.push(
      await time(async () => {
        const doc = bareDocument()
        const out = createWriteStream(file)
        doc.pipe(out)
        for (const page of pages) drawBarePage(doc, page)
        doc.end()
        await finished(out)
      }),
    )
    await rm(file, { force: true })
  }
  console.log(JSON.stringify({ ms, peakRssMb: maxRssMb(), rssBeforeMb: rssBefore }))
}
