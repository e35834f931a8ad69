// A retrofit scenario evaluated: coverage before and after giving elevators to
// a set of units, what it costs, who pays it by floor, and the units an
// optimizer would weigh. Pure, over the planner's view of units.
import type { CoverageSettings, SubsidyRule } from '~/db/vocab';
import type { ConsentResult } from './consent';
import {
  CostShareError,
  costShares,
  householdSharesByFloor,
  subsidyFen,
  type FloorHouseholdShares,
  type Share,
} from './cost-share';
import { coverage, unitGain, type CoverageHousehold, type Coverage } from './coverage';
import type { Candidate, ConsentStanding } from './optimizer';

/** A quote when a unit has none yet: the middle of the 财富星苑 quotes (¥550k–700k). */
export const ESTIMATED_COST_FEN = 62_500_000;
export const DEFAULT_SUBSIDY: SubsidyRule = { kind: 'percent', percent: 40, capFen: 28_000_000 };
/** "Near" consent: at most this many more households must agree. */
export const NEAR_HOUSEHOLDS = 2;

export type PlanUnit = {
  unitId: number;
  hasElevator: boolean;
  totalCostFen: number | null;
  subsidyRule: SubsidyRule | null;
  floorCoefficients: Record<string, number> | null;
  consent: Pick<ConsentResult, 'met' | 'missing'> | null;
  households: readonly (CoverageHousehold & { room: string; areaM2: number })[];
};

export function standing(consent: PlanUnit['consent']): ConsentStanding {
  if (consent?.met) return 'met';
  if (consent?.missing && consent.missing.households <= NEAR_HOUSEHOLDS) return 'near';
  return 'far';
}

export function unitCost(u: PlanUnit) {
  const totalFen = u.totalCostFen ?? ESTIMATED_COST_FEN;
  const rule = u.totalCostFen === null ? DEFAULT_SUBSIDY : u.subsidyRule;
  return { totalFen, subsidyFen: subsidyFen(totalFen, rule), estimated: u.totalCostFen === null, rule };
}

export function candidates(units: readonly PlanUnit[], settings: CoverageSettings): Candidate[] {
  return units
    .filter((u) => !u.hasElevator)
    .map((u) => {
      const cost = unitCost(u);
      return {
        unitId: u.unitId,
        costFen: cost.totalFen,
        subsidyFen: cost.subsidyFen,
        value: unitGain(u, settings).stranded,
        consent: standing(u.consent),
      };
    });
}

export type ScenarioEvaluation = {
  unitIds: number[];
  before: Coverage;
  after: Coverage;
  totalFen: number;
  subsidyFen: number;
  ownersFen: number;
  /** By floor over the chosen units: the households there, their total, and one household's share (least–most). */
  byFloor: FloorHouseholdShares[];
};

export function evaluateScenario(
  units: readonly PlanUnit[],
  unitIds: readonly number[],
  settings: CoverageSettings,
): ScenarioEvaluation {
  // Units that already have an elevator add nothing and cost nothing.
  const chosen = units.filter((u) => unitIds.includes(u.unitId) && !u.hasElevator);
  const planned = new Set(chosen.map((u) => u.unitId));
  let totalFen = 0;
  let subsidy = 0;
  const paid: Share[] = [];
  for (const u of chosen) {
    const cost = unitCost(u);
    totalFen += cost.totalFen;
    subsidy += cost.subsidyFen;
    try {
      const shares = costShares({
        totalFen: cost.totalFen,
        subsidy: cost.rule,
        households: u.households,
        coefficients: u.floorCoefficients,
      });
      paid.push(...shares.shares);
    } catch (error) {
      if (!(error instanceof CostShareError)) throw error; // a unit of one or two floors: nobody pays by the table
    }
  }
  return {
    unitIds: [...planned].sort((a, b) => a - b),
    before: coverage(units, settings),
    after: coverage(units, settings, planned),
    totalFen,
    subsidyFen: subsidy,
    ownersFen: totalFen - subsidy,
    byFloor: householdSharesByFloor(paid),
  };
}
