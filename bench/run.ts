/**
 * `npm run bench` runs every workload, prints a table and writes bench/results.json.
 * `npm run bench -- <name> [<name>…]` runs some; `--quick` runs each briefly (a smoke test of the
 * bench: figures are printed but not written); `npm run bench -- seed --count 100000 --data <dir>`
 * fills a kiosk data folder for manual checks. See the README's "Benchmarks" section.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { BenchContext } from './lib/context'
import { describeMachine } from './lib/machine'
import { formatTable, mergeResults, type ResultsFile, type WorkloadResult } from './lib/results'
import { WORKLOADS } from './workloads'
import { seedCommand } from './workloads/seed'

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results.json')

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'seed') return seedCommand(argv.slice(1))
  const { values, positionals } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  })
  if (values.help) {
    console.log(usage())
    return 0
  }
  const unknown = positionals.filter((name) => !WORKLOADS.some((w) => w.name === name))
  if (unknown.length) {
    console.error(`Unknown workload: ${unknown.join(', ')}\n\n${usage()}`)
    return 2
  }
  const selected = positionals.length
    ? WORKLOADS.filter((w) => positionals.includes(w.name))
    : WORKLOADS
  const ctx = new BenchContext(values.quick)
  const results: WorkloadResult[] = []
  const started = performance.now()
  let failed = false
  try {
    for (const workload of selected) {
      ctx.log(`\n▶ ${workload.name}: ${workload.description}`)
      const began = performance.now()
      // Others may use this machine too: the load when each workload starts goes with its figures.
      const load = Math.round(loadavg()[0]! * 100) / 100
      try {
        const rows = await workload.run(ctx)
        for (const row of rows) row.extra = { ...row.extra, loadAverage1m: load }
        results.push(...rows)
        for (const row of rows) {
          ctx.log(`  ${row.name}: median ${row.medianMs} ms, p95 ${row.p95Ms} ms (n=${row.n})`)
          if (row.extra) ctx.log(`    ${JSON.stringify(row.extra)}`)
        }
      } catch (error) {
        failed = true
        console.error(`  ${workload.name} failed:`, error)
      }
      ctx.log(`  (${Math.round((performance.now() - began) / 1000)} s)`)
    }
  } finally {
    await ctx.close()
  }
  console.log(`\n${formatTable(results)}\n`)
  console.log(`bench took ${Math.round((performance.now() - started) / 1000)} s`)
  if (values.quick) {
    console.log('--quick: results not written')
  } else if (results.length) {
    const earlier = existsSync(RESULTS)
      ? (JSON.parse(await readFile(RESULTS, 'utf8')) as ResultsFile).results
      : []
    const file: ResultsFile = {
      machine: describeMachine(),
      date: new Date().toISOString(),
      results: mergeResults(earlier, results),
    }
    await writeFile(RESULTS, JSON.stringify(file, null, 2) + '\n')
    console.log(`wrote ${RESULTS}`)
  }
  return failed ? 1 : 0
}

function usage(): string {
  return [
    'npm run bench [-- <workload>…] [--quick]',
    'npm run bench -- seed --count 100000 --data <dir>',
    '',
    'workloads:',
    ...WORKLOADS.map((w) => `  ${w.name.padEnd(20)} ${w.description}`),
  ].join('\n')
}

// Exit explicitly: a workload that failed midway may leave a timer or a socket behind.
process.exit(await main(process.argv.slice(2)))
