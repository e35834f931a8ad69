// The retrofit planner's reads: coverage now and under scenarios, the
// optimizer, and saved scenarios with their figures. Planners see rooms,
// areas and age-band counts, never owners' names or phones.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { planScenarios } from '~/db/schema';
import type { CoverageSettings } from '~/db/schema/plan';
import { unitGain } from '../domain/coverage';
import { DomainError } from '../domain/errors';
import { optimizeUnits } from '../domain/optimizer';
import { candidates, evaluateScenario, standing, unitCost } from '../domain/scenario';
import type { Community } from './communities';
import { loadPlanUnits } from './plan-units';

/** A saved scenario; refused as `scenario.notFound`. */
export async function scenarioById(db: Db, id: number) {
  const [s] = await db.select().from(planScenarios).where(eq(planScenarios.id, id));
  if (!s) throw new DomainError('scenario.notFound', { id });
  return s;
}

/** Every unit with its households' age bands, stranded residents, stage, consent and cost. */
export async function plannerUnits(db: Db, community: Community, settings: CoverageSettings) {
  const units = await loadPlanUnits(db, community.id);
  return {
    community: { id: community.id, slug: community.slug, name: community.name, nameEn: community.nameEn },
    units: units.map((u) => {
      const gain = unitGain(u, settings);
      const cost = unitCost(u);
      return {
        unitId: u.unitId,
        buildingNumber: u.buildingNumber,
        buildingName: u.buildingName,
        unitName: u.unitName,
        floors: u.floors,
        stage: u.stage,
        hasElevator: u.hasElevator,
        households: u.households.length,
        residents60plus: u.households.reduce((n, h) => n + h.occupants60to79 + h.occupants80plus, 0),
        residents80plus: u.households.reduce((n, h) => n + h.occupants80plus, 0),
        mobilityImpaired: u.households.reduce((n, h) => n + h.mobilityImpaired, 0),
        stranded: u.hasElevator ? 0 : gain.stranded,
        consent: u.consent,
        standing: standing(u.consent),
        totalCostFen: cost.totalFen,
        subsidyFen: cost.subsidyFen,
        costEstimated: cost.estimated,
      };
    }),
  };
}

/** Coverage before and after, cost and cost by floor, for a set of units (units not in the community are dropped). */
export async function evaluatePlan(db: Db, communityId: number, unitIds: number[], settings: CoverageSettings) {
  return evaluateScenario(await loadPlanUnits(db, communityId), unitIds, settings);
}

/** Units that serve the most stranded residents within a budget and a subsidy cap, consent weighing in. */
export async function optimizePlan(
  db: Db,
  communityId: number,
  q: { budgetFen: number; subsidyCapFen: number; settings: CoverageSettings },
) {
  const units = await loadPlanUnits(db, communityId);
  const pool = candidates(units, q.settings);
  const result = optimizeUnits({ candidates: pool, budgetFen: q.budgetFen, subsidyCapFen: q.subsidyCapFen });
  // The chosen units by name, each with the stranded residents it serves and what it costs, in building order.
  const picked = new Set(result.unitIds);
  const chosen = units
    .filter((u) => picked.has(u.unitId))
    .map((u) => {
      const c = pool.find((p) => p.unitId === u.unitId)!;
      return {
        unitId: u.unitId,
        buildingNumber: u.buildingNumber,
        buildingName: u.buildingName,
        unitName: u.unitName,
        stranded: c.value,
        consent: c.consent,
        costFen: c.costFen,
        subsidyFen: c.subsidyFen,
      };
    })
    .sort(
      (a, b) =>
        a.buildingNumber.localeCompare(b.buildingNumber, 'en', { numeric: true }) ||
        a.unitName.localeCompare(b.unitName, 'zh', { numeric: true }),
    );
  return { ...result, chosen, settings: q.settings, budgetFen: q.budgetFen, subsidyCapFen: q.subsidyCapFen };
}

/** Saved scenarios of a community, each evaluated, newest first. */
export async function scenarioList(db: Db, communityId: number) {
  const [rows, units] = await Promise.all([
    db.select().from(planScenarios).where(eq(planScenarios.communityId, communityId)).orderBy(asc(planScenarios.id)),
    loadPlanUnits(db, communityId),
  ]);
  return rows.reverse().map((s) => ({
    id: s.id,
    name: s.name,
    unitIds: s.unitIds,
    budgetFen: s.budgetFen,
    subsidyCapFen: s.subsidyCapFen,
    settings: s.settings,
    createdAt: s.createdAt,
    evaluation: evaluateScenario(units, s.unitIds, s.settings),
  }));
}

/** A scenario's chosen units with their figures, as the report and the CSV list them. */
export async function scenarioUnits(db: Db, id: number) {
  const s = await scenarioById(db, id);
  const units = await loadPlanUnits(db, s.communityId);
  const chosen = units
    .filter((u) => s.unitIds.includes(u.unitId))
    .map((u) => {
      const cost = unitCost(u);
      return {
        unitId: u.unitId,
        buildingName: u.buildingName,
        unitName: u.unitName,
        stage: u.stage,
        standing: standing(u.consent),
        missing: u.consent?.missing ?? null,
        stranded: u.hasElevator ? 0 : unitGain(u, s.settings).stranded,
        households: u.households.length,
        totalCostFen: cost.totalFen,
        subsidyFen: cost.subsidyFen,
        costEstimated: cost.estimated,
      };
    });
  return { scenario: s, units: chosen, evaluation: evaluateScenario(units, s.unitIds, s.settings) };
}

/** One scenario with its units and evaluation, for the printable report. */
export async function scenarioReport(db: Db, id: number) {
  const { scenario: s, units, evaluation } = await scenarioUnits(db, id);
  return {
    id: s.id,
    name: s.name,
    communityId: s.communityId,
    settings: s.settings,
    budgetFen: s.budgetFen,
    subsidyCapFen: s.subsidyCapFen,
    createdAt: s.createdAt,
    units,
    evaluation,
  };
}
