import { organisationKey, normaliseEmail } from '@shared/normalise'
import type { SignatureRecord, SignatureStrokes } from '@shared/signature'
import { dayInZone } from '@shared/time'
import type { AuditEntry } from './audit-entry'
import type { KioskDB, StoredSignature } from './schema'

/** What the visitor entered; the kiosk adds numbering, time and bookkeeping. */
export type SignatureDraft = Omit<
  SignatureRecord,
  'certificateNo' | 'kioskId' | 'eventCode' | 'createdAt' | 'day'
>

export interface KioskContext {
  eventCode: string
  kioskId: string
  timeZone: string
}

/** A paper form as staff keyed it in: no strokes (the paper keeps the signature), its reference. */
export type PaperDraft = Omit<SignatureDraft, 'signature' | 'source' | 'paperRef'> & {
  paperRef: string
}

export type SaveOutcome =
  | { status: 'saved'; record: StoredSignature; full: SignatureRecord }
  /**
   * The same person (email) or organisation (name and country) already signed here; which of
   * the two, and nothing of the earlier signature.
   */
  | { status: 'duplicate'; by: 'person' | 'organisation' }

export type PaperSaveOutcome =
  | SaveOutcome
  /** A paper form with this reference number was keyed in already for this kiosk and event. */
  | { status: 'paper-ref-taken' }

export const certificateCounterKey = (ctx: Pick<KioskContext, 'eventCode' | 'kioskId'>) =>
  `${ctx.eventCode}-${ctx.kioskId}`

export function formatCertificateNo(ctx: Pick<KioskContext, 'eventCode' | 'kioskId'>, n: number) {
  return `${certificateCounterKey(ctx)}-${String(n).padStart(6, '0')}`
}

/**
 * Saves a signature in one transaction: duplicate check, next certificate number, the record,
 * its journal-queue entry and an audit line. Saving the same draft id again (a double tap)
 * returns the record already saved. "Saved" means this promise resolved: the commit happened.
 */
export function saveSignature(
  db: KioskDB,
  draft: SignatureDraft,
  ctx: KioskContext,
  now: Date = new Date(),
): Promise<SaveOutcome> {
  return saveRecord<never>(
    db,
    draft,
    ctx,
    now,
    now,
    (record) => ({ action: 'signature-saved', detail: record.certificateNo }),
    async () => null,
  )
}

/**
 * Saves a paper form staff keyed in, through the same path as a kiosk signature (duplicate
 * check, numbering, journal queue), dated when it was signed on paper, with `source: paper`, no
 * strokes, and an audit line naming its reference. A reference already keyed in for this kiosk
 * and event saves nothing.
 */
export function savePaperForm(
  db: KioskDB,
  draft: PaperDraft,
  ctx: KioskContext,
  signedAt: Date,
  now: Date = new Date(),
): Promise<PaperSaveOutcome> {
  return saveRecord(
    db,
    { ...draft, source: 'paper' },
    ctx,
    signedAt,
    now,
    (record) => ({
      action: 'paper-form',
      detail: `paper form ${draft.paperRef} keyed in as ${record.certificateNo}`,
    }),
    async () => {
      const same = await db.signatures.where('paperRef').equals(draft.paperRef).toArray()
      const taken = same.some((r) => r.eventCode === ctx.eventCode && r.kioskId === ctx.kioskId)
      return taken ? { status: 'paper-ref-taken' as const } : null
    },
  )
}

/** The one save path; `refuse` may stop a save (after the duplicate check) with its own outcome. */
function saveRecord<Refusal extends { status: string }>(
  db: KioskDB,
  draft: SignatureDraft,
  ctx: KioskContext,
  at: Date,
  auditAt: Date,
  audit: (record: StoredSignature) => Pick<AuditEntry, 'action' | 'detail'>,
  refuse: () => Promise<Refusal | null>,
): Promise<SaveOutcome | Refusal> {
  const { emailKey, orgKey } = identityKeys(draft)
  return db.transaction(
    'rw',
    [db.signatures, db.strokes, db.counters, db.journalQueue, db.audit],
    async (): Promise<SaveOutcome | Refusal> => {
      const again = await db.signatures.get(draft.id)
      if (again)
        return { status: 'saved', record: again, full: withStrokes(again, draft.signature) }
      if (emailKey && (await db.signatures.where('emailKey').equals(emailKey).count()))
        return { status: 'duplicate', by: 'person' }
      if (orgKey && (await db.signatures.where('orgKey').equals(orgKey).count()))
        return { status: 'duplicate', by: 'organisation' }
      const refusal = await refuse()
      if (refusal) return refusal

      const key = certificateCounterKey(ctx)
      const next = ((await db.counters.get(key))?.value ?? 0) + 1
      await db.counters.put({ key, value: next })
      const full: SignatureRecord = {
        ...draft,
        email: emailKey,
        certificateNo: formatCertificateNo(ctx, next),
        kioskId: ctx.kioskId,
        eventCode: ctx.eventCode,
        createdAt: at.toISOString(),
        day: dayInZone(at, ctx.timeZone),
      }
      const record = toStored(full)
      await db.signatures.add(record)
      if (full.signature) await db.strokes.put({ id: record.id, signature: full.signature })
      await db.journalQueue.put({ id: record.id })
      await db.audit.add({ at: auditAt.toISOString(), ...audit(record) })
      return { status: 'saved', record, full }
    },
  )
}

/** How a signatory is recognised when signing twice: by email, or by organisation and country. */
export function identityKeys(
  draft: Pick<SignatureRecord, 'email' | 'capacity' | 'organisationName' | 'country'>,
) {
  return {
    emailKey: draft.email ? normaliseEmail(draft.email) : null,
    orgKey:
      draft.capacity === 'organisation' && draft.organisationName
        ? organisationKey(draft.organisationName, draft.country)
        : null,
  }
}

/** A register record with fresh local bookkeeping (not yet sent, not yet printed), strokes left out. */
export function toStored({ signature: _strokes, ...record }: SignatureRecord): StoredSignature {
  return {
    ...record,
    ...identityKeys(record),
    syncState: 'pending',
    syncedAt: null,
    syncNote: null,
    printedAt: null,
  }
}

/** The register record: a stored signature without bookkeeping, with its strokes (none on paper). */
export function toSignatureRecord(
  stored: StoredSignature,
  signature: SignatureStrokes | undefined,
): SignatureRecord {
  const {
    emailKey: _e,
    orgKey: _o,
    syncState: _s,
    syncedAt: _t,
    syncNote: _n,
    printedAt: _p,
    ...record
  } = stored
  return withStrokes(record, signature)
}

function withStrokes<R extends object>(
  record: R,
  signature: SignatureStrokes | undefined,
): R & Pick<SignatureRecord, 'signature'> {
  return signature ? { ...record, signature } : record
}

/**
 * Full register records for these ids, in order; ids without a live record, or a kiosk record
 * without its strokes, are left out.
 */
export async function loadSignatureRecords(db: KioskDB, ids: string[]): Promise<SignatureRecord[]> {
  const [stored, strokes] = await Promise.all([db.signatures.bulkGet(ids), db.strokes.bulkGet(ids)])
  return stored.flatMap((record, i) => {
    const drawn = strokes[i]
    if (!record || (!drawn && record.source !== 'paper')) return []
    return [toSignatureRecord(record, drawn?.signature)]
  })
}
