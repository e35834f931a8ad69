// What the district map draws beyond the big screen's figures (docs/ARCHITECTURE.md § Access:
// the caller's reach): the boundary of each street the caller's communities are on, and each
// community's status for its marker — worst open alarm, open alarms, faults, devices offline.
// Counts only: nothing here names a resident.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { alarms, communities, communityChanges, devices, streetBoundaries, type BoundaryGeometry } from '~/db/schema';
import { ALARM_SEVERITIES, type AlarmSeverity } from '~/db/vocab';
import type { Reach } from '../domain/access';
import type { Crs } from '../geo/crs';
import { parseBoundary } from '../map/boundary';
import { inReach } from './access';

export type StreetLayer = {
  street: string;
  district: string | null;
  boundary: BoundaryGeometry | null;
  at: string | null;
};
export type CommunityStatus = {
  slug: string;
  worst: AlarmSeverity | null;
  openAlarms: number;
  faults: number;
  offline: number;
};

const ACTIVE_ALARM = sql`('open', 'acknowledged', 'in_progress')`;

/** The streets of the communities in reach with their newest boundary (an admin also sees boundaries of streets with no community yet), and each community's status. */
export async function districtMapLayers(db: Db, reach: Reach) {
  const list = await db
    .select({ id: communities.id, slug: communities.slug, street: communities.street, district: communities.district })
    .from(communities)
    .where(inReach(communities.id, reach))
    .orderBy(asc(communities.id));
  const ids = list.map((c) => c.id);
  const streetsInReach = [...new Set(list.map((c) => c.street))];
  const [boundaryRows, alarmRows, deviceRows] = await Promise.all([
    reach === 'all' || streetsInReach.length
      ? db
          .selectDistinctOn([streetBoundaries.street])
          .from(streetBoundaries)
          .where(reach === 'all' ? sql`true` : inArray(streetBoundaries.street, streetsInReach))
          .orderBy(asc(streetBoundaries.street), desc(streetBoundaries.at), desc(streetBoundaries.id))
      : [],
    ids.length
      ? db
          .select({ communityId: alarms.communityId, severity: alarms.severity, n: sql<number>`count(*)::int` })
          .from(alarms)
          .where(and(inArray(alarms.communityId, ids), sql`${alarms.state} in ${ACTIVE_ALARM}`))
          .groupBy(alarms.communityId, alarms.severity)
      : [],
    ids.length
      ? db
          .select({ communityId: devices.communityId, status: devices.status, n: sql<number>`count(*)::int` })
          .from(devices)
          .where(and(inArray(devices.communityId, ids), inArray(devices.status, ['fault', 'offline'])))
          .groupBy(devices.communityId, devices.status)
      : [],
  ]);
  const boundaryOf = new Map(boundaryRows.map((b) => [b.street, b]));
  const districtOf = new Map(list.map((c) => [c.street, c.district]));
  const streetNames = [...new Set([...streetsInReach, ...boundaryRows.map((b) => b.street)])].sort();
  const streets: StreetLayer[] = streetNames.map((street) => {
    const b = boundaryOf.get(street);
    return {
      street,
      district: districtOf.get(street) ?? b?.district ?? null,
      boundary: b?.geometry ?? null,
      at: b ? b.at.toISOString() : null,
    };
  });
  const status: CommunityStatus[] = list.map((c) => {
    const mine = alarmRows.filter((a) => a.communityId === c.id);
    const worst = ALARM_SEVERITIES.find((s) => mine.some((a) => a.severity === s)) ?? null;
    const count = (s: string) => deviceRows.find((d) => d.communityId === c.id && d.status === s)?.n ?? 0;
    return {
      slug: c.slug,
      worst,
      openAlarms: mine.reduce((s, a) => s + a.n, 0),
      faults: count('fault'),
      offline: count('offline'),
    };
  });
  return { streets, status };
}

export type BoundaryImport = { street: string; district?: string | null; content: string; crs: Crs; fileName?: string };

/**
 * Replaces a street's boundary with the file's (parseBoundary refuses a bad file whole, before
 * anything is written). The boundary row is the import's own record; each community on the
 * street also gets the change on its trail (community_changes), in the same transaction.
 */
export async function importStreetBoundary(db: Db, input: BoundaryImport, actor: string) {
  const parsed = parseBoundary(input.content, input.crs);
  const onStreet = await db
    .select({ id: communities.id, district: communities.district })
    .from(communities)
    .where(eq(communities.street, input.street));
  const district = input.district?.trim() || onStreet[0]?.district || null;
  const detail = {
    fileName: input.fileName?.slice(0, 200) ?? null,
    crs: input.crs,
    polygons: parsed.polygons,
    vertices: parsed.vertices,
  };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(streetBoundaries)
      .values({ street: input.street, district, geometry: parsed.geometry, actor, detail })
      .returning({ id: streetBoundaries.id, at: streetBoundaries.at });
    if (onStreet.length) {
      await tx.insert(communityChanges).values(
        onStreet.map((c) => ({
          communityId: c.id,
          kind: 'street.boundary',
          actor,
          subject: `street:${input.street}`,
          detail: { ...detail, boundaryId: row!.id },
        })),
      );
    }
    return {
      id: row!.id,
      street: input.street,
      district,
      polygons: parsed.polygons,
      vertices: parsed.vertices,
      communities: onStreet.length,
    };
  });
}
