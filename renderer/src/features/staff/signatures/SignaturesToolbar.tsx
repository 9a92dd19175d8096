import type { Table } from '@tanstack/react-table'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ORGANISATION_TYPES } from '@shared/signature'
import { FilterSelect } from './FilterSelect'
import { FILTER_ONLY_COLUMNS } from './columns'
import type { QueryStatus, SignatureQueryClient } from './query/client'
import type { Facets } from './query/engine'
import type { SignatureRow } from './signature-rows'

const SYNC_STATES = ['pending', 'synced', 'duplicate', 'rejected'] as const
const NO_FACETS: Facets = { days: [], countries: [] }

/** Search, the filters (their choices from the engine's facets) and the column picker. */
export function SignaturesToolbar(props: {
  table: Table<SignatureRow>
  client: SignatureQueryClient
  status: QueryStatus
  search: string
  onSearch: (search: string) => void
}) {
  const { table, client, status, search } = props
  const { t, i18n } = useTranslation()
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
    <div className="signatures__toolbar">
      <input
        type="search"
        className="field__input signatures__search"
        aria-label={t('staff.table.search')}
        placeholder={t('staff.table.search')}
        autoComplete="off"
        value={search}
        onChange={(event) => props.onSearch(event.target.value)}
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
  )
}
