import { foldForSearch } from '@shared/normalise'
import type { StoredSignature } from '../../../db/schema'

/** A table row: the stored signature (no strokes) plus a folded text to search in. */
export interface SignatureRow extends StoredSignature {
  searchText: string
}

export function toRow(record: StoredSignature): SignatureRow {
  const searchText = foldForSearch(
    [
      record.firstName,
      record.lastName,
      record.organisationName ?? '',
      record.role ?? '',
      record.email ?? '',
      record.certificateNo,
      record.city ?? '',
    ].join(' '),
  )
  return { ...record, searchText }
}

/** The words of a search, folded like the rows' search text. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean)
}

/** Whether a row has every one of the (folded) words. */
export function matchesWords(row: SignatureRow, words: readonly string[]): boolean {
  return words.every((word) => row.searchText.includes(word))
}
