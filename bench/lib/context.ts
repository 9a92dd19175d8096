import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WorkloadResult } from './results'
import { installBenchPage } from './browser'
import { buildApp } from './build'
import { LargeKiosk } from './large-kiosk'

/** Signatures on the kiosk for the "100,000 records" workloads. */
export const LARGE = 100_000

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

  /** The app built from the current sources, once per bench run, with the bench page added. */
  rendererDir(): Promise<string> {
    this.renderer ??= this.tempDir('build').then(async (dir) => {
      const renderer = await buildApp(dir, this.log)
      await installBenchPage(renderer)
      return renderer
    })
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

  /** A kiosk with LARGE realistic signatures in its journal and IndexedDB (once per run). */
  largeKiosk(): Promise<LargeKiosk> {
    this.large ??= (async () => {
      const kiosk = await LargeKiosk.create({
        dataDir: await this.tempDir('large'),
        profileDir: await this.tempDir('large-profile'),
        rendererDir: await this.rendererDir(),
        records: this.quick ? 10_000 : LARGE,
        log: this.log,
      })
      this.onCleanup(() => kiosk.stop())
      return kiosk
    })()
    return this.large
  }

  async close(): Promise<void> {
    for (const fn of this.cleanups.reverse()) await fn().catch(() => undefined)
  }
}
