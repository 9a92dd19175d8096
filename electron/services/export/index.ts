/** Day batch export: the writer the staff console calls and the reader the CLI tools share. */
export { writeDayBatch, type WriteDayBatchOptions, type WrittenBatch } from './write-batch'
export { readExportBatch, ExportInvalidError, type ExportBatch } from './read-batch'
export { CSV_COLUMNS, CSV_HEADERS } from './csv'
export {
  BATCH_FILES,
  MANIFEST_FILE,
  batchFolderName,
  exportManifestSchema,
  type ExportManifest,
} from './manifest'
