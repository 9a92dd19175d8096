/**
 * `npx tsx e2e/support/compare-screenshots.ts <before> <after> [diffDir]`: compares the PNGs of
 * two screenshot folders (`screenshots.ts` output) pixel by pixel and prints, per file, how many
 * pixels differ and where (bounding box). Writes a diff image (changed pixels red) per differing
 * file to `diffDir` (default `<after>/diff`). Where both folders hold `<name>.styles.json`
 * (`SCREEN_STYLES=1`), it also lists the elements whose computed style differs, with the first
 * few properties. Exits 1 when any file differs or is missing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'

interface Difference {
  pixels: number
  box: { left: number; top: number; right: number; bottom: number } | null
  image: PNG
}

function compare(a: PNG, b: PNG): Difference {
  const image = new PNG({ width: a.width, height: a.height })
  let pixels = 0
  let box: Difference['box'] = null
  for (let y = 0; y < a.height; y += 1) {
    for (let x = 0; x < a.width; x += 1) {
      const i = (y * a.width + x) * 4
      const same =
        a.data[i] === b.data[i] &&
        a.data[i + 1] === b.data[i + 1] &&
        a.data[i + 2] === b.data[i + 2] &&
        a.data[i + 3] === b.data[i + 3]
      // Unchanged pixels are shown faded so the changed ones stand out.
      image.data[i] = same ? 255 - (255 - (a.data[i] ?? 0)) / 4 : 255
      image.data[i + 1] = same ? 255 - (255 - (a.data[i + 1] ?? 0)) / 4 : 0
      image.data[i + 2] = same ? 255 - (255 - (a.data[i + 2] ?? 0)) / 4 : 0
      image.data[i + 3] = 255
      if (same) continue
      pixels += 1
      box = box
        ? {
            left: Math.min(box.left, x),
            top: Math.min(box.top, y),
            right: Math.max(box.right, x),
            bottom: Math.max(box.bottom, y),
          }
        : { left: x, top: y, right: x, bottom: y }
    }
  }
  return { pixels, box, image }
}

const [beforeDir, afterDir, diffArg] = process.argv.slice(2)
if (!beforeDir || !afterDir) {
  console.error('usage: compare-screenshots.ts <before> <after> [diffDir]')
  process.exit(2)
}
const diffDir = diffArg ?? join(afterDir, 'diff')
let failed = false
for (const name of readdirSync(beforeDir).filter((file) => file.endsWith('.png'))) {
  let after: PNG
  try {
    after = PNG.sync.read(readFileSync(join(afterDir, name)))
  } catch {
    console.log(`${name}: missing in ${afterDir}`)
    failed = true
    continue
  }
  const before = PNG.sync.read(readFileSync(join(beforeDir, name)))
  if (before.width !== after.width || before.height !== after.height) {
    console.log(`${name}: size ${before.width}×${before.height} → ${after.width}×${after.height}`)
    failed = true
    continue
  }
  const { pixels, box, image } = compare(before, after)
  if (pixels === 0 || !box) {
    console.log(`${name}: identical`)
    continue
  }
  failed = true
  mkdirSync(diffDir, { recursive: true })
  writeFileSync(join(diffDir, name), PNG.sync.write(image))
  console.log(
    `${name}: ${pixels} pixels differ in x ${box.left}–${box.right}, y ${box.top}–${box.bottom}`,
  )
}
type Styles = Record<string, Record<string, string>>
for (const name of readdirSync(beforeDir).filter((file) => file.endsWith('.styles.json'))) {
  let after: Styles
  try {
    after = JSON.parse(readFileSync(join(afterDir, name), 'utf8')) as Styles
  } catch {
    console.log(`${name}: missing in ${afterDir}`)
    failed = true
    continue
  }
  const before = JSON.parse(readFileSync(join(beforeDir, name), 'utf8')) as Styles
  const paths = new Set([...Object.keys(before), ...Object.keys(after)])
  const changed: string[] = []
  for (const path of paths) {
    const a = before[path]
    const b = after[path]
    if (!a || !b) {
      changed.push(`${path}: only in ${a ? 'before' : 'after'}`)
      continue
    }
    // Custom properties are compared where they are used: `#ffffff` and `var(--white)` are one colour.
    const properties = Object.keys(a).filter(
      (property) => !property.startsWith('--') && a[property] !== b[property],
    )
    if (properties.length > 0)
      changed.push(
        `${path}: ${properties
          .slice(0, 4)
          .map((property) => `${property} ${a[property]} → ${b[property]}`)
          .join('; ')}`,
      )
  }
  if (changed.length === 0) {
    console.log(`${name}: identical`)
    continue
  }
  failed = true
  console.log(`${name}: ${changed.length} elements differ`)
  for (const line of changed.slice(0, 10)) console.log(`  ${line}`)
}
process.exit(failed ? 1 : 0)
