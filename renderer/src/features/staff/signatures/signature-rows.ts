import { foldForSearch } from '@shared/normalise'
import type { StoredSignature } from '../../../db/schema'

/** A table row: the stored signature (no strokes) plus folded texts to search in and sort by. */
export interface SignatureRow extends StoredSignature {
  searchText: string
  /**
   * Last and first name, folded: the Name column's sort key, made once per row rather than at
   * every sort (building and lowercasing 100,000 names took most of a sort's time).
   */
  nameKey: string
}

export function toRow(record: StoredSignature): SignatureRow {
  // Folded field by field (folding keeps the spaces between them): the names serve both texts.
  const first = foldForSearch(record.firstName)
  const last = foldForSearch(record.lastName)
  const rest = foldForSearch(
    [
      record.organisationName ?? '',
      record.role ?? '',
      record.email ?? '',
      record.certificateNo,
      record.city ?? '',
      record.paperRef ?? '',
    ].join(' '),
  )
  return { ...record, searchText: `${first} ${last} ${rest}`, nameKey: `${last} ${first}` }
}

/** The words of a search, folded like the rows' search text. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean)
}

/** Whether a row has every one of the (folded) words. */
export function matchesWords(row: SignatureRow, words: readonly string[]): boolean {
  return words.every((word) => row.searchText.includes(word))
}
