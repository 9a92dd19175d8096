// The shapes are part of the renderer contract, so they are declared in electron/shared.
export type {
  PrintFailureReason,
  PrintFailure,
  PrintResult,
  Printer,
  PrinterList,
} from '../../shared/printing'

export const UNSUPPORTED_MESSAGE =
  'Printing from the kiosk needs the CUPS print system (Linux or macOS). On this computer, open the certificate PDF and print it from the PDF viewer.'

/** Whether this OS has the CUPS command-line tools we drive. */
export function spoolerSupported(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32'
}
