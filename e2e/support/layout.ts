import type { Page } from '@playwright/test'

/**
 * What a visitor would see as a broken layout on the current screen, as readable lines: a page
 * wider than the window, a box that scrolls sideways, text or a control cut by the window's
 * edge, text wider than its box, and controls or text that lie on top of each other. Only what is visible counts: a part
 * scrolled out of its box is clipped to that box first.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = window.innerWidth
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > width)
      problems.push(`page scrolls sideways: ${root.scrollWidth} > ${width}`)
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)
      return `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} “${text}”`
    }
    // Inputs scroll their own text; the screen-reader-only texts are clipped on purpose.
    const exempt = (el: Element) =>
      el.closest('input, textarea, .sr-only, .osk') !== null || el.tagName === 'CANVAS'
    for (const el of document.querySelectorAll('body *')) {
      if (exempt(el)) continue
      const style = getComputedStyle(el)
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${describe(el)} overflows sideways: ${el.scrollWidth} > ${el.clientWidth}`)
    }
    /** The part of `el` not cut away by a scrolling or clipping ancestor; null when none is left. */
    const visibleRect = (el: Element) => {
      const r = el.getBoundingClientRect()
      let left = r.left
      let top = r.top
      let right = r.right
      let bottom = r.bottom
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflow === 'visible') continue
        const c = a.getBoundingClientRect()
        left = Math.max(left, c.left)
        top = Math.max(top, c.top)
        right = Math.min(right, c.right)
        bottom = Math.min(bottom, c.bottom)
      }
      return right - left < 1 || bottom - top < 1 ? null : { left, top, right, bottom }
    }
    const open = document.querySelector('dialog[open]')
    const selector =
      'button, a[href], input, select, textarea, label, h1, h2, h3, p, legend, dt, dd, th, td'
    const items = [...(open ?? document.body).querySelectorAll(selector)]
      .filter((el) => !exempt(el) || el.tagName === 'INPUT')
      .filter((el) => el.closest('.osk') === null)
      .filter((el) => {
        const style = getComputedStyle(el)
        return style.visibility !== 'hidden' && style.opacity !== '0' && style.display !== 'none'
      })
      .map((el) => ({ el, rect: visibleRect(el) }))
      .filter((item): item is { el: Element; rect: NonNullable<typeof item.rect> } => !!item.rect)
    for (const { el } of items) {
      // Text wider than its own box runs into its neighbours, though the boxes do not overlap.
      if (el.tagName !== 'INPUT' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${describe(el)} runs out of its box: ${el.scrollWidth} > ${el.clientWidth}`)
      const full = el.getBoundingClientRect()
      if (full.left < -1 || full.right > width + 1)
        problems.push(`${describe(el)} is cut by the window: ${full.left}…${full.right}`)
    }
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!
        const b = items[j]!
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue
        // A label and the input it names may share a box.
        if (a.el instanceof HTMLLabelElement && a.el.control === b.el) continue
        if (b.el instanceof HTMLLabelElement && b.el.control === a.el) continue
        const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left)
        const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top)
        if (x > 2 && y > 2) problems.push(`${describe(a.el)} overlaps ${describe(b.el)}`)
      }
    }
    return problems
  })
}
