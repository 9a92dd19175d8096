// The shapes are part of the renderer contract, so they are declared in electron/shared.
export type {
  PrintFailureReason,
  PrintFailure,
  PrintResult,
  Printer,
  PrinterList,
} from '../../shared/printing'
