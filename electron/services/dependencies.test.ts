import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * What electron-builder packs into the installer: the production `dependencies` of package.json.
 * The renderer is bundled by Vite (its packages are devDependencies), so a production dependency
 * must be one the main process, preload or their services import at run time; anything else (the
 * register's server, test fixtures) is a devDependency and stays out of the kiosk.
 */
const ROOT = join(import.meta.dirname, '..', '..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
/** Production by decision, not by import today (each with the reason). */
const EXPECTED_UNUSED: Record<string, string> = {}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Packages imported by the shipped main-process code (not tests, not testing/ fixtures). */
function importedByKiosk(): Set<string> {
  const found = new Set<string>()
  for (const file of sources(join(ROOT, 'electron'))) {
    const text = readFileSync(file, 'utf8')
    // TypeScript's own scanner: imports, exports, dynamic imports and require calls.
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName)
    const resolved = [...text.matchAll(/require\.resolve\(\s*['"]([^'"]+)['"]/g)].map(
      (m) => m[1] ?? '',
    )
    for (const specifier of [...specifiers, ...resolved]) {
      if (specifier.startsWith('.')) continue
      const parts = specifier.split('/')
      found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''))
    }
  }
  return found
}

describe('package.json dependencies', () => {
  const imported = importedByKiosk()

  it('ships only packages the kiosk imports', () => {
    const shippedUnused = Object.keys(pkg.dependencies).filter(
      (name) => !imported.has(name) && !(name in EXPECTED_UNUSED),
    )
    expect(shippedUnused).toEqual([])
  })

  it('lists every package the kiosk imports as a production dependency', () => {
    const builtIn = (name: string) => name.startsWith('node:') || name === 'electron'
    const missing = [...imported].filter(
      (name) => !builtIn(name) && !(name in pkg.dependencies) && !name.startsWith('@shared'),
    )
    expect(missing, `imported from electron/ but not in dependencies`).toEqual([])
  })

  it("keeps the register's server packages out of the installer", () => {
    for (const name of ['fastify', '@fastify/rate-limit', '@electric-sql/pglite', 'pg']) {
      expect(pkg.dependencies, name).not.toHaveProperty(name)
      expect(pkg.devDependencies, name).toHaveProperty(name)
    }
  })
})
