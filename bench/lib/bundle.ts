import { build, type Plugin } from 'esbuild'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../electron/host/paths'

/** The renderer's `@shared/*` alias (electron.vite.config.ts), for esbuild. */
const sharedAlias: Plugin = {
  name: 'shared-alias',
  setup(b) {
    b.onResolve({ filter: /^@shared\// }, (args) =>
      b.resolve(`./${args.path.slice('@shared/'.length)}`, {
        kind: args.kind,
        resolveDir: join(PROJECT_ROOT, 'electron', 'shared'),
      }),
    )
  },
}

/** Bundles a small entry (ES module source, paths relative to the project root) into an IIFE. */
async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: PROJECT_ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    plugins: [sharedAlias],
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/**
 * The bench's page library: the renderer's real database, save, journal, API and sync modules,
 * wired into `bench/page/kiosk-lib.ts`. The API client takes the host secret from the page URL's
 * fragment (`#k=…`) when the bundle runs, exactly as the app does.
 */
export function bundleKioskLib(): Promise<string> {
  return bundle(`
    import { KioskDB } from './renderer/src/db/schema'
    import { saveSignature, toStored } from './renderer/src/db/save-signature'
    import { flushJournalQueue } from './renderer/src/db/journal-sync'
    import { api } from './renderer/src/lib/api'
    import { SyncEngine } from './renderer/src/features/sync/engine'
    import { installBench } from './bench/page/kiosk-lib'
    installBench({
      openDb: (name) => new KioskDB(name),
      saveSignature,
      flushJournal: (db) => flushJournalQueue(db, api),
      toStored,
      syncPass: (db) => new SyncEngine({ db, api }).run(),
    })
  `)
}

/** The timing probe for the real app page (`bench/page/probe.ts`). */
export function bundleProbe(): Promise<string> {
  return bundle(`
    import { installProbe } from './bench/page/probe'
    installProbe()
  `)
}
