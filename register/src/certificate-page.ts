import type { CertificateVerification } from '../../electron/shared/register-protocol'

const KIND_LABELS: Record<string, string> = {
  individual: 'Individual citizen',
  region: 'Region',
  city: 'City, county or municipality',
  'association-of-regions': 'Association of regional and local governments',
  'eu-sectoral-association': 'EU sectoral association',
  'civic-society': 'Civic society organisation',
  'social-partner': 'Social partner',
  mep: 'Member of the European Parliament',
  other: 'Organisation',
}

const HEADLINES = {
  valid: {
    title: 'Valid certificate',
    text: 'This certificate belongs to a registered endorsement of the #CohesionAlliance.',
  },
  withdrawn: {
    title: 'Withdrawn',
    text: 'This endorsement was withdrawn at the signatory’s request. Its details have been erased.',
  },
  unknown: {
    title: 'Unknown certificate',
    text: 'The register has no endorsement with this number. Check the number, or try again later: a kiosk may not have sent it yet.',
  },
} as const

/**
 * The page a phone shows after scanning a certificate's QR code: small, readable, no scripts and
 * no external resources. Every value from the database is escaped.
 */
export function renderCertificatePage(v: CertificateVerification): string {
  const headline = HEADLINES[v.status]
  const rows: [string, string][] = [['Certificate number', v.certificateNo]]
  if (v.registeredUnder) rows.push(['Registered under certificate', v.registeredUnder])
  if (v.status === 'valid') {
    rows.push(['Signatory', v.name ?? 'Name not published, at the signatory’s request'])
    if (v.organisationName) rows.push(['On behalf of', v.organisationName])
    const kind = v.capacity === 'individual' ? 'individual' : (v.organisationType ?? 'other')
    rows.push(['Signed as', KIND_LABELS[kind] ?? kind])
    if (v.country) rows.push(['Country', countryName(v.country)])
    if (v.signedOn) rows.push(['Signed on', formatDay(v.signedOn)])
    if (v.eventCode) rows.push(['Event', v.eventCode])
  }
  if (v.status === 'withdrawn' && v.withdrawnAt) {
    rows.push(['Withdrawn on', formatDay(v.withdrawnAt.slice(0, 10))])
  }
  const details = rows
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n      ')
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(headline.title)} · ${escapeHtml(v.certificateNo)} · #CohesionAlliance</title>
  <style>
    body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f4f6fb; }
    main { max-width: 34rem; margin: 0 auto; padding: 1.25rem; }
    .brand { color: #003399; font-weight: 700; margin: 0 0 1rem; }
    .status { border-radius: .75rem; padding: 1rem 1.25rem; margin-bottom: 1.25rem; border-left: .5rem solid; background: #fff; }
    .valid { border-color: #1b7f3b; } .withdrawn { border-color: #6b6b6b; } .unknown { border-color: #b35c00; }
    h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
    dl { background: #fff; border-radius: .75rem; padding: 1rem 1.25rem; margin: 0; }
    dt { font-size: .85rem; color: #555; } dd { margin: 0 0 .75rem; font-weight: 600; overflow-wrap: anywhere; }
    footer { font-size: .85rem; color: #555; margin-top: 1.25rem; }
  </style>
</head>
<body>
  <main>
    <p class="brand">#CohesionAlliance</p>
    <section class="status ${v.status}" role="status">
      <h1>${escapeHtml(headline.title)}</h1>
      <p>${escapeHtml(headline.text)}</p>
    </section>
    <dl>
      ${details}
    </dl>
    <footer>Central register of the #CohesionAlliance: the movement for a strong EU Cohesion Policy.</footer>
  </main>
</body>
</html>
`
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

function formatDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}
