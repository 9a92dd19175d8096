import { STAFF_PIN } from '../staff/staff-page'
import type { WebHostProcess } from './web-host'

/** What calling a host takes: its origin and per-launch secret. */
export type HostAddress = Pick<WebHostProcess, 'origin' | 'secret'>

export interface Envelope {
  ok: boolean
  value?: unknown
  error?: { code: string; message: string }
}

/** Calls the kiosk host's API from a test, with the per-launch secret, as the page would. */
export async function callHost(
  host: HostAddress,
  method: string,
  input?: unknown,
): Promise<Envelope> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.secret}` },
    body: JSON.stringify({ input }),
  })
  return (await response.json()) as Envelope
}

/** Like `callHost`, answering the value and throwing the host's message on a refusal. */
export async function hostValue<T = unknown>(
  host: HostAddress,
  method: string,
  input?: unknown,
): Promise<T> {
  const envelope = await callHost(host, method, input)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`)
  return envelope.value as T
}

/**
 * Opens a staff session on the host for staff-only methods (settings, token, exports): sets the
 * PIN on a fresh kiosk (which opens a session) or unlocks with it.
 */
export async function unlockHost(host: HostAddress, pin = STAFF_PIN): Promise<void> {
  const status = await hostValue<{ pinSet: boolean }>(host, 'getStaffStatus')
  if (!status.pinSet) return void (await hostValue(host, 'setStaffPin', { pin }))
  const unlocked = await hostValue<{ ok: boolean }>(host, 'unlockStaff', { pin })
  if (!unlocked.ok) throw new Error('The staff PIN was refused')
}
