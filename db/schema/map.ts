import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A street's (街道) or district's boundary as imported: WGS84 longitude/latitude rings. */
export type BoundaryGeometry = { type: 'MultiPolygon'; coordinates: Array<Array<Array<[number, number]>>> };

/**
 * Street boundaries, append-only: each import adds a row, and a street's boundary is its
 * newest row, so the table is also the boundary's audit trail (who imported what, when,
 * from which file). Keyed by the street's name as communities and district memberships
 * name it (communities.street), so a boundary may arrive before the street's first community.
 */
export const streetBoundaries = pgTable(
  'street_boundaries',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    street: text().notNull(),
    /** The district (区) the street is in, as shown beside its name. */
    district: text(),
    geometry: jsonb().$type<BoundaryGeometry>().notNull(),
    /** Who: the account's e-mail, or "seed". */
    actor: text().notNull(),
    /** The file's name, its coordinate system and the polygon and vertex counts. */
    detail: jsonb().$type<Record<string, unknown>>(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.street, t.at)],
);
export type StreetBoundary = typeof streetBoundaries.$inferSelect;
