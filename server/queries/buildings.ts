import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, households, units } from '~/db/schema';

/** A community's buildings with their units, as the twin and the planner draw them. */
export async function buildingsWithUnits(db: Db, communityId: number) {
  const [buildingRows, unitRows] = await Promise.all([
    db
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
      .where(eq(buildings.communityId, communityId))
      .orderBy(asc(buildings.id)),
    db
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
      .where(eq(buildings.communityId, communityId))
      .groupBy(units.id)
      .orderBy(asc(units.buildingId), asc(units.ordinal)),
  ]);
  return buildingRows.map((b) => ({ ...b, units: unitRows.filter((u) => u.buildingId === b.id) }));
}
