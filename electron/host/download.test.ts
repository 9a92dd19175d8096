import { request, type IncomingMessage } from 'node:http'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CERTIFICATES_PER_CALL, DOWNLOAD_PATH_PREFIX } from '../shared/bulk-certificates'
import { sampleSignatures } from '../shared/testing/sample-signatures'
import { fromWire, toWire } from '../shared/wire'
import { pdfInfo } from '../services/certificates/testing/poppler'
import { useTempDirs } from '../services/testing/temp-dir'
import { rawCall, startTestHost, type TestHost } from './testing/test-host'

const newDir = useTempDirs()
let host: TestHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

async function api<T>(h: TestHost, method: string, input?: unknown): Promise<T> {
  const answer = await rawCall(h.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${h.secret}` },
    body: toWire({ input }),
  })
  const envelope = fromWire(answer.body) as { ok: boolean; value: T; error?: { message: string } }
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`)
  return envelope.value
}

/** A GET as the browser's download makes it: the answer's head at once, then its body as it comes. */
function download(port: number, path: string) {
  let firstBytes: () => void = () => undefined
  const firstBytesArrived = new Promise<void>((resolve) => (firstBytes = resolve))
  const response = new Promise<{ head: IncomingMessage; body: Promise<Buffer> }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } },
        (res) => {
          const chunks: Buffer[] = []
          const body = new Promise<Buffer>((done, fail) => {
            res.on('data', (chunk: Buffer) => {
              if (chunks.length === 0) firstBytes()
              chunks.push(chunk)
            })
            res.on('end', () => done(Buffer.concat(chunks)))
            res.on('error', fail)
          })
          resolve({ head: res, body })
        },
      )
      req.on('error', reject)
      req.end()
    },
  )
  return { response, firstBytesArrived }
}

const RECORDS = sampleSignatures({
  count: 250,
  seed: 21,
  firstDay: '2026-10-13',
  languages: ['en'],
})

describe('web host: bulk certificate PDFs as streamed downloads', () => {
  it('streams the PDF while it is written: chunked, as an attachment, first bytes before the job ends', async () => {
    host = await startTestHost(await newDir())
    await api(host, 'setStaffPin', { pin: '482913' })
    const started = await api<{ jobId: string; path: string; downloadUrl: string }>(
      host,
      'beginCertificates',
      { label: 'streamed', total: RECORDS.length, download: true },
    )
    expect(started.downloadUrl.startsWith(DOWNLOAD_PATH_PREFIX)).toBe(true)
    const { response, firstBytesArrived } = download(host.port, started.downloadUrl)

    const [first, ...rest] = chunksOf(RECORDS, CERTIFICATES_PER_CALL)
    await api(host, 'addCertificates', { jobId: started.jobId, records: first })
    const { head, body } = await response
    expect(head.statusCode).toBe(200)
    expect(head.headers['content-type']).toBe('application/pdf')
    expect(head.headers['content-disposition']).toBe(
      'attachment; filename="EWRC26-B01-certificates-streamed.pdf"',
    )
    expect(head.headers['transfer-encoding']).toBe('chunked')
    expect(head.headers['content-length']).toBeUndefined()
    // The browser has the first pages while most records have not even been sent.
    await firstBytesArrived
    for (const records of rest) {
      await api(host, 'addCertificates', { jobId: started.jobId, records })
    }
    const result = await api<{ count: number; bytes: number }>(host, 'finishCertificates', {
      jobId: started.jobId,
    })
    const pdf = await body
    expect(pdf.length).toBe(result.bytes)
    expect(pdf.equals(await readFile(started.path))).toBe(true)
    const file = join(await newDir(), 'downloaded.pdf')
    await writeFile(file, pdf)
    expect((await pdfInfo(file)).Pages).toBe(String(RECORDS.length))

    // The URL worked once.
    expect((await rawCall(host.port, started.downloadUrl)).status).toBe(404)
  })

  it('downloads a finished PDF from disk in chunks, once per URL; a wrong method or token gets no PDF', async () => {
    host = await startTestHost(await newDir())
    await api(host, 'setStaffPin', { pin: '482913' })
    const started = await api<{ jobId: string; path: string }>(host, 'beginCertificates', {
      label: 'later',
      total: 20,
    })
    await api(host, 'addCertificates', { jobId: started.jobId, records: RECORDS.slice(0, 20) })
    await api(host, 'finishCertificates', { jobId: started.jobId })
    const { url } = await api<{ url: string }>(host, 'downloadCertificates', {
      jobId: started.jobId,
    })
    expect((await rawCall(host.port, url, { method: 'POST' })).status).toBe(405)
    const { head, body } = await download(host.port, url).response
    expect(head.headers['transfer-encoding']).toBe('chunked')
    expect((await body).equals(await readFile(started.path))).toBe(true)
    expect((await rawCall(host.port, url)).status).toBe(404)
    expect((await rawCall(host.port, `${DOWNLOAD_PATH_PREFIX}nope`)).status).toBe(404)
    // A staff method: a locked console gets no URL.
    await api(host, 'lockStaff')
    await expect(api(host, 'downloadCertificates', { jobId: started.jobId })).rejects.toThrow()
  })
})

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
