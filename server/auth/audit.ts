// The account audit trail (account_events, db/schema/auth.ts): sign-ins and their
// refusals, and every change an admin makes to accounts and memberships.
import type { Db } from '~/db/client';
import { accountEvents } from '~/db/schema';

export const ACCOUNT_EVENT_KINDS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_refused',
  'sign_out',
  'user_created',
  'user_disabled',
  'user_enabled',
  'membership_added',
  'membership_removed',
  'password_reset',
  'password_changed',
  'role_changed',
] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

export type AccountEventInput = {
  kind: AccountEventKind;
  /** Who did it: an e-mail, or null for an anonymous attempt. */
  actor: string | null;
  subjectEmail?: string | null;
  subjectUserId?: string | null;
  clientAddress?: string | null;
  detail?: Record<string, unknown>;
};

export async function recordAccountEvent(db: Db, e: AccountEventInput): Promise<void> {
  await db.insert(accountEvents).values({
    kind: e.kind,
    actor: e.actor,
    subjectEmail: e.subjectEmail ?? null,
    subjectUserId: e.subjectUserId ?? null,
    clientAddress: e.clientAddress ?? null,
    detail: e.detail ?? null,
  });
}
