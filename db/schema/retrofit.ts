import {
  bigint,
  boolean,
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
import { CONSENT_RULES, RETROFIT_STAGES_ALL, VOTES, type SubsidyRule } from '../vocab';
import { timestamps } from './_helpers';
import { communities, households, units } from './community';

export type { SubsidyRule };

/** One elevator-retrofit case per unit (docs/DOMAIN.md § Retrofit stages). Money in fen. */
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
  /** The publicity (公示) notice: what is proposed, and how to object until the period ends. */
  publicityProposal: text(),
  objectionChannel: text(),
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
    /** The household registered its wish for an elevator (意愿登记) before any vote. */
    intentRegistered: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.householdId] })],
);

/** An objection received during the publicity period; who objected stays off the record here. */
export const retrofitObjections = pgTable(
  'retrofit_objections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => retrofitCases.id, { onDelete: 'cascade' }),
    receivedOn: date({ mode: 'string' }).notNull(),
    /** 书面 / 电话 / 来访. */
    channel: text().notNull(),
    summary: text().notNull(),
    resolvedOn: date({ mode: 'string' }),
    response: text(),
    ...timestamps,
  },
  (t) => [index().on(t.caseId)],
);
export type RetrofitObjection = typeof retrofitObjections.$inferSelect;

export type MeetingAttendance = { role: string; count: number };
export type MeetingConcern = { text: string; unitId: number | null; resolved: boolean; resolution: string | null };

/** The micro-grid's joint meeting (联席会议), held every two weeks. */
export const retrofitMeetings = pgTable(
  'retrofit_meetings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    heldOn: date({ mode: 'string' }).notNull(),
    attendees: jsonb().$type<MeetingAttendance[]>().notNull(),
    concerns: jsonb().$type<MeetingConcern[]>().notNull(),
    ...timestamps,
  },
  (t) => [index().on(t.communityId, t.heldOn)],
);
export type RetrofitMeeting = typeof retrofitMeetings.$inferSelect;
