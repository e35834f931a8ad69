// Site layout in a community's local frame: metres, x east, y north, origin at
// the community anchor. Residential slabs here run east–west and face south,
// as planning rules for daylight (日照间距) make them do across central China.
import type { LocalPoint } from '../schema/_helpers';
import type { Facade } from '../vocab';
import { round, type Rng } from './prng';

export type Rect = { x0: number; y0: number; x1: number; y1: number };
export type Slab = { length: number; depth: number; height: number };

/** Counter-clockwise from the south-west corner, as the schema asks. */
export function rectFootprint(r: Rect): LocalPoint[] {
  return [
    { x: r.x0, y: r.y0 },
    { x: r.x1, y: r.y0 },
    { x: r.x1, y: r.y1 },
    { x: r.x0, y: r.y1 },
  ];
}

/**
 * Lays slabs out in rows from south to north, each row centred on x = 0 and the
 * whole site centred on the origin. A row stands back from the one south of it
 * by about the southern row's height, so every row gets its winter sun.
 */
export function layoutRows(rows: Slab[][], rng: Rng, opts: { gapX: number; minRowGap: number }): Rect[][] {
  const placed: Rect[][] = [];
  let y = 0;
  let southHeight = 0;
  for (const row of rows) {
    if (placed.length > 0) y += Math.max(opts.minRowGap, Math.min(45, southHeight * 1.0));
    const width = row.reduce((sum, s) => sum + s.length, 0) + opts.gapX * (row.length - 1);
    let x = -width / 2 + rng.range(-4, 4);
    const rects: Rect[] = [];
    let rowDepth = 0;
    for (const slab of row) {
      // Small setbacks keep rows from looking ruled; never enough to overlap.
      const dy = rng.range(0, 2);
      rects.push({
        x0: round(x, 1),
        y0: round(y + dy, 1),
        x1: round(x + slab.length, 1),
        y1: round(y + dy + slab.depth, 1),
      });
      x += slab.length + opts.gapX;
      rowDepth = Math.max(rowDepth, dy + slab.depth);
    }
    placed.push(rects);
    y += rowDepth;
    southHeight = Math.max(...row.map((s) => s.height));
  }
  const all = placed.flat();
  const cy = (Math.min(...all.map((r) => r.y0)) + Math.max(...all.map((r) => r.y1))) / 2;
  return placed.map((rects) => rects.map((r) => ({ ...r, y0: round(r.y0 - cy, 1), y1: round(r.y1 - cy, 1) })));
}

export function siteBounds(rects: Rect[], margin: number): Rect {
  return {
    x0: Math.min(...rects.map((r) => r.x0)) - margin,
    y0: Math.min(...rects.map((r) => r.y0)) - margin,
    x1: Math.max(...rects.map((r) => r.x1)) + margin,
    y1: Math.max(...rects.map((r) => r.y1)) + margin,
  };
}

export function insideAny(p: { x: number; y: number }, rects: Rect[], pad: number): boolean {
  return rects.some((r) => p.x > r.x0 - pad && p.x < r.x1 + pad && p.y > r.y0 - pad && p.y < r.y1 + pad);
}

/** A point in the open: inside the site, at least `pad` metres clear of every building. */
export function openGround(rng: Rng, site: Rect, rects: Rect[], pad = 3): { x: number; y: number } {
  for (let tries = 0; tries < 1000; tries++) {
    const p = { x: round(rng.range(site.x0, site.x1), 1), y: round(rng.range(site.y0, site.y1), 1) };
    if (!insideAny(p, rects, pad)) return p;
  }
  throw new Error('no open ground left on the site');
}

/** The façade's wall as a segment (west→east or south→north) and its outward normal. */
export function facadeEdge(
  r: Rect,
  facade: Facade,
): { ax: number; ay: number; bx: number; by: number; nx: number; ny: number } {
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

/** Stairwells sit at the middle of each unit's stretch of the south wall. */
export function stairPositions(r: Rect, units: number): { x: number; y: number }[] {
  const step = (r.x1 - r.x0) / units;
  return Array.from({ length: units }, (_, i) => ({ x: round(r.x0 + step * (i + 0.5), 2), y: r.y0 }));
}

/** Splits floors 1..n into `bands` consecutive inclusive ranges, lower bands larger first. */
export function floorBands(floors: number, bands: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 1;
  for (let i = 0; i < bands; i++) {
    const size = Math.floor(floors / bands) + (i < floors % bands ? 1 : 0);
    out.push([from, from + size - 1]);
    from += size;
  }
  return out;
}
