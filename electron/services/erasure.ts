import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ErasureReport } from '../shared/journal'
import type { Withdrawal } from '../shared/signature'
import type { Journal } from './journal'

/** Where the kiosk keeps files that may hold a visitor's data. */
export interface ErasurePlaces {
  journal: Journal
  /** Folders of certificate PDFs saved on the kiosk (`<data>/certificates`, the print spool). */
  certificateDirs: string[]
  /** The export folder on the kiosk's own disk. */
  exportDir: string
}

/** How deep batch folders sit in the export folder (a selection export holds day batches). */
const EXPORT_DEPTH = 2
/** Larger files are not searched (an export batch's files are far smaller per person). */
const MAX_SEARCHED_BYTES = 512 * 1024 * 1024

/**
 * Erases a withdrawn signature from every file the kiosk keeps: its journal lines (the
 * withdrawal line stays), its certificate PDFs saved on the kiosk; and finds the export
 * folders on the kiosk's disk that hold it, for staff to export again or destroy (an export is
 * a deliberate copy for the organisers, so it is not changed behind their back).
 */
export async function eraseWithdrawn(
  places: ErasurePlaces,
  withdrawal: Withdrawal,
): Promise<ErasureReport> {
  const journalLines = await places.journal.erase(withdrawal)
  const certificatesDeleted: string[] = []
  for (const dir of places.certificateDirs) {
    for (const name of await listNames(dir)) {
      if (!name.includes(withdrawal.certificateNo)) continue
      const file = join(dir, name)
      await rm(file, { force: true })
      certificatesDeleted.push(file)
    }
  }
  const exportFolders: string[] = []
  for (const entry of await listEntries(places.exportDir)) {
    if (!entry.isDirectory()) continue
    const folder = join(places.exportDir, entry.name)
    const needles = [withdrawal.id, withdrawal.certificateNo]
    exportFolders.push(...(await foldersHolding(folder, needles, EXPORT_DEPTH - 1)))
  }
  return { journalLines, certificatesDeleted, exportFolders }
}

/** Folders under `dir` (to `depth` levels) with a file that contains one of `needles`. */
async function foldersHolding(dir: string, needles: string[], depth: number): Promise<string[]> {
  const found: string[] = []
  const entries = await listEntries(dir)
  let holds = false
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (depth > 0) found.push(...(await foldersHolding(path, needles, depth - 1)))
    } else if (entry.isFile() && !holds) {
      holds = await fileHolds(path, needles)
    }
  }
  return holds ? [dir, ...found] : found
}

async function fileHolds(file: string, needles: string[]): Promise<boolean> {
  try {
    const bytes = await readFile(file)
    if (bytes.length > MAX_SEARCHED_BYTES) return false
    return needles.some((needle) => bytes.includes(needle))
  } catch {
    return false
  }
}

async function listEntries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch {
    return []
  }
}
