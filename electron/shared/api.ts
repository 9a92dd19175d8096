/**
 * The whole renderer ↔ main contract, declared once. Each entry names a method, its IPC
 * channel (`domain:verb`), the runtime schema of its one argument and the type of its result.
 * Preload, main's IPC registration, the web host and the renderer all derive from this table.
 */
import { z } from 'zod'
import type { ApiResult } from './api-error'
import {
  journalEntrySchema,
  journalPageRequestSchema,
  journalPurgeSchema,
  type ErasureReport,
  type JournalPage,
  type JournalStats,
} from './journal'
import {
  addCertificatesSchema,
  beginCertificatesSchema,
  type CertificatesDownload,
  type CertificatesJobStarted,
  type CertificatesProgress,
  type CertificatesResult,
} from './bulk-certificates'
import {
  addToExportSchema,
  beginExportSchema,
  jobRefSchema,
  type ExportAddResult,
  type ExportFolderInfo,
  type ExportJobStarted,
  type ExportResult,
} from './export-jobs'
import {
  organiserTextRequestSchema,
  type OrganiserText,
  type OrganiserTextStatus,
} from './organiser-texts'
import type { PrinterList, PrintResult } from './printing'
import { batchRequestSchema } from './register-protocol'
import { settingsUpdateSchema, type PublicSettings } from './settings'
import { signatureRecordSchema, withdrawalSchema } from './signature'
import { staffPinSchema, type StaffStatus, type UnlockResult } from './staff'
import { registerTokenUpdateSchema, type RegisterHealth, type SendBatchOutcome } from './sync'

export type Runtime = 'electron' | 'web'

export interface AppInfo {
  name: string
  version: string
  kioskId: string
  eventCode: string
  eventName: string
  runtime: Runtime
}

/**
 * Who may call a method. `public`: the visitor page, the sync engine, anyone on the transport.
 * `staff`: only while the staff console is unlocked. `setup`: anyone until the first staff PIN is
 * set, staff afterwards. Enforced in one place, `dispatch`.
 */
export type Access = 'public' | 'staff' | 'setup'

interface MethodSpec<S extends z.ZodType, R> {
  channel: `${string}:${string}`
  input: S
  access: Access
  /** Type-only marker for the result; never set or read at runtime. */
  result?: () => R
}

function method<R>() {
  return <S extends z.ZodType>(
    channel: `${string}:${string}`,
    input: S,
    access: Access,
  ): MethodSpec<S, R> => ({ channel, input, access })
}

const none = z.undefined()

