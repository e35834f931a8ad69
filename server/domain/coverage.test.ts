// Coverage and the stranded elderly on a small hand-built unit.
import { describe, expect, it } from 'vitest';
import { coverage, strandedIn, unitGain, type CoverageUnit } from './coverage';

const h = (floor: number, young: number, mid: number, old: number, impaired = 0) => ({
  floor,
  occupants0to59: young,
  occupants60to79: mid,
  occupants80plus: old,
  mobilityImpaired: impaired,
});

// One six-floor unit, one flat per floor:
//  1F: an 80+ resident (ground floor: never stranded)
//  2F: a 60–79 couple (below the 3rd floor)
//  3F: a 60–79 and an 80+ resident, one impaired → 2 stranded
//  4F: a family of 3 with one impaired young member → 1 stranded
//  5F: vacant
//  6F: an 80+ resident, impaired → 1 stranded
const walkUp: CoverageUnit = {
  unitId: 1,
  hasElevator: false,
  households: [h(1, 0, 0, 1), h(2, 0, 2, 0), h(3, 0, 1, 1, 1), h(4, 3, 0, 0, 1), h(5, 0, 0, 0), h(6, 0, 0, 1, 1)],
};
const withLift: CoverageUnit = { unitId: 2, hasElevator: true, households: [h(3, 0, 2, 0), h(5, 1, 0, 1)] };

describe('coverage', () => {
  it('counts residents by age band and the stranded on floor 3 and up of a unit without an elevator', () => {
    const c = coverage([walkUp, withLift]);
    expect(c).toMatchObject({
      residents: 13,
      residents60plus: 9,
      residents80plus: 4,
      mobilityImpaired: 3,
      stranded: 4,
      householdsStepFree: 2,
      residents60plusStepFree: 1 + 3,
      residents80plusStepFree: 2,
    });
  });

  it('follows the thresholds: 80+ only, from the 2nd floor', () => {
    expect(coverage([walkUp], { minAge: 80, minFloor: 2 }).stranded).toBe(0 + 1 + 1 + 1);
    expect(coverage([walkUp], { minAge: 60, minFloor: 2 }).stranded).toBe(2 + 2 + 1 + 1);
  });

  it('never counts an impaired elderly person twice', () => {
    expect(strandedIn(h(4, 0, 1, 1, 2))).toBe(2);
    expect(strandedIn(h(4, 2, 0, 1, 2))).toBe(2);
  });

  it('frees the stranded of a planned unit in a scenario', () => {
    const after = coverage([walkUp, withLift], undefined, new Set([1]));
    expect(after.stranded).toBe(0);
    expect(after.householdsStepFree).toBe(2 + 5);
    expect(unitGain(walkUp)).toEqual({ stranded: 4, households: 5, elderly: 2 + 2 + 1 });
  });
});
