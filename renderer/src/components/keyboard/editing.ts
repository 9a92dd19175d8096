import type { FieldKind } from './layouts'

/** What the keyboard reads from the focused field just before an edit; never kept afterwards. */
export interface FieldState {
  value: string
  /** Caret or selection, in UTF-16 code units; null where the browser hides it (email fields). */
  selectionStart: number | null
  selectionEnd: number | null
  /** The field's maxLength, or a negative number when it has none (as the DOM reports it). */
  maxLength: number
}

export type Edit = { type: 'insert'; text: string } | { type: 'backspace' }

export interface EditResult {
  value: string
  /** Where the caret goes after the edit. */
  caret: number
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max)
}

/** The selection as an ordered, in-range pair; a field without one types at its end. */
function selectionOf(state: FieldState): [number, number] {
  const length = state.value.length
  const start = clamp(state.selectionStart ?? length, 0, length)
  const end = clamp(state.selectionEnd ?? start, 0, length)
  return start <= end ? [start, end] : [end, start]
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** The longest prefix of `text` at most `room` code units long that does not split a character. */
function truncate(text: string, room: number): string {
  if (text.length <= room) return text
  let cut = Math.max(room, 0)
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1
  return text.slice(0, cut)
}

/**
 * Applies one key press to a field's value the way the browser would for a typed key: text
 * replaces the selection at the caret, is cut to what maxLength leaves room for, and backspace
 * deletes the selection or the one character before the caret. Returns null when nothing
 * changes (full field, backspace at the start), so no input event is sent.
 */
export function applyEdit(state: FieldState, edit: Edit): EditResult | null {
  const [start, end] = selectionOf(state)
  const before = state.value.slice(0, start)
  const after = state.value.slice(end)

  if (edit.type === 'backspace') {
    if (start !== end) return { value: before + after, caret: start }
    if (start === 0) return null
    let cut = start - 1
    if (cut > 0 && isLowSurrogate(state.value.charCodeAt(cut))) {
      if (isHighSurrogate(state.value.charCodeAt(cut - 1))) cut -= 1
    }
    return { value: state.value.slice(0, cut) + after, caret: cut }
  }

  const kept = before.length + after.length
  const room = state.maxLength >= 0 ? state.maxLength - kept : Number.POSITIVE_INFINITY
  const text = truncate(edit.text, room)
  if (text === '' && start === end) return null
  return { value: before + text + after, caret: start + text.length }
}

/** The kind of a focusable element as the keyboard sees it, or null if it takes no typing. */
export function textFieldKind(element: {
  tagName: string
  type?: string
  readOnly?: boolean
  disabled?: boolean
}): FieldKind | null {
  if (element.readOnly || element.disabled) return null
  const tag = element.tagName.toUpperCase()
  if (tag === 'TEXTAREA') return 'textarea'
  if (tag !== 'INPUT') return null
  const type = (element.type ?? 'text').toLowerCase()
  if (type === 'text' || type === 'search' || type === 'email' || type === 'tel') return type
  return null
}

/**
 * Whether the next letter should be a capital, following the field's `autocapitalize` hint
 * (default: the first letter of the field, and of each sentence). Email and phone fields never.
 */
export function shouldAutoShift(
  field: FieldKind,
  value: string,
  caret: number | null,
  autocapitalize: string,
): boolean {
  if (field === 'email' || field === 'tel') return false
  const hint = autocapitalize.toLowerCase()
  if (hint === 'none' || hint === 'off') return false
  if (hint === 'characters') return true
  const before = value.slice(0, caret ?? value.length)
  if (before.trim() === '') return true
  if (hint === 'words') return /[\s\-–—]$/u.test(before)
  return /[.!?¡¿]\s+$/u.test(before)
}
