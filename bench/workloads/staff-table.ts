import type { CDPSession, Page } from '@playwright/test'
import { repeatEvery, sampleHeap } from '../lib/browser'
import type { BenchContext, Workload } from '../lib/context'
import { APP_DB, type LargeKiosk } from '../lib/large-kiosk'
import { unlockStaff } from '../lib/host'
import type { WorkloadResult } from '../lib/results'
import { ratio, round, summarise } from '../lib/stats'
import type { Condition, ProbeTiming } from '../page/probe'

const PIN = '482913'
const FIRST_ROWS: Condition = { kind: 'selector', selector: '.signatures tbody tr[aria-rowindex]' }
const COUNT = '[data-testid="result-count"]'
/** The count of signatures is on screen (a number in the table's status line). */
const COUNT_SHOWN: Condition = { kind: 'text', selector: COUNT, pattern: '\\d' }
/** The first row of the table (its text changes when the order does). */
const FIRST_ROW = '.signatures tbody tr[aria-rowindex="2"]'
/** The selection's count, shown once the selection holds rows. */
const SELECTED: Condition = { kind: 'selector', selector: '.signatures__selected' }
/**
 * Every row is in the table's query engine (its Web Worker, or the page where no worker starts):
 * search, sort and filters answer from memory from then on. The count is shown before that, from
 * the createdAt index.
 */
const ALL_LOADED: Condition = {
  kind: 'selector',
  selector: '.signatures[data-rows-loaded="true"] [data-testid="result-count"]',
}
/** Records a sync-like change writes (one batch answer of the sync outbox). */
const CHANGED = 250
/**
 * Typed one key at a time, then erased key by key. Chosen so that, on the bench's 100,000
 * generated signatures, every key changes the number of matching rows (from 100,000 down to
 * hundreds): a key that changes nothing changes no pixel and cannot be timed.
 */
const SEARCHES = ['mari', 'dubo', 'nova', 'jans']

/**
 * The staff console's Signatures tab on a kiosk with 100,000 signatures, in the real app, driven
 * like staff do (PIN pad, tab, typing). Timed inside the page from the input event to the DOM
 * change and the frame after it (bench/page/probe.ts). Each run reloads the app.
 * - first render: click on the tab → the first rows are on screen (the newest page, from an index);
 * - all rows: click on the tab → every row loaded into the query engine (search, sort, filters
 *   work on all of them from then on); floor: a bare Dexie toArray of the same table;
 * - count: the same click → the count of signatures on screen (and how long after the first rows);
 * - search: a key typed in the search box → the count and rows updated;
 * - sort by name: a click on the Name header (ascending, then descending) → the first row changed;
 * - select all: a click on "Select all N matching" (every signature) → "N selected" on screen;
 * - JS heap: the page's JSHeapUsedSize (CDP), sampled every 100 ms, the peak over all runs; the
 *   query worker's heap (CDP Runtime.getHeapUsage on the worker target) likewise;
 * - sync-like change: 250 records written by another page as the sync outbox writes a register
 *   answer (one transaction: the records and their batch marked done) → the table's count updated,
 *   with the longest task the app page's thread ran meanwhile.
 */
