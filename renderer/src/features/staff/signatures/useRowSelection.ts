import type { RowSelectionState } from '@tanstack/react-table'
import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react'
import { failureMessage } from '../../../lib/failure-message'
import type { QueryStatus, SignatureQueryClient } from './query/client'
import type { SignatureQuery } from './query/engine'
import type { SignatureRow } from './signature-rows'

const NO_ROWS: SignatureRow[] = []

/**
 * The table's selection, kept as ids: the rows it holds (for the bulk actions, fetched from the
 * engine), whether it holds every row matching the query (the header's checkbox), and the one
 * select-all (or unselect-all) of the matching rows.
 */
export function useRowSelection(options: {
  client: SignatureQueryClient
  status: QueryStatus
  query: SignatureQuery
  queryKey: string
  /** How many rows match the query, when the engine has counted them (null before). */
  matching: number | null
  onError: (message: string) => void
}): {
  rowSelection: RowSelectionState
  setRowSelection: Dispatch<SetStateAction<RowSelectionState>>
  selected: SignatureRow[]
  allMatchingSelected: boolean
  selectMatching: (select: boolean) => void
} {
  const { client, status, query, queryKey, matching, onError } = options
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({})
  // The selection is kept as ids; the engine gives its rows (for the bulk actions) and tells
  // whether it holds every matching row (the header's checkbox).
  const selectedIds = useMemo(() => Object.keys(rowSelection), [rowSelection])
  // Rows of the selection, kept by id: a changed selection asks only for the rows it adds; a
  // change of the data (a new status) asks for them all again.
  const [selectedRows, setSelectedRows] = useState<{
    selection: RowSelectionState
    status: QueryStatus
    byId: Map<string, SignatureRow>
  } | null>(null)
  useEffect(() => {
    if (selectedIds.length === 0) return
    if (selectedRows?.selection === rowSelection && selectedRows.status === status) return
    const known = selectedRows?.status === status ? selectedRows.byId : null
    const missing = known ? selectedIds.filter((id) => !known.has(id)) : selectedIds
    let live = true
    void client.rowsByIds(missing).then(
      (rows) => {
        if (!live) return
        const byId = new Map<string, SignatureRow>()
        for (const id of selectedIds) {
          const row = known?.get(id)
          if (row) byId.set(id, row)
        }
        for (const row of rows) byId.set(row.id, row)
        setSelectedRows({ selection: rowSelection, status, byId })
      },
      (error: unknown) => live && onError(failureMessage(error)),
    )
    return () => {
      live = false
    }
  }, [client, status, selectedIds, rowSelection, selectedRows, onError])
  // Only rows still selected: an unticked row leaves the bulk actions at once, and the actions'
  // counts are always the rows they act on (rows just ticked join when the engine has sent them).
  const selected = useMemo(() => {
    if (selectedIds.length === 0 || !selectedRows) return NO_ROWS
    return selectedIds.flatMap((id) => selectedRows.byId.get(id) ?? [])
  }, [selectedIds, selectedRows])
  const [coverage, setCoverage] = useState<{
    selection: RowSelectionState
    key: string
    count: number
  } | null>(null)
  useEffect(() => {
    if (selectedIds.length === 0) return
    let live = true
    void client.countMatching(query, selectedIds).then(
      (count) => live && setCoverage({ selection: rowSelection, key: queryKey, count }),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, status, selectedIds, rowSelection, query, queryKey])
  const allMatchingSelected =
    matching !== null &&
    matching > 0 &&
    selectedIds.length > 0 &&
    coverage?.selection === rowSelection &&
    coverage.key === queryKey &&
    coverage.count === matching
  const selectMatching = (select: boolean) =>
    void client.matchingIds(query).then((ids) =>
      setRowSelection((previous) => {
        const next = { ...previous }
        for (const id of ids) {
          if (select) next[id] = true
          else delete next[id]
        }
        return next
      }),
    )

  return { rowSelection, setRowSelection, selected, allMatchingSelected, selectMatching }
}
