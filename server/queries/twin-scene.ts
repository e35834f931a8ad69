// The twin's scene in one round trip: buildings with units and their retrofit
// stage, camera poles, every device in compact columns, patrol points with
// their last check-in and the routes through them. Devices travel as columns
// of numbers because 荆胡 alone has 11,786 of them: an array of objects
// repeats every key 11,786 times, columns name each field once.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import {
  buildings,
  cameraPoles,
  devices,
  patrolRoutePoints,
  patrolRoutes,
  retrofitCases,
  units,
  type Community,
} from '~/db/schema';
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

const CLASS_INDEX = new Map<string, number>(DEVICE_CLASSES.map((c, i) => [c, i]));
const STATUS_INDEX = new Map<string, number>(DEVICE_STATUSES.map((s, i) => [s, i]));

export async function twinScene(db: Db, community: Community): Promise<TwinScene> {
  const [buildingRows, unitRows, poleRows, deviceRows, pointRows, routeRows] = await Promise.all([
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
        retrofitStage: retrofitCases.stage,
      })
      .from(units)
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .leftJoin(retrofitCases, eq(retrofitCases.unitId, units.id))
      .where(eq(buildings.communityId, community.id))
      .orderBy(asc(units.buildingId), asc(units.ordinal)),
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
    db
      .select({
        id: devices.id,
        code: devices.code,
        cls: devices.class,
        status: devices.status,
        buildingId: devices.buildingId,
        unitId: devices.unitId,
        floor: devices.floor,
        x: devices.x,
        y: devices.y,
        z: devices.z,
        poleId: devices.poleId,
      })
      .from(devices)
      .where(eq(devices.communityId, community.id))
      .orderBy(asc(devices.id)),
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
  for (const d of deviceRows) {
    columns.id.push(d.id);
    columns.code.push(d.code);
    columns.cls.push(CLASS_INDEX.get(d.cls) ?? 0);
    columns.status.push(STATUS_INDEX.get(d.status) ?? 0);
    columns.buildingId.push(d.buildingId);
    columns.unitId.push(d.unitId);
    columns.floor.push(d.floor);
    columns.x.push(d.x);
    columns.y.push(d.y);
    columns.z.push(d.z);
    columns.poleId.push(d.poleId);
  }

  return {
    community: { slug: community.slug, name: community.name, nameEn: community.nameEn },
    buildings: buildingRows.map((b) => ({
      ...b,
      units: unitRows.filter((u) => u.buildingId === b.id).map(({ buildingId: _b, ...u }) => u),
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
      pointIds: stops.filter((s) => s.routeId === r.id).map((s) => s.pointId),
    })),
    nowMs: Date.now(),
  };
}
