/** The shape of `bench/results.json` and the table printed at the end of a run. */

/** One measured figure. Times are milliseconds, memory megabytes. */
export interface WorkloadResult {
  /** Stable name, e.g. `save-signature@100k`. */
  name: string
  /** Timed samples behind median and p95 (warm-up runs excluded). */
  n: number
  medianMs: number
  p95Ms: number
  /** Peak memory where it applies: JS heap for the renderer, RSS for Node processes. */
  peakMemoryMb?: number
  /** The target in words, e.g. `p95 < 50 ms`; `none (reported)` where it sets none. */
  target: string
  /** Against the target; null where there is no target. */
  pass: boolean | null
  /** The bare library doing the same work, measured in the same run. */
  floorMedianMs?: number
  /** medianMs / floorMedianMs: the figure to improve, since absolute times move with the machine. */
  ratio?: number
  /** Other figures of the workload (throughput, bytes, parts of a total). */
  extra?: Record<string, number>
  /** What exactly is measured, and anything a reader must know to trust the figure. */
  notes?: string
  /** When this workload ran (ISO 8601). */
  date: string
}

export interface Machine {
  cpu: string
  cores: number
  memoryGb: number
  os: string
  node: string
  chromium: string
}

export interface ResultsFile {
  machine: Machine
  /** When the file was last written. */
  date: string
  results: WorkloadResult[]
}

/**
 * Merges new results into an earlier file's: a workload run again replaces its old entry, the
 * others are kept, so `npm run bench -- <name>` refreshes one line without losing the rest.
 */
export function mergeResults(
  earlier: readonly WorkloadResult[],
  fresh: readonly WorkloadResult[],
): WorkloadResult[] {
  const names = new Set(fresh.map((r) => r.name))
  return [...earlier.filter((r) => !names.has(r.name)), ...fresh]
}

const COLUMNS = [
  ['workload', (r) => r.name],
  ['n', (r) => String(r.n)],
  ['median ms', (r) => fixed(r.medianMs)],
  ['p95 ms', (r) => fixed(r.p95Ms)],
  ['peak MB', (r) => (r.peakMemoryMb === undefined ? '' : fixed(r.peakMemoryMb))],
  ['target', (r) => r.target],
  ['pass', (r) => (r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL')],
  ['floor ms', (r) => (r.floorMedianMs === undefined ? '' : fixed(r.floorMedianMs))],
  ['ours/floor', (r) => (r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`)],
] as const satisfies readonly (readonly [string, (r: WorkloadResult) => string])[]

function fixed(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1)
}

/** A plain-text table: text columns left-aligned, numbers right-aligned. */
export function formatTable(results: readonly WorkloadResult[]): string {
  const header = COLUMNS.map(([title]) => title)
  const rows = results.map((r) => COLUMNS.map(([, cell]) => cell(r)))
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  )
  const leftAligned = new Set([0, 5, 6])
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (leftAligned.has(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
