import { startRegister } from '../../register/testing/start-register'
import type { BenchContext, Workload } from '../lib/context'
import { batchBodies, BATCH, postBatch, startBareHttp } from '../lib/register'
import type { WorkloadResult } from '../lib/results'
import { median, ratio, round, summarise } from '../lib/stats'
import { benchSignatures } from '../lib/signatories'

const KIOSKS = Array.from({ length: 20 }, (_, i) => `K${String(i + 1).padStart(2, '0')}`)

/**
 * The register under 20 kiosks sending at once: each kiosk sends its batches of 250 one after
 * the other (as the kiosk's engine does), all 20 in parallel, to the reference register on its
 * embedded database. Bodies are encoded beforehand, so the figure is the register's (and HTTP's).
 * Reported: batch latency (median, p95) and signatures per second over the whole run. Floor: the
 * same bodies sent the same way to a bare node:http server that parses each batch and answers it.
 */
export const registerThroughputWorkload: Workload = {
  name: 'register',
  description: 'register throughput with 20 concurrent kiosks (signatures/s, p95 batch latency)',
  async run(ctx: BenchContext): Promise<WorkloadResult[]> {
    const perKiosk = ctx.quick ? 2 : 5
    const register = await startRegister({ kiosks: KIOSKS })
    ctx.onCleanup(() => register.dispose())
    const bare = await startBareHttp()
    ctx.onCleanup(() => bare.stop())
    const warmup = 1
    const runs = ctx.runs(3, 1)
    const latencies: number[] = []
    const floorLatencies: number[] = []
    const rates: number[] = []
    const floorRates: number[] = []
    for (let r = 0; r < warmup + runs; r++) {
      const bodies = KIOSKS.map((kioskId, k) =>
        batchBodies(
          kioskId,
          benchSignatures({
            count: perKiosk * BATCH,
            seed: 5000 + r * 100 + k,
            tag: `r${r}${kioskId}`,
            kioskId,
            // Each run continues the kiosk's certificate numbers, as a kiosk does.
            firstSeq: 1 + r * perKiosk * BATCH,
          }),
        ),
      )
      const total = KIOSKS.length * perKiosk * BATCH
      const send = async (url: string, into: number[], expectAccepted: boolean) => {
        const start = performance.now()
        await Promise.all(
          KIOSKS.map(async (kioskId, k) => {
            for (const body of bodies[k]!) {
              into.push(await postBatch(url, register.tokens[kioskId]!, body, expectAccepted))
            }
          }),
        )
        return (total / (performance.now() - start)) * 1000
      }
      const runLatencies: number[] = []
      const runFloor: number[] = []
      const rate = await send(register.url, runLatencies, true)
      const floorRate = await send(bare.url, runFloor, false)
      if (r < warmup) continue
      latencies.push(...runLatencies)
      floorLatencies.push(...runFloor)
      rates.push(rate)
      floorRates.push(floorRate)
    }
    const ours = summarise(latencies)
    const floor = summarise(floorLatencies)
    const perSecond = round(median(rates), 0)
    return [
      {
        name: 'register-20-kiosks',
        n: ours.n,
        medianMs: ours.medianMs,
        p95Ms: ours.p95Ms,
        target: 'none (reported)',
        pass: null,
        floorMedianMs: floor.medianMs,
        ratio: ratio(ours.medianMs, floor.medianMs),
        extra: {
          signaturesPerSecond: perSecond,
          floorSignaturesPerSecond: round(median(floorRates), 0),
          floorP95Ms: floor.p95Ms,
          kiosks: KIOSKS.length,
          batchesPerKioskPerRun: perKiosk,
        },
        notes:
          `${KIOSKS.length} kiosks × ${perKiosk} batches of ${BATCH} per run, each kiosk one batch at ` +
          `a time, all in parallel, every record accepted (new signatories, each kiosk's ` +
          `certificate numbers continuing): ${perSecond} signatures/s; times are batch latencies. ` +
          'The register holds the earlier runs’ signatures (25,000 more each run). Floor: ' +
          `the same bodies to a bare node:http server that parses and answers them.`,
        date: new Date().toISOString(),
      },
    ]
  },
}
