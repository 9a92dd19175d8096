import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WorkloadResult } from './results'
import { BenchBrowser, type BenchPage } from './browser'
import { buildApp } from './build'
import { startBenchHost, type BenchHost } from './host'

/** The app's own IndexedDB database name (renderer/src/db/index.ts). */
export const APP_DB = 'cohesion-kiosk'
/** Signatures on the kiosk for the "100,000 records" workloads. */
export const LARGE = 100_000

/** A kiosk (web host + Chromium profile) whose app database holds LARGE signatures. */
export interface LargeKiosk {
  host: BenchHost
  browser: BenchBrowser
  bench: BenchPage
  seedMs: number
}

export interface Workload {
  /** What `npm run bench -- <name>` selects. */
  name: string
  description: string
  run(ctx: BenchContext): Promise<WorkloadResult[]>
}

/** Shared, lazily created resources of one bench run, and its clean-up. */
export class BenchContext {
  private renderer: Promise<string> | undefined
  private large: Promise<LargeKiosk> | undefined
  private readonly cleanups: (() => Promise<unknown>)[] = []

  constructor(
    /** Fewer runs and smaller counts: a smoke test of the bench itself, not figures to keep. */
    readonly quick: boolean,
    readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  /** Runs for a workload: `full` normally, `quickRuns` with --quick. */
  runs(full: number, quickRuns = Math.min(full, 2)): number {
    return this.quick ? quickRuns : full
  }

  /** The app built from the current sources, once per bench run. */
  rendererDir(): Promise<string> {
    this.renderer ??= this.tempDir('build').then((dir) => buildApp(dir, this.log))
    return this.renderer
  }

  async tempDir(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), `kiosk-bench-${prefix}-`))
    this.onCleanup(() => rm(dir, { recursive: true, force: true }))
    return dir
  }

  onCleanup(fn: () => Promise<unknown>): void {
    this.cleanups.push(fn)
  }

  /** A web host and a browser whose app database holds LARGE realistic signatures. */
  largeKiosk(): Promise<LargeKiosk> {
    this.large ??= (async () => {
      const dataDir = await this.tempDir('large')
      const host = await startBenchHost({ dataDir, rendererDir: await this.rendererDir() })
      this.onCleanup(() => host.stop())
      const browser = await BenchBrowser.launch()
      this.onCleanup(() => browser.close())
      const bench = await browser.benchPage(host)
      const count = this.quick ? 10_000 : LARGE
      const seeded = await bench.call('seed', APP_DB, {
        count,
        seed: 2026,
        tag: 'k',
        firstDay: '2026-10-12',
        days: 4,
      })
      this.log(
        `seeded ${seeded.count} signatures into IndexedDB in ${Math.round(seeded.ms)} ms ` +
          `(generated in ${Math.round(seeded.generateMs)} ms)`,
      )
      return { host, browser, bench, seedMs: seeded.ms }
    })()
    return this.large
  }

  async close(): Promise<void> {
    for (const fn of this.cleanups.reverse()) await fn().catch(() => undefined)
  }
}
