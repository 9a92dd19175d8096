import { startRegister } from '../../register/testing/start-register'
import { statsSchema } from '../../electron/shared/register-protocol'
import { BenchBrowser } from '../lib/browser'
import type { BenchContext, Workload } from '../lib/context'
import { hostCall, startBenchHost, unlockStaff } from '../lib/host'
import { batchBodies, postBatch } from '../lib/register'
import type { WorkloadResult } from '../lib/results'
import { ratio, round, summarise } from '../lib/stats'
import { benchSignatures } from '../lib/signatories'

const PIN = '482913'

/**
 * Sync 10,000 signatures to a local register (the reference service on its embedded database,
 * a fresh one each run), through the kiosk's real path: the renderer's SyncEngine in Chromium
 * runs one pass over an IndexedDB holding 10,000 pending signatures, i.e. for each batch of 250:
 * build it from IndexedDB and store it in the outbox, count the attempt, `sendBatch` through the
 * web host's API (validated, then the host's register client POSTs it with the kiosk token), and
 * apply the register's answer to the records in one transaction; until nothing is pending.
 * Measured from the start of the pass to its end; every signature is checked synced on the kiosk
 * and counted by the register. Floor: the same 40 batch bodies POSTed one after the other
 * straight to another fresh register (no kiosk code, no host hop).
 */
export const syncWorkload: Workload = {
  name: 'sync',
  description: 'sync 10,000 signatures to a local register (< 15 s)',
  async run(ctx: BenchContext): Promise<WorkloadResult[]> {
    const count = ctx.quick ? 1_000 : 10_000
    const dataDir = await ctx.tempDir('sync-host')
    const host = await startBenchHost({ dataDir, rendererDir: await ctx.rendererDir() })
    ctx.onCleanup(() => host.stop())
    const browser = await BenchBrowser.launch()
    ctx.onCleanup(() => browser.close())
    const bench = await browser.benchPage(host)

    const warmup = 1
    const runs = ctx.runs(3, 1)
    const ours: number[] = []
    const floor: number[] = []
    for (let i = 0; i < warmup + runs; i++) {
      // The warm-up (code compiled, connections open) needs no 10,000 records.
      const records = i < warmup ? Math.min(count, 1_000) : count
      const seed = { count: records, seed: 300 + i, tag: `s${i}`, kioskId: 'B01' }

      const register = await startRegister({ kiosks: ['B01'] })
      try {
        await unlockStaff(host, PIN)
        await hostCall(host, 'updateSettings', { registerUrl: register.url })
        await hostCall(host, 'setRegisterToken', { token: register.tokens.B01 })
        const dbName = `bench-sync-${i}`
        const run = await bench.call('syncBench', dbName, seed)
        await bench.call('deleteDb', dbName)
        const registered = await registeredTotal(register.url)
        if (run.synced !== records || registered !== records) {
          throw new Error(
            `sync run ${i}: ${run.synced} synced on the kiosk, ${registered} in the register, ` +
              `of ${records} (pass ended ${run.ended}: ${JSON.stringify(run.problem)})`,
          )
        }
        if (i >= warmup) ours.push(run.ms)
      } finally {
        await register.dispose()
      }

      const bare = await startRegister({ kiosks: ['B01'] })
      try {
        const bodies = batchBodies('B01', benchSignatures(seed))
        const start = performance.now()
        for (const body of bodies) await postBatch(bare.url, bare.tokens.B01!, body)
        if (i >= warmup) floor.push(performance.now() - start)
      } finally {
        await bare.dispose()
      }
    }
    const measured = summarise(ours)
    const bare = summarise(floor)
    return [
      {
        name: `sync@${count / 1000}k`,
        n: measured.n,
        medianMs: measured.medianMs,
        p95Ms: measured.p95Ms,
        target: '< 15000 ms',
        pass: measured.medianMs < 15_000,
        floorMedianMs: bare.medianMs,
        ratio: ratio(measured.medianMs, bare.medianMs),
        extra: {
          records: count,
          batches: Math.ceil(count / 250),
          signaturesPerSecond: round((count / measured.medianMs) * 1000, 0),
        },
        notes:
          `The kiosk's sync engine (renderer, Chromium) sending ${count} pending signatures in ` +
          `batches of 250 through the web host to the reference register (embedded database, ` +
          `fresh each run), from the start of the pass until every signature is synced. ` +
          `Floor: the same batch bodies POSTed in sequence straight to a fresh register.`,
        date: new Date().toISOString(),
      },
    ]
  },
}

async function registeredTotal(url: string): Promise<number> {
  const response = await fetch(`${url}/v1/stats`)
  return statsSchema.parse(await response.json()).total
}
