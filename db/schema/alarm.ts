import { index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { ALARM_KINDS, ALARM_SEVERITIES, ALARM_STATES } from '../vocab';
import { timestamps } from './_helpers';
import { communities } from './community';
import { devices } from './device';
import { incidents } from './incident';

export const alarms = pgTable(
  'alarms',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    deviceId: integer().references(() => devices.id, { onDelete: 'set null' }),
    incidentId: integer().references(() => incidents.id, { onDelete: 'set null' }),
    /** What raised it ("smoke", "device_offline", …); the console names it from the messages (`alarmKind.<kind>`). */
    kind: text({ enum: ALARM_KINDS }).notNull(),
    severity: text({ enum: ALARM_SEVERITIES }).notNull(),
    state: text({ enum: ALARM_STATES }).notNull().default('open'),
    assignee: text(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** 0 none; 1 paged to the duty supervisor (server/domain/alarm-lifecycle.ts). */
    escalationLevel: smallint().notNull().default(0),
    escalatedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.communityId, t.state, t.severity)],
);
export type Alarm = typeof alarms.$inferSelect;
