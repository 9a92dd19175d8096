import type { Capacity, Consents, SignatureStrokes } from '@shared/signature'
import type { SignatureDraft } from '../../db/save-signature'
import type { Details, DetailsInput } from './details-schema'

/** Everything one visitor has entered so far. Lives only in React state: gone when the flow unmounts. */
export interface VisitorDraft {
  /** Fixed when the visitor starts, so a double-tapped confirm saves the same record once. */
  id: string
  language: string
  capacity?: Capacity
  /** What the form fields hold (for Back and Change). */
  detailsInput?: DetailsInput
  details?: Details
  consents?: Omit<Consents, 'endorse'> & { endorse: boolean }
  /**
   * The email given on the principles step for an optional choice. Kept apart from `details`,
   * which the details form rewrites whole: stored there, it was lost on the way back through it.
   */
  consentEmail?: string | null
  signature?: SignatureStrokes
}

export type CompleteDraft = Required<
  Pick<VisitorDraft, 'capacity' | 'details' | 'consents' | 'signature'>
> &
  VisitorDraft

export function isComplete(draft: VisitorDraft): draft is CompleteDraft {
  return Boolean(draft.capacity && draft.details && draft.consents?.endorse && draft.signature)
}

/** The visitor's email: the one typed with the details, else the one given for an optional choice. */
export function emailOf(draft: Pick<VisitorDraft, 'details' | 'consentEmail'>): string | null {
  return draft.details?.email ?? draft.consentEmail ?? null
}

/** The record to save, from a complete draft. */
export function toSignatureDraft(draft: CompleteDraft): SignatureDraft {
  const { details, capacity } = draft
  const organisation = capacity === 'organisation'
  return {
    id: draft.id,
    language: draft.language,
    capacity,
    organisationType: organisation ? (details.organisationType ?? null) : null,
    organisationName: organisation ? (details.organisationName ?? null) : null,
    role: organisation ? (details.role ?? null) : null,
    firstName: details.firstName,
    lastName: details.lastName,
    email: emailOf(draft),
    country: details.country,
    city: details.city,
    consents: { ...draft.consents, endorse: true },
    signature: draft.signature,
  }
}
