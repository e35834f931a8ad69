// The demo's street: its three communities lie on one fictional street (建中街街道, 临江区),
// so the district map reads as a place. Its boundary is seeded as an import would leave it
// (street_boundaries, docs/DOMAIN.md § Places): an outline a few hundred metres round the
// three estates, drawn in metres east and north of 财富星苑's anchor.
import { streetBoundaries } from '../schema';
import type { Seeder } from './insert';

export const DEMO_STREET = '建中街街道';
export const DEMO_DISTRICT = '临江区';

/** 财富星苑's anchor: the other two communities' anchors are placed from it. */
const ORIGIN = { lng: 114.2712, lat: 30.5986 };
const R = 6_378_137;
const RAD = Math.PI / 180;

/** A point `x` metres east and `y` north of the street's origin, in WGS84. */
export function streetPoint(x: number, y: number): [number, number] {
  const lng = ORIGIN.lng + x / (R * Math.cos(ORIGIN.lat * RAD)) / RAD;
  const lat = ORIGIN.lat + y / R / RAD;
  return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

/** The street's outline, following its (fictional) roads: a river to the south-east, a rail line to the north. */
const OUTLINE: Array<[number, number]> = [
  [-620, -300],
  [-80, -360],
  [420, -330],
  [900, -190],
  [960, 240],
  [820, 520],
  [420, 700],
  [60, 880],
  [-420, 860],
  [-700, 560],
  [-760, 120],
];

export async function seedStreet(seeder: Seeder): Promise<void> {
  const ring = [...OUTLINE, OUTLINE[0]!].map(([x, y]) => streetPoint(x, y));
  await seeder.db.insert(streetBoundaries).values({
    street: DEMO_STREET,
    district: DEMO_DISTRICT,
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
    actor: 'seed',
    detail: { fileName: null, crs: 'wgs84', polygons: 1, vertices: ring.length },
    at: seeder.stamp,
  });
}
