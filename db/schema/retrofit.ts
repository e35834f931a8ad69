import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { CONSENT_RULES, RETROFIT_STAGES_ALL, VOTES } from '../vocab';
import { timestamps } from './_helpers';
import { households, units } from './community';

export type SubsidyRule =
  | { kind: 'percent'; percent: number; capFen: number }
  | { kind: 'fixed'; amountFen: number };

/** One elevator-retrofit case per unit (DESIGN.md §2). Money in fen. */
export const retrofitCases = pgTable('retrofit_cases', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  unitId: integer()
    .notNull()
    .unique()
    .references(() => units.id, { onDelete: 'cascade' }),
  stage: text({ enum: RETROFIT_STAGES_ALL }).notNull(),
  stalledReason: text(),
  publicityDays: smallint().notNull().default(20),
  consentRule: text({ enum: CONSENT_RULES }).notNull().default('civil_code_278'),
  totalCostFen: bigint({ mode: 'number' }),
  subsidyRule: jsonb().$type<SubsidyRule>(),
  /** Per-floor cost-share coefficients; null means the published default table. */
  floorCoefficients: jsonb().$type<Record<string, number>>(),
  ...timestamps,
});
export type RetrofitCase = typeof retrofitCases.$inferSelect;

export const retrofitStageChanges = pgTable(
  'retrofit_stage_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => retrofitCases.id, { onDelete: 'cascade' }),
    stage: text({ enum: RETROFIT_STAGES_ALL }).notNull(),
    on: date({ mode: 'string' }).notNull(),
    note: text(),
    by: text(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId, t.on)],
);

export const retrofitVotes = pgTable(
  'retrofit_votes',
  {
    caseId: integer()
      .notNull()
      .references(() => retrofitCases.id, { onDelete: 'cascade' }),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    vote: text({ enum: VOTES }).notNull().default('not_voted'),
    votedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.householdId] })],
);
