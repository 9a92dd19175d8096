import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { contract, METHOD_NAMES } from '../shared/api'
import { dispatch, type Handlers } from '../services/dispatch'
import type { Logger } from '../services/logger'

/**
 * Registers every contract method on its channel. Calls from any frame other than our own page
 * are refused; the argument is validated by `dispatch` before the handler runs.
 */
export function registerIpc(handlers: Handlers, isOwnPage: (url: string) => boolean, log: Logger) {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(contract[name].channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isOwnPage(url)) {
        log.warn({ method: name, url }, 'refused IPC call from a foreign frame')
        return {
          ok: false,
          error: { code: 'forbidden', message: `${name}: not allowed from ${url}` },
        }
      }
      return dispatch(handlers, name, input, log)
    })
  }
}
