/**
 * `npm test`: typecheck, lint, build, unit tests, end-to-end tests. Every step runs even when an
 * earlier one failed, each runner prints its own summary, and the last line sums all suites:
 * `tests: N passed, N failed, N skipped`. A failed typecheck or lint counts as one failed test.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../electron/host/paths'

interface Tally {
  passed: number
  failed: number
  skipped: number
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 }
const bin = (name: string) => join(PROJECT_ROOT, 'node_modules', '.bin', name)

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${label}: ${[command.split('/').pop(), ...args].join(' ')}`)
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit', env: process.env })
  const ok = result.status === 0
  if (!ok) console.log(`=== ${label} FAILED (exit ${result.status ?? result.signal})`)
  return ok
}

function check(label: string, command: string, args: string[]) {
  if (!run(label, command, args)) total.failed += 1
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(join(PROJECT_ROOT, file), 'utf8')) as T
  } catch {
    return null
  }
}

check('typecheck', bin('tsc'), ['-b'])
check('lint', bin('eslint'), ['.', '--max-warnings', '0'])
check('format', bin('prettier'), ['--check', '.'])
const built = run('build', bin('electron-vite'), ['build'])
if (!built) total.failed += 1

rmSync(join(PROJECT_ROOT, 'test-results'), { recursive: true, force: true })
const unitOk = run('unit tests (Vitest)', bin('vitest'), ['run'])
const unit = readJson<{
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}>('test-results/vitest.json')
if (unit) {
  total.passed += unit.numPassedTests
  total.failed += unit.numFailedTests
  total.skipped += unit.numPendingTests + unit.numTodoTests
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) total.failed += 1

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number }
  suites: Suite[]
}
interface Suite {
  suites?: Suite[]
  specs?: {
    title: string
    tests: { status: string; annotations: { type: string; description?: string }[] }[]
  }[]
}

if (built) {
  const e2eOk = run('end-to-end tests (Playwright)', bin('playwright'), ['test'])
  const e2e = readJson<PlaywrightReport>('test-results/playwright.json')
  if (e2e) {
    total.passed += e2e.stats.expected
    total.failed += e2e.stats.unexpected + e2e.stats.flaky
    total.skipped += e2e.stats.skipped
    for (const line of skipReasons(e2e.suites)) console.log(line)
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) total.failed += 1
}

function skipReasons(suites: Suite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'skipped')
        .map(
          (t) =>
            `skipped: ${spec.title}: ${t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'}`,
        ),
    ),
    ...skipReasons(suite.suites ?? []),
  ])
}

console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exit(total.failed === 0 ? 0 : 1)
