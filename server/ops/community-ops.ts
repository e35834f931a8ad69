// Founding a community and changing its own particulars (docs/ONBOARDING.md § Community). The
// anchor is the origin of the community's local metres: it is fixed once buildings exist,
// because every footprint, stairwell and device position is measured from it.
import { eq, sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { communities } from '~/db/schema';
import { DomainError } from '../domain/errors';
import { toWgs84, type PointCrs } from '../geo/crs';
import { changedFields, recordChange } from './community-changes';

export type CommunityParticulars = {
  name: string;
  nameEn?: string;
  /** 社区 (the residents' committee it belongs to). */
  neighbourhood?: string;
  /** 街道 (street office); a district account founds communities on its own street only. */
  street: string;
  /** 区. */
  district: string;
  address?: string | null;
  contactPhone?: string | null;
  contactAddress?: string | null;
  officeHours?: string | null;
};

export type NewCommunity = CommunityParticulars & {
  slug: string;
  /** The map anchor as typed or picked, in `crs`. */
  lng: number;
  lat: number;
  crs?: PointCrs;
};

export async function createCommunity(db: Db, input: NewCommunity, actor: string) {
  const [anchorLng, anchorLat] = toWgs84([input.lng, input.lat], input.crs ?? 'wgs84');
  const [taken] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, input.slug));
  if (taken) throw new DomainError('community.slugTaken', { slug: input.slug });
  const [row] = await db
    .insert(communities)
    .values({
      slug: input.slug,
      name: input.name,
      nameEn: input.nameEn || input.slug,
      neighbourhood: input.neighbourhood || input.name,
      street: input.street,
      district: input.district,
      anchorLng,
      anchorLat,
      address: input.address ?? null,
      contactPhone: input.contactPhone ?? null,
      contactAddress: input.contactAddress ?? null,
      officeHours: input.officeHours ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DomainError('community.slugTaken', { slug: input.slug });
  await recordChange(db, {
    communityId: row.id,
    kind: 'community.create',
    actor,
    subject: `community:${row.slug}`,
    detail: { name: row.name, street: row.street, anchor: [anchorLng, anchorLat], crs: input.crs ?? 'wgs84' },
  });
  return row;
}

/**
 * Changes a community's particulars; the anchor too while it has no buildings (moving it later
 * would move everything measured from it).
 */
export async function updateCommunity(
  db: Db,
  communityId: number,
  input: Partial<CommunityParticulars> & { lng?: number; lat?: number; crs?: PointCrs },
  actor: string,
) {
  const [before] = await db.select().from(communities).where(eq(communities.id, communityId));
  if (!before) throw new Error(`community ${communityId} vanished`);
  const { lng, lat, crs, ...fields } = input;
  const patch: Partial<typeof communities.$inferInsert> = { ...fields };
  if (lng !== undefined && lat !== undefined) {
    const [row] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from buildings where community_id = ${communityId}`,
    );
    if ((row?.n ?? 0) === 0) [patch.anchorLng, patch.anchorLat] = toWgs84([lng, lat], crs ?? 'wgs84');
  }
  const diff = changedFields(before, patch);
  if (Object.keys(diff).length === 0) return before;
  const [after] = await db.update(communities).set(patch).where(eq(communities.id, communityId)).returning();
  await recordChange(db, {
    communityId,
    kind: 'community.update',
    actor,
    subject: `community:${before.slug}`,
    detail: diff,
  });
  return after!;
}