export const contract = {
  getAppInfo: method<AppInfo>()('app:info', none, 'public'),
  getSettings: method<PublicSettings>()('settings:get', none, 'public'),
  updateSettings: method<PublicSettings>()('settings:update', settingsUpdateSchema, 'staff'),
  /** Appends committed signatures or withdrawals to the on-disk journal; resolves once fsynced. */
  appendJournal: method<void>()(
    'journal:append',
    z.array(journalEntrySchema).min(1).max(1_000),
    'public',
  ),
  readJournal: method<JournalPage>()('journal:read', journalPageRequestSchema, 'public'),
  getJournalStats: method<JournalStats>()('journal:stats', none, 'public'),
  /** The organisers' declaration or privacy text as the file on disk says it now (English where missing). */
  getOrganiserText: method<OrganiserText>()('content:text', organiserTextRequestSchema, 'public'),
  /** Which of the event's languages lack an organisers' text (the staff dashboard names them). */
  getOrganiserTextStatus: method<OrganiserTextStatus>()('content:status', none, 'public'),
  /**
   * Staff: erases a withdrawn signature from the kiosk's files (journal rewritten with the
   * withdrawal line kept, certificate PDFs deleted) and lists export folders that hold it.
   */
  eraseWithdrawn: method<ErasureReport>()('journal:erase', withdrawalSchema, 'staff'),
  /**
   * Retention: replaces the journal lines of signatures the register confirmed by their purged
   * form (no personal data), atomically. Answers the number of lines replaced. Public: retention
   * runs at start and daily, before anyone unlocks the console.
   */
  purgeJournal: method<number>()('journal:purge', journalPurgeSchema, 'public'),
  /** A certificate PDF, in the signatory's language unless `language` says otherwise. */
  renderCertificate: method<Uint8Array>()(
    'certificates:render',
    z.object({
      record: signatureRecordSchema,
      language: z
        .string()
        .regex(/^[a-z]{2}$/)
        .optional(),
    }),
    'public',
  ),
  /** Prints a certificate on the printer chosen in settings; answers within the print timeout. */
  printCertificate: method<PrintResult>()(
    'certificates:print',
    z.object({ record: signatureRecordSchema }),
    'public',
  ),
  listPrinters: method<PrinterList>()('printers:list', none, 'public'),
  printTestPage: method<PrintResult>()(
    'printers:test-page',
    z.object({ printerName: z.string().min(1).max(127) }),
    'staff',
  ),
  getStaffStatus: method<StaffStatus>()('staff:status', none, 'public'),
  /** Checks the PIN; too many wrong ones lock entry for a growing delay. */
  unlockStaff: method<UnlockResult>()(
    'staff:unlock',
    z.object({ pin: z.string().max(64) }),
    'public',
  ),
  lockStaff: method<void>()('staff:lock', none, 'public'),
  /** Staff activity: keeps the console session alive (it locks after two idle minutes). */
  touchStaff: method<StaffStatus>()('staff:touch', none, 'staff'),
  /** Sets the PIN on first start; changing it later needs an unlocked console. */
  setStaffPin: method<void>()('staff:set-pin', z.object({ pin: staffPinSchema }), 'setup'),
  /**
   * Whether the register in settings answers `/v1/health` now (the sync engine sends only then).
   * With `pendingCount` (signatures not yet sent), a heartbeat tells the organisers' fleet view.
   */
  checkRegister: method<RegisterHealth>()(
    'sync:health',
    z.object({ pendingCount: z.number().int().nonnegative().max(10_000_000) }).optional(),
    'public',
  ),
  /** Sends one batch with the token from settings: accepted, retry later, or stopped (and why). */
  sendBatch: method<SendBatchOutcome>()('sync:send-batch', batchRequestSchema, 'public'),
  /** Stores a new register token as a secret (never returned), or forgets it with null. */
  setRegisterToken: method<PublicSettings>()(
    'settings:set-register-token',
    registerTokenUpdateSchema,
    'staff',
  ),
  /** Staff: where exports go by default, and whether another folder can be chosen. */
  getExportInfo: method<ExportFolderInfo>()('export:info', none, 'staff'),
  /** Staff: the system folder dialog in Electron (null when cancelled); the export folder on the web host. */
  chooseExportFolder: method<{ folder: string } | null>()('export:choose-folder', none, 'staff'),
  /** Staff: starts exporting a day (or a table selection) into the default or a chosen folder. */
  beginExport: method<ExportJobStarted>()('export:begin', beginExportSchema, 'staff'),
  /** Staff: one chunk of the export's records, withdrawals and audit entries. */
  addToExport: method<ExportAddResult>()('export:add', addToExportSchema, 'staff'),
  /** Staff: writes the batch atomically and ends the job. */
  finishExport: method<ExportResult>()('export:finish', jobRefSchema, 'staff'),
  cancelExport: method<void>()('export:cancel', jobRefSchema, 'staff'),
  /** Staff: starts one PDF of certificates (a page each) in the export folder. */
  beginCertificates: method<CertificatesJobStarted>()(
    'certificates:bulk-begin',
    beginCertificatesSchema,
    'staff',
  ),
  /** Staff: a chunk of records; answers once the PDF writer has caught up, with pages done. */
  addCertificates: method<CertificatesProgress>()(
    'certificates:bulk-add',
    addCertificatesSchema,
    'staff',
  ),
  finishCertificates: method<CertificatesResult>()(
    'certificates:bulk-finish',
    jobRefSchema,
    'staff',
  ),
  /** Staff: stops the writer; nothing is left at the PDF's path. */
  cancelCertificates: method<void>()('certificates:bulk-cancel', jobRefSchema, 'staff'),
  /**
   * Staff, web host: a one-time URL that streams the job's finished PDF from disk as a download
   * (chunked, any size). Elsewhere refused: Electron staff open the file from the export folder.
   */
  downloadCertificates: method<CertificatesDownload>()(
    'certificates:bulk-download',
    jobRefSchema,
    'staff',
  ),
  /**
   * Staff: sends the job's finished PDF (the file main wrote; never a path from the page) to the
   * printer chosen in settings. Answers once the print queue has it, within two minutes.
   */
  printCertificates: method<PrintResult>()('certificates:bulk-print', jobRefSchema, 'staff'),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodResult<M extends MethodName> = ReturnType<NonNullable<Contract[M]['result']>>

type Call<M extends MethodName, R> =
  undefined extends MethodInput<M>
    ? (input?: MethodInput<M>) => Promise<R>
    : (input: MethodInput<M>) => Promise<R>

/** The API as the renderer code uses it (`lib/api.ts`): results, with failures thrown as ApiError. */
export type KioskApi = { [M in MethodName]: Call<M, MethodResult<M>> }

/** What preload exposes as `window.kiosk`: the same named methods, answering in the envelope so errors keep their code across the bridge. */
export type KioskBridge = { [M in MethodName]: Call<M, ApiResult<MethodResult<M>>> }

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
