/**
 * Every official EU language end to end, as a visitor of that language meets it on the touch
 * screen: each screen in that language (no English sentence of ours left on it, `lang` set), a
 * name in the language's own letters typed on the on-screen keyboard, no serious axe finding, and
 * a certificate whose text is in that language and holds the name exactly.
 */
import { LANGUAGES, type Language } from '../../electron/shared/settings'
import { SAMPLE_PEOPLE } from '../../electron/shared/testing/sample-people'
import { pdfText, withPdfFile } from '../../electron/services/certificates/testing/poppler'
import { seriousViolations } from '../support/axe'
import { test, expect } from '../support/fixtures'
import { hostValue } from '../support/host-api'
import { certificateStrings, englishLeftIn, visitorStrings } from '../support/locale-strings'
import { typeOnKeyboard } from '../support/on-screen-keyboard'

test.use({ hasTouch: true, viewport: { width: 1080, height: 1920 } })
// Six screens, each scanned by axe, and a name typed key by key: longer than a single-screen test.
test.describe.configure({ timeout: 180_000 })

/** A first and last name of the language's sample people, made of letters only (no hyphen or apostrophe to hunt for). */
function nameFor(language: Language): { firstName: string; lastName: string; country: string } {
  const people = SAMPLE_PEOPLE.find((p) => p.language === language)
  if (!people) throw new Error(`no sample people for ${language}`)
  const lettersOnly = (names: readonly string[]) =>
    names.find((n) => /^\p{L}+$/u.test(n)) ?? names[0]!
  return {
    firstName: lettersOnly(people.firstNames),
    lastName: lettersOnly(people.lastNames),
    country: people.country,
  }
}

for (const language of LANGUAGES) {
  test(`${language}: a visitor signs in their own language, name typed on the keyboard, certificate in ${language}`, async ({
    kiosk,
    host,
  }) => {
    const t = visitorStrings(language)
    const cert = certificateStrings(language)
    const person = nameFor(language)
    const problems: string[] = []
    const check = async (screen: string) => {
      await expect(kiosk.locator('html')).toHaveAttribute('lang', language)
      const text = await kiosk.locator('body').innerText()
      for (const left of englishLeftIn(text, language))
        problems.push(`${screen}: English left: ${left}`)
      for (const finding of await seriousViolations(kiosk))
        problems.push(`${screen}: axe: ${finding}`)
    }

    await kiosk.getByRole('button', { name: t.get('languageName')!, exact: true }).tap()
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('attract.title')!)
    await check('attract')
    await kiosk.getByRole('button', { name: t.get('attract.start')! }).tap()
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('capacity.title')!)
    await check('capacity')
    await kiosk.getByRole('button', { name: new RegExp(t.get('capacity.individual')!) }).tap()

    const firstName = kiosk.getByLabel(t.get('details.firstName')!, { exact: true })
    await firstName.tap()
    await typeOnKeyboard(kiosk, language, person.firstName)
    await expect(firstName).toHaveValue(person.firstName)
    const lastName = kiosk.getByLabel(t.get('details.lastName')!, { exact: true })
    await lastName.tap()
    await typeOnKeyboard(kiosk, language, person.lastName)
    await expect(lastName).toHaveValue(person.lastName)
    await check('details')

    // The browser's own name for the country (its ICU may differ from Node's).
    const countryName = await kiosk.evaluate(
      ([lang, code]) => new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code,
      [language, person.country] as const,
    )
    await kiosk.getByRole('button', { name: new RegExp(t.get('details.chooseCountry')!) }).tap()
    const dialog = kiosk.getByRole('dialog', { name: t.get('details.chooseCountry')! })
    await check('country picker')
    await dialog
      .getByRole('searchbox', { name: t.get('details.countrySearch')! })
      .fill(countryName.slice(0, 3))
    await dialog.getByRole('button', { name: countryName, exact: true }).tap()
    await expect(dialog).toBeHidden()
    await kiosk.getByRole('button', { name: new RegExp(`^${t.get('flow.next')!}`) }).tap()

    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('principles.title')!)
    await expect(kiosk.locator('article.declaration')).not.toBeEmpty()
    await check('principles')
    await kiosk.getByRole('checkbox', { name: t.get('principles.endorse')! }).check()
    await kiosk.getByRole('button', { name: new RegExp(`^${t.get('flow.next')!}`) }).tap()

    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('signature.title')!)
    await check('signature')
    const pad = await kiosk.locator('canvas.signature-pad').boundingBox()
    if (!pad) throw new Error('signature pad not visible')
    await kiosk.mouse.move(pad.x + pad.width * 0.2, pad.y + pad.height * 0.6)
    await kiosk.mouse.down()
    for (let i = 1; i <= 10; i++) {
      await kiosk.mouse.move(
        pad.x + pad.width * (0.2 + i * 0.06),
        pad.y + pad.height * (i % 2 ? 0.4 : 0.7),
        { steps: 3 },
      )
    }
    await kiosk.mouse.up()
    await kiosk.getByRole('button', { name: new RegExp(`^${t.get('flow.next')!}`) }).tap()

    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('review.title')!)
    await check('review')
    await kiosk.getByRole('button', { name: t.get('review.confirm')! }).tap()
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(t.get('thanks.title')!)
    await check('thank-you')
    expect(problems).toEqual([])

    // The certificate the kiosk prints for this signature, rendered by the host from its journal.
    const journal = await hostValue<{
      entries: { type: string; record?: { firstName: string } }[]
    }>(host, 'readJournal', { offset: 0, limit: 10 })
    const record = journal.entries.find((e) => e.type === 'signature')?.record
    expect(record?.firstName).toBe(person.firstName)
    const pdf = await hostValue<{ $bytes: string }>(host, 'renderCertificate', { record })
    const text = await withPdfFile(Buffer.from(pdf.$bytes, 'base64'), (file) => pdfText(file))
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain(`${person.firstName} ${person.lastName}`)
    expect(flat).toContain(cert.get('title')!)
    if (language !== 'en') expect(flat).not.toContain('Certificate of endorsement')
  })
}
