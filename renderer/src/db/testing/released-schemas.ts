/**
 * The store declarations of released schema versions, copied here on purpose: upgrade tests open
 * a database exactly as an earlier release left it, independent of what schema.ts says today.
 */
export const RELEASED_V1_STORES = {
  signatures:
    'id, &certificateNo, createdAt, day, capacity, organisationType, country, syncState, emailKey, orgKey',
  tombstones: 'id, &certificateNo, withdrawnAt, syncState',
  counters: 'key',
  journalQueue: 'id',
  audit: '++id, at, action',
  meta: 'key',
} as const

/** Every store as version 5 left them (v2 strokes, v3 outbox, v5 consent changes; no v4). */
export const RELEASED_V5_STORES = {
  ...RELEASED_V1_STORES,
  strokes: 'id',
  batches: 'id, state, createdAt',
  consentChanges: 'id, signatureId, certificateNo, syncState',
} as const
