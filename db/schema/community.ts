import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { GRID_KINDS } from '../vocab';
import { timestamps, type LocalPoint } from './_helpers';

export const communities = pgTable('communities', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  nameEn: text().notNull(),
  /** 社区 / 街道 / 区, for headings and the district view. */
  neighbourhood: text().notNull(),
  street: text().notNull(),
  district: text().notNull(),
  /** Geographic anchor of the local frame's origin (WGS84). */
  anchorLng: doublePrecision().notNull(),
  anchorLat: doublePrecision().notNull(),
  /** Street address of the community, as residents write it. */
  address: text(),
  /** The committee's contact for residents (public): phone, office address, office hours. */
  contactPhone: text(),
  contactAddress: text(),
  officeHours: text(),
  /** Alarm thresholds this community's engineer set, over the design values (server/domain/alarm-rules.ts). */
  thresholds: jsonb().$type<Partial<Record<string, number>>>().notNull().default({}),
  ...timestamps,
});
export type Community = typeof communities.$inferSelect;

export const buildings = pgTable(
  'buildings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    /** The number painted on the building: "5", "14", "31". */
    number: text().notNull(),
    /** Display name as locals say it: "5号楼", "31幢". */
    name: text().notNull(),
    /** Footprint polygon in the community's local frame, metres, counter-clockwise. */
    footprint: jsonb().$type<LocalPoint[]>().notNull(),
    floors: smallint().notNull(),
    floorHeight: real().notNull().default(2.9),
    /** A glTF under /models/ that replaces the generated massing. */
    modelUrl: text(),
    ...timestamps,
  },
  (t) => [unique().on(t.communityId, t.number)],
);
export type Building = typeof buildings.$inferSelect;

export const units = pgTable(
  'units',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    buildingId: integer()
      .notNull()
      .references(() => buildings.id, { onDelete: 'cascade' }),
    /** Order along the façade, from 1. */
    ordinal: smallint().notNull(),
    /** "1单元", "西单元". */
    name: text().notNull(),
    /** Stairwell position on the footprint (local metres). */
    stairX: real().notNull(),
    stairY: real().notNull(),
    householdsPerFloor: smallint().notNull(),
    /** An elevator built with the building (not a retrofit). */
    hasOriginalElevator: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [unique().on(t.buildingId, t.ordinal)],
);
export type Unit = typeof units.$inferSelect;

// Households hold personal data (docs/DOMAIN.md § Privacy): room, owner, phone and the
// occupants' ages never leave the server except as aggregates.
export const households = pgTable(
  'households',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    floor: smallint().notNull(),
    /** Door on the floor, "01". The room number is floor + door: 1301. */
    door: text().notNull(),
    room: text().notNull(),
    areaM2: real().notNull(),
    ownerName: text(),
    ownerPhone: text(),
    occupants0to59: smallint().notNull().default(0),
    occupants60to79: smallint().notNull().default(0),
    occupants80plus: smallint().notNull().default(0),
    mobilityImpaired: smallint().notNull().default(0),
    /**
     * The retrofit shaft or its landing would take part of this flat's own
     * space (a ground-floor garden, a window bay): such an owner must agree
     * whatever the tally, since no majority may dispose of an owner's
     * exclusive part (Civil Code art. 272).
     */
    shaftOccupied: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [unique().on(t.unitId, t.room), index().on(t.unitId, t.floor)],
);
export type Household = typeof households.$inferSelect;

export const grids = pgTable('grids', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  communityId: integer()
    .notNull()
    .references(() => communities.id, { onDelete: 'cascade' }),
  /** "第四综合网格". */
  name: text().notNull(),
  kind: text({ enum: GRID_KINDS }).notNull(),
  headName: text().notNull(),
  /** 楼栋长 / 网格员. */
  headRole: text().notNull(),
  ...timestamps,
});
export type Grid = typeof grids.$inferSelect;

export const gridBuildings = pgTable(
  'grid_buildings',
  {
    gridId: integer()
      .notNull()
      .references(() => grids.id, { onDelete: 'cascade' }),
    buildingId: integer()
      .notNull()
      .references(() => buildings.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.gridId, t.buildingId] })],
);

/**
 * The community's change trail: every building, unit, household, device, grid, patrol and
 * retrofit-case change made in the product (onboarding and editing after it), who made it and
 * what it was. Append-only; kept when what it names is deleted, so no foreign key.
 */
export const communityChanges = pgTable(
  'community_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    communityId: integer().notNull(),
    /** "building.update", "devices.import", …: `<subject kind>.<verb>`. */
    kind: text().notNull(),
    /** Who: the account's e-mail, or "cli:<user>" for the command line. */
    actor: text().notNull(),
    /** The thing changed: "building:12", "device:JH-SMK-00042"; null for a bulk change. */
    subject: text(),
    /** What changed: before/after fields, or a bulk change's counts. Never a resident's personal data. */
    detail: jsonb().$type<Record<string, unknown>>(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.communityId, t.at)],
);
export type CommunityChange = typeof communityChanges.$inferSelect;
