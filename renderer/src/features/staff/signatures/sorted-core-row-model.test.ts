import {
  createTable,
  getFilteredRowModel,
  type ColumnDef,
  type FilterFn,
  type SortingState,
  type TableState,
} from '@tanstack/react-table'
import { describe, expect, it } from 'vitest'
import { getSortedCoreRowModel } from './sorted-core-row-model'

interface Item {
  id: string
  at: string
  name: string
}

const ITEMS: Item[] = [
  { id: 'a', at: '2026-10-12T09:00:00.000Z', name: 'Émile' },
  { id: 'b', at: '2026-10-12T11:00:00.000Z', name: 'Zoë Nord' },
  { id: 'c', at: '2026-10-12T10:00:00.000Z', name: 'Anna' },
  { id: 'd', at: '2026-10-12T10:00:00.000Z', name: 'björn' },
]

const COLUMNS: ColumnDef<Item>[] = [
  { id: 'time', accessorKey: 'at', sortingFn: 'basic' },
  { id: 'name', accessorKey: 'name' },
]

const contains: FilterFn<Item> = (row, _id, query: string) =>
  row.original.name.toLowerCase().includes(query)

function tableWith(sorting: SortingState, globalFilter = '') {
  const state = { sorting, globalFilter } as Partial<TableState>
  const table = createTable<Item>({
    data: ITEMS,
    columns: COLUMNS,
    state,
    onStateChange: () => undefined,
    renderFallbackValue: null,
    getRowId: (item) => item.id,
    getCoreRowModel: getSortedCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    globalFilterFn: contains,
    manualSorting: true,
  })
  table.setOptions((previous) => ({ ...previous, state: { ...table.initialState, ...state } }))
  return table
}

const ids = (sorting: SortingState, filter = '') =>
  tableWith(sorting, filter)
    .getRowModel()
    .rows.map((row) => row.id)

describe('getSortedCoreRowModel', () => {
  it('keeps the data order without sorting', () => {
    expect(ids([])).toEqual(['a', 'b', 'c', 'd'])
  })

  it('sorts by the column’s sortingFn, ascending and descending, ties in data order', () => {
    expect(ids([{ id: 'time', desc: false }])).toEqual(['a', 'c', 'd', 'b'])
    expect(ids([{ id: 'time', desc: true }])).toEqual(['b', 'c', 'd', 'a'])
  })

  it('compares a column left on auto as text (case-insensitive)', () => {
    expect(ids([{ id: 'name', desc: false }])).toEqual(['c', 'd', 'b', 'a'])
  })

  it('lets the search filter keep the sorted order', () => {
    expect(ids([{ id: 'time', desc: true }], 'n')).toEqual(['b', 'c', 'd'])
    expect(ids([{ id: 'time', desc: false }], 'n')).toEqual(['c', 'd', 'b'])
  })

  it('uses each sorting in turn', () => {
    expect(
      ids([
        { id: 'time', desc: false },
        { id: 'name', desc: true },
      ]),
    ).toEqual(['a', 'd', 'c', 'b'])
  })
})
