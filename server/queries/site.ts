// Reads for the buildings and units steps of onboarding (docs/ONBOARDING.md): the building
// table, one building's units, one unit's rooms. Rooms carry no personal field (docs/DOMAIN.md
// § Privacy): the register import (household-ops) fills owners, and nothing here reads them.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, households, units } from '~/db/schema';
import { DomainError } from '../domain/errors';

/** The community's buildings, with how many units and rooms each holds. */
export async function siteBuildings(db: Db, communityId: number) {
  return db
    .select({
      id: buildings.id,
      number: buildings.number,
      name: buildings.name,
      floors: buildings.floors,
      floorHeight: buildings.floorHeight,
      modelUrl: buildings.modelUrl,
      footprint: buildings.footprint,
      units: sql<number>`(select count(*)::int from units u where u.building_id = buildings.id)`,
      rooms: sql<number>`(select count(*)::int from households h join units u on u.id = h.unit_id
        where u.building_id = buildings.id)`,
    })
    .from(buildings)
    .where(eq(buildings.communityId, communityId))
    .orderBy(sql`length(${buildings.number})`, asc(buildings.number));
}

/** One building with its units in façade order, for the units step. */
export async function buildingUnits(db: Db, buildingId: number) {
  const [building] = await db
    .select({
      id: buildings.id,
      number: buildings.number,
      name: buildings.name,
      floors: buildings.floors,
      floorHeight: buildings.floorHeight,
      footprint: buildings.footprint,
    })
    .from(buildings)
    .where(eq(buildings.id, buildingId));
  if (!building) throw new DomainError('building.notFound', { id: buildingId });
  const rows = await db
    .select({
      id: units.id,
      ordinal: units.ordinal,
      name: units.name,
      stairX: units.stairX,
      stairY: units.stairY,
      householdsPerFloor: units.householdsPerFloor,
      hasOriginalElevator: units.hasOriginalElevator,
      rooms: count(households.id),
    })
    .from(units)
    .leftJoin(households, eq(households.unitId, units.id))
    .where(eq(units.buildingId, buildingId))
    .groupBy(units.id)
    .orderBy(asc(units.ordinal));
  return { building, units: rows };
}

/** A unit's rooms, floor by floor: room number and area only. */
export async function unitRoomList(db: Db, unitId: number) {
  return db
    .select({
      id: households.id,
      floor: households.floor,
      door: households.door,
      room: households.room,
      areaM2: households.areaM2,
    })
    .from(households)
    .where(and(eq(households.unitId, unitId)))
    .orderBy(asc(households.floor), asc(households.door), asc(households.room));
}
