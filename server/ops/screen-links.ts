// Admins hand out and revoke read-only big-screen links (server/kiosk/links.ts
// keeps the secret's hash and checks it).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { kioskLinks } from '~/db/schema';
import { createKioskLink } from '../kiosk/links';
import type { Community } from '../queries/communities';

/** A new link, its secret in the path once; only its hash is kept. Without a community it opens the district screen. */
export async function createScreenLink(
  db: Db,
  opts: { community: Community | null; label: string; createdBy: string },
) {
  const { community } = opts;
  const link = await createKioskLink(db, {
    communityId: community?.id ?? null,
    label: opts.label,
    createdBy: opts.createdBy,
  });
  return {
    id: link.id,
    path: `/screen/k/${link.secret}`,
    screen: community ? `/screen/${community.slug}` : '/screen/district',
  };
}

/** Revoking twice changes nothing: the first revocation's time stays. updated_at (last seen) is left as it was. */
export async function revokeScreenLink(db: Db, id: number, now = new Date()): Promise<{ revoked: number }> {
  const rows = await db
    .update(kioskLinks)
    .set({ revokedAt: now, updatedAt: sql`${kioskLinks.updatedAt}` })
    .where(and(eq(kioskLinks.id, id), isNull(kioskLinks.revokedAt)))
    .returning({ id: kioskLinks.id });
  return { revoked: rows.length };
}
