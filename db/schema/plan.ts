import { bigint, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { timestamps } from './_helpers';
import type { CoverageSettings } from '../vocab';
import { communities } from './community';

export type { CoverageSettings };

/** A planner's retrofit scenario: a named set of units that would get an elevator. */
export const planScenarios = pgTable(
  'plan_scenarios',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    unitIds: jsonb().$type<number[]>().notNull(),
    budgetFen: bigint({ mode: 'number' }),
    subsidyCapFen: bigint({ mode: 'number' }),
    settings: jsonb().$type<CoverageSettings>().notNull(),
    /** The account that saved it (an id, not a name). */
    createdBy: text().notNull(),
    ...timestamps,
  },
  (t) => [unique().on(t.communityId, t.name)],
);
export type PlanScenario = typeof planScenarios.$inferSelect;
