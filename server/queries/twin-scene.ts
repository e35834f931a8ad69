// The twin's scene in one round trip: buildings with units and their retrofit
// stage, camera poles, every device in compact columns, patrol points with
// their last check-in and the routes through them. Devices travel as columns
// of numbers because 荆胡 alone has 11,786 of them: an array of objects
// repeats every key 11,786 times, columns name each field once.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { buildings, cameraPoles, patrolRoutePoints, patrolRoutes, type Community } from '~/db/schema';
import type { LocalPoint } from '~/db/schema/_helpers';
import { DEVICE_CLASSES, DEVICE_STATUSES, type Facade, type RetrofitStage } from '~/db/vocab';

export type TwinUnit = {
  id: number;
  ordinal: number;
  name: string;
  stairX: number;
  stairY: number;
  householdsPerFloor: number;
  hasOriginalElevator: boolean;
  retrofitStage: RetrofitStage | null;
};

export type TwinBuilding = {
  id: number;
  number: string;
  name: string;
  footprint: LocalPoint[];
  floors: number;
  floorHeight: number;
  modelUrl: string | null;
  units: TwinUnit[];
};

export type TwinPole = { id: number; buildingId: number; facade: Facade; x: number; y: number; heightM: number };

/** One entry per device in every column; `cls` and `status` index DEVICE_CLASSES and DEVICE_STATUSES. */
export type TwinDeviceColumns = {
  id: number[];
  code: string[];
  cls: number[];
  status: number[];
  buildingId: Array<number | null>;
  unitId: Array<number | null>;
  floor: Array<number | null>;
  x: Array<number | null>;
  y: Array<number | null>;
  z: Array<number | null>;
  poleId: Array<number | null>;
};

export type TwinPatrolPoint = {
  id: number;
  code: string;
  name: string;
  x: number;
  y: number;
  z: number;
  lastCheckinMs: number | null;
};
export type TwinPatrolRoute = { id: number; name: string; pointIds: number[] };

export type TwinScene = {
  community: { slug: string; name: string; nameEn: string };
  buildings: TwinBuilding[];
  poles: TwinPole[];
  devices: TwinDeviceColumns;
  patrolPoints: TwinPatrolPoint[];
  patrolRoutes: TwinPatrolRoute[];
  /** Server time the scene was read, so patrol ages are measured against one clock. */
  nowMs: number;
};

/**
 * Footprints to the centimetre: an imported footprint carries the ~15 digits a
 * CRS conversion leaves, which for 1,500 buildings was a third of the scene's bytes.
 */
function cm(v: number): number {
  return Math.round(v * 100) / 100;
}

type N = number | null;
/** A device as the scene query reads it: id, code, class, status, building, unit, floor, x, y, z, pole. */
type DeviceTuple = [number, string, string, string, N, N, N, N, N, N, N];

/** A unit as the scene query reads it: id, building, ordinal, name, stairwell x and y, households a floor, original lift, retrofit stage. */
type UnitTuple = [number, number, number, string, number, number, number, boolean, RetrofitStage | null];

