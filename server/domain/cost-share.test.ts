// Cost shares: exact to the fen, by the published floor table.
import { describe, expect, it } from 'vitest';
import { CostShareError, costShares, floorCoefficient, subsidyFen, type ShareInput } from './cost-share';

function unit(floors: number, areas: number[]): ShareInput[] {
  const out: ShareInput[] = [];
  for (let f = 1; f <= floors; f++) areas.forEach((a, d) => out.push({ floor: f, room: `${f}0${d + 1}`, areaM2: a }));
  return out;
}

describe('subsidy rules', () => {
  it.each([
    [60_000_000, { kind: 'percent', percent: 40, capFen: 28_000_000 } as const, 24_000_000],
    [80_000_000, { kind: 'percent', percent: 40, capFen: 28_000_000 } as const, 28_000_000],
    [61_234_567, { kind: 'percent', percent: 40, capFen: 28_000_000 } as const, 24_493_827],
    [60_000_000, { kind: 'fixed', amountFen: 10_000_000 } as const, 10_000_000],
    [5_000_000, { kind: 'fixed', amountFen: 10_000_000 } as const, 5_000_000],
  ])('total %i fen under %j gives %i fen', (total, rule, want) => {
    expect(subsidyFen(total, rule)).toBe(want);
  });
});

describe('floor coefficients', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 0.7],
    [4, 0.8],
    [5, 0.9],
    [6, 1.0],
    [7, 1.1],
    [8, 1.2],
    [11, 1.5],
  ])('floor %i pays %f', (floor, c) => {
    expect(floorCoefficient(floor)).toBeCloseTo(c, 9);
  });
  it('reads a custom table and continues it upwards', () => {
    expect(floorCoefficient(3, { 1: 0, 2: 0.2, 3: 0.6 })).toBe(0.6);
    expect(floorCoefficient(5, { 1: 0, 2: 0.2, 3: 0.6 })).toBeCloseTo(0.8, 9);
  });
});

describe('shares', () => {
  it('adds up exactly to total − subsidy for an awkward total, floors 1–2 paying nothing', () => {
    const r = costShares({
      totalFen: 61_234_567,
      subsidy: { kind: 'percent', percent: 40, capFen: 28_000_000 },
      households: unit(6, [67.3, 88.9]),
    });
    expect(r.payableFen).toBe(61_234_567 - 24_493_827);
    expect(r.shares.reduce((n, s) => n + s.shareFen, 0)).toBe(r.payableFen);
    expect(r.shares.filter((s) => s.floor <= 2).every((s) => s.shareFen === 0)).toBe(true);
    // Each share is coefficient × area × rate, to within the one fen of rounding.
    for (const s of r.shares) expect(Math.abs(s.shareFen - s.coefficient * s.areaM2 * r.rateFen)).toBeLessThan(1);
    expect(r.byFloor.reduce((n, f) => n + f.shareFen, 0)).toBe(r.payableFen);
  });

  it('adds up exactly over many households with prime totals', () => {
    for (const total of [1, 7, 99_991, 65_432_101, 70_000_003]) {
      const households = Array.from({ length: 240 }, (_, i) => ({
        floor: 1 + (i % 12),
        room: `${1 + (i % 12)}${String(1 + Math.floor(i / 12)).padStart(2, '0')}`,
        areaM2: 50 + ((i * 37) % 71) + 0.01 * (i % 7),
      }));
      const r = costShares({ totalFen: total, subsidy: null, households });
      expect(r.shares.reduce((n, s) => n + s.shareFen, 0)).toBe(total);
      expect(r.shares.every((s) => Number.isInteger(s.shareFen) && s.shareFen >= 0)).toBe(true);
    }
  });

  it('places leftover fen by largest remainder, ties by room, whatever the input order', () => {
    const households = [
      { floor: 3, room: '303', areaM2: 80 },
      { floor: 3, room: '301', areaM2: 80 },
      { floor: 3, room: '302', areaM2: 80 },
    ];
    const r = costShares({ totalFen: 100, subsidy: null, households });
    expect(r.shares.map((s) => [s.room, s.shareFen])).toEqual([
      ['301', 34],
      ['302', 33],
      ['303', 33],
    ]);
    const again = costShares({ totalFen: 100, subsidy: null, households: [...households].reverse() });
    expect(again.shares).toEqual(r.shares);
  });

  it('charges nobody when the subsidy covers the whole cost', () => {
    const r = costShares({
      totalFen: 8_000_000,
      subsidy: { kind: 'fixed', amountFen: 10_000_000 },
      households: unit(6, [70]),
    });
    expect(r.subsidyFen).toBe(8_000_000);
    expect(r.shares.every((s) => s.shareFen === 0)).toBe(true);
  });

  it('refuses a cost that no household can carry', () => {
    expect(() => costShares({ totalFen: 1_000, subsidy: null, households: unit(2, [70]) })).toThrow(CostShareError);
  });
});