export const staffTableWorkload: Workload = {
  name: 'staff-table',
  description: 'staff table with 100,000 records: first render, search keystroke, heap',
  async run(ctx: BenchContext): Promise<WorkloadResult[]> {
    const kiosk = await ctx.largeKiosk()
    const records = await kiosk.bench.call('count', APP_DB)
    await unlockStaff(kiosk.host, PIN)
    const warmup = 1
    const runs = ctx.runs(5, 1)
    const firstRender: number[] = []
    const allRows: number[] = []
    const search: number[] = []
    const countShown: number[] = []
    const countAfterRows: number[] = []
    const sortByName: number[] = []
    const selectAll: number[] = []
    let unchangedKeys = 0
    let peakHeapMb = 0
    let heapAfterLoadMb = 0
    let workerPeakMb = 0
    let workerAfterLoadMb = 0
    let transport = ''
    const changes: number[] = []
    const longestTasks: number[] = []

    const page = await kiosk.browser.context.newPage()
    try {
      for (let i = 0; i < warmup + runs; i++) {
        const heap = await sampleHeap(page)
        const workerHeap = await sampleWorkerHeap(page)
        await openSignaturesTab(page, kiosk.host.url)
        const [rows, loaded, count] = await page.evaluate(() => window.benchProbe!.result(60_000))
        heapAfterLoadMb = Math.max(heapAfterLoadMb, (await heap.stop()).lastMb)
        workerAfterLoadMb = Math.max(workerAfterLoadMb, await workerHeap.now())
        transport = (await page.locator('.signatures').getAttribute('data-transport')) ?? ''
        const typing = await sampleHeap(page)
        const keys = await typeSearches(page)
        const sorts = await sortByNameTwice(page)
        const selecting = await selectEveryRow(page)
        const peak = Math.max((await typing.stop()).peakMb, heapAfterLoadMb)
        const workerPeak = (await workerHeap.stop()).peakMb
        if (i < warmup) continue
        firstRender.push(need(rows, 'first rows'))
        allRows.push(need(loaded, 'all rows'))
        countShown.push(need(count, 'count'))
        countAfterRows.push(need(count, 'count') - need(rows, 'first rows'))
        sortByName.push(...sorts)
        selectAll.push(selecting)
        for (const key of keys) {
          if (key === null) unchangedKeys += 1
          else search.push(key)
        }
        peakHeapMb = Math.max(peakHeapMb, peak)
        workerPeakMb = Math.max(workerPeakMb, workerPeak)
      }
      for (const change of await syncLikeChanges(kiosk, page, ctx.runs(5, 1))) {
        changes.push(change.ms)
        longestTasks.push(change.longestTaskMs)
      }
    } finally {
      await page.close()
    }
    const floorRuns: number[] = []
    for (let i = 0; i < 1 + ctx.runs(3, 1); i++) {
      const { ms } = await kiosk.bench.call('readAll', APP_DB)
      if (i > 0) floorRuns.push(ms)
    }

    const date = new Date().toISOString()
    const first = summarise(firstRender)
    const all = summarise(allRows)
    const floor = summarise(floorRuns)
    const keys = summarise(search)
    const change = summarise(changes)
    const counting = summarise(countShown)
    const sorting = summarise(sortByName)
    const selection = summarise(selectAll)
    const heapPass = peakHeapMb < 300
    return [
      {
        name: `staff-table-first-render@${label(records)}`,
        n: first.n,
        medianMs: first.medianMs,
        p95Ms: first.p95Ms,
        peakMemoryMb: round(peakHeapMb),
        target: '< 300 ms; JS heap < 300 MB',
        pass: first.medianMs < 300 && heapPass,
        extra: {
          heapAfterLoadMb: round(heapAfterLoadMb),
          workerHeapMb: round(workerAfterLoadMb),
          workerPeakHeapMb: round(workerPeakMb),
          /** 1 when the table's queries ran in their worker, 0 on the page's thread. */
          inWorker: transport === 'worker' ? 1 : 0,
          records,
        },
        notes:
          `Click on the Signatures tab → first rows on screen (next frame), real app in Chromium. ` +
          `peakMemoryMb: highest renderer JSHeapUsedSize while loading and searching ` +
          `(${round(heapAfterLoadMb)} MB once all rows are loaded). The rows live in the ` +
          `table's query engine (transport: ${transport || 'unknown'}); its worker's JS heap ` +
          `(CDP Runtime.getHeapUsage) was ${round(workerAfterLoadMb)} MB once loaded, ` +
          `${round(workerPeakMb)} MB at most.`,
        date,
      },
      {
        name: `staff-table-all-rows@${label(records)}`,
        n: all.n,
        medianMs: all.medianMs,
        p95Ms: all.p95Ms,
        target: 'none (reported)',
        pass: null,
        floorMedianMs: floor.medianMs,
        ratio: ratio(all.medianMs, floor.medianMs),
        extra: { records },
        notes:
          'Click on the Signatures tab → every row loaded into the query engine (in its worker), ' +
          'so search, sort and filters answer from memory (until then the table shows the newest ' +
          'rows and the count, from the createdAt index). Loaded in chunks of 5,000 by primary ' +
          'key. Floor: bare Dexie toArray() of the same table in the same browser.',
        date,
      },
      {
        name: `staff-table-count@${label(records)}`,
        n: counting.n,
        medianMs: counting.medianMs,
        p95Ms: counting.p95Ms,
        target: 'none (reported; issue #13: with the first rows)',
        pass: null,
        extra: {
          afterFirstRowsMedianMs: summarise(countAfterRows).medianMs,
          afterFirstRowsP95Ms: summarise(countAfterRows).p95Ms,
        },
        notes:
          'Click on the Signatures tab → the count of signatures on screen (next frame). ' +
          'extra.afterFirstRows*: how long after the first rows it came.',
        date,
      },
      {
        name: `staff-table-sort-name@${label(records)}`,
        n: sorting.n,
        medianMs: sorting.medianMs,
        p95Ms: sorting.p95Ms,
        target: 'none (reported)',
        pass: null,
        notes:
          'Every row loaded, a click on the Name column header (ascending, then again: ' +
          'descending) → the first row shows another signature (next frame).',
        date,
      },
      {
        name: `staff-table-select-all@${label(records)}`,
        n: selection.n,
        medianMs: selection.medianMs,
        p95Ms: selection.p95Ms,
        target: 'none (reported)',
        pass: null,
        extra: { records },
        notes:
          'Every row loaded, sorted by name, a click on "Select all N matching" (every ' +
          'signature) → "N selected" and the bulk actions on screen (next frame).',
        date,
      },
      {
        name: `staff-table-search@${label(records)}`,
        n: keys.n,
        medianMs: keys.medianMs,
        p95Ms: keys.p95Ms,
        target: '< 150 ms',
        pass: keys.medianMs < 150,
        extra: { unchangedKeys },
        notes:
          `One key typed in the search box (${SEARCHES.map((s) => `"${s}"`).join(', ')}, each ` +
          `typed then erased key by key) → the count and rows updated (next frame).` +
          (unchangedKeys
            ? ` ${unchangedKeys} key(s) left the result unchanged and are not counted.`
            : ''),
        date,
      },
      {
        name: `staff-table-sync-change@${label(records)}`,
        n: change.n,
        medianMs: change.medianMs,
        p95Ms: change.p95Ms,
        target: 'none (reported)',
        pass: null,
        extra: {
          records: CHANGED,
          longestAppTaskMs: round(Math.max(0, ...longestTasks)),
          medianLongestAppTaskMs: summarise(longestTasks).medianMs,
        },
        notes:
          `With the table open (filter: sync state synced), another page of the kiosk's origin ` +
          `writes ${CHANGED} records as the sync outbox writes a register answer (one ` +
          `transaction: the records bulkPut, their batch marked done), alternately to synced ` +
          `and back to pending. Timed from that transaction's commit to the frame after the ` +
          `table's count changed. extra.longestAppTaskMs: the longest task (PerformanceObserver ` +
          `longtask, ≥ 50 ms, 0 when none) on the app page's thread in that time.`,
        date,
      },
    ]
  },
}

