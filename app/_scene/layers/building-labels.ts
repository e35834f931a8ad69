// Which labels a community gets: its number on every roof (read from the
// overview) and high on the south wall, and each unit's name over its door.
// A large community labels only the buildings nearest where the camera looks
// (LABEL_BUDGET of them): the rest would be a pixel high, and one atlas cell per
// building would outgrow any texture.
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight, footprintBounds, toWorld } from '../geometry';
import type { LabelSpec } from '../labels';

/** Buildings labelled at once; a community with no more than this has all its labels all the time. */
export const LABEL_BUDGET = 80;

export function buildingLabelSpecs(buildings: readonly TwinBuilding[], skipBuildingId: number | null): LabelSpec[] {
  const specs: LabelSpec[] = [];
  for (const b of buildings) {
    const r = footprintBounds(b.footprint);
    const h = buildingHeight(b);
    const cx = (r.x0 + r.x1) / 2;
    const width = r.x1 - r.x0;
    if (b.id !== skipBuildingId) {
      specs.push({
        text: b.name,
        style: 'sign',
        facing: 'up',
        center: toWorld(cx, (r.y0 + r.y1) / 2, h + 0.08),
        height: Math.min(9, (r.y1 - r.y0) * 0.7),
        maxWidth: width * 0.8,
      });
      specs.push({
        text: b.name,
        style: 'sign',
        facing: 'south',
        center: toWorld(cx, r.y0 - 0.12, h - b.floorHeight * 0.6),
        height: Math.min(3.4, b.floorHeight * 1.1),
        maxWidth: width * 0.5,
      });
    }
    for (const u of b.units) {
      specs.push({
        text: u.name,
        style: 'unit',
        facing: 'south',
        center: toWorld(u.stairX + 3.2, u.stairY - 0.14, 3.1),
        height: 1.1,
      });
    }
  }
  return specs;
}

/** Footprint centres (local x, y), two numbers per building, for nearestBuildings. */
export function buildingCentres(buildings: readonly TwinBuilding[]): Float64Array {
  const out = new Float64Array(buildings.length * 2);
  buildings.forEach((b, i) => {
    const r = footprintBounds(b.footprint);
    out[i * 2] = (r.x0 + r.x1) / 2;
    out[i * 2 + 1] = (r.y0 + r.y1) / 2;
  });
  return out;
}

/**
 * Indices of the `limit` buildings whose centres lie nearest (x, y), in
 * building order; every index when there are no more than `limit`.
 */
export function nearestBuildings(centres: Float64Array, x: number, y: number, limit: number): number[] {
  const n = centres.length / 2;
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = ((centres[i * 2] as number) - x) ** 2 + ((centres[i * 2 + 1] as number) - y) ** 2;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (d[a] as number) - (d[b] as number));
  return order.slice(0, limit).sort((a, b) => a - b);
}
