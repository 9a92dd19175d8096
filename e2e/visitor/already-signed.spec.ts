import { test, expect } from '../support/fixtures'
import { storedSignatures } from './visitor-page'
import { TouchVisitor, type TouchPerson } from './touch-visitor'

test.use({ hasTouch: true })
// Two visitors, every letter tapped on the on-screen keyboard: longer than a one-screen test.
test.describe.configure({ timeout: 180_000 })

/** One visitor, by touch, from the attract screen through Confirm. */
async function signAndConfirm(visitor: TouchVisitor, person: TouchPerson) {
  await visitor.signUpToReview(person)
  await visitor.confirmButton().tap()
}

test('a person signing twice gets a friendly ending with Finish, and nothing is saved again', async ({
  kiosk,
}) => {
  const first = new TouchVisitor(kiosk)
  const person = { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.pt', country: 'PT' }
  await signAndConfirm(first, person)
  await expect(first.heading()).toHaveText(first.t('thanks.title'))
  await first.button(first.t('thanks.done')).tap()

  const second = new TouchVisitor(kiosk, 'de')
  await signAndConfirm(second, { ...person, firstName: 'Anna' })
  await expect(second.heading()).toHaveText(second.t('alreadySigned.titlePerson'))
  await expect(kiosk.getByText(second.t('alreadySigned.bodyPerson'))).toBeVisible()
  await expect(kiosk.getByTestId('certificate-no')).toHaveCount(0)
  await expect(second.button(second.t('thanks.print'))).toHaveCount(0)
  expect(await storedSignatures(kiosk)).toHaveLength(1)

  await second.button(second.t('thanks.done')).tap()
  // Back on the attract screen, in the kiosk's first language again.
  await expect(first.button(first.t('attract.start'))).toBeVisible()
})

test('a second representative of an organisation that signed is thanked for supporting it too', async ({
  kiosk,
}) => {
  const organisation = { type: 'region', name: 'Gozo Region', role: 'President' }
  const first = new TouchVisitor(kiosk)
  await signAndConfirm(first, {
    firstName: 'Maria',
    lastName: 'Borg',
    country: 'MT',
    organisation,
  })
  await expect(first.heading()).toHaveText(first.t('thanks.title'))
  await first.button(first.t('thanks.done')).tap()

  const second = new TouchVisitor(kiosk)
  await signAndConfirm(second, {
    firstName: 'Joseph',
    lastName: 'Camilleri',
    email: 'joseph@example.mt',
    country: 'MT',
    organisation: { ...organisation, name: 'gozo region', role: 'Secretary' },
  })
  await expect(second.heading()).toHaveText(second.t('alreadySigned.titleOrganisation'))
  await expect(
    kiosk.getByText(
      second.t('alreadySigned.bodyOrganisation').replace('{{organisation}}', 'gozo region'),
    ),
  ).toBeVisible()
  await expect(kiosk.getByTestId('certificate-no')).toHaveCount(0)
  expect(await storedSignatures(kiosk)).toHaveLength(1)

  await second.button(second.t('thanks.done')).tap()
  await expect(second.button(second.t('attract.start'))).toBeVisible()
})
