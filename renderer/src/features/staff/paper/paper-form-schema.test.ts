import { describe, expect, it } from 'vitest'
import { signatureRecordSchema } from '@shared/signature'
import { paperFormSchema, toPaperDraft, type PaperFormInput } from './paper-form-schema'

const now = () => new Date('2026-10-14T10:00:00Z')
const zone = 'Europe/Brussels'

function input(overrides: Partial<PaperFormInput> = {}): PaperFormInput {
  return {
    capacity: 'individual',
    paperRef: ' p-0042 ',
    language: 'fr',
    signedDay: '2026-10-14',
    signedTime: '11:30',
    firstName: ' Élodie ',
    lastName: 'Dubois',
    email: '',
    country: 'FR',
    city: 'Lyon',
    endorse: true,
    newsletter: false,
    publishName: true,
    localStory: false,
    localEvents: false,
    ...overrides,
  }
}

function problems(value: PaperFormInput): Record<string, string> {
  const result = paperFormSchema(value.capacity, zone, now).safeParse(value)
  if (result.success) return {}
  // The first problem of each field, as the form shows it.
  const first: Record<string, string> = {}
  for (const issue of result.error.issues) first[issue.path.join('.')] ??= issue.message
  return first
}

describe('paperFormSchema', () => {
  it('checks the fields as the visitor flow does, and reads the time in the event zone', () => {
    const form = paperFormSchema('individual', zone, now).parse(input())
    expect(form).toMatchObject({
      paperRef: 'P-0042',
      firstName: 'Élodie',
      email: null,
      signedAt: new Date('2026-10-14T09:30:00Z'),
      consents: { newsletter: false, publishName: true, localStory: false, localEvents: false },
    })
    const { id: _id, ...draft } = toPaperDraft('0190f0a0-0000-7000-8000-000000000001', form)
    expect(draft).toMatchObject({ capacity: 'individual', organisationName: null, language: 'fr' })
  })

  it("gives the visitor's messages for the visitor's fields", () => {
    expect(problems(input({ firstName: 'R2-D2' }))).toEqual({ firstName: 'errors.nameChars' })
    expect(problems(input({ email: 'not-an-email' }))).toEqual({ email: 'errors.email' })
    const emptyOrganisation = { organisationType: '', organisationName: '', role: '' }
    expect(problems(input({ capacity: 'organisation', ...emptyOrganisation }))).toMatchObject({
      organisationType: 'errors.organisationType',
      organisationName: 'errors.required',
      role: 'errors.required',
    })
    expect(problems(input({ newsletter: true }))).toEqual({ email: 'errors.emailNeeded' })
  })

  it('refuses a bad reference, an unticked endorsement and an impossible signing time', () => {
    expect(problems(input({ paperRef: 'P 42' }))).toEqual({ paperRef: 'errors.paperRef' })
    expect(problems(input({ paperRef: '' }))).toEqual({ paperRef: 'errors.required' })
    expect(problems(input({ endorse: false }))).toEqual({ endorse: 'errors.paperEndorse' })
    expect(problems(input({ signedDay: '2026-02-30' }))).toEqual({ signedDay: 'errors.signedDay' })
    expect(problems(input({ signedTime: '25:00' }))).toEqual({ signedTime: 'errors.signedTime' })
    // 12:01 in Brussels is 10:01 UTC: a minute after "now".
    expect(problems(input({ signedTime: '12:01' }))).toEqual({ signedDay: 'errors.signedFuture' })
    expect(problems(input({ signedDay: '2025-10-01' }))).toEqual({
      signedDay: 'errors.signedTooOld',
    })
  })

  it('makes a draft the shared record schema accepts once numbered, with no strokes', () => {
    const form = paperFormSchema('organisation', zone, now).parse(
      input({
        capacity: 'organisation',
        organisationType: 'city',
        organisationName: 'Ville de Lyon',
        role: 'Maire',
      }),
    )
    const draft = toPaperDraft('0190f0a0-0000-7000-8000-000000000001', form)
    const record = {
      ...draft,
      source: 'paper' as const,
      certificateNo: 'EWRC26-B01-000001',
      kioskId: 'B01',
      eventCode: 'EWRC26',
      createdAt: form.signedAt.toISOString(),
      day: '2026-10-14',
    }
    expect(signatureRecordSchema.safeParse(record).success).toBe(true)
  })
})
