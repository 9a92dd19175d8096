import { expect, type CDPSession, type Locator, type Page } from '@playwright/test'
import { visitorStrings } from '../support/locale-strings'

export interface TouchPerson {
  firstName: string
  lastName: string
  /** Typed on the details step (letters, digits, `@`, `.` and `-` only). */
  email?: string
  /** ISO code; the country is looked up by the browser's own name for it. */
  country: string
  organisation?: { type: string; name: string; role: string }
}

/**
 * A visitor on a touch screen: every button tapped, every field typed on the on-screen keyboard,
 * the signature drawn with a finger through the DevTools protocol. Labels come from the locale
 * files, so the same steps run in any language.
 */
export class TouchVisitor {
  private readonly strings: Map<string, string>
  private cdp: CDPSession | null = null

  constructor(
    readonly page: Page,
    readonly lang = 'en',
  ) {
    this.strings = visitorStrings(lang)
  }

  /** One string of the visitor's language, by its key. */
  t(key: string): string {
    const value = this.strings.get(key)
    if (value === undefined) throw new Error(`no string ${key} in ${this.lang}`)
    return value
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name })
  }

  nextButton(): Locator {
    return this.button(new RegExp(`^${this.t('flow.next')}`))
  }

  async start() {
    await this.button(this.t('languageName')).tap()
    await this.button(this.t('attract.start')).tap()
    await expect(this.heading()).toHaveText(this.t('capacity.title'))
  }

  async fillDetails(person: TouchPerson) {
    await this.button(
      new RegExp(this.t(person.organisation ? 'capacity.organisation' : 'capacity.individual')),
    ).tap()
    if (person.organisation) {
      await this.page
        .getByRole('radio', {
          name: this.t(`details.orgTypes.${person.organisation.type}`),
          exact: true,
        })
        .tap()
      await this.typeInto(
        this.page.getByLabel(this.t('details.organisationName')),
        person.organisation.name,
      )
      await this.typeInto(this.page.getByLabel(this.t('details.role')), person.organisation.role)
    }
    await this.typeInto(
      this.page.getByLabel(this.t('details.firstName'), { exact: true }),
      person.firstName,
    )
    await this.typeInto(
      this.page.getByLabel(this.t('details.lastName'), { exact: true }),
      person.lastName,
    )
    if (person.email)
      await this.typeInto(
        this.page.getByLabel(this.t('details.email'), { exact: true }),
        person.email,
      )
    await this.chooseCountry(person.country)
  }

  async chooseCountry(code: string) {
    const name = await this.page.evaluate(
      ([lang, code]) => new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code,
      [this.lang, code] as const,
    )
    const hide = this.page.getByRole('button', { name: this.t('keyboard.hide'), exact: true })
    if (await hide.isVisible()) await hide.tap()
    await this.button(new RegExp(this.t('details.chooseCountry'))).tap()
    // Tapped in the list, not searched for: the dialog covers the on-screen keyboard in landscape.
    const dialog = this.page.getByRole('dialog', { name: this.t('details.chooseCountry') })
    await dialog.getByRole('button', { name, exact: true }).tap()
    await expect(dialog).toBeHidden()
  }

  async next() {
    await this.nextButton().tap()
  }

  /** Ticks the endorsement and the optional choices named by their locale keys (`principles.newsletter`). */
  async endorse(optional: string[] = []) {
    await this.page.getByRole('checkbox', { name: this.t('principles.endorse') }).tap()
    for (const key of optional) await this.page.getByRole('checkbox', { name: this.t(key) }).tap()
  }

  /** Taps `field`, then types `text` key by key on the on-screen keyboard. */
  async typeInto(field: Locator, text: string) {
    await field.tap()
    const keyboard = this.page.getByRole('group', { name: this.t('keyboard.keyboard') })
    await expect(keyboard).toBeVisible()
    const key = (name: string) => keyboard.getByRole('button', { name, exact: true })
    const tapIfShown = async (locator: Locator) => {
      if ((await locator.count()) === 0 || !(await locator.first().isVisible())) return false
      await locator.first().tap()
      return true
    }
    for (const char of text) {
      if (char === ' ') {
        await key(this.t('keyboard.space')).tap()
        continue
      }
      if (await tapIfShown(key(char))) continue
      const shift = key(this.t('keyboard.shift'))
      if (char !== char.toLocaleLowerCase(this.lang)) {
        if ((await shift.getAttribute('aria-pressed')) !== 'true') await shift.tap()
      } else if ((await shift.getAttribute('aria-pressed')) === 'true') await shift.tap()
      if (await tapIfShown(key(char))) continue
      throw new Error(`no key for “${char}” on the ${this.lang} keyboard`)
    }
    await expect(field).toHaveValue(text)
  }

  private async touch(): Promise<CDPSession> {
    this.cdp ??= await this.page.context().newCDPSession(this.page)
    return this.cdp
  }

  /**
   * A finger drawing a zigzag across the pad, 16 ms a move, lifted while still moving, as people
   * sign: the browser reads such a lift as the start of a fling.
   */
  async drawSignature() {
    const pad = await this.page.locator('canvas.signature-pad').boundingBox()
    if (!pad) throw new Error('signature pad not visible')
    const cdp = await this.touch()
    const start = Date.now() / 1000
    const at = (i: number) => ({
      x: Math.round(pad.x + pad.width * (0.15 + i * 0.05)),
      y: Math.round(pad.y + pad.height * (i % 2 ? 0.4 : 0.65)),
    })
    const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', i: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [at(i)],
        timestamp: start + i * 0.016,
      })
    await send('touchStart', 0)
    for (let i = 1; i <= 12; i++) await send('touchMove', i)
    await send('touchEnd', 13)
  }

  /** A quick tap at the centre of `target` (its box measured beforehand), without waiting on anything. */
  async quickTap(box: { x: number; y: number; width: number; height: number }) {
    const cdp = await this.touch()
    const point = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  }

  /** From the attract screen to the review, all by touch. */
  async signUpToReview(person: TouchPerson, optional: string[] = []) {
    await this.start()
    await this.fillDetails(person)
    await this.next()
    await expect(this.heading()).toHaveText(this.t('principles.title'))
    await this.endorse(optional)
    await this.next()
    await expect(this.heading()).toHaveText(this.t('signature.title'))
    await this.drawSignature()
    await this.next()
    await expect(this.heading()).toHaveText(this.t('review.title'))
  }

  confirmButton(): Locator {
    return this.button(this.t('review.confirm'))
  }
}
