/** `npm run cli -- certificates`: not built yet. */
export async function run(_args: string[]): Promise<number> {
  console.error('The "certificates" command is not available yet.')
  return 1
}
