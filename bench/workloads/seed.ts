export async function seedCommand(_args: string[]): Promise<number> {
  return 0
}
