import './signatures.css'
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnFiltersState,
  type RowSelectionState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/settings'
import { ORGANISATION_TYPES } from '@shared/signature'
import { Dialog } from '../../../components/Dialog'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { FILTER_ONLY_COLUMNS, signatureColumns } from './columns'
import type { QueryStatus } from './query/client'
import type { Facets, SignatureQuery, WindowAnswer } from './query/engine'
import { useSignatureQueries } from './query/useSignatureQueries'
import type { SignatureRow } from './signature-rows'
import { SignatureDetails } from './SignatureDetails'
import { reprintCertificate } from './reprint'
import { withdrawSignature } from './withdraw'

interface Props {
  settings: PublicSettings
  /** Bulk actions on the selected rows (certificates, export), supplied by those features. */
  renderBulkActions?: (selected: SignatureRow[]) => ReactNode
}

const ROW_HEIGHT = 56
const SYNC_STATES = ['pending', 'synced', 'duplicate', 'rejected'] as const
/** Rows asked for at a time: the visible ones and some on either side. */
const WINDOW = 200
const WINDOW_BEFORE = 50
const NO_ROWS: SignatureRow[] = []
const NO_FACETS: Facets = { days: [], countries: [] }

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
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({})
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
      (error: unknown) => live && setNotice(failureMessage(error)),
    )
    return () => {
      live = false
    }
  }, [client, status, selectedIds, rowSelection, selectedRows])
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
    counted &&
    matchingCount > 0 &&
    selectedIds.length > 0 &&
    shown?.key === queryKey &&
    coverage?.selection === rowSelection &&
    coverage.key === queryKey &&
    coverage.count === matchingCount
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

  const [facets, setFacets] = useState<Facets>(NO_FACETS)
  useEffect(() => {
    let live = true
    void client.facets().then(
      (answer) => live && setFacets(answer),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, status])
  const filterValue = (id: string) =>
    (table.getColumn(id)?.getFilterValue() as string | undefined) ?? ''
  const setFilter = (id: string, value: string) =>
    table.getColumn(id)?.setFilterValue(value || undefined)
  const { days, countries: countryCodes } = facets
  const countries = new Intl.DisplayNames([i18n.language], { type: 'region' })

  return (
    <div
      className="signatures"
      data-transport={status.transport}
      data-rows-loaded={status.loaded ? 'true' : 'false'}
    >
      <div className="signatures__toolbar">
        <input
          type="search"
          className="field__input signatures__search"
          aria-label={t('staff.table.search')}
          placeholder={t('staff.table.search')}
          autoComplete="off"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <FilterSelect
          label={t('staff.table.day')}
          value={filterValue('day')}
          onChange={(v) => setFilter('day', v)}
          options={days.map((d) => [d, d])}
          anyLabel={t('staff.table.anyDay')}
        />
        <FilterSelect
          label={t('staff.table.capacity')}
          value={filterValue('capacity')}
          onChange={(v) => setFilter('capacity', v)}
          options={[
            ['individual', t('capacity.individual')],
            ['organisation', t('capacity.organisation')],
          ]}
          anyLabel={t('staff.table.any')}
        />
        <FilterSelect
          label={t('staff.table.type')}
          value={filterValue('type')}
          onChange={(v) => setFilter('type', v)}
          options={ORGANISATION_TYPES.map((type) => [type, t(`details.orgTypes.${type}`)])}
          anyLabel={t('staff.table.any')}
        />
        <FilterSelect
          label={t('staff.table.country')}
          value={filterValue('country')}
          onChange={(v) => setFilter('country', v)}
          options={countryCodes.map((c) => [c, countries.of(c) ?? c])}
          anyLabel={t('staff.table.any')}
        />
        <FilterSelect
          label={t('staff.table.syncState')}
          value={filterValue('sync')}
          onChange={(v) => setFilter('sync', v)}
          options={SYNC_STATES.map((s) => [s, t(`staff.table.sync.${s}`)])}
          anyLabel={t('staff.table.any')}
        />
        <details className="column-picker">
          <summary className="button button--small">{t('staff.table.columns')}</summary>
          <div className="column-picker__menu">
            {table
              .getAllLeafColumns()
              .filter((column) => column.getCanHide() && !(column.id in FILTER_ONLY_COLUMNS))
              .map((column) => (
                <label key={column.id} className="check">
                  <input
                    type="checkbox"
                    checked={column.getIsVisible()}
                    onChange={column.getToggleVisibilityHandler()}
                  />
                  <span>{String(column.columnDef.header)}</span>
                </label>
              ))}
          </div>
        </details>
      </div>
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
            onClick={() =>
              void client
                .matchingIds(query)
                .then((ids) => setRowSelection(Object.fromEntries(ids.map((id) => [id, true]))))
            }
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
      <Dialog
        open={withdrawing !== null}
        role="alertdialog"
        title={t('staff.withdraw.title', { certificateNo: withdrawing?.certificateNo ?? '' })}
        onClose={() => setWithdrawing(null)}
      >
        <p>{t('staff.withdraw.body')}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setWithdrawing(null)}>
            {t('staff.withdraw.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger-solid"
            onClick={() => {
              const row = withdrawing
              setWithdrawing(null)
              if (!row) return
              void withdrawSignature(db, api, row.id).then(
                ({ certificateNo }) => setNotice(t('staff.withdraw.done', { certificateNo })),
                (error: unknown) => setNotice(failureMessage(error)),
              )
            }}
          >
            {t('staff.withdraw.confirm')}
          </button>
        </div>
      </Dialog>
    </div>
  )
}

function FilterSelect(props: {
  label: string
  value: string
  anyLabel: string
  options: [string, string][]
  onChange: (value: string) => void
}) {
  const id = useId()
  return (
    <div className="filter">
      <label className="filter__label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        className="filter__select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}
