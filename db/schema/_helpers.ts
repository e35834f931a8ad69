import { timestamp } from 'drizzle-orm/pg-core';

/** Created/updated stamps shared by every mutable table. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** A point in a community's local frame: metres east (x), north (y), up (z). */
export type LocalPoint = { x: number; y: number; z?: number };
