// A two-building community small enough to reason about in scene tests.
import type { TwinBuilding, TwinDeviceColumns, TwinScene } from '~/server/queries/twin-scene';
import { DEVICE_CLASSES, DEVICE_STATUSES, type DeviceClass, type DeviceStatus } from '~/db/vocab';

export function building(id: number, x0: number, overrides: Partial<TwinBuilding> = {}): TwinBuilding {
  return {
    id,
    number: String(id),
    name: `${id}号楼`,
    footprint: [
      { x: x0, y: 0 },
      { x: x0 + 30, y: 0 },
      { x: x0 + 30, y: 12 },
      { x: x0, y: 12 },
    ],
    floors: 6,
    floorHeight: 3,
    modelUrl: null,
    units: [
      {
        id: id * 10 + 1,
        ordinal: 1,
        name: '1单元',
        stairX: x0 + 7.5,
        stairY: 0,
        householdsPerFloor: 2,
        hasOriginalElevator: false,
        retrofitStage: null,
      },
      {
        id: id * 10 + 2,
        ordinal: 2,
        name: '2单元',
        stairX: x0 + 22.5,
        stairY: 0,
        householdsPerFloor: 2,
        hasOriginalElevator: false,
        retrofitStage: null,
      },
    ],
    ...overrides,
  };
}

export type DeviceRow = {
  id: number;
  cls: DeviceClass;
  status: DeviceStatus;
  buildingId?: number;
  unitId?: number;
  floor?: number;
  x?: number;
  y?: number;
  z?: number;
  poleId?: number;
};

export function columns(rows: DeviceRow[]): TwinDeviceColumns {
  return {
    id: rows.map((r) => r.id),
    code: rows.map((r) => `T-${String(r.id).padStart(5, '0')}`),
    cls: rows.map((r) => DEVICE_CLASSES.indexOf(r.cls)),
    status: rows.map((r) => DEVICE_STATUSES.indexOf(r.status)),
    buildingId: rows.map((r) => r.buildingId ?? null),
    unitId: rows.map((r) => r.unitId ?? null),
    floor: rows.map((r) => r.floor ?? null),
    x: rows.map((r) => r.x ?? null),
    y: rows.map((r) => r.y ?? null),
    z: rows.map((r) => r.z ?? null),
    poleId: rows.map((r) => r.poleId ?? null),
  };
}

export function scene(
  buildings: TwinBuilding[],
  rows: DeviceRow[],
): Pick<TwinScene, 'buildings' | 'poles' | 'devices'> {
  return { buildings, poles: [], devices: columns(rows) };
}
