/** The organisers' console: one static page; all data comes from /v1/admin/* with the session. */
export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Register console · #CohesionAlliance</title>
  <link rel="stylesheet" href="/console/console.css">
  <script src="/console/console.js" defer></script>
</head>
<body>
  <header><h1>Register console</h1><p id="who" hidden></p><button id="logout" type="button" hidden>Log out</button></header>
  <main>
    <form id="login" aria-labelledby="login-title" hidden>
      <h2 id="login-title">Log in</h2>
      <label>Name <input name="name" autocomplete="username" required></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Log in</button>
      <p id="login-error" role="alert"></p>
    </form>
    <div id="app" hidden>
      <section aria-labelledby="dash-title">
        <h2 id="dash-title">Dashboard</h2>
        <p>Registered: <strong id="total">0</strong> · withdrawn: <span id="withdrawn">0</span></p>
        <div class="charts">
          <figure><figcaption>By country</figcaption><dl id="by-country" class="bars"></dl></figure>
          <figure><figcaption>By kind</figcaption><dl id="by-kind" class="bars"></dl></figure>
          <figure><figcaption>By day</figcaption><dl id="by-day" class="bars"></dl></figure>
          <figure><figcaption>By hour (UTC)</figcaption><dl id="by-hour" class="bars"></dl></figure>
        </div>
      </section>
      <section aria-labelledby="fleet-title">
        <h2 id="fleet-title">Kiosks</h2>
        <table aria-labelledby="fleet-title">
          <thead><tr><th scope="col">Kiosk</th><th scope="col">Last batch</th><th scope="col">Last contact</th><th scope="col">Pending</th><th scope="col">App version</th><th scope="col">Tokens</th></tr></thead>
          <tbody id="fleet"></tbody>
        </table>
        <form id="new-token" hidden>
          <label>Kiosk id <input name="kioskId" size="8" required></label>
          <button type="submit">Create kiosk token</button>
          <button id="revoke-tokens" type="button">Revoke its tokens</button>
          <p id="token-out" role="status"></p>
        </form>
      </section>
      <section aria-labelledby="search-title">
        <h2 id="search-title">Signatures</h2>
        <form id="search">
          <label>Search <input name="q" type="search"></label>
          <label>Day <input name="day" placeholder="YYYY-MM-DD"></label>
          <label>Kiosk <input name="kiosk" size="8"></label>
          <label>Country <input name="country" size="2"></label>
          <label>Kind <select name="kind"><option value="">any</option></select></label>
          <label>Consent to publish <select name="consent"><option value="">any</option><option value="yes">yes</option><option value="no">no</option></select></label>
          <button type="submit">Search</button>
        </form>
        <p id="exports">Export this filter:
          <a id="export-csv" href="#">signatures.csv</a> ·
          <a id="export-json" href="#">signatures.json</a> ·
          <a id="export-audit" href="#">audit.json</a> ·
          <a id="export-manifest" href="#">manifest.json</a> ·
          <a id="export-certificates" href="#">certificates.pdf</a>
        </p>
        <p>
          <button id="prepare-export" type="button">Prepare export</button>
          <button id="prepare-certificates" type="button">Prepare certificates</button>
          <button id="cancel-export" type="button" hidden>Cancel</button>
        </p>
        <p id="export-progress" role="status"></p>
        <p id="export-files" hidden>Prepared files (save an export's files into one folder; <code>npm run cli -- verify</code> checks it): <span id="export-file-links"></span></p>
        <table aria-labelledby="search-title">
          <thead><tr><th scope="col">Certificate</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Country</th><th scope="col">Day</th><th scope="col">Kiosk</th><th scope="col">Actions</th></tr></thead>
          <tbody id="signatures"></tbody>
        </table>
        <button id="next-page" type="button" hidden>Next page</button>
        <section id="details" aria-labelledby="details-title" hidden>
          <h3 id="details-title">Signature</h3>
          <dl id="details-list"></dl>
        </section>
        <p id="status" role="status"></p>
      </section>
    </div>
  </main>
</body>
</html>
`

export const CONSOLE_CSS = `body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f4f6fb; }
header { display: flex; gap: 1rem; align-items: center; padding: .5rem 1.5rem; background: #003399; color: #fff; }
header h1 { font-size: 1.3rem; margin: 0; flex: 1; }
main { padding: 1rem 1.5rem; }
section { background: #fff; border-radius: .5rem; padding: 1rem; margin-bottom: 1rem; }
form label { display: inline-block; margin: 0 1rem .5rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #dde; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.bars { display: grid; grid-template-columns: auto 1fr; gap: .2rem .5rem; margin: 0; }
.bars dt { font-variant-numeric: tabular-nums; }
.bars dd { margin: 0; }
.bar { display: inline-block; height: .9rem; background: #003399; margin-right: .4rem; vertical-align: middle; }
#login-error { color: #a00; }
button { font: inherit; }
`

export const CONSOLE_JS = `'use strict'
const $ = (id) => document.getElementById(id)
let session = null
let after = null

async function api(method, path, body) {
  const headers = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && session) headers['x-csrf-token'] = session.csrfToken
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
  const text = await res.text()
  const data = text ? JSON.parse(text) : null
  if (!res.ok) throw Object.assign(new Error(data && data.error ? data.error : 'HTTP ' + res.status), { status: res.status })
  return data
}

function cell(row, text) {
  const td = document.createElement('td')
  td.textContent = text == null ? '—' : String(text)
  row.append(td)
  return td
}

function bars(id, counts) {
  const list = $(id)
  const entries = Object.entries(counts)
  const max = Math.max(1, ...entries.map(([, n]) => n))
  list.replaceChildren()
  for (const [label, n] of entries) {
    const dt = document.createElement('dt')
    dt.textContent = label
    const dd = document.createElement('dd')
    const bar = document.createElement('span')
    bar.className = 'bar'
    bar.style.width = Math.round((n / max) * 100) + '%'
    bar.setAttribute('aria-hidden', 'true')
    dd.append(bar, String(n))
    list.append(dt, dd)
  }
}

function filterQuery() {
  const params = new URLSearchParams()
  for (const [key, value] of new FormData($('search'))) if (String(value).trim()) params.set(key, String(value).trim())
  return params
}

let exportJob = null
const count = (n) => new Intl.NumberFormat('en').format(n)
const JOBS = {
  export: { path: '/v1/admin/exports', noun: 'signatures', ready: 'Export ready' },
  certificates: { path: '/v1/admin/certificates', noun: 'certificates', ready: 'Certificates ready' },
}

function jobProgress(kind, job) {
  const { noun, ready } = JOBS[kind]
  if (job.state === 'running') return 'Writing ' + count(job.written) + ' of ' + count(job.total) + ' ' + noun + '…'
  if (job.state === 'done') return ready + ': ' + count(job.written) + ' ' + noun + (kind !== 'export' ? '.' : job.encrypted ? ", encrypted to the organisers' key." : ', not encrypted.')
  if (job.state === 'empty') return 'No signatures match this filter: nothing to write.'
  if (job.state === 'cancelled') return 'Cancelled; its files are deleted.'
  return 'Failed: ' + job.error
}

async function prepare(kind) {
  $('export-files').hidden = true
  $('prepare-export').disabled = $('prepare-certificates').disabled = true
  $('export-progress').textContent = 'Starting…'
  try {
    let job = await api('POST', JOBS[kind].path, Object.fromEntries(filterQuery()))
    exportJob = job.id
    $('cancel-export').hidden = false
    while (job.state === 'running') {
      $('export-progress').textContent = jobProgress(kind, job)
      await new Promise((done) => setTimeout(done, 500))
      job = await api('GET', '/v1/admin/exports/' + job.id)
    }
    $('export-progress').textContent = jobProgress(kind, job)
    const links = job.files.map((file) => {
      const a = document.createElement('a')
      a.href = '/v1/admin/exports/' + job.id + '/' + file
      a.setAttribute('download', file)
      a.textContent = file
      return a
    })
    $('export-file-links').replaceChildren(...links.flatMap((a, i) => (i ? [' · ', a] : [a])))
    $('export-files').hidden = links.length === 0
  } finally {
    exportJob = null
    $('cancel-export').hidden = true
    $('prepare-export').disabled = $('prepare-certificates').disabled = false
  }
}

function updateExportLinks() {
  // A register that encrypts its exports serves them only through Prepare export.
  for (const id of ['export-csv', 'export-json', 'export-audit', 'export-manifest']) $(id).hidden = Boolean(session && session.exportsEncrypted)
  const q = filterQuery().toString()
  for (const [id, file] of [['export-csv', 'signatures.csv'], ['export-json', 'signatures.json'], ['export-audit', 'audit.json'], ['export-manifest', 'manifest.json'], ['export-certificates', 'certificates.pdf']]) {
    const path = file === 'certificates.pdf' ? '/v1/admin/' : '/v1/admin/export/'
    $(id).href = path + file + (q ? '?' + q : '')
    $(id).setAttribute('download', file)
  }
}

async function loadDashboard() {
  const stats = await api('GET', '/v1/admin/stats')
  $('total').textContent = String(stats.total)
  $('withdrawn').textContent = String(stats.withdrawn)
  bars('by-country', stats.byCountry)
  bars('by-kind', stats.byKind)
  bars('by-day', stats.byDay)
  bars('by-hour', stats.byHour)
  const select = document.querySelector('select[name=kind]')
  if (select.options.length === 1) for (const kind of Object.keys(stats.byKind)) select.append(new Option(kind, kind))
  const { kiosks } = await api('GET', '/v1/admin/kiosks')
  const body = $('fleet')
  body.replaceChildren()
  for (const k of kiosks) {
    const row = document.createElement('tr')
    const th = document.createElement('th')
    th.scope = 'row'
    th.textContent = k.kioskId
    row.append(th)
    cell(row, k.lastBatch ? k.lastBatch.receivedAt + ' (' + k.lastBatch.records + ' records)' : null)
    cell(row, k.lastContact)
    cell(row, k.pendingCount)
    cell(row, k.appVersion)
    cell(row, k.activeTokens)
    body.append(row)
  }
}

async function kioskTokens(method) {
  const kioskId = String(new FormData($('new-token')).get('kioskId') || '').trim()
  const answer = await api(method, '/v1/admin/kiosks/' + encodeURIComponent(kioskId) + '/tokens')
  $('token-out').textContent = method === 'POST'
    ? 'Token for ' + answer.kioskId + ' (shown only now; enter it in the kiosk settings): ' + answer.token
    : 'Revoked ' + answer.revoked + ' token(s) of ' + answer.kioskId
  await loadDashboard()
}

async function showDetails(id) {
  const d = await api('GET', '/v1/admin/signatures/' + id)
  const list = $('details-list')
  list.replaceChildren()
  const r = d.record || {}
  const rows = [['Certificate', d.certificateNo], ['Kiosk', d.kioskId], ['Received', d.receivedAt], ['Withdrawn', d.withdrawnAt],
    ['Name', r.firstName ? r.firstName + ' ' + r.lastName : null], ['Organisation', r.organisationName], ['Email', r.email],
    ['Country', r.country], ['City', r.city], ['Consent to publish', r.consents ? (r.consents.publishName ? 'yes' : 'no') : null],
    ['Source', d.record ? (r.source === 'paper' ? 'paper form ' + r.paperRef : 'kiosk') : null]]
  for (const [label, value] of rows) {
    const dt = document.createElement('dt')
    dt.textContent = label
    const dd = document.createElement('dd')
    dd.textContent = value == null ? '—' : String(value)
    list.append(dt, dd)
  }
  $('details').hidden = false
}

async function withdraw(s) {
  if (!confirm('Withdraw ' + s.record.certificateNo + '? Its personal data is erased for good.')) return
  await api('POST', '/v1/admin/signatures/' + s.id + '/withdraw')
  $('status').textContent = 'Withdrawn: ' + s.record.certificateNo
  await Promise.all([search(false), loadDashboard()])
}

async function search(more) {
  const params = filterQuery()
  if (more && after) params.set('after', after)
  const page = await api('GET', '/v1/admin/signatures?' + params)
  const body = $('signatures')
  if (!more) body.replaceChildren()
  for (const s of page.signatures) {
    const r = s.record
    const row = document.createElement('tr')
    cell(row, r.certificateNo)
    cell(row, r.firstName + ' ' + r.lastName + (r.organisationName ? ' (' + r.organisationName + ')' : ''))
    cell(row, r.capacity === 'individual' ? 'individual' : r.organisationType)
    cell(row, r.country)
    cell(row, r.day)
    cell(row, r.kioskId)
    const actions = cell(row, '')
    const details = document.createElement('button')
    details.type = 'button'
    details.textContent = 'Details'
    details.setAttribute('aria-label', 'Details of ' + r.certificateNo)
    details.addEventListener('click', () => showDetails(s.id).catch(report))
    actions.append(details)
    if (session.role === 'admin') {
      const button = document.createElement('button')
      button.type = 'button'
      button.textContent = 'Withdraw'
      button.setAttribute('aria-label', 'Withdraw ' + r.certificateNo)
      button.addEventListener('click', () => withdraw(s).catch(report))
      actions.append(' ', button)
    }
    body.append(row)
  }
  after = page.next
  $('next-page').hidden = !after
  updateExportLinks()
}

function report(error) {
  if (error.status === 401) return showLogin()
  $('status').textContent = error.message
}

function showLogin() {
  session = null
  $('app').hidden = true
  $('logout').hidden = true
  $('who').hidden = true
  $('login').hidden = false
}

async function showApp() {
  $('login').hidden = true
  $('app').hidden = false
  $('logout').hidden = false
  $('who').hidden = false
  $('who').textContent = session.name + ' (' + session.role + ')'
  $('new-token').hidden = session.role !== 'admin'
  await Promise.all([loadDashboard(), search(false)])
  document.body.dataset.ready = 'true'
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault()
  const form = new FormData($('login'))
  api('POST', '/v1/admin/login', { name: form.get('name'), password: form.get('password') })
    .then((answer) => { session = answer; $('login-error').textContent = ''; return showApp() })
    .catch((error) => { $('login-error').textContent = error.message })
})
$('logout').addEventListener('click', () => {
  api('POST', '/v1/admin/logout').finally(showLogin)
})
$('search').addEventListener('submit', (event) => {
  event.preventDefault()
  search(false).catch(report)
})
$('search').addEventListener('input', updateExportLinks)
$('new-token').addEventListener('submit', (event) => {
  event.preventDefault()
  kioskTokens('POST').catch((error) => { $('token-out').textContent = error.message })
})
$('revoke-tokens').addEventListener('click', () => {
  kioskTokens('DELETE').catch((error) => { $('token-out').textContent = error.message })
})
$('next-page').addEventListener('click', () => search(true).catch(report))
$('prepare-export').addEventListener('click', () => prepare('export').catch(report))
$('prepare-certificates').addEventListener('click', () => prepare('certificates').catch(report))
$('cancel-export').addEventListener('click', () => {
  if (exportJob) api('DELETE', '/v1/admin/exports/' + exportJob).catch(report)
})
updateExportLinks()
api('GET', '/v1/admin/session').then((answer) => { session = answer; return showApp() }).catch(showLogin)
`
