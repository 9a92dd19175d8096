import type { RowSelectionState } from '@tanstack/react-table'
import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react'
import { failureMessage } from '../../../lib/failure-message'
import type { QueryStatus, SignatureQueryClient } from './query/client'
import type { RowRefs, SignatureQuery } from './query/engine'
import type { SignatureRow } from './signature-rows'

/** What the bulk actions need of a selected row. */
export type SelectedRow = Pick<SignatureRow, 'id' | 'certificateNo'>

const NO_ROWS: SelectedRow[] = []

function byIdOf(refs: RowRefs, into = new Map<string, SelectedRow>()): Map<string, SelectedRow> {
  refs.ids.forEach((id, i) => into.set(id, { id, certificateNo: refs.certificateNos[i]! }))
  return into
}

/**
 * The table's selection, kept as ids: the rows it holds (id and certificate number, for the bulk
 * actions, from the engine), whether it holds every row matching the query (the header's
 * checkbox), and the one select-all (or unselect-all) of the matching rows.
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
  selected: SelectedRow[]
  allMatchingSelected: boolean
  selectMatching: (select: boolean) => void
} {
  const { client, status, query, queryKey, matching, onError } = options
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({})
  const selectedIds = useMemo(() => Object.keys(rowSelection), [rowSelection])
  // Rows of the selection, kept by id: a changed selection asks only for the rows it adds; a
  // change of the data (a new status) asks for them all again. Select all brings its own.
  const [selectedRows, setSelectedRows] = useState<{
    selection: RowSelectionState
    status: QueryStatus
    byId: Map<string, SelectedRow>
  } | null>(null)
  useEffect(() => {
    if (selectedIds.length === 0) return
    if (selectedRows?.selection === rowSelection && selectedRows.status === status) return
    const known = selectedRows?.status === status ? selectedRows.byId : null
    const missing = known ? selectedIds.filter((id) => !known.has(id)) : selectedIds
    let live = true
    void client.refsByIds(missing).then(
      (refs) => {
        if (!live) return
        const byId = new Map<string, SelectedRow>()
        for (const id of selectedIds) {
          const row = known?.get(id)
          if (row) byId.set(id, row)
        }
        setSelectedRows({ selection: rowSelection, status, byId: byIdOf(refs, byId) })
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
    status: QueryStatus
    count: number
  } | null>(null)
  useEffect(() => {
    if (selectedIds.length === 0) return
    if (
      coverage?.selection === rowSelection &&
      coverage.key === queryKey &&
      coverage.status === status
    )
      return
    let live = true
    void client.countMatching(query, selectedIds).then(
      (count) => live && setCoverage({ selection: rowSelection, key: queryKey, status, count }),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, status, selectedIds, rowSelection, query, queryKey, coverage])
  const allMatchingSelected =
    matching !== null &&
    matching > 0 &&
    selectedIds.length > 0 &&
    coverage?.selection === rowSelection &&
    coverage.key === queryKey &&
    coverage.count === matching
  const selectMatching = (select: boolean) =>
    void client.matchingRefs(query).then(
      (refs) => {
        const next: RowSelectionState = select ? { ...rowSelection } : {}
        if (select) for (const id of refs.ids) next[id] = true
        else {
          const dropped = new Set(refs.ids)
          for (const id of selectedIds) if (!dropped.has(id)) next[id] = true
        }
        setRowSelection(next)
        // What select all knows already: the rows' certificate numbers, and how many match.
        const byId = new Map(selectedRows?.status === status ? selectedRows.byId : [])
        setSelectedRows({
          selection: next,
          status,
          byId: select ? byIdOf(refs, byId) : byId,
        })
        const covered = select ? refs.ids.length : 0
        setCoverage({ selection: next, key: queryKey, status, count: covered })
      },
      (error: unknown) => onError(failureMessage(error)),
    )

  return { rowSelection, setRowSelection, selected, allMatchingSelected, selectMatching }
}
