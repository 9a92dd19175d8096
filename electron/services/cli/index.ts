/**
 * `npm run cli -- <command> …`: the organisers' command-line tool, usable on any machine with Node.
 *   verify <export-folder>                       check a day batch against its manifest
 *   certificates <export-folder> --out <file.pdf> [--lang xx] [--only organisations|individuals]
 */
export {}

const USAGE = `Usage:
  npm run cli -- verify <export-folder>
  npm run cli -- certificates <export-folder> --out <file.pdf> [--lang xx] [--only organisations|individuals]`

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  verify: () => import('./verify'),
  certificates: () => import('./certificates'),
}

const [name, ...args] = process.argv.slice(2)
const load = name ? commands[name] : undefined
if (!load) {
  console.error(name ? `Unknown command "${name}".\n${USAGE}` : USAGE)
  process.exit(2)
}
try {
  process.exitCode = await (await load()).run(args)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
