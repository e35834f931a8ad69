// Saved planner scenarios: saving one (its units checked against the
// community, its name unique there) and deleting one.
import { and, eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { planScenarios } from '~/db/schema';
import type { CoverageSettings } from '~/db/schema/plan';
import { DomainError } from '../domain/errors';
import { loadPlanUnits } from '../queries/plan-units';
import { scenarioById } from '../queries/planner';

export type NewScenario = {
  communityId: number;
  name: string;
  unitIds: number[];
  budgetFen: number | null;
  subsidyCapFen: number | null;
  settings: CoverageSettings;
  createdBy: string;
};

export async function saveScenario(db: Db, s: NewScenario): Promise<{ id: number }> {
  const known = new Set((await loadPlanUnits(db, s.communityId)).map((u) => u.unitId));
  const strangers = s.unitIds.filter((id) => !known.has(id));
  if (strangers.length > 0) throw new DomainError('scenario.foreignUnits', { units: strangers.join(', ') });
  const [clash] = await db
    .select({ id: planScenarios.id })
    .from(planScenarios)
    .where(and(eq(planScenarios.communityId, s.communityId), eq(planScenarios.name, s.name)));
  if (clash) throw new DomainError('scenario.nameTaken', { name: s.name });
  const [row] = await db
    .insert(planScenarios)
    .values({ ...s, unitIds: [...new Set(s.unitIds)].sort((a, b) => a - b) })
    .returning({ id: planScenarios.id });
  if (!row) throw new Error('scenario insert returned nothing');
  return { id: row.id };
}

export async function deleteScenario(db: Db, id: number): Promise<{ id: number }> {
  await scenarioById(db, id);
  await db.delete(planScenarios).where(eq(planScenarios.id, id));
  return { id };
}
