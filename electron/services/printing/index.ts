/** Printing PDFs through the OS spooler (CUPS; SumatraPDF on Windows), with a clear answer and a deadline every time. */
export { listPrinters, type ListPrintersOptions } from './printers'
export { printPdf, type PrintPdfOptions } from './print-pdf'
export { printTestPage, renderTestPage } from './test-page'
export type { Printer, PrinterList, PrintFailure, PrintFailureReason, PrintResult } from './types'
