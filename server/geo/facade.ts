// Where a façade is on a footprint in local metres (x east, y north): the edge that most faces
// a compass direction, weighted by its length, and a point stood out from its middle (a camera
// pole in the green belt, 5–6 m out, as the demo's poles stand).
import type { Facade } from '~/db/vocab';

type Point = { x: number; y: number };

const DIRECTION: Record<Facade, Point> = {
  north: { x: 0, y: 1 },
  east: { x: 1, y: 0 },
  south: { x: 0, y: -1 },
  west: { x: -1, y: 0 },
};

/** The point `distanceM` out from the middle of the footprint's `facade`. */
export function outFromFacade(footprint: readonly Point[], facade: Facade, distanceM: number): Point {
  const d = DIRECTION[facade];
  const n = footprint.length;
  let area = 0;
  for (let i = 0; i < n; i++) {
    const a = footprint[i]!;
    const b = footprint[(i + 1) % n]!;
    area += a.x * b.y - b.x * a.y;
  }
  // Outward normal of edge a→b: right-hand for counter-clockwise rings, left-hand otherwise.
  const sign = area >= 0 ? 1 : -1;
  let best: { score: number; mid: Point; normal: Point } | null = null;
  for (let i = 0; i < n; i++) {
    const a = footprint[i]!;
    const b = footprint[(i + 1) % n]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    const normal = { x: (sign * (b.y - a.y)) / len, y: (sign * -(b.x - a.x)) / len };
    const facing = normal.x * d.x + normal.y * d.y;
    if (facing < 0.5) continue;
    const score = len * facing;
    if (!best || score > best.score) best = { score, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, normal };
  }
  if (best) {
    return { x: best.mid.x + best.normal.x * distanceM, y: best.mid.y + best.normal.y * distanceM };
  }
  // No edge faces that way (a sliver): the bounding box's side.
  const xs = footprint.map((p) => p.x);
  const ys = footprint.map((p) => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const reach =
    facade === 'north' || facade === 'south'
      ? (Math.max(...ys) - Math.min(...ys)) / 2
      : (Math.max(...xs) - Math.min(...xs)) / 2;
  return { x: cx + d.x * (reach + distanceM), y: cy + d.y * (reach + distanceM) };
}
