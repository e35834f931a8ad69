import { describe, expect, it } from 'vitest';
import { fromLocal, fromWgs84, toLocal, toWgs84 } from './crs';

// Reference pairs published with wandergis/coordtransform (the algorithm AMap and Baidu pickers
// apply, reproduced by many libraries' tests): WGS84 (116.404, 39.915) is GCJ-02 (116.41024449916938,
// 39.91640428150164); GCJ-02 (116.404, 39.915) is BD-09 (116.41036949371029, 39.92133699351021)
// and WGS84 (116.39775550083061, 39.91359571849836) by the one-step inverse, good to about a metre.
const WGS84: [number, number] = [116.404, 39.915];
const GCJ02_OF_WGS84: [number, number] = [116.41024449916938, 39.91640428150164];
const BD09: [number, number] = [116.41036949371029, 39.92133699351021];
const WGS84_OF_BD09: [number, number] = [116.39775550083061, 39.91359571849836];

/** Ground distance in metres between two WGS84 points (small distances). */
function metres(a: readonly [number, number], b: readonly [number, number]) {
  const dx = (a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180);
  const dy = (a[1] - b[1]) * 110_574;
  return Math.hypot(dx, dy);
}

describe('CRS conversion', () => {
  it('undoes the GCJ-02 and BD-09 offsets to within a few metres of the surveyed point', () => {
    expect(metres(toWgs84(GCJ02_OF_WGS84, 'gcj02'), WGS84)).toBeLessThan(1);
    expect(metres(fromWgs84(WGS84, 'gcj02'), GCJ02_OF_WGS84)).toBeLessThan(0.01);
    expect(metres(toWgs84(BD09, 'bd09'), WGS84_OF_BD09)).toBeLessThan(2);
    // The shift it removed is the published one (hundreds of metres), not nothing.
    expect(metres(GCJ02_OF_WGS84, WGS84)).toBeGreaterThan(400);
    expect(metres(BD09, WGS84_OF_BD09)).toBeGreaterThan(1000);
  });

  it('converts EPSG:3857 metres both ways (the origin, the antimeridian, a point in Wuhan)', () => {
    expect(toWgs84([0, 0], 'epsg3857')).toEqual([0, 0]);
    // The published extent of the web-Mercator square: ±20,037,508.34 m at ±180°.
    expect(fromWgs84([180, 0], 'epsg3857')[0]).toBeCloseTo(20_037_508.34, 1);
    const wuhan: [number, number] = [114.3055, 30.5928];
    const merc = fromWgs84(wuhan, 'epsg3857');
    expect(merc[0]).toBeCloseTo((114.3055 / 180) * 20_037_508.34, 0);
    const back = toWgs84(merc, 'epsg3857');
    expect(metres(back, wuhan)).toBeLessThan(0.01);
  });

  it('round-trips local metres to centimetres across a community', () => {
    const anchor = { anchorLng: 114.2712, anchorLat: 30.6203 };
    for (const [x, y] of [
      [0, 0],
      [350, -420],
      [-800, 760],
    ] as const) {
      const local = toLocal(anchor, fromLocal(anchor, x, y));
      expect(local.x).toBeCloseTo(x, 2);
      expect(local.y).toBeCloseTo(y, 2);
    }
  });
});
