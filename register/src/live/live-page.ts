/** The big-screen page: no data in it (the script fetches it), so it never caches a name. */
export const LIVE_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>#CohesionAlliance · live</title>
  <link rel="stylesheet" href="/live/live.css">
  <script src="/live/live.js" defer></script>
</head>
<body>
  <main>
    <h1 id="title">Signatures for the #CohesionAlliance</h1>
    <p id="total" aria-live="polite" data-ready="false">…</p>
    <section aria-labelledby="by-country-title">
      <h2 id="by-country-title">By country</h2>
      <ol id="by-country"></ol>
    </section>
    <section aria-labelledby="latest-title">
      <h2 id="latest-title">Latest signatories</h2>
      <ul id="latest"></ul>
    </section>
  </main>
</body>
</html>
`

export const LIVE_CSS = `body { margin: 0; font: 2.2vw/1.35 system-ui, sans-serif; color: #fff; background: #003399; }
main { padding: 3vw 5vw; display: grid; grid-template-columns: 1fr 1fr; gap: 2vw 5vw; }
h1 { grid-column: 1 / -1; font-size: 3.5vw; margin: 0; }
#total { grid-column: 1 / -1; font-size: 14vw; font-weight: 800; margin: 0; color: #ffcc00; }
h2 { font-size: 2.6vw; margin: 0 0 1vw; }
ol, ul { margin: 0; padding-left: 1.5em; }
`

/**
 * Runs in the browser: SSE from /v1/live/stream; headings, numbers and country names in the
 * event's languages in turn (strings from /live/strings.json, the rest through Intl).
 */
export const LIVE_JS = `'use strict'
let strings = [{ lang: 'en', title: document.getElementById('title').textContent, byCountry: 'By country', latest: 'Latest signatories' }]
let turn = 0
let lastSnapshot = null
const current = () => strings[turn % strings.length]
function showLanguage() {
  const s = current()
  document.documentElement.lang = s.lang
  document.getElementById('title').textContent = s.title
  document.getElementById('by-country-title').textContent = s.byCountry
  document.getElementById('latest-title').textContent = s.latest
  if (lastSnapshot) show(lastSnapshot)
}
function fill(list, items) {
  list.replaceChildren(...items.map((text) => {
    const li = document.createElement('li')
    li.textContent = text
    return li
  }))
}
function show(snapshot) {
  lastSnapshot = snapshot
  const lang = current().lang
  const number = new Intl.NumberFormat(lang)
  const regions = new Intl.DisplayNames([lang], { type: 'region' })
  const country = (code) => { try { return regions.of(code) || code } catch { return code } }
  const total = document.getElementById('total')
  total.textContent = number.format(snapshot.total)
  total.dataset.ready = 'true'
  fill(document.getElementById('by-country'), Object.entries(snapshot.byCountry).slice(0, 10).map(([c, n]) => country(c) + ': ' + number.format(n)))
  fill(document.getElementById('latest'), snapshot.latest.map((p) => p.name + (p.organisationName ? ' (' + p.organisationName + ')' : '') + ' · ' + country(p.country)))
}
fetch('/live/strings.json').then((res) => res.json()).then((list) => {
  if (Array.isArray(list) && list.length > 0) strings = list
  showLanguage()
}).catch(() => undefined)
setInterval(() => { turn++; showLanguage() }, 10000)
new EventSource('/v1/live/stream').addEventListener('snapshot', (event) => show(JSON.parse(event.data)))
`
