import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { contract, METHOD_NAMES } from '../shared/api'
import { ApiError } from '../shared/api-error'
import { dispatch, type ServedApi } from '../services/dispatch'
import type { Logger } from '../services/logger'

/**
 * Registers every contract method on its channel. Calls from any frame other than our own page
 * are refused; the access rule and the argument are checked by `dispatch` before the handler runs.
 */
export function registerIpc(api: ServedApi, isOwnPage: (url: string) => boolean, log: Logger) {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(contract[name].channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isOwnPage(url)) {
        log.warn({ method: name, url }, 'refused IPC call from a foreign frame')
        const refusal = new ApiError('forbidden', `${name}: not allowed from ${url}`, {
          reason: 'foreign-frame',
        })
        return { ok: false, error: refusal.toShape() }
      }
      return dispatch(api, name, input, log)
    })
  }
}
