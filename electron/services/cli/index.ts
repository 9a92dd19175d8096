/**
 * `npm run cli -- <command> …`: the organisers' command-line tool, usable on any machine with Node.
 *   verify <export-folder> [--key <file>]        check a day batch (plain or encrypted) against its manifest
 *   keygen --out <file>                          make the organisers' key pair for encrypted exports
 *   decrypt <export-folder> --key <file> [--out <folder>]   the plain batch of an encrypted export
 *   certificates <export-folder> --out <file.pdf> [--lang xx] [--only organisations|individuals]
 */
export {}

const USAGE = `Usage:
  npm run cli -- verify <export-folder> [--key <identity-file>]
  npm run cli -- keygen --out <identity-file>
  npm run cli -- decrypt <export-folder> --key <identity-file> [--out <folder>]
  npm run cli -- certificates <export-folder> --out <file.pdf> [--lang xx] [--only organisations|individuals]`

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  verify: () => import('./verify'),
  keygen: () => import('./keygen'),
  decrypt: () => import('./decrypt'),
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
