import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { db } from '../../../db'
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

/** Rows matching a search: every word of the query must appear. */
export function matchesSearch(row: SignatureRow, query: string): boolean {
  return matchesWords(row, searchWords(query))
}

const FIRST_PAGE = 60

/**
 * Every signature as a light row (strokes stay in their own table). The newest rows come first
 * from an index query so the table shows at once; the full set follows and stays live.
 */
export function useSignatureRows(): { rows: SignatureRow[]; complete: boolean } {
  const firstPage = useLiveQuery(
    async () =>
      (await db.signatures.orderBy('createdAt').reverse().limit(FIRST_PAGE).toArray()).map(toRow),
    [],
  )
  // The full read starts once the first page is on screen: at 100,000 rows its answer arrives in
  // one long task, which would otherwise hold back the frame that shows the first page.
  const [loadAll, setLoadAll] = useState(false)
  useEffect(() => {
    if (!firstPage || loadAll) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setLoadAll(true), 0)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [firstPage, loadAll])
  const all = useLiveQuery(
    async () => (loadAll ? (await db.signatures.toArray()).map(toRow) : undefined),
    [loadAll],
  )
  if (all) return { rows: all, complete: true }
  return { rows: firstPage ?? [], complete: false }
}
