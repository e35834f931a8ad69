// Floor bands for public throwing figures (docs/DOMAIN.md § Privacy): incidents go public
// by floor band and month, never by floor or window, and a band must cover at
// least MIN_GROUP_HOUSEHOLDS households so a count cannot point at one flat.
import { MIN_GROUP_HOUSEHOLDS } from './privacy';

export type FloorBand = { from: number; to: number; households: number };

/** Floors per band before merging: three floors is what a throwing camera's band usually covers. */
export const BAND_FLOORS = 3;

/**
 * Cuts floors 1..floors into bands of `size` floors, then merges any band
 * with fewer than `min` households into its neighbour (the one above, or the
 * one below for the top band) until every band has enough, or one is left.
 */
export function floorBands(
  floors: number,
  householdsOnFloor: (floor: number) => number,
  size = BAND_FLOORS,
  min = MIN_GROUP_HOUSEHOLDS,
): FloorBand[] {
  const bands: FloorBand[] = [];
  for (let from = 1; from <= floors; from += size) {
    const to = Math.min(floors, from + size - 1);
    let households = 0;
    for (let f = from; f <= to; f++) households += householdsOnFloor(f);
    bands.push({ from, to, households });
  }
  for (;;) {
    const i = bands.findIndex((b) => b.households < min);
    if (i < 0 || bands.length < 2) return bands;
    // The top band merges down; any other merges up, keeping low floors apart from the roof.
    const j = i === bands.length - 1 ? i - 1 : i + 1;
    const [lo, hi] = i < j ? [bands[i]!, bands[j]!] : [bands[j]!, bands[i]!];
    bands.splice(Math.min(i, j), 2, { from: lo.from, to: hi.to, households: lo.households + hi.households });
  }
}

/** The band holding `floor`; floor 0 (known only by the camera's band) has none. */
export function bandOf<B extends { from: number; to: number }>(bands: readonly B[], floor: number): B | undefined {
  return bands.find((b) => floor >= b.from && floor <= b.to);
}
