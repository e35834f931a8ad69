// The big screen (一屏统管): every panel's aggregates in one call, so a screen
// left running for days makes one request a minute, not ten.
import { asc } from 'drizzle-orm';
import { buildings, communities } from '~/db/schema';
import { districtPanels, screenPanels } from '../queries/screen-panels';
import { createTRPCRouter, plannerProcedure } from '../trpc';
import { communityBySlug } from '../queries/communities';
import { slugInput } from './_inputs';

export const screenRouter = createTRPCRouter({
  community: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    const panels = await screenPanels(ctx.db, [c.id]);
    return {
      community: { id: c.id, slug: c.slug, name: c.name, nameEn: c.nameEn, street: c.street },
      panels,
      at: new Date().toISOString(),
    };
  }),

  /** The district: panels summed over every community, plus each community's place and key figures for the map. */
  district: plannerProcedure.query(async ({ ctx }) => {
    const [list, shapes] = await Promise.all([
      ctx.db.select().from(communities).orderBy(asc(communities.id)),
      ctx.db
        .select({
          id: buildings.id,
          footprint: buildings.footprint,
          floors: buildings.floors,
          floorHeight: buildings.floorHeight,
        })
        .from(buildings),
    ]);
    const shapeById = new Map(shapes.map((s) => [s.id, s]));
    // One round of grouped queries for the whole district, however many communities it holds.
    const { total: panels, byCommunity } = await districtPanels(
      ctx.db,
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
    return { communities: perCommunity, panels, at: new Date().toISOString() };
  }),
});
