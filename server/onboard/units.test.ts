import { describe, expect, it } from 'vitest';
import { mainFacade, parseRoom, roomNumber, stairPositions, unitRooms } from './units';

const slab = [
  { x: -18, y: -5 },
  { x: 18, y: -5 },
  { x: 18, y: 6 },
  { x: -18, y: 6 },
];

describe('mainFacade and stairPositions', () => {
  it('puts stairwells at the middle of each unit on the south wall of an east–west slab', () => {
    expect(stairPositions(slab, 2)).toEqual([
      { x: -9, y: -5 },
      { x: 9, y: -5 },
    ]);
    expect(mainFacade(slab)).toMatchObject({ nx: 0, ny: -1, length: 36 });
  });

  it('takes the longest wall of a north–south slab, west to east or south to north', () => {
    const ns = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 40 },
      { x: 0, y: 40 },
    ];
    const f = mainFacade(ns);
    expect(f.length).toBe(40);
    expect([f.ay, f.by]).toEqual([0, 40]);
    expect(stairPositions(ns, 4).map((p) => p.y)).toEqual([5, 15, 25, 35]);
  });

  it('prefers the south wall of a square over its east or west wall', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 20, y: 0 },
      { x: 20, y: 20 },
      { x: 0, y: 20 },
    ];
    expect(mainFacade(square)).toMatchObject({ ay: 0, by: 0, ny: -1 });
  });
});

describe('rooms', () => {
  it('numbers rooms floor + two-digit door', () => {
    expect(roomNumber(13, 1)).toBe('1301');
    expect(parseRoom('1301')).toEqual({ floor: 13, door: '01' });
    expect(parseRoom('B1')).toBeNull();
    expect(unitRooms(6, 2).map((r) => r.room)).toEqual([
      '101',
      '102',
      '201',
      '202',
      '301',
      '302',
      '401',
      '402',
      '501',
      '502',
      '601',
      '602',
    ]);
  });
});
