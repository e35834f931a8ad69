import { index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
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
    description: text().notNull(),
    // Personal data: never public.
    reporterName: text(),
    reporterPhone: text(),
    state: text({ enum: WORK_ORDER_STATES }).notNull().default('pending'),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** Whether the reporter judged the problem solved at the return visit. */
    resolved: text({ enum: ['yes', 'no'] }),
    /** 1–5 from the return visit. */
    satisfaction: smallint(),
    ...timestamps,
  },
  (t) => [index().on(t.communityId, t.state), index().on(t.gridId)],
);
export type WorkOrder = typeof workOrders.$inferSelect;
