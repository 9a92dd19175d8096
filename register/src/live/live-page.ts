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

/** Runs in the browser: SSE from /v1/live/stream; strings in the event's languages in turn. */
export const LIVE_JS = `'use strict'
const STRINGS = [
  { lang: 'en', title: 'Signatures for the #CohesionAlliance', byCountry: 'By country', latest: 'Latest signatories' },
  { lang: 'fr', title: 'Signatures pour la #CohesionAlliance', byCountry: 'Par pays', latest: 'Derniers signataires' },
  { lang: 'de', title: 'Unterschriften für die #CohesionAlliance', byCountry: 'Nach Land', latest: 'Neueste Unterzeichnende' },
]
let turn = 0
function showLanguage() {
  const s = STRINGS[turn % STRINGS.length]
  document.documentElement.lang = s.lang
  document.getElementById('title').textContent = s.title
  document.getElementById('by-country-title').textContent = s.byCountry
  document.getElementById('latest-title').textContent = s.latest
  turn++
}
function fill(list, items) {
  list.replaceChildren(...items.map((text) => {
    const li = document.createElement('li')
    li.textContent = text
    return li
  }))
}
function show(snapshot) {
  const total = document.getElementById('total')
  total.textContent = snapshot.total.toLocaleString()
  total.dataset.ready = 'true'
  fill(document.getElementById('by-country'), Object.entries(snapshot.byCountry).slice(0, 10).map(([c, n]) => c + ': ' + n))
  fill(document.getElementById('latest'), snapshot.latest.map((p) => p.name + (p.organisationName ? ' (' + p.organisationName + ')' : '') + ' · ' + p.country))
}
showLanguage()
setInterval(showLanguage, 10000)
new EventSource('/v1/live/stream').addEventListener('snapshot', (event) => show(JSON.parse(event.data)))
`
