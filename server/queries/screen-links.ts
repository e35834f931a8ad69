import { desc, eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { communities, kioskLinks } from '~/db/schema';

/**
 * Every big-screen link, newest first, with the screen it opens. `lastSeenAt`:
 * the last time a screen used it (refreshed every few minutes while one does);
 * null before it was first opened.
 */
export async function screenLinks(db: Db) {
  const rows = await db
    .select({
      id: kioskLinks.id,
      communityId: kioskLinks.communityId,
      slug: communities.slug,
      communityName: communities.name,
      communityNameEn: communities.nameEn,
      label: kioskLinks.label,
      createdBy: kioskLinks.createdBy,
      usedAt: kioskLinks.usedAt,
      revokedAt: kioskLinks.revokedAt,
      createdAt: kioskLinks.createdAt,
      updatedAt: kioskLinks.updatedAt,
    })
    .from(kioskLinks)
    .leftJoin(communities, eq(communities.id, kioskLinks.communityId))
    .orderBy(desc(kioskLinks.id));
  return rows.map(({ updatedAt, ...r }) => ({ ...r, lastSeenAt: r.usedAt ? updatedAt : null }));
}
