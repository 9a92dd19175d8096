import { test, expect } from '../support/fixtures'
import { storedSignatures, VisitorPage } from './visitor-page'

test('every required detail is checked, with the message next to the field and focus on the first error', async ({
  kiosk,
}) => {
  const visitor = new VisitorPage(kiosk)
  await visitor.start()
  await visitor.chooseCapacity('organisation')
  await visitor.next()
  await expect(kiosk.getByText('Please choose the type of organisation')).toBeVisible()
  await expect(kiosk.getByText('Please fill this in')).toHaveCount(4)
  await expect(kiosk.getByText('Please choose your country')).toBeVisible()
  await expect(kiosk.getByLabel('Name of the organisation')).toHaveAttribute('aria-invalid', 'true')
  await expect(kiosk.getByRole('radio', { name: 'Region', exact: true })).toBeFocused()
})

test('names keep every letter, apostrophe and hyphen; digits, symbols and bad emails are refused', async ({
  kiosk,
}) => {
  const visitor = new VisitorPage(kiosk)
  await visitor.start()
  await visitor.chooseCapacity('individual')
  await visitor.fillDetails({
    firstName: 'R2-D2',
    lastName: '<script>',
    email: 'not-an-email',
    countryName: 'Malta',
  })
  await visitor.next()
  await expect(kiosk.getByText('Use letters, spaces, apostrophes and hyphens only')).toHaveCount(2)
  await expect(kiosk.getByText(/Please enter a valid email address/)).toBeVisible()
  await expect(kiosk.getByLabel('First name')).toBeFocused()
  await kiosk.getByLabel('First name').fill('  Marie-Thérèse  ')
  await kiosk.getByLabel('Last name').fill("D'Ħaġar Żammit")
  await kiosk.getByLabel('Email', { exact: true }).fill('')
  await visitor.next()
  await expect(kiosk.getByRole('heading', { level: 1, name: 'Our key principles' })).toBeVisible()
})

test('messages follow the visitor language', async ({ kiosk }) => {
  const visitor = new VisitorPage(kiosk, 'de')
  await visitor.start()
  await visitor.chooseCapacity('individual')
  await visitor.next()
  await expect(kiosk.getByText('Bitte ausfüllen')).toHaveCount(2)
  await expect(kiosk.getByText('Bitte wählen Sie Ihr Land')).toBeVisible()
})

test('the endorsement is required and an empty or trivial signature is refused', async ({
  kiosk,
}) => {
  const visitor = new VisitorPage(kiosk)
  await visitor.start()
  await visitor.chooseCapacity('individual')
  await visitor.fillDetails({ firstName: 'Jānis', lastName: 'Bērziņš', countryName: 'Latvia' })
  await visitor.next()
  await visitor.next()
  await expect(kiosk.getByRole('alert')).toHaveText(/Please tick this box to sign the declaration/)
  await visitor.endorse()
  await visitor.next()
  await visitor.next()
  await expect(kiosk.getByRole('alert')).toHaveText(/Please draw your signature first/)
  const pad = (await kiosk.locator('canvas.signature-pad').boundingBox())!
  await kiosk.mouse.move(pad.x + 100, pad.y + 100)
  await kiosk.mouse.down()
  await kiosk.mouse.move(pad.x + 110, pad.y + 104)
  await kiosk.mouse.up()
  await visitor.next()
  await expect(kiosk.getByRole('alert')).toHaveText(/very short/)
  await kiosk.getByRole('button', { name: 'Clear' }).click()
  await visitor.drawSignature()
  await visitor.next()
  await expect(kiosk.getByRole('button', { name: 'Confirm and sign' })).toBeVisible()
  expect(await storedSignatures(kiosk)).toHaveLength(0)
})

test('Back keeps what was typed; Change from the review returns to the step', async ({ kiosk }) => {
  const visitor = new VisitorPage(kiosk)
  await visitor.signUpToReview({ firstName: 'Αλέξης', lastName: 'Νικολάου', countryName: 'Cyprus' })
  await kiosk.getByRole('button', { name: 'Change: Details' }).click()
  await expect(kiosk.getByLabel('First name')).toHaveValue('Αλέξης')
  await kiosk.getByLabel('First name').fill('Αλέξανδρος')
  await visitor.next()
  await expect(kiosk.getByRole('checkbox', { name: /I endorse/ })).toBeChecked()
  await visitor.next()
  await visitor.next()
  await expect(kiosk.getByText('Αλέξανδρος Νικολάου')).toBeVisible()
})

test('the same person signing twice on this kiosk gets a friendly ending and no second record', async ({
  kiosk,
}) => {
  const person = {
    firstName: 'Ana',
    lastName: 'Silva',
    email: 'ana@example.pt',
    countryName: 'Portugal',
  }
  const first = new VisitorPage(kiosk)
  await first.signUpToReview(person)
  await first.confirm()
  await kiosk.getByRole('button', { name: 'Finish' }).click()
  const second = new VisitorPage(kiosk)
  await second.signUpToReview({ ...person, firstName: 'Anna', email: 'ANA@example.pt' })
  await kiosk.getByRole('button', { name: 'Confirm and sign' }).click()
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(
    'Your endorsement is already registered',
  )
  await expect(kiosk.getByText('EWRC26-B01-000001')).toHaveCount(0)
  expect(await storedSignatures(kiosk)).toHaveLength(1)
})
