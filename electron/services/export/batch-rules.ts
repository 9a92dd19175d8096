import type { AuditEntry } from '../../shared/audit'
import type { SignatureRecord, Withdrawal } from '../../shared/signature'
import type { ManifestScope } from './manifest'

/** Which kiosk day a batch is for. */
export interface BatchIdentity {
  eventCode: string
  kioskId: string
  day: string
}

/**
 * Rules a batch obeys beyond each record's own schema, shared by the writer (to refuse bad
 * input) and the reader (to refuse a doctored folder): a day batch holds one kiosk's day, a
 * union exactly the kiosks and days its manifest lists. Returns the first problem found, or null.
 */
export function findBatchProblem(
  scope: ManifestScope,
  records: readonly SignatureRecord[],
  withdrawals: readonly Withdrawal[],
): string | null {
  const kiosks = new Set(scope.kioskIds)
  const days = new Set(scope.days)
  const prefixOf = (kioskId: string) => `${scope.eventCode}-${kioskId}-`
  const kiosksSeen = new Set<string>()
  const daysSeen = new Set<string>()
  const ids = new Set<string>()
  const certificates = new Set<string>()
  for (const record of records) {
    const which = `record ${record.certificateNo}`
    if (record.eventCode !== scope.eventCode || !kiosks.has(record.kioskId)) {
      return `${which} is from event ${record.eventCode}, kiosk ${record.kioskId}, not ${scope.eventCode}, ${scope.kioskIds.join(' or ')}`
    }
    if (!record.certificateNo.startsWith(prefixOf(record.kioskId))) {
      return `${which} does not start with ${prefixOf(record.kioskId)}`
    }
    if (!days.has(record.day)) {
      return `${which} is from ${record.day}, not ${scope.days.join(' or ')}`
    }
    if (certificates.has(record.certificateNo)) return `${which} appears twice`
    if (ids.has(record.id)) return `${which} has the same id as another record (${record.id})`
    certificates.add(record.certificateNo)
    ids.add(record.id)
    kiosksSeen.add(record.kioskId)
    daysSeen.add(record.day)
  }
  if (scope.union) {
    const unheld = [
      ...scope.kioskIds.filter((k) => !kiosksSeen.has(k)),
      ...scope.days.filter((d) => !daysSeen.has(d)),
    ]
    if (unheld.length > 0) return `no record is from ${unheld.join(', ')}, which the manifest lists`
  }
  const withdrawn = new Set<string>()
  for (const withdrawal of withdrawals) {
    const which = `withdrawal of ${withdrawal.certificateNo}`
    if (!scope.kioskIds.some((kioskId) => withdrawal.certificateNo.startsWith(prefixOf(kioskId)))) {
      return `${which} is not from kiosk ${scope.kioskIds.join(' or ')} at ${scope.eventCode}`
    }
    if (withdrawn.has(withdrawal.id)) return `${which} appears twice`
    // A withdrawn person's data must never leave the kiosk again, not even on a USB stick.
    if (ids.has(withdrawal.id)) {
      return `record ${withdrawal.certificateNo} is withdrawn but its personal data is still in the batch`
    }
    withdrawn.add(withdrawal.id)
  }
  return null
}

/** Counts and time range as manifest.json states them. */
export function summarise(records: readonly SignatureRecord[]): {
  individuals: number
  organisations: number
  timeRange: { first: string; last: string } | null
} {
  let individuals = 0
  let first: string | undefined
  let last: string | undefined
  for (const record of records) {
    if (record.capacity === 'individual') individuals++
    // Compare instants, not strings: "…00Z" and "…00.000Z" are the same moment.
    if (first === undefined || Date.parse(record.createdAt) < Date.parse(first)) {
      first = record.createdAt
    }
    if (last === undefined || Date.parse(record.createdAt) > Date.parse(last)) {
      last = record.createdAt
    }
  }
  return {
    individuals,
    organisations: records.length - individuals,
    timeRange: first !== undefined && last !== undefined ? { first, last } : null,
  }
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Records by certificate number: the order people and the certificates CLI expect. */
export function sortRecords(records: readonly SignatureRecord[]): SignatureRecord[] {
  return [...records].sort((a, b) => byText(a.certificateNo, b.certificateNo))
}

export function sortWithdrawals(withdrawals: readonly Withdrawal[]): Withdrawal[] {
  return [...withdrawals].sort(
    (a, b) => byText(a.certificateNo, b.certificateNo) || byText(a.id, b.id),
  )
}

/** Time order; ties broken on every field so the caller's order never changes the bytes. */
export function sortAudit(entries: readonly AuditEntry[]): AuditEntry[] {
  return [...entries].sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER) ||
      byText(a.action, b.action) ||
      byText(a.detail, b.detail) ||
      byText(a.at, b.at),
  )
}
