import type { ColumnDef, RowData } from '@tanstack/react-table'
import type { TFunction } from 'i18next'
import { consentWords } from './consent-words'
import { ROW_COLUMNS } from './query/row-columns'
import type { SignatureRow } from './signature-rows'

declare module '@tanstack/react-table' {
  // The table is given only the rows on screen; "all" means every row matching the filters.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    allMatchingSelected: boolean
    selectMatching: (select: boolean) => void
  }
}

export interface RowActions {
  /** Opens the signature; reprint and withdraw are offered there. */
  details: (row: SignatureRow) => void
}

const equals = (row: { getValue: (id: string) => unknown }, id: string, value: unknown) =>
  value === undefined || value === '' || row.getValue(id) === value

/**
 * The signatures table's columns, in the order staff read them. What each reads and how it sorts
 * comes from query/row-columns.ts, shared with the query engine that sorts and filters (see
 * row-order.ts); these add the headers, sizes and cells.
 */
export function signatureColumns(
  t: TFunction,
  language: string,
  actions: RowActions,
): ColumnDef<SignatureRow>[] {
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' })
  const countries = new Intl.DisplayNames([language], { type: 'region' })
  return [
    {
      ...ROW_COLUMNS.select,
      size: 56,
      header: ({ table }) => (
        <input
          type="checkbox"
          className="table-check"
          aria-label={t('staff.table.col.select')}
          checked={table.options.meta?.allMatchingSelected ?? false}
          onChange={(event) => table.options.meta?.selectMatching(event.target.checked)}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="table-check"
          aria-label={`${t('staff.table.col.select')} ${row.original.certificateNo}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    },
    {
      ...ROW_COLUMNS.actions,
      header: () => <span className="sr-only">{t('staff.table.col.actions')}</span>,
      size: 110,
      cell: ({ row }) => (
        <button
          type="button"
          className="button button--small"
          aria-label={`${t('staff.table.details')} ${row.original.certificateNo}`}
          onClick={() => actions.details(row.original)}
        >
          {t('staff.table.details')}
        </button>
      ),
    },
    {
      ...ROW_COLUMNS.time,
      header: t('staff.table.col.time'),
      size: 150,
      cell: ({ getValue }) => time.format(new Date(getValue<string>())),
    },
    {
      ...ROW_COLUMNS.day,
      header: t('staff.table.day'),
      filterFn: equals,
      enableHiding: true,
      size: 0,
    },
    {
      ...ROW_COLUMNS.certificateNo,
      header: t('staff.table.col.certificateNo'),
      size: 190,
    },
    {
      ...ROW_COLUMNS.source,
      header: t('staff.table.col.source'),
      size: 150,
      cell: ({ row }) =>
        row.original.source === 'paper'
          ? t('staff.table.source.paper', { paperRef: row.original.paperRef })
          : t('staff.table.source.kiosk'),
    },
    {
      ...ROW_COLUMNS.name,
      header: t('staff.table.col.name'),
      size: 220,
      // Retention removed the name: say so rather than show an empty cell.
      cell: ({ row }) =>
        row.original.purgedAt
          ? t('staff.table.purged')
          : `${row.original.firstName} ${row.original.lastName}`,
    },
    {
      ...ROW_COLUMNS.organisation,
      header: t('staff.table.col.organisation'),
      size: 220,
    },
    {
      ...ROW_COLUMNS.type,
      header: t('staff.table.col.type'),
      size: 170,
      filterFn: equals,
      cell: ({ getValue }) =>
        getValue<string>() ? t(`details.orgTypes.${getValue<string>()}`) : '—',
    },
    { ...ROW_COLUMNS.capacity, header: t('staff.table.capacity'), filterFn: equals, size: 0 },
    {
      ...ROW_COLUMNS.country,
      header: t('staff.table.col.country'),
      size: 140,
      filterFn: equals,
      cell: ({ getValue }) => countries.of(getValue<string>()) ?? getValue<string>(),
    },
    {
      ...ROW_COLUMNS.email,
      header: t('staff.table.col.email'),
      size: 220,
    },
    {
      ...ROW_COLUMNS.consents,
      header: t('staff.table.col.consents'),
      size: 200,
      cell: ({ row }) => (
        <span className="consent-words">{consentWords(t, row.original.consents)}</span>
      ),
    },
    {
      ...ROW_COLUMNS.sync,
      header: t('staff.table.col.sync'),
      size: 120,
      filterFn: equals,
      cell: ({ row }) => (
        <span
          className={`sync-badge sync-badge--${row.original.syncState}`}
          title={row.original.syncNote ?? undefined}
        >
          {t(`staff.table.sync.${row.original.syncState}`)}
        </span>
      ),
    },
    {
      ...ROW_COLUMNS.printed,
      header: t('staff.table.col.printed'),
      size: 90,
      cell: ({ row }) => (row.original.printedAt ? t('staff.table.yes') : t('staff.table.no')),
    },
  ]
}

/** Columns that exist for filtering only and are never shown. */
export const FILTER_ONLY_COLUMNS = { day: false, capacity: false } as const
