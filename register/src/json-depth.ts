/** Deepest nesting of arrays and objects a request body may have; a batch needs 5. */
export const MAX_JSON_DEPTH = 32

/**
 * Whether JSON text nests arrays/objects deeper than `limit`, found by one pass over the
 * characters (no recursion), so a body 100,000 levels deep is refused before anything walks it.
 * Brackets inside strings do not count. Malformed text is left to the JSON parser.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }
  return false
}
