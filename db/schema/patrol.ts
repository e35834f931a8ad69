import { date, index, integer, pgTable, primaryKey, real, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { CHECKIN_METHODS, PATROL_FREQUENCIES } from '../vocab';
import { timestamps } from './_helpers';
import { buildings, communities } from './community';

// Patrol routes and times are never public (docs/DOMAIN.md § Privacy).
export const patrolPoints = pgTable('patrol_points', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  communityId: integer()
    .notNull()
    .references(() => communities.id, { onDelete: 'cascade' }),
  code: text().notNull().unique(),
  name: text().notNull(),
  buildingId: integer().references(() => buildings.id, { onDelete: 'set null' }),
  x: real().notNull(),
  y: real().notNull(),
  z: real().notNull().default(0),
  ...timestamps,
});
export type PatrolPoint = typeof patrolPoints.$inferSelect;

export const patrolRoutes = pgTable('patrol_routes', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  communityId: integer()
    .notNull()
    .references(() => communities.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  ...timestamps,
});

/** A route is an ordered list of points, each due within a window after the start. */
export const patrolRoutePoints = pgTable(
  'patrol_route_points',
  {
    routeId: integer()
      .notNull()
      .references(() => patrolRoutes.id, { onDelete: 'cascade' }),
    seq: smallint().notNull(),
    pointId: integer()
      .notNull()
      .references(() => patrolPoints.id, { onDelete: 'cascade' }),
    dueMinutes: smallint().notNull(),
    windowMinutes: smallint().notNull().default(15),
  },
  (t) => [primaryKey({ columns: [t.routeId, t.seq] })],
);

export const patrolPlans = pgTable('patrol_plans', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  routeId: integer()
    .notNull()
    .references(() => patrolRoutes.id, { onDelete: 'cascade' }),
  frequency: text({ enum: PATROL_FREQUENCIES }).notNull(),
  /** ISO weekdays (1 = Monday) for weekly plans. */
  weekdays: smallint().array().notNull().default([]),
  /** Local start time "HH:MM". */
  startTime: text().notNull(),
  /** The first local day of an every-other-day plan: it runs on even day counts from here. */
  anchorDate: date({ mode: 'string' }),
  /** Guard shift the plan belongs to, e.g. 日班 / 夜班. */
  shift: text(),
  ...timestamps,
});

export const patrolCheckins = pgTable(
  'patrol_checkins',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    pointId: integer()
      .notNull()
      .references(() => patrolPoints.id, { onDelete: 'cascade' }),
    planId: integer().references(() => patrolPlans.id, { onDelete: 'set null' }),
    at: timestamp({ withTimezone: true }).notNull(),
    method: text({ enum: CHECKIN_METHODS }).notNull(),
    patroller: text().notNull(),
  },
  (t) => [index().on(t.pointId, t.at), index().on(t.planId, t.at)],
);
