/**
 * The protocol's consent changes, mirrored here until `@shared/register-protocol` declares them
 * (same names and limits as the register's: batch `consentChanges`, answer `consentChanges`).
 * Once it does, import from there and delete this file.
 */
import { z } from 'zod'
import { batchRequestSchema, type BatchRequestInput } from '@shared/register-protocol'
import { CERTIFICATE_NO, UUID } from '@shared/signature'

export const MAX_CONSENT_CHANGES_PER_BATCH = 250

export const consentChangeSchema = z.object({
  id: z.string().regex(UUID),
  certificateNo: z.string().regex(CERTIFICATE_NO),
  changedAt: z.iso.datetime(),
  consents: z.object({
    newsletter: z.boolean(),
    publishName: z.boolean(),
    localStory: z.boolean(),
    localEvents: z.boolean(),
  }),
})
export type ConsentChangeItem = z.infer<typeof consentChangeSchema>

export const consentChangeResultSchema = z.object({
  id: z.string(),
  status: z.enum(['changed', 'rejected']),
  reason: z.string().optional(),
})
export type ConsentChangeResult = z.infer<typeof consentChangeResultSchema>

/** The answer's consent changes; an answer of a register without them has none. */
export const consentChangeResultsSchema = z.array(consentChangeResultSchema).default([])

/** A batch body with its consent changes (left out when there are none, as v1 bodies were). */
export function encodeBatchWithChanges(
  batch: BatchRequestInput,
  consentChanges: readonly ConsentChangeItem[],
): string {
  const body = batchRequestSchema.parse(batch)
  if (consentChanges.length === 0) return JSON.stringify(body)
  return JSON.stringify({
    ...body,
    consentChanges: z
      .array(consentChangeSchema)
      .max(MAX_CONSENT_CHANGES_PER_BATCH)
      .parse(consentChanges),
  })
}
