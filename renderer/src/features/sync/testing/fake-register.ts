/**
 * An in-memory stand-in for the host API's sync methods and the register behind them, for the
 * engine's unit tests. It keeps the register's rules that matter to the kiosk: a batch id is
 * applied once and answered the same way again; a changed body under a known id is refused; a
 * record is a duplicate by id or by email. The end-to-end tests use the real register.
 */
import type { BatchRequestInput, BatchResponse, RecordResult } from '@shared/register-protocol'
import type { SignatureRecord } from '@shared/signature'
import { encodeBatchBody, type RegisterHealth, type SendBatchOutcome } from '@shared/sync'
import type { SyncApi } from '../engine'

export interface FakeRegister {
  api: SyncApi
  /** Every body received, in order, as the host would have sent it. */
  bodies: string[]
  /** Records registered, by id. */
  registered: Map<string, SignatureRecord>
  withdrawn: Set<string>
  /** Answers to give instead of the register's, one per send, before anything is applied. */
  failNext: SendBatchOutcome[]
  /** Apply the batch, then answer with this instead (a connection lost after the commit). */
  loseAnswerNext: number
  health: RegisterHealth
  kioskId: string
  /**
   * A fault by content (a record the register cannot take): the answer to give for this body,
   * before anything is applied, or after the batch was applied when `afterCommit` is set.
   */
  failIf?: (body: string) => { outcome: SendBatchOutcome; afterCommit?: boolean } | null
  /** Called when a send starts; return a promise to hold the answer back. */
  onSend?: () => Promise<void> | void
}

export function fakeRegister(
  options: { others?: SignatureRecord[]; kioskId?: string } = {},
): FakeRegister {
  const batches = new Map<string, { body: string; response: BatchResponse }>()
  const emails = new Map<string, string>()
  const registered = new Map<string, SignatureRecord>()
  for (const record of options.others ?? []) {
    registered.set(record.id, record)
    if (record.email) emails.set(record.email, record.certificateNo)
  }

  const fake: FakeRegister = {
    bodies: [],
    registered,
    withdrawn: new Set(),
    failNext: [],
    loseAnswerNext: 0,
    health: { state: 'ok', version: 'test', credential: 'cred-1' },
    kioskId: options.kioskId ?? 'B01',
    api: {
      getAppInfo: async () => ({
        name: 'test',
        version: '0',
        kioskId: fake.kioskId,
        eventCode: 'EWRC26',
        eventName: 'Test',
        runtime: 'web' as const,
      }),
      checkRegister: async () => fake.health,
      sendBatch: async (input: BatchRequestInput): Promise<SendBatchOutcome> => {
        const body = encodeBatchBody(input)
        fake.bodies.push(body)
        await fake.onSend?.()
        const failure = fake.failNext.shift()
        if (failure) return failure
        const fault = fake.failIf?.(body) ?? null
        if (fault && !fault.afterCommit) return fault.outcome
        const batch = JSON.parse(body) as {
          batchId: string
          records: SignatureRecord[]
          withdrawals: { id: string }[]
        }
        const known = batches.get(batch.batchId)
        if (known && known.body !== body) {
          return { kind: 'stop', status: 409, reason: 'changed body', credential: 'cred-1' }
        }
        const response = known?.response ?? apply(batch)
        batches.set(batch.batchId, { body, response })
        if (fault) return fault.outcome
        if (fake.loseAnswerNext > 0) {
          fake.loseAnswerNext -= 1
          return { kind: 'retry', status: null, retryAfterMs: null, reason: 'connection lost' }
        }
        return { kind: 'accepted', response }
      },
    },
  }

  function apply(batch: {
    batchId: string
    records: SignatureRecord[]
    withdrawals: { id: string }[]
  }): BatchResponse {
    const results = batch.records.map((record): RecordResult => {
      const same = registered.get(record.id)
      if (same) {
        return { id: record.id, status: 'duplicate', certificateNo: same.certificateNo }
      }
      if (!record.firstName) {
        return { id: record.id, status: 'rejected', reason: 'firstName: too short' }
      }
      const earlier = record.email ? emails.get(record.email) : undefined
      if (earlier) {
        return {
          id: record.id,
          status: 'duplicate',
          certificateNo: earlier,
          reason: 'this email address has already signed',
        }
      }
      registered.set(record.id, record)
      if (record.email) emails.set(record.email, record.certificateNo)
      return { id: record.id, status: 'accepted' }
    })
    const withdrawals = batch.withdrawals.map(({ id }) => {
      fake.withdrawn.add(id)
      return { id, status: 'withdrawn' as const }
    })
    return { batchId: batch.batchId, results, withdrawals }
  }

  return fake
}
