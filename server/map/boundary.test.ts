import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../geo/crs';
import { BoundaryError, boundaryProblemWords, parseBoundary, type BoundaryProblem } from './boundary';

const RING = [
  [114.27, 30.59],
  [114.28, 30.59],
  [114.28, 30.6],
  [114.27, 30.6],
  [114.27, 30.59],
];

const problemOf = (text: string, crs: Parameters<typeof parseBoundary>[1] = 'wgs84'): BoundaryProblem => {
  try {
    parseBoundary(text, crs);
  } catch (e) {
    if (e instanceof BoundaryError) return e.problem;
    throw e;
  }
  throw new Error('accepted');
};

describe('parseBoundary', () => {
  it('takes a bare Polygon, a Feature and a FeatureCollection of MultiPolygons alike', () => {
    const bare = parseBoundary(JSON.stringify({ type: 'Polygon', coordinates: [RING] }), 'wgs84');
    expect(bare.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[RING]] });
    expect(bare).toMatchObject({ polygons: 1, vertices: 5 });
    const feature = parseBoundary(
      JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [RING] } }),
      'wgs84',
    );
    expect(feature.geometry).toEqual(bare.geometry);
    const collection = parseBoundary(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[RING], [RING]] } },
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [RING] } },
        ],
      }),
      'wgs84',
    );
    expect(collection.polygons).toBe(3);
  });

  it('closes an open ring', () => {
    const open = RING.slice(0, 4);
    expect(
      parseBoundary(JSON.stringify({ type: 'Polygon', coordinates: [open] }), 'wgs84').geometry.coordinates[0]![0],
    ).toEqual(RING);
  });

  it('converts GCJ-02 and Web Mercator files to WGS84', () => {
    for (const crs of ['gcj02', 'epsg3857'] as const) {
      const ring = RING.map((p) => fromWgs84(p as [number, number], crs));
      const got = parseBoundary(JSON.stringify({ type: 'Polygon', coordinates: [ring] }), crs).geometry
        .coordinates[0]![0]!;
      got.forEach((p, i) => {
        expect(p[0]).toBeCloseTo(RING[i]![0]!, 5);
        expect(p[1]).toBeCloseTo(RING[i]![1]!, 5);
      });
    }
  });

  it('refuses a file that is not a polygon boundary, naming why', () => {
    expect(problemOf('not json')).toEqual({ code: 'notJson' });
    expect(problemOf('{"hello":1}')).toEqual({ code: 'notGeoJson' });
    expect(problemOf('{"type":"FeatureCollection","features":[]}')).toEqual({ code: 'empty' });
    expect(
      problemOf(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: { type: 'Polygon', coordinates: [RING] } },
            { type: 'Feature', geometry: { type: 'LineString', coordinates: RING } },
          ],
        }),
      ),
    ).toEqual({ code: 'notPolygon', feature: 2, type: 'LineString' });
    expect(
      problemOf(
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [114, 30],
              [115, 30],
              [114, 30],
            ],
          ],
        }),
      ),
    ).toEqual({
      code: 'badRing',
      feature: 1,
    });
    expect(
      problemOf(
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [114, 30],
              ['x', 30],
              [115, 31],
            ],
          ],
        }),
      ),
    ).toMatchObject({
      code: 'badRing',
    });
  });

  it('refuses Web Mercator metres read as degrees, and an outline wider than a district', () => {
    const metres = RING.map((p) => fromWgs84(p as [number, number], 'epsg3857'));
    expect(problemOf(JSON.stringify({ type: 'Polygon', coordinates: [metres] }))).toEqual({
      code: 'outOfRange',
      feature: 1,
    });
    const wide = [
      [110, 30],
      [118, 30],
      [118, 31],
      [110, 30],
    ];
    expect(problemOf(JSON.stringify({ type: 'Polygon', coordinates: [wide] }))).toEqual({ code: 'tooLarge' });
  });

  it('says why in both languages', () => {
    const p: BoundaryProblem = { code: 'notPolygon', feature: 2, type: 'Point' };
    expect(boundaryProblemWords(p, 'zh')).toContain('第 2 个要素是 Point');
    expect(boundaryProblemWords(p, 'en')).toContain('feature 2 is a Point');
  });
});
