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
import { useDeferredValue, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/settings'
import { ORGANISATION_TYPES } from '@shared/signature'
import { Dialog } from '../../../components/Dialog'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import { FILTER_ONLY_COLUMNS, signatureColumns } from './columns'
import { matchesWords, searchWords, useSignatureRows, type SignatureRow } from './signature-rows'
import { SignatureDetails } from './SignatureDetails'
import { filterRows, sortRows } from './row-order'
import { reprintCertificate } from './reprint'
import { withdrawSignature } from './withdraw'

interface Props {
  settings: PublicSettings
  /** Bulk actions on the selected rows (certificates, export), supplied by those features. */
  renderBulkActions?: (selected: SignatureRow[]) => ReactNode
}

const ROW_HEIGHT = 56
const SYNC_STATES = ['pending', 'synced', 'duplicate', 'rejected'] as const

/** Every signature: search, sort, filter, choose columns, select; only the visible rows are rendered. */
export function SignaturesTab({ settings, renderBulkActions }: Props) {
  const { t, i18n } = useTranslation()
  const { rows, complete } = useSignatureRows()
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
  // Sorted once per change of data or sorting, then filtered (by the search too): plain arrays,
  // see row-order.ts. The search text is folded into words once, not once per row.
  const sorted = useMemo(() => sortRows(rows, columns, sorting), [rows, columns, sorting])
  const words = useMemo(() => searchWords(deferredSearch), [deferredSearch])
  const matching = useMemo(
    () =>
      filterRows(
        sorted,
        columns,
        columnFilters,
        words.length ? (row) => matchesWords(row, words) : null,
      ),
    [sorted, columns, columnFilters, words],
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  // TanStack Table and Virtual return mutable instances read during render, by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: matching.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const padTop = items[0]?.start ?? 0
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  // TanStack Table keeps the columns and the table's state, and builds rows for the ones on screen.
  const onScreen = useMemo(() => items.map((item) => matching[item.index]!), [items, matching])
  const allMatchingSelected = matching.length > 0 && matching.every((row) => rowSelection[row.id])
  const selectMatching = (select: boolean) =>
    setRowSelection((previous) => {
      const next = { ...previous }
      for (const row of matching) {
        if (select) next[row.id] = true
        else delete next[row.id]
      }
      return next
    })
  const table = useReactTable({
    data: onScreen as SignatureRow[],
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
  const rowsOnScreen = table.getRowModel().rows
  // Once per change of rows or selection, not on every render (each keystroke renders twice).
  const selected = useMemo(() => rows.filter((row) => rowSelection[row.id]), [rows, rowSelection])
  const filterValue = (id: string) =>
    (table.getColumn(id)?.getFilterValue() as string | undefined) ?? ''
  const setFilter = (id: string, value: string) =>
    table.getColumn(id)?.setFilterValue(value || undefined)
  const days = useMemo(() => [...new Set(rows.map((r) => r.day))].sort().reverse(), [rows])
  const countryCodes = useMemo(() => [...new Set(rows.map((r) => r.country))].sort(), [rows])
  const countries = new Intl.DisplayNames([i18n.language], { type: 'region' })

  return (
    <div className="signatures">
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
          {complete
            ? matching.length === rows.length
              ? t('staff.table.results', { count: rows.length })
              : t('staff.table.resultsOf', { count: matching.length, total: rows.length })
            : t('staff.table.loading')}
        </p>
        {matching.length > 0 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setRowSelection(Object.fromEntries(matching.map((r) => [r.id, true])))}
          >
            {t('staff.table.selectAll', { count: matching.length })}
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
        <table className="data-table" aria-rowcount={matching.length + 1}>
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
            {items.map((item, i) => {
              const row = rowsOnScreen[i]!
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
        {complete && matching.length === 0 && (
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
          onReprint={() =>
            void reprintCertificate(db, details, settings.printerName !== '').then((ok) =>
              setNotice(
                ok
                  ? `${details.certificateNo}: ${t('staff.table.reprinted')}`
                  : t('thanks.printFailed'),
              ),
            )
          }
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
                (error: unknown) =>
                  setNotice(error instanceof Error ? error.message : String(error)),
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
