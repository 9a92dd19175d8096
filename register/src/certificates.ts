import {
  isCertificateNo,
  type CertificateVerification,
} from '../../electron/shared/register-protocol'
import type { SignatureRecord } from '../../electron/shared/signature'
import type { Queryable } from './db/db'
import { registeredUnder } from './duplicate-certificates'

/**
 * What the register can say about a certificate number to anyone holding it. Names only with the
 * signatory's consent to publication; nothing personal at all once withdrawn.
 */
export async function verifyCertificate(
  db: Queryable,
  certificateNo: string,
): Promise<CertificateVerification> {
  if (!isCertificateNo(certificateNo)) return { certificateNo, status: 'unknown' }
  const [row] = await db.query<{
    record: SignatureRecord | string | null
    withdrawn_at: string | null
  }>(
    `SELECT record, to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS withdrawn_at
       FROM signatures WHERE certificate_no = $1`,
    [certificateNo],
  )
  if (!row) {
    const original = await registeredUnder(db, certificateNo)
    if (!original) return { certificateNo, status: 'unknown' }
    return { ...(await verifyCertificate(db, original)), certificateNo, registeredUnder: original }
  }
  if (row.withdrawn_at !== null || row.record === null) {
    return { certificateNo, status: 'withdrawn', withdrawnAt: row.withdrawn_at ?? undefined }
  }
  // Both drivers parse jsonb; the string case only guards against a driver configured not to.
  const record: SignatureRecord =
    typeof row.record === 'string' ? (JSON.parse(row.record) as SignatureRecord) : row.record
  // A purged record (retention) has no names left to publish.
  const published = record.consents.publishName && typeof record.firstName === 'string'
  return {
    certificateNo,
    status: 'valid',
    eventCode: record.eventCode,
    signedOn: record.day,
    capacity: record.capacity,
    organisationType: record.organisationType,
    country: record.country,
    ...(published ? { name: `${record.firstName} ${record.lastName}` } : {}),
    ...(published && record.organisationName ? { organisationName: record.organisationName } : {}),
  }
}
