// Per-household shares by floor: what one owner on each floor pays, beside the per-floor chart.
import { describe, expect, it } from 'vitest';
import { costShares, householdSharesByFloor, type ShareInput } from './cost-share';
import { evaluateScenario, type PlanUnit } from './scenario';

/** A six-floor unit, two flats a floor: 90 m² and 110 m². */
const flats: ShareInput[] = [];
for (let f = 1; f <= 6; f++)
  flats.push({ floor: f, room: `${f}01`, areaM2: 90 }, { floor: f, room: `${f}02`, areaM2: 110 });

describe('householdSharesByFloor', () => {
  const r = costShares({
    totalFen: 60_000_000,
    subsidy: { kind: 'percent', percent: 40, capFen: 28_000_000 },
    households: flats,
  });
  const floors = householdSharesByFloor(r.shares);

  it('gives each floor its households, their total, and the least and most one household pays', () => {
    expect(floors.map((f) => f.floor)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const f of floors) {
      const mine = r.shares.filter((s) => s.floor === f.floor).map((s) => s.shareFen);
      expect(f.households).toBe(2);
      expect(f.shareFen).toBe(mine[0]! + mine[1]!);
      expect(f.minFen).toBe(Math.min(...mine));
      expect(f.maxFen).toBe(Math.max(...mine));
    }
  });

  it('asks nothing of floors 1 and 2, and more of each household the higher it lives', () => {
    expect(floors.slice(0, 2).every((f) => f.maxFen === 0)).toBe(true);
    for (let i = 3; i < floors.length; i++) expect(floors[i]!.minFen).toBeGreaterThan(floors[i - 1]!.minFen);
  });

  it('adds up to what the owners pay, to the fen, and agrees with the per-floor totals', () => {
    expect(floors.reduce((n, f) => n + f.shareFen, 0)).toBe(r.payableFen);
    expect(floors.map((f) => ({ floor: f.floor, households: f.households, shareFen: f.shareFen }))).toEqual(r.byFloor);
  });

  it('is empty when nobody pays yet', () => {
    expect(householdSharesByFloor([])).toEqual([]);
  });
});

describe('a scenario by floor', () => {
  const unit = (unitId: number, totalCostFen: number): PlanUnit => ({
    unitId,
    hasElevator: false,
    totalCostFen,
    subsidyRule: { kind: 'fixed', amountFen: 0 },
    floorCoefficients: null,
    consent: null,
    households: flats.map((h) => ({
      ...h,
      occupants0to59: 1,
      occupants60to79: 0,
      occupants80plus: 0,
      mobilityImpaired: 0,
    })),
  });

  it('spans every chosen unit: a floor holds both units’ households and the range of their shares', () => {
    const e = evaluateScenario([unit(1, 50_000_000), unit(2, 70_000_000)], [1, 2], { minAge: 60, minFloor: 3 });
    const sixth = e.byFloor.find((f) => f.floor === 6)!;
    expect(sixth.households).toBe(4);
    expect(sixth.minFen).toBeLessThan(sixth.maxFen); // the cheaper unit's 90 m² flat, the dearer one's 110 m²
    expect(e.byFloor.reduce((n, f) => n + f.shareFen, 0)).toBe(e.ownersFen);
  });
});
