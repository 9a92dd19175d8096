import type { ColumnDef, RowData } from '@tanstack/react-table'
import type { TFunction } from 'i18next'
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
 * The signatures table's columns, in the order staff read them. Sorting and filtering read the
 * columns' values and sortingFn ('basic': values as they are; else lower-case text), see
 * row-order.ts.
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
      id: 'select',
      size: 56,
      enableSorting: false,
      enableHiding: false,
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
      id: 'actions',
      header: () => <span className="sr-only">{t('staff.table.col.actions')}</span>,
      size: 110,
      enableSorting: false,
      enableHiding: false,
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
      id: 'time',
      accessorKey: 'createdAt',
      header: t('staff.table.col.time'),
      size: 150,
      // ISO 8601 UTC times sort as plain strings. TanStack's automatic choice for strings with
      // digits (alphanumeric) splits both values with a regular expression on every comparison:
      // seconds instead of milliseconds at 100,000 rows.
      sortingFn: 'basic',
      cell: ({ getValue }) => time.format(new Date(getValue<string>())),
    },
    {
      accessorKey: 'day',
      header: t('staff.table.day'),
      filterFn: equals,
      enableHiding: true,
      size: 0,
    },
    {
      accessorKey: 'certificateNo',
      header: t('staff.table.col.certificateNo'),
      size: 190,
      // Fixed-width, zero-padded numbers: plain string order is their order.
      sortingFn: 'basic',
    },
    {
      id: 'name',
      accessorFn: (row) => `${row.lastName} ${row.firstName}`,
      header: t('staff.table.col.name'),
      size: 220,
      sortingFn: 'text',
      cell: ({ row }) => `${row.original.firstName} ${row.original.lastName}`,
    },
    {
      id: 'organisation',
      accessorFn: (row) => row.organisationName ?? '',
      header: t('staff.table.col.organisation'),
      size: 220,
      sortingFn: 'text',
    },
    {
      id: 'type',
      accessorFn: (row) => row.organisationType ?? '',
      header: t('staff.table.col.type'),
      size: 170,
      sortingFn: 'text',
      filterFn: equals,
      cell: ({ getValue }) =>
        getValue<string>() ? t(`details.orgTypes.${getValue<string>()}`) : '—',
    },
    { accessorKey: 'capacity', header: t('staff.table.capacity'), filterFn: equals, size: 0 },
    {
      accessorKey: 'country',
      header: t('staff.table.col.country'),
      size: 140,
      sortingFn: 'basic',
      filterFn: equals,
      cell: ({ getValue }) => countries.of(getValue<string>()) ?? getValue<string>(),
    },
    {
      id: 'email',
      accessorFn: (row) => row.email ?? '',
      header: t('staff.table.col.email'),
      size: 220,
      sortingFn: 'text',
    },
    {
      id: 'consents',
      accessorFn: (row) =>
        [
          row.consents.newsletter && 'N',
          row.consents.publishName && 'P',
          row.consents.localStory && 'S',
        ]
          .filter(Boolean)
          .join(' '),
      header: t('staff.table.col.consents'),
      size: 110,
      sortingFn: 'text',
      cell: ({ row }) => (
        <span className="consent-tags">
          {row.original.consents.newsletter && <abbr title={t('principles.newsletter')}>N</abbr>}
          {row.original.consents.publishName && <abbr title={t('principles.publishName')}>P</abbr>}
          {row.original.consents.localStory && <abbr title={t('principles.localStory')}>S</abbr>}
        </span>
      ),
    },
    {
      id: 'sync',
      accessorKey: 'syncState',
      header: t('staff.table.col.sync'),
      size: 120,
      sortingFn: 'basic',
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
      id: 'printed',
      accessorFn: (row) => (row.printedAt ? 1 : 0),
      header: t('staff.table.col.printed'),
      size: 90,
      sortingFn: 'basic',
      cell: ({ row }) => (row.original.printedAt ? t('staff.table.yes') : t('staff.table.no')),
    },
  ]
}

/** Columns that exist for filtering only and are never shown. */
export const FILTER_ONLY_COLUMNS = { day: false, capacity: false } as const
