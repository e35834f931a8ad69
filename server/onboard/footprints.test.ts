import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors';
import type { Crs } from '../geo/crs';
import { collection } from './fixtures/make-fixtures';
import { nameFor, numberInText, previewFootprints, type PreviewFeature } from './footprints';

const here = path.dirname(new URL(import.meta.url).pathname);
const fixture = (name: string) => readFileSync(path.join(here, 'fixtures', name), 'utf8');
const sample = (name: string) => readFileSync(path.join(here, '../../samples', name), 'utf8');
const WUHAN = { anchorLng: 114.3055, anchorLat: 30.5928 };
const GUIYUAN = { anchorLng: 114.362, anchorLat: 30.528 };

const kept = (fs: PreviewFeature[]) => fs.filter((f) => f.keep);
const byIndex = (fs: PreviewFeature[], i: number) => fs.find((f) => f.index === i)!;

describe('previewFootprints on an OSM-style export', () => {
  const p = previewFootprints(fixture('osm-mixed-wgs84.geojson'), { crs: 'wgs84', anchor: WUHAN });

  it('lists every feature of the file, kept or skipped with a reason', () => {
    expect(p.features.map((f) => f.index)).toEqual([...Array(17).keys()]);
    for (const f of p.features) expect(f.keep || f.reason !== null).toBe(true);
    expect(p.kept + p.skipped).toBe(17);
  });

  it('keeps buildings with numbers and names derived from the fields a file uses', () => {
    expect(kept(p.features).map((f) => [f.number, f.name])).toEqual([
      ['12', '12号楼'],
      ['31', '31幢'],
      ['5', '5号楼'],
      ['7', '7号楼'],
      ['32', '社区服务中心'],
      ['A3', 'A3栋'],
    ]);
    expect(byIndex(p.features, 7).notes).toContain('numberGenerated');
  });

  it('takes floors from levels, else height ÷ 3 m, else 6 marked to check', () => {
    const floors = (i: number) => [byIndex(p.features, i).floors, byIndex(p.features, i).toCheck];
    expect(floors(0)).toEqual([18, false]);
    expect(floors(1)).toEqual([9, false]); // 27.5 m
    expect(floors(2)).toEqual([6, true]);
    expect(floors(9)).toEqual([6, true]); // HEIGHT "0" is unknown
    expect(byIndex(p.features, 2).notes).toContain('floorsDefault');
  });

  it('merges building parts into the outline holding them, and drops a part with no outline', () => {
    expect(byIndex(p.features, 4)).toMatchObject({ keep: false, reason: 'partMerged', reasonFeature: 3 });
    expect(byIndex(p.features, 4).reasonNumber).toBe('7');
    expect(byIndex(p.features, 6)).toMatchObject({ kind: 'part', keep: false, reason: 'partOrphan' });
    // The outline had no levels: its tallest part gives them.
    expect(byIndex(p.features, 3)).toMatchObject({ floors: 11, floorsSource: 'parts', toCheck: false });
  });

  it('names why a feature is skipped: labels, lines, missing or bad geometry, small, duplicate', () => {
    const reasons = Object.fromEntries(p.features.filter((f) => !f.keep).map((f) => [f.index, f.reason]));
    expect(reasons).toEqual({
      4: 'partMerged',
      5: 'partMerged',
      6: 'partOrphan',
      8: 'duplicateNumber',
      10: 'pointLabel',
      11: 'notPolygon',
      12: 'noGeometry',
      13: 'notClosed',
      14: 'tooFewVertices',
      15: 'tooSmall',
      16: 'selfIntersecting',
    });
    expect(byIndex(p.features, 8)).toMatchObject({ reasonFeature: 0, reasonNumber: '12' });
    expect(byIndex(p.features, 15).areaM2).toBeCloseTo(9, 0);
  });

  it('gives each kept footprint as a WGS84 ring and a counter-clockwise local ring', () => {
    const b31 = byIndex(p.features, 1); // drawn clockwise in the file
    expect(b31.local).toHaveLength(4);
    expect(signedArea(b31.local)).toBeGreaterThan(0);
    expect(b31.local.slice(0, 2)).toEqual([
      { x: 0, y: 40 },
      { x: 30, y: 40 },
    ]);
    expect(b31.ring[0]![0]).toBeCloseTo(114.3055, 4);
  });
});

