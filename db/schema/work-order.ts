import { index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { WORK_ORDER_SOURCES, WORK_ORDER_STATES } from '../vocab';
import { timestamps } from './_helpers';
import { buildings, communities, grids, units } from './community';

export const workOrders = pgTable(
  'work_orders',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    gridId: integer().references(() => grids.id, { onDelete: 'set null' }),
    code: text().notNull().unique(),
    source: text({ enum: WORK_ORDER_SOURCES }).notNull(),
    category: text().notNull(),
    buildingId: integer().references(() => buildings.id, { onDelete: 'set null' }),
    unitId: integer().references(() => units.id, { onDelete: 'set null' }),
    place: text().notNull(),
    floor: smallint(),
    /** A shared place (vocab PUBLIC_AREAS) when not in a building. */
    publicArea: text(),
    /** The alarm it was opened from (one click on the alarm desk). */
    alarmId: integer(),
    /** Photo references (storage keys), before and after the work; never public. */
    beforePhotos: jsonb().$type<string[]>().notNull().default([]),
    afterPhotos: jsonb().$type<string[]>().notNull().default([]),
    description: text().notNull(),
    // Personal data: never public.
    reporterName: text(),
    reporterPhone: text(),
    state: text({ enum: WORK_ORDER_STATES }).notNull().default('pending'),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    doneAt: timestamp({ withTimezone: true }),
    visitedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** Whether the reporter judged the problem solved at the return visit. */
    resolved: text({ enum: ['yes', 'no'] }),
    /** 1–5 from the return visit. */
    satisfaction: smallint(),
    ...timestamps,
  },
  (t) => [index().on(t.communityId, t.state), index().on(t.gridId), index().on(t.alarmId)],
);
export type WorkOrder = typeof workOrders.$inferSelect;
