/** Endorsement certificates: one page for a visitor, or thousands streamed into one PDF. */
export { renderCertificate, type RenderOptions } from './render'
export {
  writeCertificates,
  NoCertificatesError,
  CopyClosedError,
  type WriteCertificatesOptions,
  type WriteCertificatesResult,
} from './bulk'
export type { CertificateSettings } from './page'
export { verificationUrl } from './format'
export { certificateStrings, hasCertificateStrings, type CertificateStrings } from './strings'
