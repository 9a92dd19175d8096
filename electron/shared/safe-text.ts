import { z } from 'zod'

// C0 controls, DEL and C1 controls: never part of a name or a place, and U+0000 is refused by
// PostgreSQL's jsonb (one such record used to fail its whole batch with a 500).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
// A high surrogate not followed by a low one, or a low one not preceded by a high one: not
// encodable as UTF-8, so neither a database nor a PDF font can store it.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Whether a string holds no control character (C0, DEL, C1) and no unpaired surrogate. */
export function isSafeText(value: string): boolean {
  return !CONTROL.test(value) && !UNPAIRED_SURROGATE.test(value)
}

export const UNSAFE_TEXT_MESSAGE = 'must not contain control characters or broken Unicode'

/**
 * A text field a person typed: trimmed, 1…max characters, and only characters every store and
 * printer can keep. Every free-text field of a shared schema uses this, so the visitor form, the
 * host API, the journal and the register refuse the same inputs.
 */
export function safeText(max: number) {
  return z.string().trim().min(1).max(max).refine(isSafeText, UNSAFE_TEXT_MESSAGE)
}
