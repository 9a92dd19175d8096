/**
 * The sync feature's public face for the rest of the renderer: start it after the database is
 * prepared, show `<SyncPanel />` in the staff console, or build another view on the hooks.
 */
export { SyncPanel } from './SyncPanel'
export { SyncPanelView, type SyncPanelViewProps } from './SyncPanelView'
export { startSync, syncNow } from './start-sync'
export { useProblemPage, useSyncStatus } from './useSyncStatus'
export type { ProblemPage, SyncProblem, SyncStatus } from './status'
