import { describe, expect, it } from 'vitest';
import { bandOf, floorBands } from './floor-bands';

describe('public floor bands', () => {
  it('cuts a six-floor block with two flats a floor into two bands of three floors', () => {
    expect(floorBands(6, () => 2)).toEqual([
      { from: 1, to: 3, households: 6 },
      { from: 4, to: 6, households: 6 },
    ]);
  });

  it('merges a band narrower than 5 households with its neighbour', () => {
    // Floor 7 alone holds 2 flats: the top band merges down into 4–7.
    expect(floorBands(7, () => 2)).toEqual([
      { from: 1, to: 3, households: 6 },
      { from: 4, to: 7, households: 8 },
    ]);
    // A sparse ground floor band (shops below) merges up.
    expect(floorBands(6, (f) => (f <= 3 ? 1 : 2))).toEqual([{ from: 1, to: 6, households: 9 }]);
  });

  it('keeps a single band even when the whole building is small', () => {
    expect(floorBands(2, () => 1)).toEqual([{ from: 1, to: 2, households: 2 }]);
  });

  it('finds the band of a floor and none for floor 0', () => {
    const bands = floorBands(9, () => 2);
    expect(bandOf(bands, 5)).toMatchObject({ from: 4, to: 6 });
    expect(bandOf(bands, 0)).toBeUndefined();
  });
});
