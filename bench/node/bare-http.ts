/**
 * The register's floor: a bare node:http server that reads a batch, parses it and answers the
 * protocol's shape (every record accepted), with no validation, database or framework. Prints
 * its URL, then serves until killed.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      batchId: string
      records: { id: string; certificateNo: string }[]
    }
    const body = JSON.stringify({
      batchId: batch.batchId,
      results: batch.records.map((r) => ({
        id: r.id,
        status: 'accepted',
        certificateNo: r.certificateNo,
      })),
      withdrawals: [],
    })
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(body)
  })
})
server.listen(0, '127.0.0.1', () => {
  console.log(`bare http listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
