import { useEffect, useState } from 'react'
import type { ExportFolderInfo } from '@shared/export-jobs'
import { api } from '../../../lib/api'
import { failureMessage } from '../../../lib/failure-message'
import { setChosenFolder, useChosenFolder } from './job-store'

export interface ExportFolderState {
  /** The kiosk's export folder and whether a dialog can pick another; null while loading. */
  info: ExportFolderInfo | null
  /** Where the next export goes. */
  folder: string | null
  /** A folder staff chose in this session, to pass to the jobs; undefined = the default. */
  chosen: string | undefined
  error: string
  choose: () => Promise<void>
  useDefault: () => void
}

/** The export destination: the kiosk's export folder, or one staff chose in the system dialog. */
export function useExportFolder(): ExportFolderState {
  const [info, setInfo] = useState<ExportFolderInfo | null>(null)
  const [error, setError] = useState('')
  const chosen = useChosenFolder()
  useEffect(() => {
    let cancelled = false
    api.getExportInfo().then(
      (answer) => !cancelled && setInfo(answer),
      (failure: unknown) => !cancelled && setError(failureMessage(failure)),
    )
    return () => {
      cancelled = true
    }
  }, [])
  return {
    info,
    folder: chosen ?? info?.folder ?? null,
    chosen: chosen ?? undefined,
    error,
    choose: async () => {
      try {
        const answer = await api.chooseExportFolder()
        if (answer) setChosenFolder(answer.folder === info?.folder ? null : answer.folder)
        setError('')
      } catch (failure) {
        setError(failureMessage(failure))
      }
    },
    useDefault: () => setChosenFolder(null),
  }
}
