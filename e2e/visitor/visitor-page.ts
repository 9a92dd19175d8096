import { expect, type Page } from '@playwright/test'

export interface Person {
  firstName: string
  lastName: string
  email?: string
  /** Country name as shown in the visitor's language. */
  countryName: string
  city?: string
  organisation?: { typeLabel: string; name: string; role: string }
}

export interface Labels {
  start: string
  capacity: { individual: string; organisation: string }
  firstName: string
  lastName: string
  email: string
  country: string
  countrySearch: string
  city: RegExp
  organisationName: string
  role: string
  next: RegExp
  endorse: RegExp
  confirm: string
  thanks: string
}

export const LABELS: Record<'en' | 'fr' | 'de', Labels> = {
  en: {
    start: 'Sign the declaration',
    capacity: { individual: 'In my own name', organisation: 'On behalf of an organisation' },
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    country: 'Choose your country',
    countrySearch: 'Search for a country',
    city: /^City or region/,
    organisationName: 'Name of the organisation',
    role: 'Your role or position',
    next: /^Continue/,
    endorse: /I endorse the key principles/,
    confirm: 'Confirm and sign',
    thanks: 'You have joined the #CohesionAlliance',
  },
  fr: {
    start: 'Signer la déclaration',
    capacity: { individual: 'En mon nom propre', organisation: 'Au nom d’une organisation' },
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'Adresse e-mail',
    country: 'Choisissez votre pays',
    countrySearch: 'Rechercher un pays',
    city: /^Ville ou région/,
    organisationName: 'Nom de l’organisation',
    role: 'Votre fonction',
    next: /^Continuer/,
    endorse: /Je soutiens les principes clés/,
    confirm: 'Confirmer et signer',
    thanks: 'Vous avez rejoint la #CohesionAlliance',
  },
  de: {
    start: 'Erklärung unterzeichnen',
    capacity: {
      individual: 'In meinem eigenen Namen',
      organisation: 'Im Namen einer Organisation',
    },
    firstName: 'Vorname',
    lastName: 'Nachname',
    email: 'E-Mail-Adresse',
    country: 'Wählen Sie Ihr Land',
    countrySearch: 'Land suchen',
    city: /^Stadt oder Region/,
    organisationName: 'Name der Organisation',
    role: 'Ihre Funktion',
    next: /^Weiter/,
    endorse: /Ich unterstütze die Grundsätze/,
    confirm: 'Bestätigen und unterzeichnen',
    thanks: 'Sie sind der #CohesionAlliance beigetreten',
  },
}

const LANGUAGE_BUTTON = { en: 'English', fr: 'Français', de: 'Deutsch' } as const

/** The visitor's screens, driven the way a person would: by visible labels and roles. */
export class VisitorPage {
  constructor(
    readonly page: Page,
    readonly lang: 'en' | 'fr' | 'de' = 'en',
  ) {}

  get t(): Labels {
    return LABELS[this.lang]
  }

  async start() {
    await this.page.getByRole('button', { name: LANGUAGE_BUTTON[this.lang] }).click()
    await this.page.getByRole('button', { name: this.t.start }).click()
  }

  async chooseCapacity(kind: 'individual' | 'organisation') {
    await this.page.getByRole('button', { name: this.t.capacity[kind] }).click()
  }

  async fillDetails(person: Person) {
    const p = this.page
    if (person.organisation) {
      await p.getByRole('radio', { name: person.organisation.typeLabel, exact: true }).check()
      await p.getByLabel(this.t.organisationName).fill(person.organisation.name)
      await p.getByLabel(this.t.role).fill(person.organisation.role)
    }
    await p.getByLabel(this.t.firstName, { exact: true }).fill(person.firstName)
    await p.getByLabel(this.t.lastName, { exact: true }).fill(person.lastName)
    await p.getByLabel(this.t.email, { exact: true }).fill(person.email ?? '')
    await this.chooseCountry(person.countryName)
    if (person.city) await p.getByLabel(this.t.city).fill(person.city)
  }

  async chooseCountry(name: string) {
    await this.page.getByRole('button', { name: new RegExp(this.t.country) }).click()
    const dialog = this.page.getByRole('dialog', { name: this.t.country })
    await dialog.getByRole('searchbox', { name: this.t.countrySearch }).fill(name.slice(0, 4))
    await dialog.getByRole('button', { name, exact: true }).click()
    await expect(dialog).toBeHidden()
  }

  async next() {
    await this.page.getByRole('button', { name: this.t.next }).click()
  }

  async endorse(optional: RegExp[] = []) {
    await this.page.getByRole('checkbox', { name: this.t.endorse }).check()
    for (const name of optional) await this.page.getByRole('checkbox', { name }).check()
  }

  /** Draws a signature-like zigzag across the pad with the mouse (pointer events, as a finger would). */
  async drawSignature() {
    const pad = this.page.locator('canvas.signature-pad')
    const box = await pad.boundingBox()
    if (!box) throw new Error('signature pad not visible')
    const y = box.y + box.height * 0.6
    await this.page.mouse.move(box.x + box.width * 0.15, y)
    await this.page.mouse.down()
    for (let i = 1; i <= 12; i++) {
      await this.page.mouse.move(box.x + box.width * (0.15 + i * 0.05), y + (i % 2 ? -40 : 30), {
        steps: 4,
      })
    }
    await this.page.mouse.up()
  }

  /** The whole way from the attract screen to the review screen. */
  async signUpToReview(person: Person) {
    await this.start()
    await this.chooseCapacity(person.organisation ? 'organisation' : 'individual')
    await this.fillDetails(person)
    await this.next()
    await this.endorse()
    await this.next()
    await this.drawSignature()
    await this.next()
    await expect(this.page.getByRole('button', { name: this.t.confirm })).toBeVisible()
  }

  async confirm(): Promise<string> {
    await this.page.getByRole('button', { name: this.t.confirm }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: this.t.thanks })).toBeVisible()
    return (await this.page.getByTestId('certificate-no').textContent()) ?? ''
  }
}

/** Every signature in the page's IndexedDB, read with the raw API (no app code involved). */
export function storedSignatures(page: Page): Promise<Record<string, unknown>[]> {
  return storedRows(page, 'signatures')
}

/** Every row of one IndexedDB table of the kiosk database, read with the raw API. */
export async function storedRows(page: Page, table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (table) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('cohesion-kiosk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(table)) return resolve([])
          const request = db.transaction(table).objectStore(table).getAll()
          request.onsuccess = () => {
            resolve(request.result as Record<string, unknown>[])
            db.close()
          }
          request.onerror = () => reject(request.error)
        }
      }),
    table,
  )
}
