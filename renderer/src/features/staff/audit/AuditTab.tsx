import './audit-badge.css'
import './audit.css'
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AUDIT_ACTIONS } from '@shared/audit'
import { db } from '../../../db'
import { auditPage, AUDIT_PAGE_SIZE, type AuditFilter } from './audit-page'

/** Actions staff can filter on: the exported ones, plus saved signatures (hidden by default). */
const FILTERABLE = [...AUDIT_ACTIONS, 'signature-saved'] as const

/** The audit log, newest first, a page at a time, live as new lines arrive. */
export function AuditTab() {
  const { t, i18n } = useTranslation()
  const filterId = useId()
  const [filter, setFilter] = useState<AuditFilter>('staff')
  const [page, setPage] = useState(0)
  const result = useLiveQuery(() => auditPage(db, filter, page), [filter, page])
  const number = new Intl.NumberFormat(i18n.language)
  const time = new Intl.DateTimeFormat(i18n.language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const first = page * AUDIT_PAGE_SIZE
  const label = (action: string) => t(`staff.audit.actions.${action}`, { defaultValue: action })

  return (
    <div className="audit">
      <div className="audit__toolbar">
        <label className="filter" htmlFor={filterId}>
          <span className="filter__label">{t('staff.audit.show')}</span>
          <select
            id={filterId}
            className="filter__select audit__select"
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value as AuditFilter)
              setPage(0)
            }}
          >
            <option value="staff">{t('staff.audit.allButSaved')}</option>
            <option value="all">{t('staff.audit.everything')}</option>
            {FILTERABLE.map((action) => (
              <option key={action} value={action}>
                {label(action)}
              </option>
            ))}
          </select>
        </label>
        <p className="audit__range" role="status" data-testid="audit-range">
          {result
            ? result.total === 0
              ? t('staff.audit.empty')
              : t('staff.audit.range', {
                  from: number.format(first + 1),
                  to: number.format(first + result.entries.length),
                  total: number.format(result.total),
                })
            : '…'}
        </p>
        <div className="audit__pager">
          <button
            type="button"
            className="button button--small"
            disabled={page === 0}
            onClick={() => setPage((p) => Math.max(0, p - 1))}
          >
            {t('staff.audit.newer')}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={!result?.more}
            onClick={() => setPage((p) => p + 1)}
          >
            {t('staff.audit.older')}
          </button>
        </div>
      </div>
      <div className="audit__scroll">
        <table className="data-table audit__table">
          <thead>
            <tr>
              <th className="audit__time-col">{t('staff.audit.time')}</th>
              <th className="audit__action-col">{t('staff.audit.action')}</th>
              <th>{t('staff.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {result?.entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
                </td>
                <td>
                  <span className={`audit-badge audit-badge--${entry.action}`}>
                    {label(entry.action)}
                  </span>
                </td>
                <td className="audit__detail">{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted audit__note">{t('staff.audit.note')}</p>
    </div>
  )
}