function label(count: number): string {
  return count >= 1000 ? `${Math.round(count / 1000)}k` : String(count)
}

function need(timing: ProbeTiming | undefined, what: string): number {
  if (!timing || timing.frameMs === null) throw new Error(`${what}: not seen within the timeout`)
  return timing.frameMs
}

/** Loads the app, unlocks the console with the PIN pad, then clicks the Signatures tab (armed). */
async function openSignaturesTab(page: Page, url: string): Promise<void> {
  // Through a blank page: the same URL again would only change the fragment, not reload the app.
  await page.goto('about:blank')
  await page.goto(url)
  await page.waitForFunction(() => document.documentElement.dataset.appState === 'ready')
  await page.keyboard.press('Control+Shift+S')
  // Playwright's click waits for each key to be enabled (once the kiosk said a PIN exists).
  for (const digit of PIN) await page.getByRole('button', { name: `Digit ${digit}` }).click()
  await page.getByRole('button', { name: 'OK' }).click()
  await page.getByTestId('count-total').filter({ hasText: /\d/ }).waitFor()
  // Let the dashboard's own queries finish, so they do not run inside the measurement.
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 2000 })),
  )
  await page.evaluate(([rows, loaded, count]) => window.benchProbe!.arm([rows, loaded, count]), [
    FIRST_ROWS,
    ALL_LOADED,
    COUNT_SHOWN,
  ] as const)
  await page.getByRole('tab', { name: 'Signatures' }).click()
}

