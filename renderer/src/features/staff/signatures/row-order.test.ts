import type { ColumnDef } from '@tanstack/react-table'
import { describe, expect, it } from 'vitest'
import { filterRows, sortRows } from './row-order'

interface Item {
  id: string
  at: string
  name: string
  printed: number
}

const ITEMS: Item[] = [
  { id: 'a', at: '2026-10-12T09:00:00.000Z', name: 'Émile', printed: 0 },
  { id: 'b', at: '2026-10-12T11:00:00.000Z', name: 'Zoë Nord', printed: 1 },
  { id: 'c', at: '2026-10-12T10:00:00.000Z', name: 'Anna', printed: 1 },
  { id: 'd', at: '2026-10-12T10:00:00.000Z', name: 'björn', printed: 0 },
]

const COLUMNS: ColumnDef<Item>[] = [
  { id: 'select', enableSorting: false },
  { id: 'time', accessorKey: 'at', sortingFn: 'basic' },
  { id: 'name', accessorFn: (item) => item.name },
  { accessorKey: 'printed', sortingFn: 'basic' },
]

const ids = (items: readonly Item[]) => items.map((item) => item.id)

describe('sortRows', () => {
  it('keeps the data order without sorting, or for a column that cannot sort', () => {
    expect(ids(sortRows(ITEMS, COLUMNS, []))).toEqual(['a', 'b', 'c', 'd'])
    expect(ids(sortRows(ITEMS, COLUMNS, [{ id: 'select', desc: false }]))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
  })

  it('sorts plain values ascending and descending, ties in data order', () => {
    expect(ids(sortRows(ITEMS, COLUMNS, [{ id: 'time', desc: false }]))).toEqual([
      'a',
      'c',
      'd',
      'b',
    ])
    expect(ids(sortRows(ITEMS, COLUMNS, [{ id: 'time', desc: true }]))).toEqual([
      'b',
      'c',
      'd',
      'a',
    ])
    expect(ids(sortRows(ITEMS, COLUMNS, [{ id: 'printed', desc: true }]))).toEqual([
      'b',
      'c',
      'a',
      'd',
    ])
  })

  it('compares other columns as lower-case text', () => {
    expect(ids(sortRows(ITEMS, COLUMNS, [{ id: 'name', desc: false }]))).toEqual([
      'c',
      'd',
      'b',
      'a',
    ])
  })

  it('uses each sorting in turn', () => {
    const sorted = sortRows(ITEMS, COLUMNS, [
      { id: 'time', desc: false },
      { id: 'name', desc: true },
    ])
    expect(ids(sorted)).toEqual(['a', 'd', 'c', 'b'])
  })
})

describe('filterRows', () => {
  const hasN = (item: Item) => item.name.toLowerCase().includes('n')

  it('keeps the order and passes rows whose value equals each filter', () => {
    expect(ids(filterRows(ITEMS, COLUMNS, [{ id: 'printed', value: 1 }], null))).toEqual(['b', 'c'])
    expect(ids(filterRows(ITEMS, COLUMNS, [{ id: 'printed', value: 0 }], hasN))).toEqual(['d'])
  })

  it('lets everything through an empty filter', () => {
    expect(filterRows(ITEMS, COLUMNS, [{ id: 'printed', value: '' }], null)).toBe(ITEMS)
    expect(ids(filterRows(ITEMS, COLUMNS, [], hasN))).toEqual(['b', 'c', 'd'])
  })
})
