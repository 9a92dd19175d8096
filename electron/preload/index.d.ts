import type { KioskBridge } from '../shared/api'

declare global {
  interface Window {
    /** Present in Electron only (preload); the web host is reached over HTTP instead. */
    kiosk?: KioskBridge
  }
}
