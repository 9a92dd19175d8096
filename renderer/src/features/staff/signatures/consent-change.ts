import type { ConsentChange, KioskDB } from '../../../db/schema'

export const OPTIONAL_CONSENTS = ['newsletter', 'publishName', 'localStory', 'localEvents'] as const
export type OptionalConsent = (typeof OPTIONAL_CONSENTS)[number]
export type OptionalConsents = Record<OptionalConsent, boolean>

/**
 * Records a signatory's change of their optional consents, asked for at the booth: in ONE
 * transaction the local record takes the new consents, a consent change is queued for the
 * register (sent in the next batch), and the audit log notes the certificate number and the
 * names of the changed consents (no personal data). Answers the queued change, or null when
 * nothing differs (nothing is written then).
 */
export async function recordConsentChange(
  db: KioskDB,
  signatureId: string,
  wanted: OptionalConsents,
  options: { now?: Date; newId?: () => string } = {},
): Promise<ConsentChange | null> {
  const changedAt = (options.now ?? new Date()).toISOString()
  return db.transaction('rw', [db.signatures, db.consentChanges, db.audit], async () => {
    const record = await db.signatures.get(signatureId)
    if (!record) throw new Error('This signature no longer exists on this kiosk')
    const before: OptionalConsents = {
      ...record.consents,
      localEvents: !!record.consents.localEvents,
    }
    const changed = OPTIONAL_CONSENTS.filter((name) => before[name] !== wanted[name])
    if (changed.length === 0) return null
    const consents: OptionalConsents = {
      newsletter: wanted.newsletter,
      publishName: wanted.publishName,
      localStory: wanted.localStory,
      localEvents: wanted.localEvents,
    }
    await db.signatures.update(signatureId, { consents: { endorse: true, ...consents } })
    const change: ConsentChange = {
      id: options.newId?.() ?? crypto.randomUUID(),
      signatureId,
      certificateNo: record.certificateNo,
      changedAt,
      consents,
      syncState: 'pending',
      syncedAt: null,
      syncNote: null,
    }
    await db.consentChanges.add(change)
    await db.audit.add({
      at: changedAt,
      action: 'consent-change',
      detail: `Consents changed for ${record.certificateNo}: ${changed
        .map((name) => `${name} ${wanted[name] ? 'on' : 'off'}`)
        .join(', ')}`,
    })
    return change
  })
}

/** The latest consent change of a signature, for the details dialog (null when none). */
export async function latestConsentChange(
  db: KioskDB,
  signatureId: string,
): Promise<ConsentChange | null> {
  const changes = await db.consentChanges.where('signatureId').equals(signatureId).toArray()
  return changes.sort((a, b) => b.changedAt.localeCompare(a.changedAt))[0] ?? null
}
