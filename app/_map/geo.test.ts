import { describe, expect, it } from 'vitest';
import { SEVERITY_TINT, STATUS_COLOR } from '~/lib/status-palette';
import {
  boundariesGeoJson,
  boundsOf,
  convexHull,
  derivedBoundary,
  pointsGeoJson,
  statusRank,
  streetsGeoJson,
  type MapCommunity,
} from './geo';

const square = (x: number, y: number, w: number) => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + w },
  { x, y: y + w },
];

function community(
  slug: string,
  footprints: Array<Array<{ x: number; y: number }>>,
  worst: string | null = null,
): MapCommunity {
  return {
    slug,
    name: slug,
    anchorLng: 114.27,
    anchorLat: 30.6,
    devices: 10,
    online: 7,
    openAlarms: worst ? 1 : 0,
    throwingThisMonth: 0,
    buildings: footprints.map((footprint, i) => ({ id: i + 1, name: `${i + 1}栋`, worst, footprint, height: 18 })),
  };
}

describe('convexHull', () => {
  it('keeps the outer corners and drops the points inside', () => {
    const hull = convexHull([...square(0, 0, 10), { x: 5, y: 5 }, { x: 2, y: 8 }]);
    expect(hull).toHaveLength(4);
    expect(hull).toEqual(expect.arrayContaining(square(0, 0, 10)));
  });
});

describe('derivedBoundary', () => {
  it('wraps every footprint corner with the padding to spare, closed', () => {
    const footprints = [square(0, 0, 20), square(100, 50, 30)];
    const ring = derivedBoundary(footprints, 25);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const xs = ring.map((p) => p.x),
      ys = ring.map((p) => p.y);
    // The padding is measured outward from the outermost corners.
    expect(Math.min(...xs)).toBeCloseTo(-25, 5);
    expect(Math.max(...xs)).toBeCloseTo(155, 5);
    expect(Math.min(...ys)).toBeLessThanOrEqual(-24);
    expect(Math.max(...ys)).toBeGreaterThanOrEqual(104);
    // Every corner is inside (a convex ring, counter-clockwise: left of every edge).
    for (const p of footprints.flat()) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i]!, ring[i + 1]!];
        expect((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)).toBeGreaterThan(0);
      }
    }
  });

  it('is a circle round the anchor for a community with no building yet', () => {
    const ring = derivedBoundary([], 25, 100);
    for (const p of ring) expect(Math.hypot(p.x, p.y)).toBeCloseTo(100, 5);
  });
});

describe('community features', () => {
  it('colours a boundary by the worst open alarm, a fault orange, and all well green', () => {
    const list = [community('a', [square(0, 0, 20)], 'major'), community('b', [square(0, 0, 20)]), community('c', [])];
    const status = new Map([
      ['b', { slug: 'b', worst: null, openAlarms: 0, faults: 2, offline: 1 }],
      ['c', { slug: 'c', worst: null, openAlarms: 0, faults: 0, offline: 0 }],
    ]);
    const b = boundariesGeoJson(list, status);
    expect(b.features.map((f) => f.properties.colour)).toEqual([
      SEVERITY_TINT.major,
      STATUS_COLOR.fault,
      STATUS_COLOR.online,
    ]);
    const points = pointsGeoJson(list, b, status);
    expect(points.features.map((f) => f.properties.rank)).toEqual([5, 2, 1]);
    // Without map.layers' status, the screen's figures stand in: 3 of 10 devices are not online.
    expect(points.features[0]!.properties).toMatchObject({ alarms: 1, offline: 3 });
    // The marker stands on its boundary's northern edge, its label above the buildings.
    const [lng, lat] = points.features[1]!.geometry.coordinates as [number, number];
    const bounds = boundsOf({ type: 'FeatureCollection', features: [b.features[1]!] })!;
    expect(lng).toBeGreaterThan(bounds[0][0]);
    expect(lat).toBeCloseTo(bounds[1][1], 9);
  });

  it('ranks an alarm above a fault, whatever the fault count', () => {
    expect(statusRank({ worst: 'warning', faults: 9 })).toBeGreaterThan(statusRank({ worst: null, faults: 9 }));
    expect(statusRank({ worst: 'critical', faults: 0 })).toBe(6);
  });

  it('draws only the streets that have a boundary, and fits the view to streets and communities', () => {
    const streets = streetsGeoJson([
      {
        street: 'A街道',
        district: '区',
        boundary: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [114, 30],
                [115, 30],
                [115, 31],
                [114, 30],
              ],
            ],
          ],
        },
      },
      { street: 'B街道', district: null, boundary: null },
    ]);
    expect(streets.features.map((f) => f.properties.street)).toEqual(['A街道']);
    expect(boundsOf(streets)).toEqual([
      [114, 30],
      [115, 31],
    ]);
  });
});
