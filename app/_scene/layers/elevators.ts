// Which shafts stand where and how each looks: pure, so a test can change a
// stage and see the look change.
import { DEVICE_CLASSES, DEVICE_STATUSES, type DeviceStatus, type RetrofitStage } from '~/db/vocab';
import type { TwinBuilding, TwinDeviceColumns } from '~/server/queries/twin-scene';
import { buildingHeight, originalShaftAt, retrofitShaftAt } from '../geometry';
import { elevatorLook, type ElevatorLook } from '../palette';

export type ShaftSpec = {
  unitId: number;
  buildingId: number;
  x: number;
  y: number;
  height: number;
  look: ElevatorLook;
  stage: RetrofitStage | 'original';
};

const CONTROLLER = DEVICE_CLASSES.indexOf('elevator_controller');

/** The status of each unit's elevator controller, worst first when a unit has several. */
export function controllerStatusByUnit(d: TwinDeviceColumns): Map<number, DeviceStatus> {
  const out = new Map<number, DeviceStatus>();
  for (let i = 0; i < d.id.length; i++) {
    const unit = d.unitId[i];
    if (d.cls[i] !== CONTROLLER || unit == null) continue;
    const status = DEVICE_STATUSES[d.status[i] ?? 0] ?? 'online';
    const prev = out.get(unit);
    if (!prev || status === 'fault' || status === 'alarm') out.set(unit, status);
  }
  return out;
}

/** Shafts of original lifts and of every unit with a retrofit case; a cut building's shafts stop at the cut. */
export function shaftSpecs(
  buildings: TwinBuilding[],
  controllers: Map<number, DeviceStatus>,
  cut: { buildingId: number; floor: number } | null,
): ShaftSpec[] {
  const out: ShaftSpec[] = [];
  for (const b of buildings) {
    const top = cut?.buildingId === b.id ? cut.floor * b.floorHeight : buildingHeight(b);
    for (const u of b.units) {
      const controller = controllers.get(u.id) ?? null;
      if (u.hasOriginalElevator) {
        const at = originalShaftAt(u);
        // The machine room stands 2.5 m over the roof: that is what shows of an inside lift.
        out.push({
          unitId: u.id,
          buildingId: b.id,
          ...at,
          height: top + (top === buildingHeight(b) ? 2.5 : 0),
          look: elevatorLook('original', controller),
          stage: 'original',
        });
      } else if (u.retrofitStage) {
        const at = retrofitShaftAt(u);
        out.push({
          unitId: u.id,
          buildingId: b.id,
          ...at,
          height: top + 1.2,
          look: elevatorLook(u.retrofitStage, controller),
          stage: u.retrofitStage,
        });
      }
    }
  }
  return out;
}
