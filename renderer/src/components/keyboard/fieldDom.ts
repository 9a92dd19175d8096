import { applyEdit, textFieldKind, type Edit } from './editing'
import type { FieldKind } from './layouts'

export type TextField = HTMLInputElement | HTMLTextAreaElement

/** The element as a field the keyboard types into, or null (buttons, checkboxes, read-only…). */
export function asTextField(target: EventTarget | null): TextField | null {
  if (!(target instanceof HTMLInputElement) && !(target instanceof HTMLTextAreaElement)) return null
  return textFieldKind(target) ? target : null
}

/** The layout a field asks for: its type, refined by an `inputmode` hint. */
export function fieldKindOf(field: TextField): FieldKind {
  const mode = field.inputMode.toLowerCase()
  if (mode === 'email') return 'email'
  if (mode === 'tel' || mode === 'numeric' || mode === 'decimal') return 'tel'
  return textFieldKind(field) ?? 'text'
}

/** The selection of a field; email fields hide theirs (null), so the keyboard types at the end. */
function selectionOf(field: TextField): [number | null, number | null] {
  try {
    return [field.selectionStart, field.selectionEnd]
  } catch {
    return [null, null]
  }
}

/**
 * Types into a field as a keystroke would: the edit is applied at the caret, written through the
 * prototype's value setter (a plain `field.value =` is invisible to React's change tracking) and
 * announced with a bubbling `input` event, which React's onChange and react-hook-form listen to.
 * Returns whether the value changed.
 */
export function editField(field: TextField, edit: Edit): boolean {
  const [selectionStart, selectionEnd] = selectionOf(field)
  const result = applyEdit(
    { value: field.value, selectionStart, selectionEnd, maxLength: field.maxLength },
    edit,
  )
  if (!result) return false
  const prototype =
    field instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype
  const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')?.set
  if (!setValue) return false
  setValue.call(field, result.value)
  if (selectionStart !== null) {
    try {
      field.setSelectionRange(result.caret, result.caret)
    } catch {
      // Field types without a selection API keep the caret at the end, where we typed.
    }
  }
  field.dispatchEvent(
    new InputEvent('input', {
      bubbles: true,
      inputType: edit.type === 'insert' ? 'insertText' : 'deleteContentBackward',
      data: edit.type === 'insert' ? edit.text : null,
    }),
  )
  return true
}

/**
 * The next field the keyboard types into, in document order within the field's form (or its
 * dialog, or the page), as a phone keyboard's "next" does: buttons, pickers and checkboxes are left to a tap.
 */
export function nextField(field: TextField): TextField | null {
  // A dialog first: its fields may sit in the DOM inside a form of the page behind it.
  const dialog = openDialogOf(field)
  const scope: Element[] =
    field.form && !dialog
      ? Array.from(field.form.elements)
      : Array.from((dialog ?? document).querySelectorAll('input, textarea'))
  const reachable = scope
    .map((element) => asTextField(element))
    .filter(
      (candidate): candidate is TextField =>
        candidate === field ||
        (candidate !== null && candidate.tabIndex >= 0 && candidate.getClientRects().length > 0),
    )
  const index = reachable.indexOf(field)
  return index >= 0 ? (reachable[index + 1] ?? null) : null
}

/**
 * The open <dialog> the field is in, or null. A modal dialog makes the rest of the page inert, so
 * the keyboard has to be inside it to be tapped, and "next" must not lead out of it.
 */
export function openDialogOf(field: TextField): HTMLDialogElement | null {
  const dialog = field.closest('dialog')
  return dialog?.open ? dialog : null
}

/**
 * The form the enter key submits: the field's own, unless the field is in a dialog and the form
 * is the page's behind it (the country search must not send the details form).
 */
export function submittableFormOf(field: TextField): HTMLFormElement | null {
  const dialog = openDialogOf(field)
  const form = field.form
  return form && (!dialog || dialog.contains(form)) ? form : null
}

/** What the enter key does in this field. */
export type EnterKind = 'newline' | 'next' | 'done'

export function enterKindOf(field: TextField): EnterKind {
  if (field instanceof HTMLTextAreaElement) return 'newline'
  return nextField(field) ? 'next' : 'done'
}

/** Whether the whole field is on screen: above the keys and inside every clipping ancestor. */
function fullyVisible(field: TextField, keyboardTop: number, margin: number): boolean {
  const rect = field.getBoundingClientRect()
  if (rect.top < 0 || rect.bottom > keyboardTop - margin) return false
  for (let node = field.parentElement; node; node = node.parentElement) {
    if (getComputedStyle(node).overflowY === 'visible') continue
    const clip = node.getBoundingClientRect()
    if (rect.top < clip.top || rect.bottom > clip.bottom) return false
  }
  return true
}

/**
 * Brings the focused field into view above the keyboard. Screens that shrink by
 * `var(--osk-height)` only need their scroll container scrolled; for screens the keys overlap,
 * the field's scroll containers are then scrolled on until it clears the keys.
 */
export function revealAboveKeyboard(field: TextField, keyboardHeight: number): void {
  const margin = 16
  const keyboardTop = window.innerHeight - keyboardHeight
  if (fullyVisible(field, keyboardTop, margin)) return
  field.scrollIntoView({ block: 'center', inline: 'nearest' })
  let delta = field.getBoundingClientRect().bottom - (keyboardTop - margin)
  for (let node = field.parentElement; node && delta >= 1; node = node.parentElement) {
    if (!/(auto|scroll)/.test(getComputedStyle(node).overflowY)) continue
    const before = node.scrollTop
    node.scrollTop = before + delta
    delta -= node.scrollTop - before
  }
}
