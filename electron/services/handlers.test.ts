import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract, METHOD_NAMES, type MethodName } from '../shared/api'
import { sampleSignatures } from '../shared/testing/sample-signatures'
import { dispatch } from './dispatch'
import { openKioskServices } from './kiosk-services'
import { silentLog, useTempDirs } from './testing/temp-dir'

const newDir = useTempDirs()
const JOB = '0190f5a4-7b2e-7c3d-8e4f-a1b2c3d4e5f6'
const [RECORD] = sampleSignatures({ count: 1, firstDay: '2026-10-13' })

async function kiosk() {
  const dataDir = await newDir()
  const services = await openKioskServices({ dataDir, runtime: 'web', log: silentLog })
  const call = (name: MethodName, input?: unknown) => dispatch(services.api, name, input, silentLog)
  return { dataDir, services, call }
}

describe('staff-only handlers', () => {
  it('refuse every staff method of the contract while the console is locked, and change nothing', async () => {
    const { call, dataDir, services } = await kiosk()
    const staffMethods = METHOD_NAMES.filter((name) => contract[name].access === 'staff')
    expect(staffMethods).toContain('printCertificates')
    for (const name of staffMethods) {
      expect(await call(name, { idleSeconds: 90, jobId: JOB }), name).toMatchObject({
        ok: false,
        error: { code: 'forbidden', reason: 'staff-locked' },
      })
    }
    expect(services.settings.publicView()).toMatchObject({
      idleSeconds: 60,
      registerTokenSet: false,
    })
    expect(await readdir(dataDir)).not.toContain('exports')
  })

  it('answer once a PIN opens a session; the register token never comes back', async () => {
    const { call } = await kiosk()
    await call('setStaffPin', { pin: '482913' })
    const token = 'kiosk-token-B01-0123456789abcdef'
    const answers = [
      await call('updateSettings', { idleSeconds: 90, eventCity: 'Bruxelles' }),
      await call('setRegisterToken', { token }),
      await call('getSettings'),
      await call('getAppInfo'),
    ]
    for (const answer of answers) {
      expect(answer.ok).toBe(true)
      expect(JSON.stringify(answer)).not.toContain(token)
    }
    expect(answers[2]).toMatchObject({
      value: { idleSeconds: 90, eventCity: 'Bruxelles', registerTokenSet: true },
    })
    // Locked again: refused again.
    await call('lockStaff')
    expect(await call('updateSettings', { idleSeconds: 120 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('export a day and print certificates through the contract', async () => {
    const { call, dataDir } = await kiosk()
    await call('setStaffPin', { pin: '482913' })
    const info = await call('getExportInfo')
    expect(info).toEqual({
      ok: true,
      value: { folder: join(dataDir, 'exports'), canChoose: false },
    })
    // The web host has no dialog: "choose" answers its export folder.
    expect(await call('chooseExportFolder')).toEqual({
      ok: true,
      value: { folder: join(dataDir, 'exports') },
    })
    const begun = await call('beginExport', { kind: 'day', day: '2026-10-13', unencrypted: true })
    if (!begun.ok) throw new Error(begun.error.message)
    const { jobId } = begun.value as { jobId: string }
    expect(await call('addToExport', { jobId, records: [RECORD] })).toEqual({
      ok: true,
      value: { records: 1 },
    })
    const finished = await call('finishExport', { jobId })
    expect(finished).toMatchObject({
      ok: true,
      value: {
        folder: join(dataDir, 'exports', 'EWRC26-B01-2026-10-13'),
        batches: [{ day: '2026-10-13', records: 1 }],
      },
    })

    const started = await call('beginCertificates', { label: 'one', total: 1 })
    if (!started.ok) throw new Error(started.error.message)
    const certificates = started.value as { jobId: string; path: string }
    expect(certificates.path).toBe(join(dataDir, 'exports', 'EWRC26-B01-certificates-one.pdf'))
    expect(
      await call('addCertificates', { jobId: certificates.jobId, records: [RECORD] }),
    ).toMatchObject({ ok: true, value: { total: 1 } })
    expect(await call('finishCertificates', { jobId: certificates.jobId })).toMatchObject({
      ok: true,
      value: { count: 1 },
    })
    expect(await call('downloadCertificates', { jobId: certificates.jobId })).toMatchObject({
      ok: true,
      value: { url: expect.stringMatching(/^\/download\/certificates\/[\w-]{32}$/) as unknown },
    })
  })

  it('validate chunk sizes before any handler runs', async () => {
    const { call } = await kiosk()
    await call('setStaffPin', { pin: '482913' })
    const tooMany = Array.from({ length: 251 }, () => RECORD)
    expect(await call('addToExport', { jobId: JOB, records: tooMany })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
    expect(await call('beginExport', { kind: 'day', day: '13/10/2026' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('YYYY-MM-DD') },
    })
    expect(await call('beginCertificates', { label: '../../etc/passwd', total: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
  })
})
