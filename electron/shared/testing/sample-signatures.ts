import { v7 as uuidv7 } from 'uuid'
import {
  ORGANISATION_TYPES,
  type OrganisationType,
  type DrawnSignatureRecord,
  type SignatureStrokes,
} from '../signature'
import { EXTRA_COUNTRIES, SAMPLE_PEOPLE } from './sample-people'

export { HOSTILE_NAMES } from './sample-people'

/** How to generate a set of sample signatures; every field has a realistic default. */
export interface SampleSignatureOptions {
  /** How many records. */
  count: number
  /** Same seed, same options → the very same records (ids included). */
  seed?: number
  eventCode?: string
  kioskId?: string
  /** Sequence number of the first certificate; the rest follow consecutively. */
  firstSeq?: number
  /** The first event day (YYYY-MM-DD, in the event's time zone). */
  firstDay?: string
  /** Records are spread evenly over this many consecutive days. */
  days?: number
  /** The event's UTC offset; 120 is Brussels in October (CEST). */
  utcOffsetMinutes?: number
  /** Booth opening hours, local time, [open, close). */
  openingHours?: readonly [number, number]
  /** Restrict the kiosk languages visitors picked (e.g. the ones the UI ships); default: theirs. */
  languages?: readonly string[]
}

const ORGANISATIONS: Record<Exclude<OrganisationType, 'region' | 'city'>, readonly string[]> = {
  'association-of-regions': [
    'Assembly of European Regions',
    'Association of European Border Regions',
    'Conference of Peripheral Maritime Regions',
    'Council of European Municipalities and Regions',
    'EUROCITIES',
    'Związek Miast Polskich',
    'Deutscher Städtetag',
    'Union des Villes et Communes de Wallonie',
  ],
  'eu-sectoral-association': [
    'European Association of Development Agencies',
    'European Federation of Public Service Unions',
    'Fédération Européenne des Banques Alimentaires',
    'European Rural Development Network',
  ],
  'civic-society': [
    'Fundacja Rozwoju Społeczności Lokalnych',
    'Bürgerinitiative Grenzland e.V.',
    'Ένωση Πολιτών Κρήτης',
    'Asociația Comunitatea Activă',
    'Udruga Zelena Istra',
  ],
  'social-partner': [
    'European Trade Union Confederation',
    'SMEunited',
    'Confederação Geral dos Trabalhadores Portugueses',
    'Dansk Arbejdsgiverforening',
  ],
  mep: ['European Parliament'],
  other: [
    'Université de Liège',
    'Universidad de Cádiz',
    'Technische Universität München',
    'Ordine degli Architetti di Forlì-Cesena',
  ],
}

const ROLES: Record<OrganisationType, readonly string[]> = {
  region: ['President', 'Member of the Regional Council', 'Head of EU affairs'],
  city: ['Mayor', 'Deputy Mayor', 'City councillor'],
  'association-of-regions': ['Secretary-General', 'Policy officer'],
  'eu-sectoral-association': ['Director', 'Policy officer'],
  'civic-society': ['Chair', 'Volunteer coordinator'],
  'social-partner': ['Confederal secretary', 'Adviser'],
  mep: ['Member of the European Parliament'],
  other: ['Professor', 'Project manager'],
}

const EMAIL_DOMAINS = ['example.eu', 'example.org', 'example.com'] as const

/** Letters that Unicode decomposition does not reduce to ASCII. */
const ASCII_FOLD: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ħ: 'h',
}

/**
 * Deterministic, realistic signature records for tests, the bench and e2e seeding. Pure
 * (no Node or DOM): runs in the renderer's tests and Playwright alike.
 */
export function sampleSignatures(options: SampleSignatureOptions): DrawnSignatureRecord[] {
  const {
    count,
    seed = 1,
    eventCode = 'EWRC26',
    kioskId = 'B01',
    firstSeq = 1,
    firstDay = '2026-10-12',
    days = 1,
    utcOffsetMinutes = 120,
    openingHours = [9, 18],
    languages,
  } = options
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be an integer ≥ 0')
  if (firstSeq < 0 || firstSeq + count - 1 > 999_999) {
    throw new RangeError('certificate sequence numbers must stay within 6 digits')
  }
  const [year, month, date] = firstDay.split('-').map(Number) as [number, number, number]
  const spanMs = (openingHours[1] - openingHours[0]) * 3_600_000
  const records: DrawnSignatureRecord[] = []
  for (let i = 0; i < count; i++) {
    // Spread records evenly over the days, in time order, so sequence numbers follow time.
    const dayIndex = Math.floor((i * days) / count)
    const dayStart = Math.ceil((dayIndex * count) / days)
    const dayCount = Math.ceil(((dayIndex + 1) * count) / days) - dayStart
    const random = mulberry32(hashSeed(seed, i))
    const localOpen = Date.UTC(year, month - 1, date + dayIndex, openingHours[0])
    const offsetInDay = (spanMs * (i - dayStart + 0.1 + 0.8 * random())) / dayCount
    const msecs = Math.floor(localOpen + offsetInDay - utcOffsetMinutes * 60_000)
    const day = new Date(localOpen).toISOString().slice(0, 10)
    records.push(
      sampleRecord(random, {
        msecs,
        day,
        eventCode,
        kioskId,
        seq: firstSeq + i,
        languages,
      }),
    )
  }
  return records
}

