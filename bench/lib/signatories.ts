import type { SignatureRecord } from '../../electron/shared/signature'
import {
  sampleSignatures,
  type SampleSignatureOptions,
} from '../../electron/shared/testing/sample-signatures'

/**
 * The tests' generator (names from every EU language, both capacities, every country), with each
 * email and organisation made unique by `tag`: the generator reuses organisation names, which the
 * kiosk and the register rightly answer as duplicates, and a bench of "save a signature" or "sync
 * 10,000" must do that work for each record rather than stop at the duplicate check.
 * Pure: runs in Node and, bundled, in the bench page.
 */
export function benchSignatures(
  options: SampleSignatureOptions & { tag: string },
): SignatureRecord[] {
  const { tag, ...sample } = options
  return sampleSignatures({ eventCode: 'EWRC26', ...sample }).map((record, i) => ({
    ...record,
    email: record.email ? record.email.replace('@', `.${tag}${i}@`) : null,
    organisationName: record.organisationName
      ? `${record.organisationName} ${tag}${i}`
      : record.organisationName,
  }))
}
