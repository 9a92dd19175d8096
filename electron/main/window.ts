import { BrowserWindow } from 'electron'

export interface WindowOptions {
  preload: string
  windowed: boolean
  devTools: boolean
}

/** The one kiosk window: full screen kiosk mode unless windowed for development. */
export function createKioskWindow({ preload, windowed, devTools }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1920,
    height: 1080,
    kiosk: !windowed,
    fullscreen: !windowed,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#003399',
    title: 'Cohesion Kiosk',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools,
    },
  })
  window.once('ready-to-show', () => window.show())
  return window
}
