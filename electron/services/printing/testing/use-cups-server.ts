import { afterAll, beforeAll } from 'vitest'
import { startCupsServer, type CupsServer } from './cups-server'

/**
 * A private CUPS server for the tests of one describe block: started before them, the CUPS tools
 * of this process pointed at it (`CUPS_SERVER`), stopped after. Returns a getter for it.
 */
export function useCupsServer(): () => CupsServer {
  let cups: CupsServer | undefined
  const realServer = process.env.CUPS_SERVER
  beforeAll(async () => {
    cups = await startCupsServer()
    process.env.CUPS_SERVER = cups.env.CUPS_SERVER
  }, 30_000)
  afterAll(async () => {
    if (realServer === undefined) delete process.env.CUPS_SERVER
    else process.env.CUPS_SERVER = realServer
    await cups?.stop()
  })
  return () => {
    if (!cups) throw new Error('the private CUPS server has not started')
    return cups
  }
}
