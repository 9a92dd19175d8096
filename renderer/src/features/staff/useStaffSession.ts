import { useEffect, useRef } from 'react'
import { STAFF_IDLE_MS } from '@shared/staff'
import { api } from '../../lib/api'
import { watchIdle } from '../../lib/idle-timer'
import type { LockReason } from './audit/lock-audit'

const HEARTBEAT_MS = 30_000

/**
 * Locks the console after two idle minutes, and while staff are active tells the main process
 * (at most every 30 s) so its session does not expire under them. A running job (`isBusy`)
 * postpones the lock: a long certificate PDF must not be cancelled by an idle screen, and staff
 * must find the answer of a bulk PDF sent to the printer (at most its 2-minute deadline).
 */
export function useStaffSession(
  onLock: (reason: LockReason) => void,
  isBusy: () => boolean = () => false,
) {
  const lastBeat = useRef(0)
  useEffect(
    () =>
      watchIdle({
        ms: STAFF_IDLE_MS,
        onIdle: (rearm) => (isBusy() ? rearm() : onLock('idle')),
        onActivity: () => {
          const now = Date.now()
          if (now - lastBeat.current > HEARTBEAT_MS) {
            lastBeat.current = now
            // The main process refuses once its own session has run out idle.
            api.touchStaff().catch(() => onLock('idle'))
          }
        },
      }),
    [onLock, isBusy],
  )
}
