// Tables required by better-auth (core schema v1), plus Linli's own: the account's
// global role, whether it may sign in, and whether its password is a one-time one;
// memberships (who holds which role where); and the account audit trail.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { ACCOUNT_ROLES, MEMBERSHIP_ROLES } from '../vocab';
import { timestamps } from './_helpers';
import { communities, households } from './community';

export const users = pgTable('users', {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text().notNull().unique(),
  emailVerified: boolean().notNull().default(false),
  image: text(),
  role: text({ enum: ACCOUNT_ROLES }).notNull().default('member'),
  /** Set: the account cannot sign in, and its sessions are gone. */
  disabledAt: timestamp({ withTimezone: true }),
  /** The password was set by an admin (initial or reset): it must be changed at the next sign-in. */
  mustChangePassword: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type User = typeof users.$inferSelect;

export const sessions = pgTable('sessions', {
  id: text().primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  token: text().notNull().unique(),
  ipAddress: text(),
  userAgent: text(),
  userId: text()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable('accounts', {
  id: text().primaryKey(),
  accountId: text().notNull(),
  providerId: text().notNull(),
  userId: text()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  accessToken: text(),
  refreshToken: text(),
  idToken: text(),
  accessTokenExpiresAt: timestamp({ withTimezone: true }),
  refreshTokenExpiresAt: timestamp({ withTimezone: true }),
  scope: text(),
  password: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const verifications = pgTable('verifications', {
  id: text().primaryKey(),
  identifier: text().notNull(),
  value: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who holds which role where (docs/ARCHITECTURE.md § Access). A community membership names
 * its community (and, for a resident, the household); a district membership names a street
 * (communities.street) and covers every community on it, present and future.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: MEMBERSHIP_ROLES }).notNull(),
    communityId: integer().references(() => communities.id, { onDelete: 'cascade' }),
    street: text(),
    householdId: integer().references(() => households.id, { onDelete: 'set null' }),
    /** The admin's e-mail, or "seed" / "migration". */
    createdBy: text().notNull(),
    ...timestamps,
  },
  (t) => [
    index().on(t.userId),
    index().on(t.communityId),
    unique().on(t.userId, t.role, t.communityId, t.street).nullsNotDistinct(),
    check(
      'memberships_place',
      sql`(${t.role} = 'district' and ${t.street} is not null and ${t.communityId} is null)
        or (${t.role} <> 'district' and ${t.communityId} is not null and ${t.street} is null)`,
    ),
  ],
);
export type Membership = typeof memberships.$inferSelect;

/**
 * The account audit trail: sign-ins, failures and refusals, and every change an admin
 * makes to accounts and memberships. Append-only, like the operations trails.
 */
export const accountEvents = pgTable(
  'account_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** What happened: server/auth/audit.ts lists the kinds. */
    kind: text().notNull(),
    /** Who did it: a user's e-mail, "system", or null for an anonymous attempt. */
    actor: text(),
    /** Whose account it concerns (the e-mail as typed, for a failed sign-in). */
    subjectEmail: text(),
    subjectUserId: text(),
    clientAddress: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.at), index().on(t.subjectEmail, t.at)],
);
export type AccountEvent = typeof accountEvents.$inferSelect;

/**
 * One-time facts about this installation, such as "the demo was seeded": what was
 * done once is not done again, even after its results were deleted.
 */
export const installMarkers = pgTable('install_markers', {
  name: text().primaryKey(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