interface RecordPlace {
  msecs: number
  day: string
  eventCode: string
  kioskId: string
  seq: number
  languages: readonly string[] | undefined
}

function sampleRecord(random: () => number, place: RecordPlace): DrawnSignatureRecord {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const people = pick(SAMPLE_PEOPLE)
  // Some visitors are from countries without a listed language of their own, or pick another one.
  const extra = random() < 0.1 ? pick(EXTRA_COUNTRIES) : undefined
  const country = extra?.country ?? people.country
  const language = place.languages ? pick(place.languages) : (extra?.language ?? people.language)
  const firstName = pick(people.firstNames)
  const lastName = pick(people.lastNames)
  const isOrganisation = random() < 0.4
  const organisationType = isOrganisation ? pick(ORGANISATION_TYPES) : null
  const organisationName =
    organisationType === null
      ? null
      : organisationType === 'region'
        ? pick(people.regions)
        : organisationType === 'city'
          ? pick(people.cities)
          : pick(ORGANISATIONS[organisationType])
  const role = organisationType !== null && random() < 0.9 ? pick(ROLES[organisationType]) : null
  const newsletter = random() < 0.5
  const hasEmail = newsletter || random() < 0.7
  const randomBytes = Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256))
  return {
    id: uuidv7({ msecs: place.msecs, random: randomBytes }),
    certificateNo: `${place.eventCode}-${place.kioskId}-${String(place.seq).padStart(6, '0')}`,
    kioskId: place.kioskId,
    eventCode: place.eventCode,
    createdAt: new Date(place.msecs).toISOString(),
    day: place.day,
    language,
    capacity: isOrganisation ? 'organisation' : 'individual',
    organisationType,
    organisationName,
    role,
    firstName,
    lastName,
    email: hasEmail ? sampleEmail(firstName, lastName, place.seq, pick(EMAIL_DOMAINS)) : null,
    country,
    city: random() < 0.85 ? pick(people.cities) : null,
    consents: {
      endorse: true,
      newsletter,
      publishName: random() < 0.4,
      localStory: random() < 0.15,
      // Not drawn from `random`, so every other field stays what it was before this consent existed.
      localEvents: place.seq % 5 === 0,
    },
    signature: sampleStrokes(random),
  }
}

/** Normalised (lower-case, ASCII) and unique per certificate, like the kiosk stores it. */
function sampleEmail(firstName: string, lastName: string, seq: number, domain: string): string {
  const ascii = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[łøæœßđħ]/g, (letter) => ASCII_FOLD[letter] ?? '')
      .replace(/[^a-z0-9]/g, '')
  const local = [ascii(firstName), ascii(lastName)].filter(Boolean).join('.') || 'signatory'
  return `${local}.${seq}@${domain}`
}

/** A short scribble: 1–3 strokes of 8–24 points, random walks in a 600 × 200 box. */
function sampleStrokes(random: () => number): SignatureStrokes {
  const width = 600
  const height = 200
  const strokes: number[][] = []
  const strokeCount = 1 + Math.floor(random() * 3)
  for (let s = 0; s < strokeCount; s++) {
    let x = Math.floor(40 + random() * 400)
    let y = Math.floor(40 + random() * 120)
    const stroke = [x, y]
    const points = 8 + Math.floor(random() * 17)
    for (let p = 1; p < points; p++) {
      x = clamp(x + Math.floor(random() * 41) - 12, 0, width)
      y = clamp(y + Math.floor(random() * 41) - 20, 0, height)
      stroke.push(x, y)
    }
    strokes.push(stroke)
  }
  return { width, height, strokes }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

/** Mixes the run's seed with the record's index so each record is independent of the others. */
function hashSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

/** mulberry32: tiny, fast and good enough for test data; returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
