/** How long before it is keyed in a paper form may have been signed (a campaign's length). */
export const PAPER_FORM_MAX_AGE_DAYS = 366

/**
 * Why the signing time written on a paper form cannot be right, or null: it cannot be later than
 * the moment staff key it in (the register refuses records from the future too), nor older than
 * the campaign.
 */
export function paperSignedAtProblem(signedAt: Date, now: Date): 'future' | 'too-old' | null {
  if (signedAt.getTime() > now.getTime()) return 'future'
  if (now.getTime() - signedAt.getTime() > PAPER_FORM_MAX_AGE_DAYS * 86_400_000) return 'too-old'
  return null
}
