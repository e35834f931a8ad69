// Which pages an account may open, from its standing (docs/ARCHITECTURE.md § Access). One table,
// read by the navigation, the console home's links and the pages' own guards, so a link is shown
// exactly when its page would open. server/trpc.ts still decides every call the page then makes.
import { holds, reachesAny, type CommunityTier, type Standing } from './access';

/**
 * What a page needs: a community tier (in the page's community, or — for pages across
 * communities — in at least one), 'admin', 'founder' (an admin or a district account, who may
 * create communities), or 'public'.
 */
export type PageNeed = CommunityTier | 'admin' | 'founder' | 'public';
/** One need, or any of several. */
type Needs = PageNeed | readonly PageNeed[];

/** Pages across communities, by path. */
export const SITE_PAGES = {
  '/': 'public',
  '/plan': 'planner',
  '/map': 'viewer',
  '/screen/district': 'viewer',
  '/setup': ['staff', 'founder'],
  '/screens': 'admin',
  '/accounts': 'admin',
} as const satisfies Record<string, Needs>;
export type SitePage = keyof typeof SITE_PAGES;

/** A community's pages, by the path's first segment (`/twin/<slug>` …). */
export const COMMUNITY_PAGES = {
  twin: 'staff',
  ops: 'staff',
  setup: 'staff',
  screen: 'viewer',
  retrofit: 'planner',
  plan: 'planner',
  status: 'public',
} as const satisfies Record<string, Needs>;
export type CommunityPage = keyof typeof COMMUNITY_PAGES;

const isFounder = (s: Standing) => s.admin || s.communities.some((c) => c.roles?.includes('district'));

function meets(standing: Standing, needs: Needs, slug: string | null): boolean {
  if (typeof needs !== 'string') return needs.some((n) => meets(standing, n, slug));
  const need = needs;
  if (need === 'public') return true;
  if (need === 'admin') return standing.admin;
  if (need === 'founder') return isFounder(standing);
  return slug === null ? reachesAny(standing, need) : holds(standing, slug, need);
}

/** Whether `standing` may open the cross-community page `page`. */
export function mayOpen(standing: Standing, page: SitePage): boolean {
  return meets(standing, SITE_PAGES[page], null);
}

/** Whether `standing` may open `page` of the community `slug`. */
export function mayOpenIn(standing: Standing, slug: string, page: CommunityPage): boolean {
  return meets(standing, COMMUNITY_PAGES[page], slug);
}

/** The pages of community `slug` that `standing` may open, in COMMUNITY_PAGES order. */
export function communityPagesFor(standing: Standing, slug: string): CommunityPage[] {
  return (Object.keys(COMMUNITY_PAGES) as CommunityPage[]).filter((p) => mayOpenIn(standing, slug, p));
}

/** The cross-community pages `standing` may open, for the navigation (the home page always). */
export function sitePagesFor(standing: Standing): SitePage[] {
  return (Object.keys(SITE_PAGES) as SitePage[]).filter((p) => mayOpen(standing, p));
}