/** Types each search key by key, then erases it key by key; the time of each key, or null. */
async function typeSearches(page: Page): Promise<(number | null)[]> {
  const box = page.getByRole('searchbox')
  await box.click()
  const times: (number | null)[] = []
  const key = async (name: string) => {
    await page.evaluate((c) => window.benchProbe!.arm([c]), {
      kind: 'textChange',
      selector: COUNT,
    } satisfies Condition)
    await page.keyboard.press(name)
    const [timing] = await page.evaluate(() => window.benchProbe!.result(1_500))
    times.push(timing?.frameMs ?? null)
  }
  for (const text of SEARCHES) {
    for (const char of text) await key(char)
    for (let i = 0; i < text.length; i++) await key('Backspace')
  }
  return times
}

/** Clicks the Name header twice (ascending, descending); the time of each to the new first row. */
async function sortByNameTwice(page: Page): Promise<number[]> {
  const header = page.locator('.signatures thead').getByRole('button', { name: 'Name' })
  const times: number[] = []
  for (let i = 0; i < 2; i++) {
    await page.evaluate((c) => window.benchProbe!.arm([c]), {
      kind: 'textChange',
      selector: FIRST_ROW,
    } satisfies Condition)
    await header.click()
    const [timing] = await page.evaluate(() => window.benchProbe!.result(30_000))
    times.push(need(timing, 'sorted by name'))
  }
  return times
}

/** Clicks "Select all N matching" (no search or filter: every row); the time to "N selected". */
async function selectEveryRow(page: Page): Promise<number> {
  await page.evaluate((c) => window.benchProbe!.arm([c]), SELECTED)
  await page.getByRole('button', { name: /^Select all \d+ matching$/ }).click()
  const [timing] = await page.evaluate(() => window.benchProbe!.result(30_000))
  const ms = need(timing, 'select all')
  await page.getByRole('button', { name: 'Clear selection' }).click()
  await page.locator(SELECTED.selector).waitFor({ state: 'detached' })
  return ms
}

/**
 * The JS heap of the page's dedicated workers (the table's query worker), through CDP: the page's
 * session auto-attaches to its workers and asks each for Runtime.getHeapUsage.
 */
async function sampleWorkerHeap(page: Page, everyMs = 200) {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const workers = new Set<string>()
  const answers = new Map<number, (used: number) => void>()
  let nextId = 1
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.add(sessionId)
  })
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    if (sessionId) workers.delete(sessionId)
  })
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const answer = JSON.parse(message) as { id?: number; result?: { usedSize?: number } }
    if (answer.id === undefined) return
    answers.get(answer.id)?.(answer.result?.usedSize ?? 0)
    answers.delete(answer.id)
  })
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  })
  let peak = 0
  let last = 0
  const read = async () => {
    let sum = 0
    for (const sessionId of workers) {
      const id = nextId++
      const used = new Promise<number>((resolve) => {
        answers.set(id, resolve)
        setTimeout(() => resolve(0), 2_000)
      })
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
      })
      sum += await used
    }
    last = sum / 1024 / 1024
    peak = Math.max(peak, last)
  }
  const stopSampling = repeatEvery(everyMs, read)
  return {
    /** The workers' heap now, in MB. */
    async now() {
      await read().catch(() => undefined)
      return last
    },
    /** Stops sampling; peak and last in MB. */
    async stop() {
      stopSampling()
      await read().catch(() => undefined)
      await cdp.detach().catch(() => undefined)
      return { peakMb: peak, lastMb: last }
    },
  }
}

