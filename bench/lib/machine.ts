import { execFileSync } from 'node:child_process'
import { cpus, totalmem, type as osType, release } from 'node:os'
import { chromiumPath } from '../../e2e/support/chromium'
import type { Machine } from './results'

/** What the figures were measured on: CPU, cores, memory, OS, Node and Chromium versions. */
export function describeMachine(): Machine {
  const list = cpus()
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(),
  }
}

function chromiumVersion(): string {
  try {
    const out = execFileSync(chromiumPath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    return /[\d.]+\d/.exec(out)?.[0] ?? out.trim()
  } catch {
    return 'unknown'
  }
}
