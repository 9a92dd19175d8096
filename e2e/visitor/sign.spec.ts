import { test, expect } from '../support/fixtures'
import { storedRows, storedSignatures, VisitorPage, type Person } from './visitor-page'

const individuals: Record<'en' | 'fr' | 'de', Person> = {
  en: {
    firstName: 'Siobhán',
    lastName: "O'Brien",
    email: ' Siobhan.OBrien@Example.IE ',
    countryName: 'Ireland',
    city: 'Galway',
  },
  fr: { firstName: 'Ξανθή', lastName: 'Παπαδοπούλου', countryName: 'Grèce', city: 'Θεσσαλονίκη' },
  de: {
    firstName: 'Łukasz',
    lastName: 'Mария-Йорданова Żółć',
    email: 'lukasz@example.pl',
    countryName: 'Polen',
  },
}

for (const lang of ['en', 'fr', 'de'] as const) {
  test(`an individual signs in ${lang} and IndexedDB holds exactly what was typed`, async ({
    kiosk,
  }) => {
    const visitor = new VisitorPage(kiosk, lang)
    const person = individuals[lang]
    await visitor.signUpToReview(person)
    const certificateNo = await visitor.confirm()
    expect(certificateNo).toBe('EWRC26-B01-000001')
    const [record, ...others] = await storedSignatures(kiosk)
    expect(others).toHaveLength(0)
    expect(record).toMatchObject({
      certificateNo,
      language: lang,
      capacity: 'individual',
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email ? person.email.trim().toLowerCase() : null,
      city: person.city ?? null,
      organisationName: null,
      consents: { endorse: true, newsletter: false, publishName: false, localStory: false },
      syncState: 'pending',
    })
    const [strokes] = await storedRows(kiosk, 'strokes')
    expect(strokes?.id).toBe(record?.id)
    expect((strokes?.signature as { strokes: number[][] }).strokes.length).toBeGreaterThan(0)
  })
}

const organisations: Record<'en' | 'fr' | 'de', Person & { typeValue: string; country: string }> = {
  en: {
    firstName: 'Ana',
    lastName: 'Țurcanu',
    email: 'ana@iasi.ro',
    countryName: 'Romania',
    country: 'RO',
    typeValue: 'city',
    organisation: {
      typeLabel: 'City, county or municipality',
      name: 'Municipiul Iași',
      role: 'Primar',
    },
  },
  fr: {
    firstName: 'Élodie',
    lastName: 'Lefèvre',
    countryName: 'France',
    country: 'FR',
    typeValue: 'region',
    organisation: { typeLabel: 'Région', name: 'Région Île-de-France', role: 'Vice-présidente' },
  },
  de: {
    firstName: 'Jürgen',
    lastName: 'Weiß',
    email: 'j.weiss@example.de',
    countryName: 'Österreich',
    country: 'AT',
    typeValue: 'civic-society',
    organisation: {
      typeLabel: 'Zivilgesellschaftliche Organisation',
      name: 'Bürgerforum Kärnten',
      role: 'Obmann',
    },
  },
}

for (const lang of ['en', 'fr', 'de'] as const) {
  test(`an organisation signs in ${lang} with its type, name and role`, async ({ kiosk }) => {
    const visitor = new VisitorPage(kiosk, lang)
    const person = organisations[lang]
    await visitor.signUpToReview(person)
    await expect(kiosk.getByText(person.organisation!.name)).toBeVisible()
    await visitor.confirm()
    const [record] = await storedSignatures(kiosk)
    expect(record).toMatchObject({
      capacity: 'organisation',
      organisationType: person.typeValue,
      organisationName: person.organisation!.name,
      role: person.organisation!.role,
      firstName: person.firstName,
      lastName: person.lastName,
      country: person.country,
      language: lang,
    })
  })
}

test('optional choices are stored, and the newsletter asks for an email when none was given', async ({
  kiosk,
}) => {
  const visitor = new VisitorPage(kiosk)
  await visitor.start()
  await visitor.chooseCapacity('individual')
  await visitor.fillDetails({ firstName: 'Zoë', lastName: 'Müller', countryName: 'Luxembourg' })
  await visitor.next()
  await visitor.endorse([/newsletter/, /Publish my name/, /local debates and events/])
  await visitor.next()
  await expect(kiosk.getByRole('alert')).toHaveText(/We need your email address/)
  await kiosk.getByLabel('Your email address').fill('zoe@example.lu')
  await visitor.next()
  await visitor.drawSignature()
  await visitor.next()
  await expect(
    kiosk.getByText('Contact me about support for organising local debates and events'),
  ).toBeVisible()
  await visitor.confirm()
  const [record] = await storedSignatures(kiosk)
  expect(record).toMatchObject({
    email: 'zoe@example.lu',
    consents: {
      endorse: true,
      newsletter: true,
      publishName: true,
      localStory: false,
      localEvents: true,
    },
  })
})
