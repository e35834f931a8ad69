import { index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { DEVICE_CLASSES, DEVICE_STATUSES, FACADES } from '../vocab';
import { timestamps } from './_helpers';
import { buildings, communities, units } from './community';

/** The pole 5–6 m from a building carrying 1 surveillance + 6 throwing cameras. */
export const cameraPoles = pgTable('camera_poles', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  buildingId: integer()
    .notNull()
    .references(() => buildings.id, { onDelete: 'cascade' }),
  facade: text({ enum: FACADES }).notNull(),
  x: real().notNull(),
  y: real().notNull(),
  heightM: real().notNull(),
  distanceM: real().notNull(),
  ...timestamps,
});
export type CameraPole = typeof cameraPoles.$inferSelect;

export type DeviceConfig = {
  /** Throwing cameras watch a band of floors, inclusive. */
  floorBand?: [number, number];
  facade?: (typeof FACADES)[number];
};

export const devices = pgTable(
  'devices',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    /** Stable code printed on the device: "JH-SMK-00042". */
    code: text().notNull().unique(),
    class: text({ enum: DEVICE_CLASSES }).notNull(),
    name: text().notNull(),
    // Place: a building/unit/floor, or a site position (local metres) with height.
    buildingId: integer().references(() => buildings.id, { onDelete: 'set null' }),
    unitId: integer().references(() => units.id, { onDelete: 'set null' }),
    floor: smallint(),
    x: real(),
    y: real(),
    z: real(),
    poleId: integer().references(() => cameraPoles.id, { onDelete: 'set null' }),
    config: jsonb().$type<DeviceConfig>().notNull().default({}),
    heartbeatSeconds: integer().notNull(),
    status: text({ enum: DEVICE_STATUSES }).notNull().default('online'),
    statusSince: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }),
    /** The latest reading, by field, as the device last sent it. */
    telemetry: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Hash of the device's own credential (ingest). Null: not provisioned. */
    tokenHash: text(),
    ...timestamps,
  },
  (t) => [index().on(t.communityId, t.class, t.status), index().on(t.buildingId)],
);
export type Device = typeof devices.$inferSelect;

/**
 * Readings and events; a device's event id makes a write idempotent, so
 * (device, event id) is the key. This is the ingest's hot table: no surrogate
 * id and no foreign key, because at 50,000 events/s each extra index and the
 * per-row FK trigger were a third of the insert's cost (measured: 2,000 rows,
 * FK trigger alone 28 ms). The writer has already locked the device row in the
 * same transaction, and migration 0006's statement trigger deletes a removed
 * device's events, which is what the cascade did.
 */
export const deviceEvents = pgTable(
  'device_events',
  {
    deviceId: integer().notNull(),
    eventId: text().notNull(),
    kind: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.eventId] }), index().on(t.deviceId, t.at)],
);
export type DeviceEvent = typeof deviceEvents.$inferSelect;
