import './signatures.css'
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnFiltersState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/settings'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { FILTER_ONLY_COLUMNS, signatureColumns } from './columns'
import type { QueryStatus } from './query/client'
import type { SignatureQuery, WindowAnswer } from './query/engine'
import { useSignatureQueries } from './query/useSignatureQueries'
import type { SignatureRow } from './signature-rows'
import { SignatureDetails } from './SignatureDetails'
import { reprintCertificate } from './reprint'
import { useRowSelection, type SelectedRow } from './useRowSelection'
import { SignaturesToolbar } from './SignaturesToolbar'
import { WithdrawDialog } from './WithdrawDialog'

interface Props {
  settings: PublicSettings
  /** Bulk actions on the selected rows (certificates, export), supplied by those features. */
  renderBulkActions?: (selected: SelectedRow[]) => ReactNode
}

const ROW_HEIGHT = 56
/** Rows asked for at a time: the visible ones and some on either side. */
const WINDOW = 200
const WINDOW_BEFORE = 50

/** An answer, with the query and engine status it answers. */
interface Shown extends WindowAnswer {
  key: string
  status: QueryStatus
}

/**
 * Every signature: search, sort, filter, choose columns, select. The rows live in a query engine
 * (query/engine.ts) in a Web Worker, or on the page where no worker can start; this component
 * asks it for the rows on screen and renders only those.
 */
