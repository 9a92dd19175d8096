import '../audit/audit-badge.css'
import './export.css'
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportResult } from '@shared/export-jobs'
import { LANGUAGES, type PublicSettings } from '@shared/settings'
import type { Capacity } from '@shared/signature'
import { dayInZone } from '@shared/time'
import { db } from '../../../db'
import { api } from '../../../lib/api'
import {
  countForFilter,
  createCertificates,
  filterLabel,
  idsForFilter,
  type CertificateFilter,
  type CertificatesJob,
} from './bulk-certificates'
import { exportDay } from './day-export'
import { signatureDays } from './export-data'
import { runJob, useJob } from './job-store'
import { EncryptionNotice, encryptionChoice } from './EncryptionNotice'
import { CertificatesJobStatus, ExportJobStatus } from './JobStatus'
import { useExportFolder, type ExportFolderState } from './useExportFolder'

interface Props {
  settings: PublicSettings
}

/** Day batch export to a folder (USB stick), bulk certificates by filter, and recent exports. */
export function ExportTab({ settings }: Props) {
  const { t } = useTranslation()
  const destination = useExportFolder()
  return (
    <div className="tools">
      <FolderBar destination={destination} />
      <div className="tools__grid">
        <DayExport settings={settings} destination={destination} />
        <FilterCertificates destination={destination} />
      </div>
      <RecentExports />
      <p className="muted tools__note">{t('staff.export.cliHint')}</p>
    </div>
  )
}

function FolderBar({ destination }: { destination: ExportFolderState }) {
  const { t } = useTranslation()
  const { info, folder, chosen, error } = destination
  return (
    <section className="card tools__folder" aria-labelledby="export-folder">
      <div className="tools__folder-text">
        <h2 id="export-folder" className="card__title">
          {t('staff.export.folderTitle')}
        </h2>
        <p className="tools__path" data-testid="export-folder">
          {folder ?? '…'}
        </p>
        <p className="muted tools__hint">
          {info?.canChoose
            ? chosen
              ? t('staff.export.folderChosen')
              : t('staff.export.folderChoose')
            : t('staff.export.folderFixed')}
        </p>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      {info?.canChoose && (
        <div className="tools__actions">
          {chosen && (
            <button type="button" className="button button--small" onClick={destination.useDefault}>
              {t('staff.export.useDefault')}
            </button>
          )}
          <button type="button" className="button" onClick={() => void destination.choose()}>
            {t('staff.export.chooseFolder')}
          </button>
        </div>
      )}
    </section>
  )
}

function useDayLabel() {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    return (day: string) => format.format(new Date(`${day}T12:00:00Z`))
  }, [i18n.language])
}

