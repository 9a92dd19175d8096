import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { PROJECT_ROOT } from '../../electron/host/paths'
import type { SignatureRecord } from '../../electron/shared/signature'
import { encodeBatchBody } from '../../electron/shared/sync'

/** 250 records a batch: the protocol's and the kiosk's limit. */
export const BATCH = 250

/** Request bodies of the protocol's batches for these records, as the kiosk encodes them. */
export function batchBodies(kioskId: string, records: readonly SignatureRecord[]): string[] {
  const bodies: string[] = []
  for (let i = 0; i < records.length; i += BATCH) {
    bodies.push(
      encodeBatchBody({
        batchId: randomUUID(),
        kioskId,
        sentAt: new Date().toISOString(),
        records: records.slice(i, i + BATCH),
        withdrawals: [],
      }),
    )
  }
  return bodies
}

/**
 * One bare HTTP POST of a batch body; resolves with its latency once the answer is read. With
 * `expectAccepted`, an answer that does not accept every record throws: a bench of the register
 * must time registering, not the answers to duplicates.
 */
export async function postBatch(
  url: string,
  token: string,
  body: string,
  expectAccepted = true,
): Promise<number> {
  const start = performance.now()
  const response = await fetch(`${url}/v1/batches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${token}`,
    },
    body,
  })
  const text = await response.text()
  const ms = performance.now() - start
  if (response.status !== 200) throw new Error(`POST /v1/batches: ${response.status} ${text}`)
  if (expectAccepted) {
    const answer = JSON.parse(text) as { results: { status: string; reason?: string }[] }
    const refused = answer.results.find((r) => r.status !== 'accepted')
    if (refused) throw new Error(`the register answered ${refused.status}: ${refused.reason}`)
  }
  return ms
}

/** The bare HTTP server (bench/node/bare-http.ts) in its own process, like the register. */
export async function startBareHttp(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/node/bare-http.ts'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`bare http server exited with ${code}`)))
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
