/**
 * A tiny timing probe installed in the real app page before it starts (an init script, so the
 * page's Content-Security-Policy does not apply to it). It times, inside the page, from a user's
 * input (the pointerdown or keydown event's own timestamp) to the moment the DOM shows what was
 * asked for, and then to the next frame after it (requestAnimationFrame, then a task: the frame
 * with the change has been produced). No app code is involved. Installed as `window.benchProbe`.
 */

export type Condition =
  /** An element matching the selector exists. */
  | { kind: 'selector'; selector: string }
  /** The element's text matches the pattern (a RegExp source). */
  | { kind: 'text'; selector: string; pattern: string }
  /** The element's text differs from what it was when armed. */
  | { kind: 'textChange'; selector: string }

export interface ProbeTiming {
  /** From the input event to the DOM change; null when it did not happen in time. */
  domMs: number | null
  /** From the input event to the frame after the DOM change. */
  frameMs: number | null
}

export interface Probe {
  /** Waits for the next input event, then for each condition. */
  arm(conditions: Condition[]): void
  /** The timings of the armed conditions, once all are met or after `timeoutMs`. */
  result(timeoutMs: number): Promise<ProbeTiming[]>
  /** Milliseconds since navigation start at which the attract screen was interactive. */
  attractReadyAt(): Promise<number>
}

declare global {
  interface Window {
    benchProbe?: Probe
  }
}

interface Watch {
  condition: Condition
  from: string | null
  domAt: number | null
  frameAt: number | null
}

const textOf = (selector: string) => document.querySelector(selector)?.textContent ?? null

function met(watch: Watch): boolean {
  const c = watch.condition
  if (c.kind === 'selector') return document.querySelector(c.selector) !== null
  const text = textOf(c.selector)
  if (c.kind === 'text') return text !== null && new RegExp(c.pattern).test(text)
  return text !== watch.from
}

/** After the next frame has been produced. */
const afterFrame = (done: () => void) => requestAnimationFrame(() => setTimeout(done, 0))

export function installProbe(): void {
  let watches: Watch[] = []
  let inputAt: number | null = null
  let listening = false

  const check = () => {
    if (inputAt === null) return
    for (const watch of watches) {
      if (watch.domAt !== null || !met(watch)) continue
      watch.domAt = performance.now()
      afterFrame(() => (watch.frameAt = performance.now()))
    }
  }
  const onInput = (event: Event) => {
    if (!listening || inputAt !== null) return
    inputAt = event.timeStamp
    // Some changes happen in the input's own handler: look once the event is through.
    queueMicrotask(check)
  }
  window.addEventListener('pointerdown', onInput, true)
  window.addEventListener('keydown', onInput, true)
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  })

  let attractAt: number | null = null
  const attractWaiters: ((at: number) => void)[] = []
  const attract = () => {
    if (attractAt !== null) return
    const ready = document.documentElement?.dataset.appState === 'ready'
    const start = document.querySelector<HTMLButtonElement>('main.attract button.button--primary')
    if (!ready || !start || start.disabled) return
    afterFrame(() => {
      attractAt = performance.now()
      for (const waiter of attractWaiters) waiter(attractAt)
    })
    attractObserver.disconnect()
  }
  const attractObserver = new MutationObserver(attract)
  attractObserver.observe(document, { subtree: true, childList: true, attributes: true })

  window.benchProbe = {
    arm(conditions) {
      inputAt = null
      listening = true
      watches = conditions.map((condition) => ({
        condition,
        from: condition.kind === 'textChange' ? textOf(condition.selector) : null,
        domAt: null,
        frameAt: null,
      }))
    },
    result(timeoutMs) {
      return new Promise((resolve) => {
        const started = performance.now()
        const poll = () => {
          check()
          const done = watches.every((w) => w.frameAt !== null)
          if (!done && performance.now() - started < timeoutMs) return void setTimeout(poll, 5)
          listening = false
          resolve(
            watches.map((w) => ({
              domMs: inputAt === null || w.domAt === null ? null : w.domAt - inputAt,
              frameMs: inputAt === null || w.frameAt === null ? null : w.frameAt - inputAt,
            })),
          )
        }
        poll()
      })
    },
    attractReadyAt() {
      return attractAt !== null
        ? Promise.resolve(attractAt)
        : new Promise((resolve) => attractWaiters.push(resolve))
    },
  }
}
