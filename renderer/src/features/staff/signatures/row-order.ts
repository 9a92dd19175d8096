import type { ColumnDef, ColumnFiltersState, SortingState } from '@tanstack/react-table'

/**
 * Sorting and filtering of the signatures table, on plain rows. TanStack Table builds a row
 * object for every row it is given (about 2.8 KB each with its per-row methods: 280 MB of the
 * renderer's heap at 100,000 signatures), and rebuilt its filtered and sorted models at every key
 * typed in the search box. So the table sorts and filters here, and TanStack is given only the
 * rows on screen (see SignaturesTab).
 */

/** The id TanStack gives a column: its `id`, else its `accessorKey`. */
export function columnId<T>(column: ColumnDef<T>): string | undefined {
  if (column.id) return column.id
  return 'accessorKey' in column && column.accessorKey ? String(column.accessorKey) : undefined
}

/** How a column reads its value from a row (its accessorFn or accessorKey), or null for none. */
export function columnValue<T>(column: ColumnDef<T>): ((row: T) => unknown) | null {
  if ('accessorFn' in column && column.accessorFn) {
    const read = column.accessorFn
    return (row) => read(row, 0)
  }
  if ('accessorKey' in column && column.accessorKey) {
    const key = column.accessorKey as keyof T
    return (row) => row[key]
  }
  return null
}

/**
 * The rows in the order `sorting` asks for, as TanStack would sort them: a column with sortingFn
 * 'basic' compares its values as they are, any other compares them as lower-case text; ties keep
 * the data order. Each row's values are read once, not once per comparison.
 */
export function sortRows<T>(
  rows: readonly T[],
  columns: readonly ColumnDef<T>[],
  sorting: SortingState,
): readonly T[] {
  const keys = sorting.flatMap(({ id, desc }) => {
    const column = columns.find((c) => columnId(c) === id)
    const read = column && column.enableSorting !== false ? columnValue(column) : null
    if (!column || !read) return []
    const basic = column.sortingFn === 'basic'
    const values = rows.map((row) => {
      const value = read(row)
      return basic ? value : String(value ?? '').toLowerCase()
    }) as (string | number)[]
    return [{ desc, values }]
  })
  if (keys.length === 0) return rows
  const order = rows.map((_, i) => i)
  order.sort((a, b) => {
    for (const { desc, values } of keys) {
      const x = values[a]!
      const y = values[b]!
      if (x === y) continue
      return (x > y ? 1 : -1) * (desc ? -1 : 1)
    }
    return a - b
  })
  return order.map((i) => rows[i]!)
}

/**
 * The rows that pass every column filter (the column's value equals the filter's; an empty
 * filter lets everything through) and, when given, the search.
 */
export function filterRows<T>(
  rows: readonly T[],
  columns: readonly ColumnDef<T>[],
  filters: ColumnFiltersState,
  search: ((row: T) => boolean) | null,
): readonly T[] {
  const tests = filters.flatMap(({ id, value }) => {
    if (value === undefined || value === '') return []
    const column = columns.find((c) => columnId(c) === id)
    const read = column ? columnValue(column) : null
    return read ? [(row: T) => read(row) === value] : []
  })
  if (tests.length === 0 && !search) return rows
  return rows.filter((row) => tests.every((test) => test(row)) && (!search || search(row)))
}