/** json_agg's value: parsed by the driver, or text where a driver leaves it so; null when there are no rows. */
function tuples<T>(value: T[] | string | null | undefined): T[] {
  if (value == null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}

const CLASS_INDEX = new Map<string, number>(DEVICE_CLASSES.map((c, i) => [c, i]));
const STATUS_INDEX = new Map<string, number>(DEVICE_STATUSES.map((s, i) => [s, i]));

export async function twinScene(db: Db, community: Community): Promise<TwinScene> {
  const [buildingRows, [unitAgg], poleRows, [deviceAgg], pointRows, routeRows] = await Promise.all([
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
      .where(eq(buildings.communityId, community.id))
      .orderBy(asc(buildings.id)),
    // Units and devices come as one JSON value each (arrays of tuples): PGlite decodes 3,000 unit rows
    // or 6,000 device rows in 120–160 ms, one JSON value in a few.
    selectRows<{ rows: UnitTuple[] | string | null }>(
      db,
      sql`select json_agg(json_build_array(u.id, u.building_id, u.ordinal, u.name, u.stair_x, u.stair_y,
            u.households_per_floor, u.has_original_elevator, r.stage) order by u.building_id, u.ordinal) as rows
          from units u join buildings b on b.id = u.building_id
          left join retrofit_cases r on r.unit_id = u.id
          where b.community_id = ${community.id}`,
    ),
    db
      .select({
        id: cameraPoles.id,
        buildingId: cameraPoles.buildingId,
        facade: cameraPoles.facade,
        x: cameraPoles.x,
        y: cameraPoles.y,
        heightM: cameraPoles.heightM,
      })
      .from(cameraPoles)
      .innerJoin(buildings, eq(buildings.id, cameraPoles.buildingId))
      .where(eq(buildings.communityId, community.id))
      .orderBy(asc(cameraPoles.id)),
    selectRows<{ rows: DeviceTuple[] | string | null }>(
      db,
      sql`select json_agg(json_build_array(d.id, d.code, d.class, d.status, d.building_id, d.unit_id, d.floor,
            d.x, d.y, d.z, d.pole_id) order by d.id) as rows
          from devices d where d.community_id = ${community.id}`,
    ),
    selectRows<{ id: number; code: string; name: string; x: number; y: number; z: number; last: Date | string | null }>(
      db,
      sql`select p.id, p.code, p.name, p.x, p.y, p.z,
            (select max(c.at) from patrol_checkins c where c.point_id = p.id) as last
          from patrol_points p where p.community_id = ${community.id} order by p.id`,
    ),
    db
      .select({ id: patrolRoutes.id, name: patrolRoutes.name })
      .from(patrolRoutes)
      .where(eq(patrolRoutes.communityId, community.id))
      .orderBy(asc(patrolRoutes.id)),
  ]);
  const routeIds = routeRows.map((r) => r.id);
  const stops = routeIds.length
    ? await db
        .select({ routeId: patrolRoutePoints.routeId, pointId: patrolRoutePoints.pointId })
        .from(patrolRoutePoints)
        .where(inArray(patrolRoutePoints.routeId, routeIds))
        .orderBy(asc(patrolRoutePoints.routeId), asc(patrolRoutePoints.seq))
    : [];

  const columns: TwinDeviceColumns = {
    id: [],
    code: [],
    cls: [],
    status: [],
    buildingId: [],
    unitId: [],
    floor: [],
    x: [],
    y: [],
    z: [],
    poleId: [],
  };
  const deviceRows = tuples(deviceAgg?.rows);
  for (const [id, code, cls, status, buildingId, unitId, floor, x, y, z, poleId] of deviceRows) {
    columns.id.push(id);
    columns.code.push(code);
    columns.cls.push(CLASS_INDEX.get(cls) ?? 0);
    columns.status.push(STATUS_INDEX.get(status) ?? 0);
    columns.buildingId.push(buildingId);
    columns.unitId.push(unitId);
    columns.floor.push(floor);
    columns.x.push(x);
    columns.y.push(y);
    columns.z.push(z);
    columns.poleId.push(poleId);
  }

  // Grouped once: a filter per building is quadratic (1,500 buildings × 3,000 units).
  const unitsOf = new Map<number, TwinUnit[]>();
  for (const [id, buildingId, ordinal, name, stairX, stairY, householdsPerFloor, hasElevator, stage] of tuples(
    unitAgg?.rows,
  )) {
    const u: TwinUnit = {
      id,
      ordinal,
      name,
      stairX,
      stairY,
      householdsPerFloor,
      hasOriginalElevator: hasElevator,
      retrofitStage: stage,
    };
    const list = unitsOf.get(buildingId);
    if (list) list.push(u);
    else unitsOf.set(buildingId, [u]);
  }
  const stopsOf = new Map<number, number[]>();
  for (const stop of stops) {
    const list = stopsOf.get(stop.routeId);
    if (list) list.push(stop.pointId);
    else stopsOf.set(stop.routeId, [stop.pointId]);
  }

  return {
    community: { slug: community.slug, name: community.name, nameEn: community.nameEn },
    buildings: buildingRows.map((b) => ({
      ...b,
      footprint: b.footprint.map((p) => ({ x: cm(p.x), y: cm(p.y) })),
      units: unitsOf.get(b.id) ?? [],
    })),
    poles: poleRows,
    devices: columns,
    patrolPoints: pointRows.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      x: p.x,
      y: p.y,
      z: p.z,
      lastCheckinMs: p.last ? new Date(p.last).getTime() : null,
    })),
    patrolRoutes: routeRows.map((r) => ({
      ...r,
      pointIds: stopsOf.get(r.id) ?? [],
    })),
    nowMs: Date.now(),
  };
}
