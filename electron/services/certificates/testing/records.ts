import type { SignatureRecord } from '../../../shared/signature'
import { sampleRecord } from '../../../shared/testing/sample-record'

/**
 * The shared sample record numbered `seq`, as the certificate tests read it back from the PDF:
 * Anna Nowak, kiosk B03 (EWRC26-B03-000123 by default), signed 2026-10-13 at 09:41:07 UTC.
 * Override what the test is about.
 */
export function makeRecord(overrides: Partial<SignatureRecord> = {}, seq = 123): SignatureRecord {
  return sampleRecord(seq, {
    certificateNo: `EWRC26-B03-${String(seq).padStart(6, '0')}`,
    kioskId: 'B03',
    createdAt: '2026-10-13T09:41:07.000Z',
    firstName: 'Anna',
    lastName: 'Nowak',
    ...overrides,
  })
}

/**
 * Names using the letters particular to each of the 24 official EU languages, plus an
 * organisation name in the same language, so one certificate per language exercises the font.
 */
export const EU_LANGUAGE_NAMES = [
  {
    lang: 'bg',
    country: 'BG',
    first: 'Щерьо Йорданов',
    last: 'Ъглъжев-Цюлева',
    org: 'Община Жълтуша',
  },
  {
    lang: 'hr',
    country: 'HR',
    first: 'Đurđica Ćaćić',
    last: 'Šimunović-Žepić',
    org: 'Grad Čakovec',
  },
  {
    lang: 'cs',
    country: 'CZ',
    first: 'Kateřina Ťoupalová',
    last: 'Ďurišová-Dvořáková',
    org: 'Město Ústí nad Labem, Kůň a Žďár',
  },
  {
    lang: 'da',
    country: 'DK',
    first: 'Søren Åge',
    last: 'Ærøskøbing-Bønnelykke',
    org: 'Region Sjælland',
  },
  {
    lang: 'nl',
    country: 'NL',
    first: 'Daniël Geëmiliëerd',
    last: 'van IJsselmuiden-Ruïne',
    org: 'Provincie Zeeland-Geërfd',
  },
  {
    lang: 'en',
    country: 'IE',
    first: 'Mary-Kate',
    last: "O'Sullivan-Smith",
    org: 'Cork County Council',
  },
  { lang: 'et', country: 'EE', first: 'Jõgeva Pärtel', last: 'Õunapuu-Šaržüg', org: 'Tõrva vald' },
  {
    lang: 'fi',
    country: 'FI',
    first: 'Äänekoski Åke',
    last: 'Jääskeläinen-Öhman',
    org: 'Pohjois-Pohjanmaan liitto',
  },
  {
    lang: 'fr',
    country: 'FR',
    first: 'Françoise Ève',
    last: 'Lefèvre-Œuvray Çâîôûëïüÿ',
    org: 'Région Île-de-France',
  },
  {
    lang: 'de',
    country: 'DE',
    first: 'Jürgen Björn',
    last: 'Groß-Möllenhöfer',
    org: 'Landkreis Görlitz, Straße',
  },
  {
    lang: 'el',
    country: 'GR',
    first: 'Παναγιώτης',
    last: 'Χατζηϊωάννου-Ψαλίδας',
    org: 'Περιφέρεια Κεντρικής Μακεδονίας',
  },
  {
    lang: 'hu',
    country: 'HU',
    first: 'Győző Erdős',
    last: 'Kőműves-Szűcs Ágnes',
    org: 'Győr-Moson-Sopron vármegye',
  },
  {
    lang: 'ga',
    country: 'IE',
    first: 'Seán Siobhán',
    last: 'Ó Súilleabháin-Ní Bhriain',
    org: 'Comhairle Contae Chiarraí',
  },
  {
    lang: 'it',
    country: 'IT',
    first: 'Niccolò Gesù',
    last: 'Mirò-Perché Àlberti',
    org: 'Città di Forlì',
  },
  {
    lang: 'lv',
    country: 'LV',
    first: 'Ģirts Māra',
    last: 'Ķēniņš-Ļaudams Ūdre Žīgure Čē',
    org: 'Rēzeknes novads',
  },
  {
    lang: 'lt',
    country: 'LT',
    first: 'Žydrūnė Gintarė',
    last: 'Čiurlionytė-Ąžuolienė Įsėnė Ęų',
    org: 'Šiaulių miesto savivaldybė',
  },
  {
    lang: 'mt',
    country: 'MT',
    first: 'Ġużeppi Ħabib',
    last: 'Ċassar-Żammit',
    org: 'Kunsill Lokali Ħaż-Żabbar',
  },
  {
    lang: 'pl',
    country: 'PL',
    first: 'Łucja Źdźbło',
    last: 'Śliwińska-Gęś Żółć Ńą',
    org: 'Województwo Łódzkie',
  },
  {
    lang: 'pt',
    country: 'PT',
    first: 'João Conceição',
    last: 'Gonçalves-Simões Lourenço Âêô',
    org: 'Câmara Municipal de Óbidos',
  },
  {
    lang: 'ro',
    country: 'RO',
    first: 'Ștefan Țărână',
    last: 'Bălănescu-Îonescu',
    org: 'Consiliul Județean Timiș',
  },
  {
    lang: 'sk',
    country: 'SK',
    first: 'Ľubomír Ĺudo',
    last: 'Ďuriš-Šťastná Kôrová Ŕ Ä',
    org: 'Mesto Žiar nad Hronom',
  },
  {
    lang: 'sl',
    country: 'SI',
    first: 'Uroš Čedomir',
    last: 'Čebašek-Žagar',
    org: 'Občina Škofja Loka',
  },
  {
    lang: 'es',
    country: 'ES',
    first: 'Begoña Íñigo',
    last: 'Núñez-Güell Álvarez',
    org: 'Diputación de Cádiz, Región de Murcia',
  },
  {
    lang: 'sv',
    country: 'SE',
    first: 'Åsa Örjan',
    last: 'Öberg-Ängström',
    org: 'Västra Götalandsregionen',
  },
] as const

/** One organisation record per entry of EU_LANGUAGE_NAMES, in that language. */
export function euLanguageRecords(): SignatureRecord[] {
  return EU_LANGUAGE_NAMES.map((entry, i) =>
    makeRecord(
      {
        language: entry.lang,
        country: entry.country,
        firstName: entry.first,
        lastName: entry.last,
        capacity: 'organisation',
        organisationType: 'region',
        organisationName: entry.org,
        role: null,
      },
      i + 1,
    ),
  )
}
