// The community's local frame (metres: x east, y north, z up; docs/DOMAIN.md § Community model)
// mapped onto three.js (x east, y up, z south), and where things stand in it.
// Pure functions, so the scene tests can check placement without WebGL.
import type { LocalPoint } from '~/db/schema/_helpers';
import type { Facade } from '~/db/vocab';
import type { TwinBuilding, TwinPole, TwinUnit } from '~/server/queries/twin-scene';

export type Vec3 = [number, number, number];

/** Local (east, north, up) to three.js (x, y up, z = −north). */
export function toWorld(x: number, y: number, z = 0): Vec3 {
  return [x, z, -y];
}

export type Bounds = { x0: number; y0: number; x1: number; y1: number };

export function footprintBounds(points: readonly LocalPoint[]): Bounds {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return { x0, y0, x1, y1 };
}

export function buildingHeight(b: Pick<TwinBuilding, 'floors' | 'floorHeight'>): number {
  return b.floors * b.floorHeight;
}

/** The wall as a segment (west→east or south→north) and its outward normal, as the seed lays façades out. */
export function facadeEdge(r: Bounds, facade: Facade) {
  switch (facade) {
    case 'south':
      return { ax: r.x0, ay: r.y0, bx: r.x1, by: r.y0, nx: 0, ny: -1 };
    case 'north':
      return { ax: r.x0, ay: r.y1, bx: r.x1, by: r.y1, nx: 0, ny: 1 };
    case 'west':
      return { ax: r.x0, ay: r.y0, bx: r.x0, by: r.y1, nx: -1, ny: 0 };
    case 'east':
      return { ax: r.x1, ay: r.y0, bx: r.x1, by: r.y1, nx: 1, ny: 0 };
  }
}

/** Throwing cameras number window columns every 3.6 m along the façade (db/seed/incidents.ts). */
export const WINDOW_PITCH_M = 3.6;

export function windowColumns(r: Bounds, facade: Facade): number {
  const e = facadeEdge(r, facade);
  return Math.max(1, Math.floor(Math.hypot(e.bx - e.ax, e.by - e.ay) / WINDOW_PITCH_M));
}

/** A unit's share of the façade: the building's width split evenly between its units. */
export function unitWidth(b: Pick<TwinBuilding, 'footprint' | 'units'>): number {
  const r = footprintBounds(b.footprint);
  return (r.x1 - r.x0) / Math.max(1, b.units.length);
}

/** Height of the middle of a floor (floors count from 1 at ground level). */
export function floorMid(b: Pick<TwinBuilding, 'floorHeight'>, floor: number): number {
  return (floor - 0.5) * b.floorHeight;
}

/** Where a retrofit shaft stands: against the stairwell on the south wall (db/seed: stairY − 2.5). */
export function retrofitShaftAt(u: Pick<TwinUnit, 'stairX' | 'stairY'>): { x: number; y: number } {
  return { x: u.stairX, y: u.stairY - 2.5 };
}

/** An original lift sits inside the block behind the stairwell; its machine room shows above the roof. */
export function originalShaftAt(u: Pick<TwinUnit, 'stairX' | 'stairY'>): { x: number; y: number } {
  return { x: u.stairX, y: u.stairY + 3 };
}

/** The 7 cameras of a pole stack down its mast, 0.45 m apart, just off it towards the building. */
export function poleCameraPosition(pole: TwinPole, k: number): Vec3 {
  const toward = facadeEdge({ x0: 0, y0: 0, x1: 0, y1: 0 }, pole.facade);
  return toWorld(pole.x - toward.nx * 0.45, pole.y - toward.ny * 0.45, pole.heightM - 0.2 - 0.45 * k);
}
