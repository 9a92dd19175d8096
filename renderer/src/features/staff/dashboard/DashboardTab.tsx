import './dashboard.css'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JournalStats } from '@shared/journal'
import type { PublicSettings } from '@shared/settings'
import { db } from '../../../db'
import { requestPersistentStorage, type StorageHealth } from '../../../db/storage'
import { api } from '../../../lib/api'
import { dashboardStats } from './dashboard-stats'
import { HourChart } from './HourChart'
import { formatBytes } from '../../../lib/format-bytes'
import { MissingControllerNotice } from './MissingControllerNotice'
import { MissingTextsNotice } from './MissingTextsNotice'

interface Props {
  settings: PublicSettings
  /** The sync panel (sync feature) shows here when present. */
  syncPanel?: React.ReactNode
}

/** Today's and total counts, splits, signatures per hour, storage health and sync state. */
export function DashboardTab({ settings, syncPanel }: Props) {
  const { t, i18n } = useTranslation()
  const minute = useMinute()
  const stats = useLiveQuery(
    () => dashboardStats(db, settings.timeZone, new Date(minute)),
    [settings.timeZone, minute],
  )
  const lastExport = useLiveQuery(() => db.audit.where('action').equals('export').last(), [])
  const [storage, setStorage] = useState<StorageHealth | null>(null)
  const [journal, setJournal] = useState<JournalStats | null>(null)
  useEffect(() => {
    void requestPersistentStorage(db).then(setStorage)
    void api.getJournalStats().then(setJournal)
  }, [])
  const countries = new Intl.DisplayNames([i18n.language], { type: 'region' })
  const number = new Intl.NumberFormat(i18n.language)

  return (
    <div className="dashboard">
      {settings.settingsRestored && (
        <p className="field__error" role="alert" data-testid="settings-restored">
          {settings.settingsRestored.movedTo
            ? t('staff.dashboard.settingsRestored', {
                reason: settings.settingsRestored.reason,
                movedTo: settings.settingsRestored.movedTo,
              })
            : t('staff.dashboard.settingsRestoredMissing')}
        </p>
      )}
      <MissingControllerNotice settings={settings} />
      <MissingTextsNotice />
      <div className="dashboard__tiles">
        <Tile
          label={t('staff.dashboard.today')}
          value={stats ? number.format(stats.today) : '…'}
          testId="count-today"
        />
        <Tile
          label={t('staff.dashboard.total')}
          value={stats ? number.format(stats.total) : '…'}
          testId="count-total"
        />
        <Tile
          label={t('staff.dashboard.individual')}
          value={stats ? number.format(stats.byCapacity.individual) : '…'}
        />
        <Tile
          label={t('staff.dashboard.organisation')}
          value={stats ? number.format(stats.byCapacity.organisation) : '…'}
        />
      </div>
      <div className="dashboard__grid">
        {syncPanel && <section className="card card--wide">{syncPanel}</section>}
        <section className="card card--wide" aria-labelledby="per-hour">
          <h2 id="per-hour" className="card__title">
            {t('staff.dashboard.perHour')}
          </h2>
          {stats &&
            (stats.today > 0 ? (
              <HourChart
                perHour={stats.perHour}
                label={t('staff.dashboard.perHour')}
                format={(n) => number.format(n)}
              />
            ) : (
              <p className="muted">{t('staff.dashboard.none')}</p>
            ))}
        </section>
        <section className="card" aria-labelledby="by-type">
          <h2 id="by-type" className="card__title">
            {t('staff.dashboard.byType')}
          </h2>
          <CountList
            empty={t('staff.dashboard.none')}
            format={(n) => number.format(n)}
            rows={stats?.byType.map((r) => [t(`details.orgTypes.${r.type}`), r.count])}
          />
        </section>
        <section className="card" aria-labelledby="by-country">
          <h2 id="by-country" className="card__title">
            {t('staff.dashboard.byCountry')}
          </h2>
          <CountList
            empty={t('staff.dashboard.none')}
            format={(n) => number.format(n)}
            rows={stats?.byCountry.map((r) => [countries.of(r.country) ?? r.country, r.count])}
          />
        </section>
        <section className="card" aria-labelledby="storage">
          <h2 id="storage" className="card__title">
            {t('staff.dashboard.storage')}
          </h2>
          <dl className="facts">
            <dt>{t('staff.dashboard.persisted')}</dt>
            <dd className={storage && !storage.persisted ? 'facts__warn' : undefined}>
              {storage
                ? storage.persisted
                  ? t('staff.dashboard.granted')
                  : t('staff.dashboard.notGranted')
                : '…'}
            </dd>
            <dt>{t('staff.dashboard.quota')}</dt>
            <dd>
              {storage?.usage != null && storage.quota
                ? `${formatBytes(storage.usage, i18n.language)} / ${formatBytes(storage.quota, i18n.language)}`
                : '…'}
            </dd>
            <dt>{t('staff.dashboard.journal')}</dt>
            <dd>
              {journal
                ? t('staff.dashboard.journalSize', {
                    count: journal.signatures,
                    size: formatBytes(journal.bytes, i18n.language),
                  })
                : '…'}
              {journal && journal.badLines > 0 && (
                <span className="facts__warn">
                  {' '}
                  · {t('staff.dashboard.journalBad', { count: journal.badLines })}
                </span>
              )}
            </dd>
            <dt>{t('staff.dashboard.lastExport')}</dt>
            <dd>
              {lastExport
                ? `${new Date(lastExport.at).toLocaleString(i18n.language)} · ${lastExport.detail}`
                : t('staff.dashboard.never')}
            </dd>
          </dl>
        </section>
      </div>
    </div>
  )
}

function Tile({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="tile">
      <span className="tile__label">{label}</span>
      <strong className="tile__value" data-testid={testId}>
        {value}
      </strong>
    </div>
  )
}

/** The current minute (epoch ms), so that "today" moves on at midnight without a write. */
function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000) * 60_000)
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000) * 60_000), 10_000)
    return () => clearInterval(timer)
  }, [])
  return minute
}

/** Labelled bars, each as long as its count against the largest; nothing while loading. */
function CountList({
  rows,
  empty,
  format,
}: {
  rows: [string, number][] | undefined
  empty: string
  format: (n: number) => string
}) {
  if (rows === undefined) return null
  if (rows.length === 0) return <p className="muted">{empty}</p>
  const max = Math.max(...rows.map(([, n]) => n))
  return (
    <ul className="count-list">
      {rows.map(([label, count]) => (
        <li key={label} className="count-list__row">
          <span className="count-list__label" title={label}>
            {label}
          </span>
          <span className="count-list__count">{format(count)}</span>
          <span className="count-list__track" aria-hidden="true">
            <span
              className="count-list__bar"
              data-testid="count-bar"
              style={{ width: `${(count / max) * 100}%` }}
            />
          </span>
        </li>
      ))}
    </ul>
  )
}
