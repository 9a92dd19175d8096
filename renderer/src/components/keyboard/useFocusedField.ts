import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react'
import { asTextField, fieldKindOf, type TextField } from './fieldDom'
import type { FieldKind } from './layouts'

/** What the keyboard does when the focused field changes. */
export interface FocusEvents {
  /** A different text field got focus. */
  onNewField: (field: TextField, kind: FieldKind) => void
  /** The accents popup must close (focus moved, or a press outside it). */
  closePopup: () => void
  /** The focused field's text changed, typed here or on a physical keyboard. */
  onInput: (field: TextField) => void
}

/**
 * Follows focus through the whole document: the text field the keyboard types into, or null
 * when focus went elsewhere. Keeps an element reference only, never its text.
 */
export function useFocusedField(
  rootRef: RefObject<HTMLElement | null>,
  popupRef: RefObject<HTMLElement | null>,
  events: FocusEvents,
) {
  const [field, setField] = useState<TextField | null>(null)
  const [kind, setKind] = useState<FieldKind>('text')
  const [dismissed, setDismissed] = useState(false)
  /** The focused field, for the document listeners. */
  const fieldRef = useRef<TextField | null>(null)
  const onNewField = useEffectEvent(events.onNewField)
  const closePopup = useEffectEvent(events.closePopup)
  const onInputOf = useEffectEvent(events.onInput)

  useEffect(() => {
    let pointerIsDown = false
    let closeAfterPointer = false
    let closeTimer = 0

    const open = (element: TextField) => {
      closeAfterPointer = false
      window.clearTimeout(closeTimer)
      if (fieldRef.current !== element) {
        fieldRef.current = element
        const nextKind = fieldKindOf(element)
        setField(element)
        setKind(nextKind)
        onNewField(element, nextKind)
      }
      setDismissed(false)
      closePopup()
    }
    const closeIfFocusLeft = () => {
      const active = document.activeElement
      if (asTextField(active) || rootRef.current?.contains(active)) return
      fieldRef.current = null
      setField(null)
      closePopup()
      setDismissed(false)
    }
    const scheduleClose = () => {
      // A mouse press on a button moves focus on mousedown, but the click comes on mouseup:
      // hiding the keyboard in between would move the page under the pointer and lose the click.
      if (pointerIsDown) {
        closeAfterPointer = true
        return
      }
      window.clearTimeout(closeTimer)
      closeTimer = window.setTimeout(closeIfFocusLeft, 0)
    }
    const onFocusIn = (event: FocusEvent) => {
      const element = asTextField(event.target)
      if (element) open(element)
      else if (!rootRef.current?.contains(event.target as Node | null)) scheduleClose()
    }
    const onPointerDown = (event: PointerEvent) => {
      pointerIsDown = true
      // A press anywhere but on the accents popup closes it (and still counts as a press).
      if (!popupRef.current?.contains(event.target as Node | null)) closePopup()
      // Tapping the focused field again brings back a keyboard the visitor hid.
      const element = asTextField(event.target)
      if (element && element === document.activeElement) open(element)
    }
    const onPointerUp = () => {
      pointerIsDown = false
      if (!closeAfterPointer) return
      closeAfterPointer = false
      window.clearTimeout(closeTimer)
      closeTimer = window.setTimeout(closeIfFocusLeft, 0)
    }
    const onInput = (event: Event) => {
      const element = fieldRef.current
      if (element && event.target === element) onInputOf(element)
    }

    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('focusout', scheduleClose)
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('pointerup', onPointerUp, true)
    document.addEventListener('pointercancel', onPointerUp, true)
    document.addEventListener('input', onInput)
    return () => {
      document.removeEventListener('focusin', onFocusIn)
      document.removeEventListener('focusout', scheduleClose)
      document.removeEventListener('pointerdown', onPointerDown, true)
      document.removeEventListener('pointerup', onPointerUp, true)
      document.removeEventListener('pointercancel', onPointerUp, true)
      document.removeEventListener('input', onInput)
      window.clearTimeout(closeTimer)
      fieldRef.current = null
    }
  }, [rootRef, popupRef])

  /** The field to type into, if it is still in the document (else the keyboard closes). */
  const currentField = (): TextField | null => {
    const element = fieldRef.current
    if (element?.isConnected) return element
    fieldRef.current = null
    setField(null)
    return null
  }

  return { field, kind, dismissed, setDismissed, currentField }
}
