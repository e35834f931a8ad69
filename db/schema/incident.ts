import { date, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { FACADES, INCIDENT_KINDS, REVIEW_STATES } from '../vocab';
import { timestamps } from './_helpers';
import { buildings, communities, units } from './community';
import { devices } from './device';

export type TrajectoryPoint = { t: number; x: number; y: number; z: number };

export const incidents = pgTable(
  'incidents',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text({ enum: INCIDENT_KINDS }).notNull(),
    deviceId: integer().references(() => devices.id, { onDelete: 'set null' }),
    buildingId: integer().references(() => buildings.id, { onDelete: 'set null' }),
    unitId: integer().references(() => units.id, { onDelete: 'set null' }),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    // Throwing: where it came from. The floor is attributed from the
    // trajectory when the camera resolves it, else only the band is known.
    facade: text({ enum: FACADES }),
    floor: smallint(),
    floorBandFrom: smallint(),
    floorBandTo: smallint(),
    windowColumn: smallint(),
    /** Seconds since the first frame; positions in the local frame, metres. */
    trajectory: jsonb().$type<TrajectoryPoint[]>(),
    /** Evidence references (clip ids), never served publicly. */
    evidence: jsonb().$type<string[]>().notNull().default([]),
    reviewState: text({ enum: REVIEW_STATES }).notNull().default('pending'),
    // E-bike in an elevator.
    doorHeldSeconds: real(),
    releasedBy: text({ enum: ['auto', 'staff'] }),
    /** The device event this incident came from, for idempotence. */
    sourceEventId: text(),
    ...timestamps,
  },
  (t) => [index().on(t.communityId, t.kind, t.occurredAt), index().on(t.buildingId, t.occurredAt)],
);
export type Incident = typeof incidents.$inferSelect;

/**
 * Throwing incidents per building, floor and local day (Asia/Shanghai), and
 * the same per month, both kept by statement-level triggers (migration 0001).
 * A GROUP BY over a million incidents costs 80–330 ms; a period reads its
 * whole months from the monthly rollup and only its edge days from the daily
 * one. Floor 0 holds incidents known only by band.
 */
export const incidentFloorDaily = pgTable(
  'incident_floor_daily',
  {
    communityId: integer().notNull(),
    buildingId: integer().notNull(),
    floor: smallint().notNull(),
    day: date({ mode: 'string' }).notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.buildingId, t.floor, t.day] }), index().on(t.communityId, t.day)],
);

export const incidentFloorMonthly = pgTable(
  'incident_floor_monthly',
  {
    communityId: integer().notNull(),
    buildingId: integer().notNull(),
    floor: smallint().notNull(),
    /** First day of the local month. */
    month: date({ mode: 'string' }).notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.buildingId, t.floor, t.month] }), index().on(t.communityId, t.month)],
);
