import type { ColumnDef } from '@tanstack/react-table'
import type { SignatureRow } from '../signature-rows'

/**
 * What each column of the signatures table reads from a row and how it sorts ('basic': values as
 * they are; otherwise lower-case text, see row-order.ts), without anything to draw: plain data
 * that the query engine uses wherever it runs (in a Web Worker or on the page). columns.tsx adds
 * headers, sizes and cells to these, so sorting and filtering mean the same on both sides.
 */
export const ROW_COLUMNS = {
  select: { id: 'select', enableSorting: false, enableHiding: false },
  actions: { id: 'actions', enableSorting: false, enableHiding: false },
  // ISO 8601 UTC times sort as plain strings. TanStack's automatic choice for strings with
  // digits (alphanumeric) splits both values with a regular expression on every comparison.
  time: { id: 'time', accessorKey: 'createdAt', sortingFn: 'basic' },
  day: { accessorKey: 'day' },
  // Fixed-width, zero-padded numbers: plain string order is their order.
  certificateNo: { accessorKey: 'certificateNo', sortingFn: 'basic' },
  // Records of kiosks before paper forms have no source: they were signed on the kiosk.
  source: { id: 'source', accessorFn: (row) => row.source ?? 'kiosk', sortingFn: 'basic' },
  // Last name, then first name, folded (toRow): "Łukasz" sorts with the other L names.
  name: { id: 'name', accessorFn: (row) => row.nameKey, sortingFn: 'basic' },
  organisation: {
    id: 'organisation',
    accessorFn: (row) => row.organisationName ?? '',
    sortingFn: 'text',
  },
  type: { id: 'type', accessorFn: (row) => row.organisationType ?? '', sortingFn: 'text' },
  capacity: { accessorKey: 'capacity' },
  country: { accessorKey: 'country', sortingFn: 'basic' },
  email: { id: 'email', accessorFn: (row) => row.email ?? '', sortingFn: 'text' },
  consents: {
    id: 'consents',
    accessorFn: (row) =>
      [
        row.consents.newsletter && 'N',
        row.consents.publishName && 'P',
        row.consents.localStory && 'S',
        row.consents.localEvents && 'E',
      ]
        .filter(Boolean)
        .join(' '),
    sortingFn: 'text',
  },
  sync: { id: 'sync', accessorKey: 'syncState', sortingFn: 'basic' },
  printed: { id: 'printed', accessorFn: (row) => (row.printedAt ? 1 : 0), sortingFn: 'basic' },
} satisfies Record<string, ColumnDef<SignatureRow>>

/** Every column's sorting and filtering semantics, in the table's order. */
export const ROW_COLUMN_LIST: ColumnDef<SignatureRow>[] = Object.values(ROW_COLUMNS)

/** The columns staff can filter on (by equality), and the IndexedDB index of each. */
export const FILTER_INDEXES = {
  day: 'day',
  country: 'country',
  type: 'organisationType',
  sync: 'syncState',
  capacity: 'capacity',
} as const

export type FilterId = keyof typeof FILTER_INDEXES
