/** Exposes exactly the contract's named methods as `window.kiosk`; nothing else crosses the bridge. */
import { contextBridge, ipcRenderer } from 'electron'
import { contract, type KioskBridge, type MethodName } from '../shared/api'

function call<M extends MethodName>(name: M): KioskBridge[M] {
  return ((input?: unknown) => ipcRenderer.invoke(contract[name].channel, input)) as KioskBridge[M]
}

const kiosk = {
  getAppInfo: call('getAppInfo'),
  getSettings: call('getSettings'),
  updateSettings: call('updateSettings'),
  appendJournal: call('appendJournal'),
  readJournal: call('readJournal'),
  getJournalStats: call('getJournalStats'),
  getOrganiserText: call('getOrganiserText'),
  getOrganiserTextStatus: call('getOrganiserTextStatus'),
  eraseWithdrawn: call('eraseWithdrawn'),
  purgeJournal: call('purgeJournal'),
  renderCertificate: call('renderCertificate'),
  printCertificate: call('printCertificate'),
  listPrinters: call('listPrinters'),
  printTestPage: call('printTestPage'),
  getStaffStatus: call('getStaffStatus'),
  unlockStaff: call('unlockStaff'),
  lockStaff: call('lockStaff'),
  touchStaff: call('touchStaff'),
  setStaffPin: call('setStaffPin'),
  checkRegister: call('checkRegister'),
  sendBatch: call('sendBatch'),
  setRegisterToken: call('setRegisterToken'),
  getExportInfo: call('getExportInfo'),
  chooseExportFolder: call('chooseExportFolder'),
  beginExport: call('beginExport'),
  addToExport: call('addToExport'),
  finishExport: call('finishExport'),
  cancelExport: call('cancelExport'),
  beginCertificates: call('beginCertificates'),
  addCertificates: call('addCertificates'),
  finishCertificates: call('finishCertificates'),
  cancelCertificates: call('cancelCertificates'),
  downloadCertificates: call('downloadCertificates'),
  printCertificates: call('printCertificates'),
} satisfies KioskBridge

contextBridge.exposeInMainWorld('kiosk', kiosk)
