// What the new-community form needs (docs/ONBOARDING.md § Community): the streets the caller may
// found a community on (an admin: any, the existing ones suggested; a district account: its own),
// and the existing communities' anchors, shown on the anchor map for orientation.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { communities, memberships } from '~/db/schema';

export async function foundingContext(db: Db, user: { id: string; role: 'admin' | 'member' }) {
  const all = await db
    .select({
      slug: communities.slug,
      name: communities.name,
      street: communities.street,
      district: communities.district,
      anchorLng: communities.anchorLng,
      anchorLat: communities.anchorLat,
    })
    .from(communities)
    .orderBy(asc(communities.id));
  const streets =
    user.role === 'admin'
      ? [...new Set(all.map((c) => c.street))].sort()
      : (
          await db
            .select({ street: memberships.street })
            .from(memberships)
            .where(
              and(eq(memberships.userId, user.id), eq(memberships.role, 'district'), isNotNull(memberships.street)),
            )
        )
          .map((m) => m.street!)
          .sort();
  // The district each street's communities are in, to prefill it.
  const districtOf = Object.fromEntries(all.map((c) => [c.street, c.district]));
  return {
    anyStreet: user.role === 'admin',
    streets: streets.map((street) => ({ street, district: districtOf[street] ?? null })),
    communities: all.map(({ slug, name, anchorLng, anchorLat }) => ({ slug, name, anchorLng, anchorLat })),
  };
}
