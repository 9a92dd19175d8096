/**
 * The visitor's display choices (text size, high contrast): what browser zoom would give them on a
 * kiosk that blocks zoom. One visitor's choice, so it lives here and is reset with their traces.
 */

export const TEXT_SIZES = ['standard', 'large', 'largest'] as const
export type TextSize = (typeof TEXT_SIZES)[number]

/** The factor each text size puts on the root font size (every visitor style is in rem). */
export const TEXT_SCALE: Record<TextSize, number> = { standard: 1, large: 1.25, largest: 1.5 }

export interface DisplayOptions {
  textSize: TextSize
  highContrast: boolean
}

export const DEFAULT_DISPLAY: DisplayOptions = { textSize: 'standard', highContrast: false }

export function isDefaultDisplay(options: DisplayOptions): boolean {
  return (
    options.textSize === DEFAULT_DISPLAY.textSize &&
    options.highContrast === DEFAULT_DISPLAY.highContrast
  )
}

export interface DisplayStore {
  get(): DisplayOptions
  set(patch: Partial<DisplayOptions>): void
  reset(): void
  /** Calls `listener` after every change; answers a function that stops it. */
  subscribe(listener: () => void): () => void
}

export function createDisplayStore(): DisplayStore {
  let current = DEFAULT_DISPLAY
  const listeners = new Set<() => void>()
  const replace = (next: DisplayOptions) => {
    if (next.textSize === current.textSize && next.highContrast === current.highContrast) return
    current = next
    for (const listener of listeners) listener()
  }
  return {
    get: () => current,
    set: (patch) => replace({ ...current, ...patch }),
    reset: () => replace(DEFAULT_DISPLAY),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The page's one store: the control writes it, the root element shows it, the wipe resets it. */
export const displayStore = createDisplayStore()

/** The attributes tokens.css keys on; none while `options` is null (the staff screens). */
export function displayAttributes(options: DisplayOptions | null): Record<string, string | null> {
  return {
    'data-text-size': options && options.textSize !== 'standard' ? options.textSize : null,
    'data-contrast': options?.highContrast ? 'high' : null,
  }
}

type Root = Pick<HTMLElement, 'setAttribute' | 'removeAttribute'> & {
  style: Pick<CSSStyleDeclaration, 'setProperty' | 'removeProperty'>
}

/** Puts `options` on `root` (the <html>, so every rem follows the text size). */
export function applyDisplay(root: Root, options: DisplayOptions | null): void {
  for (const [name, value] of Object.entries(displayAttributes(options))) {
    if (value === null) root.removeAttribute(name)
    else root.setAttribute(name, value)
  }
  if (options && options.textSize !== 'standard')
    root.style.setProperty('--text-scale', String(TEXT_SCALE[options.textSize]))
  else root.style.removeProperty('--text-scale')
}
