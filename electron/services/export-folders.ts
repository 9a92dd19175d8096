import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ApiError } from '../shared/api-error'
import { writeProblemOf } from './write-problem'
import type { ExportFolderInfo } from '../shared/export-jobs'

/** Asks the person at the kiosk for a folder (Electron's system dialog); null when they cancel. */
export type ChooseFolder = () => Promise<string | null>

/**
 * Where exports and bulk certificates may be written: the kiosk's export folder, and any folder
 * staff picked in the system dialog during this run. A path the renderer makes up is refused, so
 * a compromised page cannot use the export to write files wherever it likes.
 */
export class ExportFolders {
  private readonly allowed = new Set<string>()

  /**
   * @param defaultDir the export folder (web host: `--exports`, default `<data>/exports`).
   * @param chooser the system folder dialog; absent on the web host, where the folder is fixed.
   */
  constructor(
    readonly defaultDir: string,
    private readonly chooser?: ChooseFolder,
  ) {
    this.allowed.add(resolve(defaultDir))
  }

  info(): ExportFolderInfo {
    return { folder: resolve(this.defaultDir), canChoose: this.chooser !== undefined }
  }

  /**
   * Lets staff pick a folder (a USB stick) where a dialog exists; on the web host answers the
   * export folder itself. Null when staff cancel the dialog.
   */
  async choose(): Promise<string | null> {
    if (!this.chooser) return this.ensure()
    const picked = await this.chooser()
    if (!picked) return null
    const folder = resolve(picked)
    this.allowed.add(folder)
    return folder
  }

  /**
   * The folder to write into: the one given, if it was offered during this run, else the
   * default (created when missing). A chosen folder must exist: a pulled stick is not recreated
   * as an empty local folder.
   */
  async resolve(folder?: string): Promise<string> {
    if (folder === undefined) return this.ensure()
    const wanted = resolve(folder)
    if (!this.allowed.has(wanted)) {
      throw new ApiError(
        'forbidden',
        'That folder was not chosen in the folder dialog; choose it again.',
        { reason: 'folder-not-chosen' },
      )
    }
    return wanted === resolve(this.defaultDir) ? this.ensure() : wanted
  }

  private async ensure(): Promise<string> {
    const folder = resolve(this.defaultDir)
    try {
      await mkdir(folder, { recursive: true })
    } catch (error) {
      throw new ApiError(
        'unavailable',
        `The export folder ${folder} cannot be created: ${(error as Error).message}`,
        { reason: 'write-failed', params: { path: folder, problem: writeProblemOf(error) } },
      )
    }
    return folder
  }
}
