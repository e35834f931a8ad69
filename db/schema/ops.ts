// Operations: who did what to an alarm or a work order, and when. Both trails
// are append-only: the API has no procedure to change them, and migration
// 0005_operations adds triggers refusing UPDATE and DELETE, so a record of
// a response can be shown to a supervisor or a court as it was written.
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ALARM_ACTIONS, ALARM_STATES, WORK_ORDER_ACTIONS, WORK_ORDER_STATES } from '../vocab';
import { alarms } from './alarm';
import { workOrders } from './work-order';

export const alarmEvents = pgTable(
  'alarm_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    alarmId: integer()
      .notNull()
      .references(() => alarms.id),
    communityId: integer().notNull(),
    action: text({ enum: ALARM_ACTIONS }).notNull(),
    fromState: text({ enum: ALARM_STATES }),
    toState: text({ enum: ALARM_STATES }),
    /** A user's e-mail, or "system" for the escalation sweep. */
    actor: text().notNull(),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.alarmId, t.at), index().on(t.communityId, t.at)],
);
export type AlarmEvent = typeof alarmEvents.$inferSelect;

export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workOrderId: integer()
      .notNull()
      .references(() => workOrders.id),
    action: text({ enum: [...WORK_ORDER_ACTIONS, 'create'] }).notNull(),
    fromState: text({ enum: WORK_ORDER_STATES }),
    toState: text({ enum: WORK_ORDER_STATES }).notNull(),
    actor: text().notNull(),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workOrderId, t.at)],
);
export type WorkOrderEvent = typeof workOrderEvents.$inferSelect;
