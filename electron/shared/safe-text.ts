import { z } from 'zod'

/**
 * Whether a string holds no control character (C0, DEL, C1) and no unpaired surrogate. Control
 * characters are never part of a name or a place, and U+0000 is refused by PostgreSQL's jsonb
 * (one such record used to fail its whole batch with a 500); an unpaired surrogate cannot be
 * encoded as UTF-8, so neither a database nor a PDF font can store it.
 */
export function isSafeText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return false
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++ // the pair is one character
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false
    }
  }
  return true
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
