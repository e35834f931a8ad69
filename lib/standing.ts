// Whether an account's standing (server/domain/access.ts Standing, sent to the
// browser by account.me) holds a tier: the one rule that the server's pages and
// the browser's panels both ask, so a button never shows what the server refuses.
import type { CommunityTier, Standing } from '~/server/domain/access';

/** Whether `standing` holds `tier` in the community `slug` (admins hold every tier everywhere). */
export function holds(standing: Standing, slug: string, tier: CommunityTier): boolean {
  return standing.admin || !!standing.communities.find((c) => c.slug === slug)?.tiers.includes(tier);
}

/** Whether `standing` holds `tier` in at least one community. */
export function reachesAny(standing: Standing, tier: CommunityTier): boolean {
  return standing.admin || standing.communities.some((c) => c.tiers.includes(tier));
}
