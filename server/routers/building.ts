import { asc, count, eq } from 'drizzle-orm';
import { buildings, households, units } from '~/db/schema';
import { createTRPCRouter, plannerProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

export const buildingRouter = createTRPCRouter({
  /** A community's buildings with their units, as the twin and the planner draw them. */
  withUnits: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const [buildingRows, unitRows] = await Promise.all([
      ctx.db
        .select({
          id: buildings.id,
          number: buildings.number,
          name: buildings.name,
          footprint: buildings.footprint,
          floors: buildings.floors,
          floorHeight: buildings.floorHeight,
          modelUrl: buildings.modelUrl,
        })
        .from(buildings)
        .where(eq(buildings.communityId, community.id))
        .orderBy(asc(buildings.id)),
      ctx.db
        .select({
          id: units.id,
          buildingId: units.buildingId,
          ordinal: units.ordinal,
          name: units.name,
          stairX: units.stairX,
          stairY: units.stairY,
          householdsPerFloor: units.householdsPerFloor,
          hasOriginalElevator: units.hasOriginalElevator,
          households: count(households.id),
        })
        .from(units)
        .innerJoin(buildings, eq(buildings.id, units.buildingId))
        .leftJoin(households, eq(households.unitId, units.id))
        .where(eq(buildings.communityId, community.id))
        .groupBy(units.id)
        .orderBy(asc(units.buildingId), asc(units.ordinal)),
    ]);
    return buildingRows.map((b) => ({ ...b, units: unitRows.filter((u) => u.buildingId === b.id) }));
  }),
});
