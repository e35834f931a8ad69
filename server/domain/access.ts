// Who may reach which community at which tier (docs/ARCHITECTURE.md § Access). A caller is an
// admin (every community), a member holding grants (a membership role in a community; a
// district membership is a grant in each community of its street), or a kiosk (a viewer of
// its link's community, or of all for a district link). Pure: the queries load the grants.
import type { MembershipRole } from '~/db/vocab';

/**
 * The access tiers procedures are built from; 'public' admits anyone, 'signedIn' any account,
 * 'street' an admin or the district role of the street its input names (creating a community there).
 */
export const TIERS = ['public', 'signedIn', 'viewer', 'planner', 'staff', 'street', 'admin'] as const;
export type Tier = (typeof TIERS)[number];

/** Tiers held in a community through a membership. */
export type CommunityTier = 'viewer' | 'planner' | 'staff';

/** Which membership roles admit a caller to each community tier (admins pass every tier). */
export const TIER_ROLES: Record<CommunityTier, readonly MembershipRole[]> = {
  viewer: ['viewer', 'planner', 'staff', 'district'],
  planner: ['planner', 'staff', 'district'],
  staff: ['staff', 'district'],
};

/** One role in one community (a district membership yields one per community of its street). */
export type Grant = { role: MembershipRole; communityId: number };

/** The communities a caller reaches at a tier: all of them, or these. */
export type Reach = 'all' | readonly number[];

/** The communities `grants` admit at `tier`, each once, in id order. */
export function reachOf(grants: readonly Grant[], tier: CommunityTier): number[] {
  const ids = grants.filter((g) => TIER_ROLES[tier].includes(g.role)).map((g) => g.communityId);
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function reaches(reach: Reach, communityId: number): boolean {
  return reach === 'all' || reach.includes(communityId);
}

/** The community tiers `roles` hold, weakest first. */
export function tiersOf(roles: readonly MembershipRole[]): CommunityTier[] {
  return (['viewer', 'planner', 'staff'] as const).filter((tier) => roles.some((r) => TIER_ROLES[tier].includes(r)));
}

/** Where an account stands: each community it reaches, with the tiers it holds there. */
export type Standing = {
  admin: boolean;
  communities: ReadonlyArray<{
    slug: string;
    name: string;
    nameEn: string;
    /** The memberships' roles here (none for an admin). */
    roles?: readonly MembershipRole[];
    tiers: readonly CommunityTier[];
  }>;
};

// holds and reachesAny live in lib/standing.ts, so the browser's panels ask the same question.
export { holds, reachesAny } from '~/lib/standing';
