// The big screen (一屏统管): every panel's aggregates in one read, so a screen
// left running for days makes one request a minute, not ten.
import { asc } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, communities } from '~/db/schema';
import type { Community } from './communities';
import type { Reach } from '../domain/access';
import { districtScope } from '../domain/district-scope';
import { inReach } from './access';
import { districtPanels, screenPanels } from './screen-panels';

export async function communityScreen(db: Db, c: Community, now = new Date()) {
  const panels = await screenPanels(db, [c.id]);
  return {
    community: { id: c.id, slug: c.slug, name: c.name, nameEn: c.nameEn, street: c.street },
    panels,
    at: now.toISOString(),
  };
}

/** The district as the caller reaches it: panels summed over those communities, plus each community's place and key figures for the map. */
export async function districtScreen(db: Db, reach: Reach, now = new Date()) {
  const [list, shapes] = await Promise.all([
    db.select().from(communities).where(inReach(communities.id, reach)).orderBy(asc(communities.id)),
    db
      .select({
        id: buildings.id,
        footprint: buildings.footprint,
        floors: buildings.floors,
        floorHeight: buildings.floorHeight,
      })
      .from(buildings)
      .where(inReach(buildings.communityId, reach)),
  ]);
  const shapeById = new Map(shapes.map((s) => [s.id, s]));
  // One round of grouped queries for the whole district, however many communities it holds.
  const { total: panels, byCommunity } = await districtPanels(
    db,
    list.map((c) => c.id),
  );
  const perCommunity = list.map((c) => {
    const p = byCommunity.get(c.id)!;
    const devices = p.devicesByClass.reduce((s, d) => s + d.total, 0);
    const online = p.devicesByClass.reduce((s, d) => s + d.online, 0);
    return {
      id: c.id,
      slug: c.slug,
      name: c.name,
      nameEn: c.nameEn,
      street: c.street,
      anchorLng: c.anchorLng,
      anchorLat: c.anchorLat,
      devices,
      online,
      openAlarms: p.alarmsBySeverity.reduce((s, a) => s + a.count, 0),
      throwingThisMonth: p.throwing.thisMonth,
      buildings: p.buildings.map((b) => {
        const shape = shapeById.get(b.id);
        return { ...b, footprint: shape?.footprint ?? [], height: shape ? shape.floors * shape.floorHeight : 0 };
      }),
    };
  });
  // 街道 or 区级, from the place's own name (server/domain/district-scope.ts).
  return { communities: perCommunity, panels, scope: districtScope(list), at: now.toISOString() };
}
