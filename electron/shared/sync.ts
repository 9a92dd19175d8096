/**
 * What the kiosk's sync engine (renderer) and its register client (main process) tell each
 * other. The register token stays in the main process: the renderer hands over a batch and gets
 * back one of the outcomes below, never the token.
 */
import { z } from 'zod'
import { batchRequestSchema, type BatchRequestInput, type BatchResponse } from './register-protocol'

/** `settings:set-register-token`: a new kiosk token from the register, or null to forget it. */
export const registerTokenUpdateSchema = z.object({
  token: z
    .string()
    .trim()
    .min(16, 'The register token is at least 16 characters: paste the whole token.')
    .max(512, 'The register token is at most 512 characters.')
    .regex(/^[\x21-\x7e]+$/, 'The register token has no spaces or special characters.')
    .nullable(),
})
export type RegisterTokenUpdate = z.infer<typeof registerTokenUpdateSchema>

/**
 * `sync:health`. `credential` is a short, non-secret fingerprint of the register URL and token
 * now in use: the engine retries a batch stopped by a refused token once the fingerprint changes.
 */
export type RegisterHealth =
  | { state: 'ok'; version: string; credential: string }
  | { state: 'not-configured'; reason: string }
  | { state: 'unreachable'; reason: string }

/**
 * `sync:send-batch`:
 * - `accepted`: the register answered 200 with per-record results (a replay answers the same);
 * - `retry`: nothing is known to be wrong with the batch: send the same bytes again later,
 *   after `retryAfterMs` when the register said so;
 * - `stop`: the register refused this batch or this kiosk; sending it again unchanged will not
 *   help until someone acts (a new token, a fixed URL). `status` is null for a refusal that is
 *   not an HTTP answer (a redirect elsewhere, an unusable answer).
 * - `not-configured`: no register URL or no token in settings.
 */
export type SendBatchOutcome =
  | { kind: 'accepted'; response: BatchResponse }
  | { kind: 'retry'; reason: string; status: number | null; retryAfterMs: number | null }
  | { kind: 'stop'; reason: string; status: number | null; credential: string }
  | { kind: 'not-configured'; reason: string }

/**
 * The exact bytes of a batch request body. The renderer stores these before the first send and
 * the main process sends these same bytes (it re-encodes the validated request, which gives the
 * same text), so every retry of a batch is byte-identical.
 */
export function encodeBatchBody(batch: BatchRequestInput): string {
  return JSON.stringify(batchRequestSchema.parse(batch))
}
