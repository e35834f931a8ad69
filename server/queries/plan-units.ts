// Every unit of a community as the planner sees it: households by floor with
// rooms, areas and age-band counts (never owners), and the unit's case if it
// has one. Units without a case are candidates too.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, households, units } from '~/db/schema';
import type { RetrofitStage } from '~/db/vocab';
import type { PlanUnit } from '../domain/scenario';
import { loadCases } from './retrofit-cases';

export type PlannerUnit = PlanUnit & {
  buildingNumber: string;
  buildingName: string;
  unitName: string;
  floors: number;
  stage: RetrofitStage | null;
};

export async function loadPlanUnits(db: Db, communityId: number): Promise<PlannerUnit[]> {
  const [unitRows, cases] = await Promise.all([
    db
      .select({
        unitId: units.id,
        unitName: units.name,
        hasOriginalElevator: units.hasOriginalElevator,
        buildingNumber: buildings.number,
        buildingName: buildings.name,
        floors: buildings.floors,
      })
      .from(units)
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(eq(buildings.communityId, communityId))
      .orderBy(asc(buildings.id), asc(units.ordinal)),
    loadCases(db, { communityId }),
  ]);
  const homes = unitRows.length
    ? await db
        .select({
          unitId: households.unitId,
          room: households.room,
          floor: households.floor,
          areaM2: households.areaM2,
          occupants0to59: households.occupants0to59,
          occupants60to79: households.occupants60to79,
          occupants80plus: households.occupants80plus,
          mobilityImpaired: households.mobilityImpaired,
        })
        .from(households)
        .where(
          inArray(
            households.unitId,
            unitRows.map((u) => u.unitId),
          ),
        )
        .orderBy(asc(households.floor), asc(households.door))
    : [];
  const caseOf = new Map(cases.map((c) => [c.unitId, c]));
  return unitRows.map((u) => {
    const c = caseOf.get(u.unitId);
    return {
      unitId: u.unitId,
      buildingNumber: u.buildingNumber,
      buildingName: u.buildingName,
      unitName: u.unitName,
      floors: u.floors,
      stage: c?.stage ?? null,
      hasElevator: u.hasOriginalElevator || c?.stage === 'in_service',
      totalCostFen: c?.totalCostFen ?? null,
      subsidyRule: c?.subsidyRule ?? null,
      floorCoefficients: c?.floorCoefficients ?? null,
      consent: c ? { met: c.consent.met, missing: c.consent.missing } : null,
      households: homes.filter((h) => h.unitId === u.unitId).map(({ unitId: _u, ...h }) => h),
    };
  });
}