export function SignaturesTab({ settings, renderBulkActions }: Props) {
  const { t, i18n } = useTranslation()
  const { client, status } = useSignatureQueries()
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const [sorting, setSorting] = useState<SortingState>([{ id: 'time', desc: true }])
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([])
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(FILTER_ONLY_COLUMNS)
  const [details, setDetails] = useState<SignatureRow | null>(null)
  const [withdrawing, setWithdrawing] = useState<SignatureRow | null>(null)
  const [notice, setNotice] = useState('')

  const columns = useMemo(
    () => signatureColumns(t, i18n.language, { details: setDetails }),
    [t, i18n.language],
  )
  const query = useMemo<SignatureQuery>(
    () => ({
      search: deferredSearch,
      filters: Object.fromEntries(
        columnFilters.flatMap(({ id, value }) =>
          typeof value === 'string' && value ? [[id, value]] : [],
        ),
      ),
      sorting,
    }),
    [deferredSearch, columnFilters, sorting],
  )
  const queryKey = JSON.stringify(query)

  // The latest answer; older ones (an earlier query, or overtaken by scrolling) are dropped.
  const [shown, setShown] = useState<Shown | null>(null)
  const asked = useRef(0)
  // Before the rows are loaded the first view comes without counts: its rows are all there is.
  const matchingCount = shown ? (shown.matching ?? shown.offset + shown.rows.length) : 0
  const counted = shown !== null && shown.matching !== null && shown.total !== null

  const scrollRef = useRef<HTMLDivElement>(null)
  // TanStack Table and Virtual return mutable instances read during render, by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: matchingCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const padTop = items[0]?.start ?? 0
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const firstIndex = items[0]?.index ?? 0
  const lastIndex = items.at(-1)?.index ?? 0

  // Ask for the rows on screen whenever the query, the data or the visible range leaves the answer.
  useEffect(() => {
    const covered =
      shown !== null &&
      shown.key === queryKey &&
      shown.status === status &&
      firstIndex >= shown.offset &&
      (lastIndex < shown.offset + shown.rows.length ||
        shown.offset + shown.rows.length >= matchingCount)
    if (covered) return
    const id = ++asked.current
    client.query({ ...query, offset: Math.max(0, firstIndex - WINDOW_BEFORE), limit: WINDOW }).then(
      (answer) => {
        if (id === asked.current) setShown({ ...answer, key: queryKey, status })
      },
      (error: unknown) => {
        if (id === asked.current) setNotice(failureMessage(error))
      },
    )
  }, [client, status, query, queryKey, firstIndex, lastIndex, shown, matchingCount])

  const rowAt = useCallback(
    (index: number): SignatureRow | undefined =>
      shown && index >= shown.offset ? shown.rows[index - shown.offset] : undefined,
    [shown],
  )
  // TanStack Table keeps the columns and the table's state, and builds rows for the ones on screen.
  // The same array until those change: a new one each render would have TanStack reset its page
  // state at every render, which renders again.
  const onScreen = useMemo(() => items.flatMap((item) => rowAt(item.index) ?? []), [items, rowAt])

  const { rowSelection, setRowSelection, selected, allMatchingSelected, selectMatching } =
    useRowSelection({
      client,
      status,
      query,
      queryKey,
      matching: counted && shown?.key === queryKey ? matchingCount : null,
      onError: setNotice,
    })

  const table = useReactTable({
    data: onScreen,
    columns,
    state: { sorting, columnFilters, columnVisibility, rowSelection },
    getRowId: (row) => row.id,
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onColumnVisibilityChange: setColumnVisibility,
    onRowSelectionChange: setRowSelection,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    enableRowSelection: true,
    meta: { allMatchingSelected, selectMatching },
  })
  const tableRows = new Map(table.getRowModel().rows.map((row) => [row.id, row]))
  const visibleColumns = table.getVisibleLeafColumns().length

  return (
    <div
      className="signatures"
      data-transport={status.transport}
      data-rows-loaded={status.loaded ? 'true' : 'false'}
    >
      <SignaturesToolbar
        table={table}
        client={client}
        status={status}
        search={search}
        onSearch={setSearch}
      />
      <div className="signatures__status">
        <p role="status" className="signatures__count" data-testid="result-count">
          {shown && counted
            ? shown.matching === shown.total
              ? t('staff.table.results', { count: shown.total })
              : t('staff.table.resultsOf', { count: shown.matching, total: shown.total })
            : t('staff.table.loading')}
        </p>
        {counted && matchingCount > 0 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => selectMatching(true)}
          >
            {t('staff.table.selectAll', { count: matchingCount })}
          </button>
        )}
        {selected.length > 0 && (
          <>
            <span className="signatures__selected">
              {t('staff.table.selected', { count: selected.length })}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => setRowSelection({})}
            >
              {t('staff.table.clearSelection')}
            </button>
            {renderBulkActions?.(selected)}
          </>
        )}
        <p className="signatures__notice" role="status">
          {notice}
        </p>
      </div>
      <div ref={scrollRef} className="signatures__scroll">
        <table className="data-table" aria-rowcount={matchingCount + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    style={{ width: header.getSize() }}
                    aria-sort={
                      header.column.getIsSorted() === 'asc'
                        ? 'ascending'
                        : header.column.getIsSorted() === 'desc'
                          ? 'descending'
                          : undefined
                    }
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true">
                          {{ asc: ' ▲', desc: ' ▼' }[header.column.getIsSorted() as string] ?? ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: padTop }} />
              </tr>
            )}
            {items.map((item) => {
              const original = rowAt(item.index)
              const row = original && tableRows.get(original.id)
              if (!row) {
                // Not answered yet (a fast scroll): an empty line of the same height.
                return (
                  <tr key={`wait-${item.index}`} aria-hidden="true" style={{ height: ROW_HEIGHT }}>
                    <td colSpan={visibleColumns} />
                  </tr>
                )
              }
              return (
                <tr
                  key={row.id}
                  aria-rowindex={item.index + 2}
                  aria-selected={row.getIsSelected()}
                  style={{ height: ROW_HEIGHT }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              )
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {shown?.matching === 0 && (
          <p className="muted signatures__empty">{t('staff.table.empty')}</p>
        )}
      </div>
      {details && (
        <SignatureDetails
          row={details}
          onClose={() => setDetails(null)}
          onWithdraw={() => {
            setDetails(null)
            setWithdrawing(details)
          }}
          onReprint={async () => {
            const outcome = await reprintCertificate(db, details, settings.printerName !== '', api)
            const certificateNo = details.certificateNo
            if (!outcome.ok)
              return t('staff.table.reprintFailed', { certificateNo, message: outcome.message })
            const done = outcome.printer
              ? t('staff.table.reprinted', { certificateNo, printer: outcome.printer })
              : t('staff.table.reprintedPdf', { certificateNo })
            return outcome.notRecorded
              ? `${done} ${t('staff.table.reprintNotRecorded', { message: outcome.notRecorded })}`
              : done
          }}
        />
      )}
      <WithdrawDialog row={withdrawing} onClose={() => setWithdrawing(null)} onNotice={setNotice} />
    </div>
  )
}
