import { app, session, type WebContents } from 'electron'
import { basename, join } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

/**
 * Kiosk lockdown for every web contents: no navigation away from our page, no new windows,
 * no webviews, every permission request denied, and the CSP on every response.
 */
export function applyLockdown(
  isOwnPage: (url: string) => boolean,
  isProduction: boolean,
  downloadsDir: string,
) {
  // A download (the certificate PDF fallback) never opens a save dialog over the kiosk.
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSavePath(join(downloadsDir, basename(item.getFilename())))
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    if (isProduction) {
      contents.on('before-input-event', (event, input) => {
        const key = input.key.toLowerCase()
        const reload = key === 'f5' || ((input.control || input.meta) && key === 'r')
        const devtools =
          key === 'f12' ||
          ((input.control || input.meta) && input.shift && ['i', 'j', 'c'].includes(key))
        if (reload || devtools) event.preventDefault()
      })
      contents.on('devtools-opened', () => contents.closeDevTools())
    }
  })
}
