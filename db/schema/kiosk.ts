import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from './_helpers';
import { communities } from './community';

/**
 * Read-only links for unattended big screens (一屏统管). Only a SHA-256 of
 * the link's secret is stored: a leaked database cannot open a screen, and
 * revoking is setting revokedAt.
 */
export const kioskLinks = pgTable(
  'kiosk_links',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Null: the district screen. */
    communityId: integer().references(() => communities.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    secretHash: text().notNull().unique(),
    createdBy: text().notNull(),
    /** The link itself works once; the cookie it sets carries on until revoked. */
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.communityId)],
);
export type KioskLink = typeof kioskLinks.$inferSelect;
