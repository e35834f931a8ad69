// Step-free coverage and the stranded elderly (悬空老人), docs/DOMAIN.md § Coverage: a
// resident gains step-free access when their unit has an elevator in service
// (or planned, in a scenario); the stranded are residents aged 60+ (a
// setting: 60 or 80) or mobility-impaired, living on floor 3 or higher (a
// setting) of a unit without one.
import type { CoverageSettings } from '~/db/vocab';

export const DEFAULT_COVERAGE: CoverageSettings = { minAge: 60, minFloor: 3 };

export type CoverageHousehold = {
  floor: number;
  occupants0to59: number;
  occupants60to79: number;
  occupants80plus: number;
  mobilityImpaired: number;
};

export type CoverageUnit = {
  unitId: number;
  /** An elevator in service now: an original one or a finished retrofit. */
  hasElevator: boolean;
  households: readonly CoverageHousehold[];
};

export type Coverage = {
  residents: number;
  residents60plus: number;
  residents80plus: number;
  mobilityImpaired: number;
  /** Households above the ground floor whose unit has an elevator. */
  householdsStepFree: number;
  residents60plusStepFree: number;
  residents80plusStepFree: number;
  mobilityImpairedStepFree: number;
  stranded: number;
};

/**
 * Stranded people in one household. Households record counts, not persons,
 * so an impaired resident may also be elderly; we count the larger of the two
 * groups — a lower bound that never counts one person twice.
 */
export function strandedIn(h: CoverageHousehold, settings: CoverageSettings = DEFAULT_COVERAGE): number {
  if (h.floor < settings.minFloor) return 0;
  const elderly = settings.minAge === 80 ? h.occupants80plus : h.occupants60to79 + h.occupants80plus;
  return Math.max(elderly, h.mobilityImpaired);
}

/** What an elevator in this unit would do for it: the people it would un-strand and the households it would serve. */
export function unitGain(unit: Pick<CoverageUnit, 'households'>, settings: CoverageSettings = DEFAULT_COVERAGE) {
  let stranded = 0;
  let households = 0;
  let elderly = 0;
  for (const h of unit.households) {
    stranded += strandedIn(h, settings);
    if (h.floor >= 2) {
      households++;
      elderly += h.occupants60to79 + h.occupants80plus;
    }
  }
  return { stranded, households, elderly };
}

/** Coverage of a set of units; `planned` adds elevators to those units, as a scenario would. */
export function coverage(
  units: readonly CoverageUnit[],
  settings: CoverageSettings = DEFAULT_COVERAGE,
  planned: ReadonlySet<number> = new Set(),
): Coverage {
  const c: Coverage = {
    residents: 0,
    residents60plus: 0,
    residents80plus: 0,
    mobilityImpaired: 0,
    householdsStepFree: 0,
    residents60plusStepFree: 0,
    residents80plusStepFree: 0,
    mobilityImpairedStepFree: 0,
    stranded: 0,
  };
  for (const u of units) {
    const lift = u.hasElevator || planned.has(u.unitId);
    for (const h of u.households) {
      const old = h.occupants60to79 + h.occupants80plus;
      c.residents += h.occupants0to59 + old;
      c.residents60plus += old;
      c.residents80plus += h.occupants80plus;
      c.mobilityImpaired += h.mobilityImpaired;
      // The ground floor is reached without stairs with or without a lift.
      if (lift || h.floor === 1) {
        c.residents60plusStepFree += old;
        c.residents80plusStepFree += h.occupants80plus;
        c.mobilityImpairedStepFree += h.mobilityImpaired;
      }
      if (lift && h.floor >= 2) c.householdsStepFree++;
      if (!lift) c.stranded += strandedIn(h, settings);
    }
  }
  return c;
}
