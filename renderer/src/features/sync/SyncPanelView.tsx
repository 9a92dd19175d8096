import { useTranslation } from 'react-i18next'
import type { ProblemPage, SyncProblem, SyncStatus } from './status'
import './sync-panel.css'

/** A page of a problem list as the view shows it: where it starts, and how to move. */
export interface ProblemListPage extends ProblemPage {
  /** How many newer rows come before this page. */
  offset: number
  onNewer: (() => void) | null
  onOlder: (() => void) | null
}

export interface SyncPanelViewProps {
  status: SyncStatus
  duplicates?: ProblemListPage
  rejected?: ProblemListPage
  /** "Sync now" is running. */
  busy: boolean
  onSyncNow: () => void
}

/** The panel's markup for a given status (no data access: what the tests render). */
export function SyncPanelView({
  status,
  duplicates,
  rejected,
  busy,
  onSyncNow,
}: SyncPanelViewProps) {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(i18n.language)
  const time = (iso: string | number) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' })
  const waiting: string[] = []
  if (status.pending > 0) waiting.push(t('sync.safe.signatures', { count: status.pending }))
  if (status.pendingWithdrawals > 0) {
    waiting.push(t('sync.safe.withdrawals', { count: status.pendingWithdrawals }))
  }
  if (waiting.length === 0 && !status.safeToSwitchOff && !status.loading) {
    waiting.push(t('sync.safe.batchOpen'))
  }

  return (
    <div className="sync-panel" data-testid="sync-panel">
      <h2 className="card__title sync-panel__title">{t('sync.title')}</h2>

      <p
        className={`sync-panel__safe sync-panel__safe--${status.safeToSwitchOff ? 'yes' : 'no'}`}
        role="status"
        data-testid="sync-safe"
      >
        {status.loading ? (
          t('sync.loading')
        ) : status.safeToSwitchOff ? (
          <>
            <strong>{t('sync.safe.yes')}</strong> — {t('sync.safe.allSent')}
          </>
        ) : (
          <>
            <strong>{t('sync.safe.no')}</strong> — {waiting.join(', ')}
          </>
        )}
      </p>

      <dl className="facts sync-panel__facts">
        <dt>{t('sync.connection.label')}</dt>
        <dd data-testid="sync-connection">
          <span className={`sync-panel__dot sync-panel__dot--${status.connection}`} aria-hidden />
          {t(`sync.connection.${status.connection}`)}
          {status.sending && <> · {t('sync.sending')}</>}
          {status.connectionReason && (
            <span className="sync-panel__reason">{status.connectionReason}</span>
          )}
        </dd>
        <dt>{t('sync.counts.pending')}</dt>
        <dd data-testid="sync-pending">{number.format(status.pending)}</dd>
        <dt>{t('sync.counts.synced')}</dt>
        <dd data-testid="sync-synced">{number.format(status.synced)}</dd>
        <dt>{t('sync.counts.duplicate')}</dt>
        <dd data-testid="sync-duplicate">{number.format(status.duplicate)}</dd>
        <dt>{t('sync.counts.rejected')}</dt>
        <dd data-testid="sync-rejected">{number.format(status.rejected)}</dd>
        <dt>{t('sync.counts.pendingWithdrawals')}</dt>
        <dd>{number.format(status.pendingWithdrawals)}</dd>
        <dt>{t('sync.lastSuccess')}</dt>
        <dd>{status.lastSuccessAt ? time(status.lastSuccessAt) : t('sync.never')}</dd>
        <dt>{t('sync.lastError')}</dt>
        <dd data-testid="sync-last-error">
          {status.lastError ? (
            <span className={status.lastError.stopped ? 'sync-panel__error' : undefined}>
              {status.lastError.message} ({time(status.lastError.at)})
            </span>
          ) : (
            t('sync.none')
          )}
        </dd>
      </dl>

      {status.stoppedBatches > 0 && (
        <p className="sync-panel__stopped" role="alert">
          {t('sync.stopped', { count: status.stoppedBatches })}
        </p>
      )}
      {!status.safeToSwitchOff && status.nextAttemptAt !== null && !status.sending && (
        <p className="muted" data-testid="sync-next-attempt">
          {t('sync.nextAttempt', { time: time(status.nextAttemptAt) })}
        </p>
      )}

      <button type="button" className="button button--primary" onClick={onSyncNow} disabled={busy}>
        {busy ? t('sync.syncing') : t('sync.syncNow')}
      </button>

      <ProblemList
        title={t('sync.duplicates.title')}
        hint={t('sync.duplicates.hint')}
        page={duplicates}
        detail={(p) => t('sync.duplicates.note', { certificateNo: p.note ?? '?' })}
        testId="sync-duplicates"
      />
      <ProblemList
        title={t('sync.rejected.title')}
        hint={t('sync.rejected.hint')}
        page={rejected}
        detail={(p) => p.note ?? ''}
        testId="sync-rejections"
      />
    </div>
  )
}

function ProblemList(props: {
  title: string
  hint: string
  page: ProblemListPage | undefined
  detail: (problem: SyncProblem) => string
  testId: string
}) {
  const { t, i18n } = useTranslation()
  const page = props.page
  if (!page || page.rows.length === 0) return null
  const number = new Intl.NumberFormat(i18n.language)
  const paged = page.onNewer !== null || page.onOlder !== null
  return (
    <section className="sync-panel__problems" data-testid={props.testId}>
      <h3>
        {props.title} ({number.format(page.total)})
      </h3>
      <p className="muted">{props.hint}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('sync.columns.certificate')}</th>
            <th scope="col">{t('sync.columns.name')}</th>
            <th scope="col">{t('sync.columns.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id}>
              <td>{row.certificateNo}</td>
              <td>{row.name}</td>
              <td>{props.detail(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {paged && (
        <nav className="sync-panel__pages" aria-label={props.title}>
          <button
            type="button"
            className="button"
            onClick={page.onNewer ?? undefined}
            disabled={page.onNewer === null}
          >
            {t('sync.pages.newer')}
          </button>
          <span className="sync-panel__range" data-testid={`${props.testId}-range`}>
            {t('sync.pages.range', {
              from: number.format(page.offset + 1),
              to: number.format(page.offset + page.rows.length),
              total: number.format(Math.max(page.total, page.offset + page.rows.length)),
            })}
          </span>
          <button
            type="button"
            className="button"
            onClick={page.onOlder ?? undefined}
            disabled={page.onOlder === null}
          >
            {t('sync.pages.older')}
          </button>
        </nav>
      )}
    </section>
  )
}
