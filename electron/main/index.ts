/** Electron glue: lifecycle, the kiosk window, lockdown, IPC. All logic lives in services. */
import { app, dialog, Menu, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startHandoutSweeper } from '../services/certificate-handouts'
import { createLogger } from '../services/logger'
import { openKioskServices } from '../services/kiosk-services'
import { SettingsUnusableError } from '../services/settings-store'
import { registerIpc } from './ipc'
import { applyLockdown } from './lockdown'
import { pageRules } from './page-url'
import { osKeyProvider } from './os-key'
import { createKioskWindow } from './window'

const here = fileURLToPath(new URL('.', import.meta.url))
const windowed = process.argv.includes('--windowed') || process.env.KIOSK_WINDOWED === '1'
const { pageUrl, isProduction, isOwnPage } = pageRules({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  rendererIndexUrl: pathToFileURL(join(here, '../renderer/index.html')).href,
})

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const log = createLogger('main')
  if (process.env.KIOSK_DATA_DIR) app.setPath('userData', process.env.KIOSK_DATA_DIR)
  Menu.setApplicationMenu(null)

  let kioskWindow: BrowserWindow | undefined
  /** Staff pick the export folder (a USB stick) in the system dialog, over the kiosk window. */
  const chooseFolder = async (): Promise<string | null> => {
    const options: Electron.OpenDialogOptions = {
      title: 'Export folder',
      properties: ['openDirectory', 'createDirectory'],
    }
    const answer = kioskWindow
      ? await dialog.showOpenDialog(kioskWindow, options)
      : await dialog.showOpenDialog(options)
    return answer.canceled ? null : (answer.filePaths[0] ?? null)
  }

  void app.whenReady().then(async () => {
    const handouts = join(app.getPath('userData'), 'certificates')
    applyLockdown(isOwnPage, isProduction, handouts)
    startHandoutSweeper(handouts, {
      onError: (error) => log.warn(`Could not clear saved certificates: ${String(error)}`),
    })
    let services: Awaited<ReturnType<typeof openKioskServices>>
    try {
      services = await openKioskServices({
        dataDir: app.getPath('userData'),
        runtime: 'electron',
        log,
        exportsDir: join(app.getPath('userData'), 'exports'),
        chooseFolder,
        keyProvider: osKeyProvider(app.getPath('userData')),
      })
    } catch (error) {
      // Damaged settings: refuse to start rather than run on defaults; say which file and why.
      if (!(error instanceof SettingsUnusableError)) throw error
      log.error({ file: error.file }, error.message)
      dialog.showErrorBox('Cohesion Kiosk cannot start', error.message)
      app.exit(1)
      return
    }
    registerIpc(services.api, isOwnPage, log)
    const window = (kioskWindow = createKioskWindow({
      preload: join(here, '../preload/index.cjs'),
      windowed,
      devTools: !isProduction,
    }))
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore()
      window.focus()
    })
    await window.loadURL(pageUrl)
  })

  app.on('window-all-closed', () => app.quit())
}