describe('previewFootprints on the sample community', () => {
  const p = previewFootprints(sample('guiyuan-footprints.geojson'), { crs: 'wgs84', anchor: GUIYUAN });

  it('keeps exactly buildings 1..8, each 6 floors', () => {
    expect(kept(p.features).map((f) => f.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(kept(p.features).map((f) => f.name)).toEqual(['1栋', '2栋', '3栋', '4栋', '5栋', '6栋', '7栋', '8栋']);
    expect(kept(p.features).every((f) => f.floors === 6)).toBe(true);
  });

  it('says what it did to the MultiPolygon, the courtyard and the building without height', () => {
    const notes = Object.fromEntries(kept(p.features).map((f) => [f.number, f.notes]));
    expect(notes['2']).toEqual(['floorsFromHeight']);
    expect(notes['4']).toEqual(['multiPolygonLargest']);
    expect(notes['5']).toEqual(['holesDropped']);
    expect(notes['6']).toEqual(['floorsDefault']);
    const b4 = kept(p.features).find((f) => f.number === '4')!;
    expect(b4.polygons).toBe(2);
    expect(b4.areaM2).toBeGreaterThan(390); // the slab, not the bike shed
  });

  it('skips the label, the part, the shed, the bow-tie and the landuse area', () => {
    expect(p.features.filter((f) => !f.keep).map((f) => f.reason)).toEqual([
      'pointLabel',
      'partMerged',
      'tooSmall',
      'selfIntersecting',
      'notBuilding',
    ]);
  });
});

describe('previewFootprints in each coordinate system', () => {
  const wgs = previewFootprints(fixture('osm-mixed-wgs84.geojson'), { crs: 'wgs84', anchor: WUHAN });
  for (const crs of ['gcj02', 'bd09', 'epsg3857'] as Crs[]) {
    it(`puts ${crs} footprints within 1–2 m of the WGS84 ones`, () => {
      const other = previewFootprints(fixture(`osm-mixed-${crs}.geojson`), { crs, anchor: WUHAN });
      expect(other.features.map((f) => [f.keep, f.reason])).toEqual(wgs.features.map((f) => [f.keep, f.reason]));
      for (const f of kept(wgs.features)) {
        const g = byIndex(other.features, f.index);
        f.local.forEach((p, i) => {
          expect(Math.hypot(p.x - g.local[i]!.x, p.y - g.local[i]!.y)).toBeLessThan(1.5);
        });
      }
    });
  }

  it('reads a GIS export in EPSG:3857 with no building tags and string heights', () => {
    const p = previewFootprints(fixture('gis-export-epsg3857.geojson'), { crs: 'epsg3857', anchor: WUHAN });
    expect(p.features.map((f) => [f.keep, f.number, f.floors, f.toCheck])).toEqual([
      [true, '1', 6, false], // 17.4 m
      [true, '2', 6, true], // "0"
      [true, '3', 7, false],
      [false, '3', 7, false], // second 3幢
      [true, '4', 3, false], // no name: the next free number
    ]);
    expect(p.features[3]!.reason).toBe('duplicateNumber');
    expect(p.features[0]!.local[0]!.x).toBeCloseTo(0, 0);
  });

  it('uses the floor height it is given', () => {
    const p = previewFootprints(fixture('gis-export-epsg3857.geojson'), {
      crs: 'epsg3857',
      anchor: WUHAN,
      floorHeightM: 2.9,
    });
    expect(p.features[4]!.floors).toBe(3);
    expect(p.features[0]!.floors).toBe(6);
    expect(p.floorHeightM).toBe(2.9);
  });

  it('skips coordinates off the Earth (WGS84 chosen for a file in metres) instead of failing', () => {
    const p = previewFootprints(fixture('osm-mixed-epsg3857.geojson'), { crs: 'wgs84', anchor: WUHAN });
    expect(p.kept).toBe(0);
    expect(byIndex(p.features, 0).reason).toBe('badCoordinates');
  });
});

describe('previewFootprints refuses what it cannot read', () => {
  const refuses = (text: string) => {
    try {
      previewFootprints(text, { crs: 'wgs84', anchor: WUHAN });
    } catch (e) {
      return e instanceof DomainError ? e.code : String(e);
    }
    return 'read';
  };
  it('with import.unreadable for non-JSON and non-FeatureCollection text', () => {
    expect(refuses('name,height\n1栋,18')).toBe('import.unreadable');
    expect(refuses('{"type":"Feature","geometry":null,"properties":{}}')).toBe('import.unreadable');
    expect(refuses('[1,2]')).toBe('import.unreadable');
    expect(refuses('{"type":"FeatureCollection","features":[]}')).toBe('read');
  });
  it('reads a file with a byte-order mark and junk features without failing', () => {
    const text =
      '\ufeff{"type":"FeatureCollection","features":[null,7,{"type":"Feature"},{"geometry":{"type":"Polygon","coordinates":[[["a","b"]]]}}]}';
    const p = previewFootprints(text, { crs: 'wgs84', anchor: WUHAN });
    expect(p.features.map((f) => f.reason)).toEqual(['noGeometry', 'noGeometry', 'noGeometry', 'badCoordinates']);
  });
});

describe('numbers and names', () => {
  it.each([
    ['3栋', '3'],
    ['31幢', '31'],
    ['5号楼', '5'],
    ['桂园小区12栋', '12'],
    ['１２号', '12'],
    ['12-1', '12-1'],
    ['社区服务中心', null],
  ])('%s → %s', (text, number) => expect(numberInText(text)).toBe(number));

  it('keeps a name that says the number, and makes one that does not', () => {
    expect(nameFor('3', '3栋')).toBe('3栋');
    expect(nameFor('5', '')).toBe('5号楼');
    expect(nameFor('5', '3栋')).toBe('5号楼');
  });
});

describe('previewFootprints at scale', () => {
  it('previews 1,500 buildings well under two seconds', () => {
    const text = collection(
      Array.from({ length: 1500 }, (_, i) => {
        const x0 = 114.3 + (i % 50) * 0.0006;
        const y0 = 30.5 + Math.floor(i / 50) * 0.0004;
        return {
          type: 'Feature' as const,
          properties: { building: 'residential', name: `${i + 1}栋`, 'building:levels': 6 },
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [x0, y0],
                [x0 + 0.0004, y0],
                [x0 + 0.0004, y0 + 0.0001],
                [x0, y0 + 0.0001],
                [x0, y0],
              ] as [number, number][],
            ],
          },
        };
      }),
      'gcj02',
    );
    const t0 = performance.now();
    const p = previewFootprints(text, { crs: 'gcj02', anchor: { anchorLng: 114.31, anchorLat: 30.51 } });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(p.kept).toBe(1500);
  });
});

function signedArea(ring: { x: number; y: number }[]): number {
  let s = 0;
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    s += p.x * q.y - q.x * p.y;
  });
  return s / 2;
}
