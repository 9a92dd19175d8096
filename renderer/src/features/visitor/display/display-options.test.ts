import { describe, expect, it } from 'vitest'
import {
  applyDisplay,
  createDisplayStore,
  DEFAULT_DISPLAY,
  isDefaultDisplay,
} from './display-options'

/** A stand-in for <html> that records its attributes and style properties. */
function fakeRoot() {
  const attributes = new Map<string, string>()
  const style = new Map<string, string>()
  return {
    attributes,
    styleProps: style,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
    style: {
      setProperty: (name: string, value: string | null) => void style.set(name, value ?? ''),
      removeProperty: (name: string) => {
        const old = style.get(name) ?? ''
        style.delete(name)
        return old
      },
    },
  }
}

describe('display store', () => {
  it('starts at the defaults, changes on set and tells its listeners once per change', () => {
    const store = createDisplayStore()
    const calls: string[] = []
    store.subscribe(() => calls.push(store.get().textSize))
    expect(store.get()).toEqual(DEFAULT_DISPLAY)
    store.set({ textSize: 'largest' })
    store.set({ textSize: 'largest' })
    store.set({ highContrast: true })
    expect(store.get()).toEqual({ textSize: 'largest', highContrast: true })
    expect(isDefaultDisplay(store.get())).toBe(false)
    expect(calls).toEqual(['largest', 'largest'])
  })

  it('reset brings back the defaults, and a listener that unsubscribed hears nothing', () => {
    const store = createDisplayStore()
    let heard = 0
    const stop = store.subscribe(() => heard++)
    store.set({ textSize: 'large', highContrast: true })
    store.reset()
    expect(isDefaultDisplay(store.get())).toBe(true)
    stop()
    store.set({ highContrast: true })
    expect(heard).toBe(2)
  })
})

describe('applyDisplay', () => {
  it('marks the root with the size, its scale and high contrast', () => {
    const root = fakeRoot()
    applyDisplay(root, { textSize: 'largest', highContrast: true })
    expect(Object.fromEntries(root.attributes)).toEqual({
      'data-text-size': 'largest',
      'data-contrast': 'high',
    })
    expect(root.styleProps.get('--text-scale')).toBe('1.5')
    applyDisplay(root, { textSize: 'large', highContrast: false })
    expect(Object.fromEntries(root.attributes)).toEqual({ 'data-text-size': 'large' })
    expect(root.styleProps.get('--text-scale')).toBe('1.25')
  })

  it('clears everything for the defaults and for screens that are not the visitor’s', () => {
    const root = fakeRoot()
    applyDisplay(root, { textSize: 'largest', highContrast: true })
    applyDisplay(root, null)
    expect(root.attributes.size).toBe(0)
    expect(root.styleProps.size).toBe(0)
    applyDisplay(root, { textSize: 'large', highContrast: true })
    applyDisplay(root, DEFAULT_DISPLAY)
    expect(root.attributes.size).toBe(0)
    expect(root.styleProps.size).toBe(0)
  })
})
