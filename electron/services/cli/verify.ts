/** `npm run cli -- verify`: not built yet. */
export async function run(_args: string[]): Promise<number> {
  console.error('The "verify" command is not available yet.')
  return 1
}
