import type { StoredSignature } from '../../../db/schema'

/** A table row: the stored signature (no strokes) plus a folded text to search in. */
export interface SignatureRow extends StoredSignature {
  searchText: string
}

/** Lowercase without accents, so "lukasz" finds Łukasz and "ile de france" finds Île-de-France. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
}

export function toRow(record: StoredSignature): SignatureRow {
  const searchText = fold(
    [
      record.firstName,
      record.lastName,
      record.organisationName ?? '',
      record.role ?? '',
      record.email ?? '',
      record.certificateNo,
      record.city ?? '',
      record.paperRef ?? '',
    ].join(' '),
  )
  return { ...record, searchText }
}

/** The words of a search, folded like the rows' search text. */
export function searchWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean)
}

/** Whether a row has every one of the (folded) words. */
export function matchesWords(row: SignatureRow, words: readonly string[]): boolean {
  return words.every((word) => row.searchText.includes(word))
}
