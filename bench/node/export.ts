/**
 * Child process of the export workload: `benchExportDay` (electron/services/export) `runs` times
 * after `warmup`, each into a fresh folder. Prints one JSON line.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { benchExportDay } from '../../electron/services/export/bench-export'
import { childInput, maxRssMb } from '../lib/child'

const input = childInput<{ dir: string; count: number; warmup: number; runs: number }>()
const write: number[] = []
const verify: number[] = []
let bytes = 0
for (let i = 0; i < input.warmup + input.runs; i++) {
  const parentDir = await mkdtemp(join(input.dir, 'export-'))
  const result = await benchExportDay({ parentDir, count: input.count })
  await rm(parentDir, { recursive: true, force: true })
  if (i < input.warmup) continue
  write.push(result.writeMs)
  verify.push(result.verifyMs)
  bytes = result.bytes
}
console.log(JSON.stringify({ write, verify, bytes, peakRssMb: maxRssMb() }))