function DayExport({
  settings,
  destination,
}: {
  settings: PublicSettings
  destination: ExportFolderState
}) {
  const { t, i18n } = useTranslation()
  const dayId = useId()
  const dayLabel = useDayLabel()
  const number = new Intl.NumberFormat(i18n.language)
  const today = dayInZone(new Date(), settings.timeZone)
  const days = useLiveQuery(() => signatureDays(db), [])
  const options = useMemo(() => {
    const list = days ?? []
    return list.some((d) => d.day === today) ? list : [{ day: today, count: 0 }, ...list]
  }, [days, today])
  const [picked, setPicked] = useState<string | null>(null)
  const day = picked ?? today
  const state = useJob<ExportResult>('day-export')
  const running = state.status === 'running'
  const [plainConfirmed, setPlainConfirmed] = useState(false)
  const encryption = encryptionChoice(settings.exportPublicKey, plainConfirmed)

  const start = () =>
    void runJob('day-export', (control) =>
      exportDay(db, api, {
        ...control,
        day,
        timeZone: settings.timeZone,
        ...(destination.chosen ? { folder: destination.chosen } : {}),
        ...(encryption.unencrypted ? { unencrypted: true } : {}),
      }),
    )

  return (
    <section className="card tools__card" aria-labelledby="export-day">
      <h2 id="export-day" className="card__title">
        {t('staff.export.dayTitle')}
      </h2>
      <p className="tools__lead">{t('staff.export.dayLead')}</p>
      <div className="tools__row">
        <label className="filter tools__grow" htmlFor={dayId}>
          <span className="filter__label">{t('staff.export.day')}</span>
          <select
            id={dayId}
            className="filter__select tools__select"
            value={day}
            disabled={running}
            onChange={(event) => setPicked(event.target.value)}
          >
            {options.map((option) => (
              <option key={option.day} value={option.day}>
                {t('staff.export.dayOption', {
                  day: dayLabel(option.day),
                  count: option.count,
                  formatted: number.format(option.count),
                })}
                {option.day === today ? ` · ${t('staff.export.today')}` : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={running || destination.folder === null || !encryption.ready}
          onClick={start}
        >
          {t('staff.export.exportDay')}
        </button>
      </div>
      <EncryptionNotice
        publicKey={settings.exportPublicKey}
        confirmed={plainConfirmed}
        onConfirm={setPlainConfirmed}
        disabled={running}
      />
      <ExportJobStatus kind="day-export" />
    </section>
  )
}

const NO_FILTER: CertificateFilter = { day: null, capacity: null, country: null }

function FilterCertificates({ destination }: { destination: ExportFolderState }) {
  const { t, i18n } = useTranslation()
  const ids = { day: useId(), capacity: useId(), country: useId(), language: useId() }
  const dayLabel = useDayLabel()
  const number = new Intl.NumberFormat(i18n.language)
  const [filter, setFilter] = useState<CertificateFilter>(NO_FILTER)
  const [language, setLanguage] = useState('')
  const [streamDownload, setStreamDownload] = useState(false)
  /** The web host: no folder can be chosen, and the browser may take a copy as a download. */
  const canDownload = !destination.info?.canChoose
  const days = useLiveQuery(() => signatureDays(db), [])
  const countries = useLiveQuery(
    async () => (await db.signatures.orderBy('country').uniqueKeys()) as string[],
    [],
  )
  const count = useLiveQuery(() => countForFilter(db, filter), [filter])
  const countryNames = new Intl.DisplayNames([i18n.language], { type: 'region' })
  const state = useJob<CertificatesJob>('filter-certificates')
  const running = state.status === 'running'
  const sortedCountries = (countries ?? [])
    .map((code) => [code, countryNames.of(code) ?? code] as const)
    .sort((a, b) => a[1].localeCompare(b[1], i18n.language))

  const start = () =>
    void runJob('filter-certificates', async (control) =>
      createCertificates(db, api, {
        ...control,
        ids: await idsForFilter(db, filter),
        label: filterLabel(filter),
        ...(language ? { language } : {}),
        ...(destination.chosen ? { folder: destination.chosen } : {}),
        download: canDownload && streamDownload,
      }),
    )

  return (
    <section className="card tools__card" aria-labelledby="bulk-certificates">
      <h2 id="bulk-certificates" className="card__title">
        {t('staff.bulk.title')}
      </h2>
      <p className="tools__lead">{t('staff.bulk.lead')}</p>
      <div className="tools__filters">
        <label className="filter" htmlFor={ids.day}>
          <span className="filter__label">{t('staff.bulk.day')}</span>
          <select
            id={ids.day}
            className="filter__select tools__select"
            value={filter.day ?? ''}
            disabled={running}
            onChange={(event) => setFilter({ ...filter, day: event.target.value || null })}
          >
            <option value="">{t('staff.bulk.allDays')}</option>
            {(days ?? []).map((option) => (
              <option key={option.day} value={option.day}>
                {dayLabel(option.day)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter" htmlFor={ids.capacity}>
          <span className="filter__label">{t('staff.bulk.capacity')}</span>
          <select
            id={ids.capacity}
            className="filter__select tools__select"
            value={filter.capacity ?? ''}
            disabled={running}
            onChange={(event) =>
              setFilter({ ...filter, capacity: (event.target.value || null) as Capacity | null })
            }
          >
            <option value="">{t('staff.bulk.everyone')}</option>
            <option value="individual">{t('staff.bulk.individuals')}</option>
            <option value="organisation">{t('staff.bulk.organisations')}</option>
          </select>
        </label>
        <label className="filter" htmlFor={ids.country}>
          <span className="filter__label">{t('staff.bulk.country')}</span>
          <select
            id={ids.country}
            className="filter__select tools__select"
            value={filter.country ?? ''}
            disabled={running}
            onChange={(event) => setFilter({ ...filter, country: event.target.value || null })}
          >
            <option value="">{t('staff.bulk.anyCountry')}</option>
            {sortedCountries.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter" htmlFor={ids.language}>
          <span className="filter__label">{t('staff.bulk.language')}</span>
          <select
            id={ids.language}
            className="filter__select tools__select"
            value={language}
            disabled={running}
            onChange={(event) => setLanguage(event.target.value)}
          >
            <option value="">{t('staff.bulk.ownLanguage')}</option>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t('languageName', { lng: code })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tools__row">
        <p className="tools__count" role="status" data-testid="bulk-count">
          {count === undefined
            ? '…'
            : t('staff.bulk.matching', { count, formatted: number.format(count) })}
        </p>
        {canDownload && (
          <label className="check">
            <input
              type="checkbox"
              checked={streamDownload}
              disabled={running}
              onChange={(event) => setStreamDownload(event.target.checked)}
            />
            <span>{t('staff.bulk.streamDownload')}</span>
          </label>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={running || !count || destination.folder === null}
          onClick={start}
        >
          {t('staff.bulk.create', { count: count ?? 0, formatted: number.format(count ?? 0) })}
        </button>
      </div>
      <CertificatesJobStatus kind="filter-certificates" download={canDownload} />
    </section>
  )
}

function RecentExports() {
  const { t, i18n } = useTranslation()
  const recent = useLiveQuery(
    () =>
      db.audit
        .where('action')
        .anyOf('export', 'bulk-certificates')
        .reverse()
        .sortBy('id')
        .then((rows) => rows.slice(0, 6)),
    [],
  )
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section className="card" aria-labelledby="recent-exports">
      <h2 id="recent-exports" className="card__title">
        {t('staff.export.recentTitle')}
      </h2>
      {recent && recent.length > 0 ? (
        <ul className="recent">
          {recent.map((entry) => (
            <li key={entry.id} className="recent__row">
              <span className={`audit-badge audit-badge--${entry.action}`}>
                {t(`staff.audit.actions.${entry.action}`, { defaultValue: entry.action })}
              </span>
              <time className="recent__time" dateTime={entry.at}>
                {time.format(new Date(entry.at))}
              </time>
              <span className="recent__detail">{entry.detail}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('staff.export.noneYet')}</p>
      )}
    </section>
  )
}
