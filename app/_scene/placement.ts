// Where each device marker stands. A device with a site position stands
// there; one known only by building, unit and floor is spread along its
// unit's share of the south façade at that floor's height, so the sensors of
// a flat read as a row on the right storey; a pole's cameras stack down the
// mast. Pure: the scene tests call it without WebGL.
import { DEVICE_CLASSES } from '~/db/vocab';
import type { TwinScene } from '~/server/queries/twin-scene';
import {
  buildingHeight,
  floorMid,
  footprintBounds,
  poleCameraPosition,
  toWorld,
  unitWidth,
  type Vec3,
} from './geometry';

const ELEVATOR_CONTROLLER = DEVICE_CLASSES.indexOf('elevator_controller');

export function placeDevices(scene: Pick<TwinScene, 'buildings' | 'poles' | 'devices'>): Float32Array {
  const d = scene.devices;
  const n = d.id.length;
  const out = new Float32Array(n * 3);
  const buildings = new Map(scene.buildings.map((b) => [b.id, b]));
  const units = new Map(scene.buildings.flatMap((b) => b.units.map((u) => [u.id, { u, b }] as const)));
  const poles = new Map(scene.poles.map((p) => [p.id, p]));

  // First pass: how many devices share each unit × floor, so the second can spread them.
  const group = new Map<string, number>();
  const keyOf = (i: number) => `${d.unitId[i]}:${d.floor[i]}`;
  for (let i = 0; i < n; i++) {
    if (d.x[i] == null && d.unitId[i] != null && d.floor[i] != null)
      group.set(keyOf(i), (group.get(keyOf(i)) ?? 0) + 1);
  }
  const taken = new Map<string, number>();
  const poleTaken = new Map<number, number>();

  for (let i = 0; i < n; i++) {
    let p: Vec3 = [0, 0.5, 0];
    const b = d.buildingId[i] == null ? undefined : buildings.get(d.buildingId[i] as number);
    const pole = d.poleId[i] == null ? undefined : poles.get(d.poleId[i] as number);
    const x = d.x[i];
    const y = d.y[i];
    const floor = d.floor[i];
    if (pole) {
      const k = poleTaken.get(pole.id) ?? 0;
      poleTaken.set(pole.id, k + 1);
      p = poleCameraPosition(pole, k);
    } else if (x != null && y != null) {
      let z = d.z[i];
      if (z == null) {
        if (b && floor != null) z = floorMid(b, floor);
        // An elevator controller without a height sits in the machine room above the roof.
        else if (b) z = buildingHeight(b) + (d.cls[i] === ELEVATOR_CONTROLLER ? 1.6 : 0.8);
        else z = 0.5;
      }
      p = toWorld(x, y, z);
    } else if (d.unitId[i] != null && floor != null && units.has(d.unitId[i] as number)) {
      const { u, b: ub } = units.get(d.unitId[i] as number)!;
      const key = keyOf(i);
      const k = taken.get(key) ?? 0;
      taken.set(key, k + 1);
      const count = group.get(key) ?? 1;
      const w = unitWidth(ub) * 0.86;
      p = toWorld(u.stairX + ((k + 0.5) / count - 0.5) * w, u.stairY - 0.45, floorMid(ub, floor) + 0.35);
    } else if (b) {
      const r = footprintBounds(b.footprint);
      p = toWorld((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2, buildingHeight(b) + 0.8);
    }
    out[i * 3] = p[0];
    out[i * 3 + 1] = p[1];
    out[i * 3 + 2] = p[2];
  }
  return out;
}