interface ChangeWatch {
  from: string
  at: number | null
  frameAt: number | null
  longest: number
}

declare global {
  interface Window {
    tableChange?: ChangeWatch
  }
}

/**
 * Sync-like changes with the table open: `runs` times, 250 pending records become synced, then
 * pending again, each written from the bench page as the sync outbox writes an answer. The time
 * from each commit to the frame after the table's count changed, and the app page's longest task.
 */
async function syncLikeChanges(
  kiosk: LargeKiosk,
  page: Page,
  runs: number,
): Promise<{ ms: number; longestTaskMs: number }[]> {
  await openSignaturesTab(page, kiosk.host.url)
  await page.locator(ALL_LOADED.selector).waitFor({ timeout: 60_000 })
  await page.getByRole('combobox', { name: 'Sync state', exact: true }).selectOption('synced')
  await page.getByTestId('result-count').filter({ hasText: / of / }).waitFor()
  const results: { ms: number; longestTaskMs: number }[] = []
  const batchIds: string[] = []
  let ids: string[] = []
  for (let i = 0; i < runs * 2; i++) {
    const to = i % 2 === 0 ? 'synced' : 'pending'
    await page.evaluate(() => {
      const count = document.querySelector('[data-testid="result-count"]')!
      const watch: ChangeWatch = {
        from: count.textContent ?? '',
        at: null,
        frameAt: null,
        longest: 0,
      }
      window.tableChange = watch
      const tasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          watch.longest = Math.max(watch.longest, entry.duration)
      })
      tasks.observe({ type: 'longtask' })
      const seen = new MutationObserver(() => {
        if (watch.at !== null || count.textContent === watch.from) return
        watch.at = performance.timeOrigin + performance.now()
        seen.disconnect()
        requestAnimationFrame(() =>
          setTimeout(() => {
            watch.frameAt = performance.timeOrigin + performance.now()
            tasks.disconnect()
          }, 0),
        )
      })
      seen.observe(count, { childList: true, characterData: true, subtree: true })
    })
    const written = await kiosk.bench.page.evaluate(
      async ([dbName, target, known, count]) => {
        const db = window.kioskBench!.lib.openDb(dbName)
        const batches = db.table('batches')
        const recordIds = known.length
          ? known
          : await db.signatures.where('syncState').equals('pending').limit(count).primaryKeys()
        const at = new Date().toISOString()
        const batchId = crypto.randomUUID()
        await batches.add({
          id: batchId,
          kioskId: 'B01',
          recordIds,
          withdrawalIds: [],
          body: '',
          bytes: 0,
          createdAt: at,
          attempts: 1,
          lastAttemptAt: at,
          nextAttemptAt: 0,
          lastError: null,
          lastStatus: null,
          state: 'queued',
          stoppedCredential: null,
          doneAt: null,
        })
        await db.transaction('rw', [db.signatures, batches], async () => {
          const rows = await db.signatures.bulkGet(recordIds)
          await db.signatures.bulkPut(
            rows.map((row) => ({
              ...row!,
              syncState: target,
              syncedAt: target === 'synced' ? at : null,
            })),
          )
          await batches.update(batchId, { state: 'done', doneAt: at })
        })
        const committedAt = performance.timeOrigin + performance.now()
        db.close()
        return { committedAt, recordIds, batchId }
      },
      [APP_DB, to, to === 'synced' ? [] : ids, CHANGED] as const,
    )
    ids = written.recordIds
    batchIds.push(written.batchId)
    await page.waitForFunction(() => window.tableChange?.frameAt != null, null, { timeout: 30_000 })
    const watch = await page.evaluate(() => window.tableChange!)
    results.push({ ms: watch.frameAt! - written.committedAt, longestTaskMs: watch.longest })
  }
  // The kiosk's outbox as it was: the bench's batches go (its records are pending again).
  await kiosk.bench.page.evaluate(
    async ([dbName, done]) => {
      const db = window.kioskBench!.lib.openDb(dbName)
      await db.table('batches').bulkDelete(done)
      db.close()
    },
    [APP_DB, batchIds] as const,
  )
  return results
}
