/** A web host over a fresh data folder, and raw HTTP calls to it, for the host's own tests. */
import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { openKioskServices } from '../../services/kiosk-services'
import { silentLog } from '../../services/testing/temp-dir'
import { startHost, type RunningHost } from '../server'

export interface TestHost extends RunningHost {
  dataDir: string
}

export async function startTestHost(
  dataDir: string,
  options: { now?: () => number } = {},
): Promise<TestHost> {
  const rendererDir = join(dataDir, 'renderer')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>')
  const { api, downloads } = await openKioskServices({ dataDir, runtime: 'web', log: silentLog })
  const host = await startHost({ api, downloads, rendererDir, log: silentLog, now: options.now })
  return Object.assign(host, { dataDir })
}

export interface RawAnswer {
  status: number
  body: string
}

/** One HTTP request with exactly the given headers (a hostile page or process sends anything). */
export function rawCall(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}
