// Units, stairwells and rooms of a building, by the local rules: units are numbered along the
// main façade from the west (1单元, 2单元, …), each stairwell stands at the middle of its unit's
// stretch of that façade (as the demo's seed places them, db/seed/geometry.ts), and a room is
// its floor followed by its two-digit door: floor 13, door 01 → 1301. Pure.

export type XY = { x: number; y: number };
export type Facade = { ax: number; ay: number; bx: number; by: number; nx: number; ny: number; length: number };

/**
 * The main façade of a counter-clockwise footprint: its longest wall, and of walls nearly as
 * long (within 10 %) the one facing most to the south, where entrances of slabs built for
 * winter sun are. Returned west to east (or south to north) so unit 1 is at its start.
 */
export function mainFacade(ring: readonly XY[]): Facade {
  const edges: Facade[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length === 0) continue;
    // Outward normal of a counter-clockwise ring's edge: the edge direction turned clockwise.
    edges.push({ ax: a.x, ay: a.y, bx: b.x, by: b.y, nx: (b.y - a.y) / length, ny: -(b.x - a.x) / length, length });
  }
  if (edges.length === 0) throw new Error('footprint has no edges');
  const longest = Math.max(...edges.map((e) => e.length));
  const best = edges
    .filter((e) => e.length >= 0.9 * longest)
    .sort((p, q) => p.ny - q.ny || (p.ay + p.by) / 2 - (q.ay + q.by) / 2)[0]!;
  const westFirst = best.ax < best.bx || (best.ax === best.bx && best.ay < best.by);
  return westFirst ? best : { ...best, ax: best.bx, ay: best.by, bx: best.ax, by: best.ay };
}

/** Stairwells at the middle of each unit's stretch of the main façade. */
export function stairPositions(ring: readonly XY[], units: number): XY[] {
  const f = mainFacade(ring);
  const round = (v: number) => Math.round(v * 100) / 100;
  return Array.from({ length: units }, (_, i) => {
    const t = (i + 0.5) / units;
    return { x: round(f.ax + (f.bx - f.ax) * t), y: round(f.ay + (f.by - f.ay) * t) };
  });
}

/** "1单元", "2单元", … */
export const defaultUnitName = (ordinal: number) => `${ordinal}单元`;

/** Floor and door to the room number: (13, 1) → "1301". */
export function roomNumber(floor: number, door: number): string {
  return `${floor}${String(door).padStart(2, '0')}`;
}

/** A room number back to floor and door ("1301" → 13, "01"); null when it does not follow the rule. */
export function parseRoom(room: string): { floor: number; door: string } | null {
  const m = /^([1-9]\d{0,2})(\d{2})$/.exec(room);
  return m ? { floor: Number(m[1]), door: m[2]! } : null;
}

/** Every room of a unit: floors 1..floors, doors 01..householdsPerFloor. */
export function unitRooms(floors: number, householdsPerFloor: number): { floor: number; door: string; room: string }[] {
  const out: { floor: number; door: string; room: string }[] = [];
  for (let floor = 1; floor <= floors; floor++) {
    for (let d = 1; d <= householdsPerFloor; d++) {
      out.push({ floor, door: String(d).padStart(2, '0'), room: roomNumber(floor, d) });
    }
  }
  return out;
}
