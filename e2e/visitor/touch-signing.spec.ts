import { test, expect } from '../support/fixtures'
import { storedSignatures } from './visitor-page'
import { TouchVisitor } from './touch-visitor'

test.use({ hasTouch: true })

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
