import { test, expect } from '../support/fixtures'
import { storedSignatures } from './visitor-page'
import { TouchVisitor } from './touch-visitor'

test.use({ hasTouch: true })
// Every letter is tapped on the on-screen keyboard: longer than a one-screen test.
test.describe.configure({ timeout: 120_000 })

test('one tap on Continue is enough right after the finger leaves the signature pad', async ({
  kiosk,
}) => {
  const visitor = new TouchVisitor(kiosk)
  await visitor.start()
  await visitor.fillDetails({ firstName: 'Ana', lastName: 'Silva', country: 'PT' })
  await visitor.next()
  await visitor.endorse()
  await visitor.next()
  await expect(visitor.heading()).toHaveText(visitor.t('signature.title'))
  const continueBox = await visitor.nextButton().boundingBox()
  if (!continueBox) throw new Error('Continue not visible')

  // The finger lifts while still moving, and the tap follows at once (no wait at all).
  await visitor.drawSignature()
  await visitor.quickTap(continueBox)
  await expect(visitor.heading()).toHaveText(visitor.t('review.title'))

  // Again after redrawing from the review.
  await visitor.button(`${visitor.t('review.change')}: ${visitor.t('review.signature')}`).tap()
  await visitor.button(visitor.t('signature.clear')).tap()
  await visitor.drawSignature()
  await visitor.quickTap(continueBox)
  await expect(visitor.heading()).toHaveText(visitor.t('review.title'))
  expect(await storedSignatures(kiosk)).toHaveLength(0)
})

test('the email given on the principles step survives Change from the review, into the saved record', async ({
  kiosk,
}) => {
  const visitor = new TouchVisitor(kiosk)
  await visitor.start()
  await visitor.fillDetails({ firstName: 'Jan', lastName: 'Novak', country: 'CZ' })
  await visitor.next()
  await visitor.endorse(['principles.newsletter'])
  await visitor.typeInto(
    kiosk.getByLabel(visitor.t('principles.emailForConsent')),
    'jan@example.eu',
  )
  await visitor.next()
  await visitor.drawSignature()
  await visitor.next()
  const details = kiosk.getByRole('region', { name: visitor.t('flow.steps.details') })
  await expect(details).toContainText('jan@example.eu')

  await visitor.button(`${visitor.t('review.change')}: ${visitor.t('review.consents')}`).tap()
  await expect(visitor.heading()).toHaveText(visitor.t('principles.title'))
  await visitor.next()
  await expect(visitor.heading()).toHaveText(visitor.t('signature.title'))
  await visitor.next()
  await expect(visitor.heading()).toHaveText(visitor.t('review.title'))
  await expect(details).toContainText('jan@example.eu')

  // Through the details step too, which has no email of its own: the principles' one stays.
  await visitor.button(`${visitor.t('review.change')}: ${visitor.t('flow.steps.details')}`).tap()
  await visitor.next()
  await expect(visitor.heading()).toHaveText(visitor.t('principles.title'))
  await expect(kiosk.getByLabel(visitor.t('principles.emailForConsent'))).toHaveValue(
    'jan@example.eu',
  )
  await visitor.next()
  await visitor.next()
  await expect(visitor.heading()).toHaveText(visitor.t('review.title'))
  await expect(details).toContainText('jan@example.eu')

  await visitor.confirmButton().tap()
  await expect(visitor.heading()).toHaveText(visitor.t('thanks.title'))
  const [saved] = await storedSignatures(kiosk)
  expect(saved).toMatchObject({ email: 'jan@example.eu', consents: { newsletter: true } })
})
