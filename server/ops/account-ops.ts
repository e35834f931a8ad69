// What an admin changes about accounts, and an account's own password change: each
// change writes its account_events row (server/auth/audit.ts) with who did it and from
// where. Passwords an admin sets are one-time: shown once, hashed here, to be changed
// at the next sign-in (server/trpc.ts lets such an account do nothing else).
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { Db } from '~/db/client';
import { accounts, communities, memberships, sessions, users } from '~/db/schema';
import type { AccountRole, MembershipRole } from '~/db/vocab';
import { recordAccountEvent, type AccountEventInput } from '../auth/audit';
import { createAccount } from '../auth/demo-accounts';
import { DomainError } from '../domain/errors';

/** The admin (or the account itself) making a change, and the address it came from. */
export type Actor = { id: string; email: string; clientAddress?: string };

/** Where a membership holds: a community, or (for a district membership) a street. */
export type MembershipPlace = { role: MembershipRole; communityId?: number; street?: string };

// No 0/o, 1/l/i: read off a screen and typed in by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 20 random characters (about 99 bits) in five groups of four: 24 characters. */
export function oneTimePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12, 16].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

function record(
  db: Db,
  actor: Actor,
  subject: { id: string; email: string },
  e: Pick<AccountEventInput, 'kind' | 'detail'>,
) {
  return recordAccountEvent(db, {
    ...e,
    actor: actor.email,
    subjectEmail: subject.email,
    subjectUserId: subject.id,
    clientAddress: actor.clientAddress ?? null,
  });
}

async function accountOf(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw new DomainError('account.notFound', { id });
  return user;
}

/** Refuses a change that would leave no enabled admin besides `id`. */
async function keepAnAdmin(db: Db, id: string) {
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, id)));
  if (others.length === 0) throw new DomainError('account.lastAdmin');
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: { name: string; email: string; role: AccountRole; membership?: MembershipPlace },
): Promise<{ id: string; password: string }> {
  const email = input.email.trim().toLowerCase();
  const taken = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken.length > 0) throw new DomainError('account.emailTaken', { email });
  const password = oneTimePassword();
  const id = await createAccount(db, { ...input, email, password, mustChangePassword: true });
  await record(db, actor, { id, email }, { kind: 'user_created', detail: { role: input.role } });
  if (input.membership) await addMembership(db, actor, id, input.membership);
  return { id, password };
}

export async function addMembership(db: Db, actor: Actor, userId: string, place: MembershipPlace) {
  const user = await accountOf(db, userId);
  const where =
    place.role === 'district'
      ? { communityId: null, street: place.street ?? '' }
      : { communityId: place.communityId ?? 0, street: null };
  const covered = await db
    .select({ id: communities.id })
    .from(communities)
    .where(where.street === null ? eq(communities.id, where.communityId!) : eq(communities.street, where.street));
  if (covered.length === 0)
    throw where.street === null
      ? new DomainError('community.notFound', { slug: String(where.communityId) })
      : new DomainError('membership.streetNotFound', { street: where.street });
  const [row] = await db
    .insert(memberships)
    .values({ userId, role: place.role, ...where, createdBy: actor.email })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  if (row)
    await record(db, actor, user, { kind: 'membership_added', detail: { id: row.id, role: place.role, ...where } });
  return { id: row?.id ?? null };
}

export async function removeMembership(db: Db, actor: Actor, id: number) {
  const [row] = await db.delete(memberships).where(eq(memberships.id, id)).returning();
  if (!row) throw new DomainError('membership.notFound', { id });
  const user = await accountOf(db, row.userId);
  const { role, communityId, street } = row;
  await record(db, actor, user, { kind: 'membership_removed', detail: { id, role, communityId, street } });
}

/** Disabling ends the account's sessions at once; an admin cannot disable itself or the last enabled admin. */
export async function setDisabled(db: Db, actor: Actor, userId: string, disabled: boolean) {
  const user = await accountOf(db, userId);
  if (disabled && userId === actor.id) throw new DomainError('account.self');
  if (disabled && user.role === 'admin') await keepAnAdmin(db, userId);
  if (!!user.disabledAt === disabled) return;
  await db
    .update(users)
    .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
    .where(eq(users.id, userId));
  if (disabled) await db.delete(sessions).where(eq(sessions.userId, userId));
  await record(db, actor, user, { kind: disabled ? 'user_disabled' : 'user_enabled' });
}

export async function setRole(db: Db, actor: Actor, userId: string, role: AccountRole) {
  const user = await accountOf(db, userId);
  if (user.role === role) return;
  if (user.role === 'admin') await keepAnAdmin(db, userId);
  await db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
  await record(db, actor, user, { kind: 'role_changed', detail: { from: user.role, to: role } });
}

/** A new one-time password; the account's sessions end. */
export async function resetPassword(db: Db, actor: Actor, userId: string): Promise<{ password: string }> {
  const user = await accountOf(db, userId);
  const password = oneTimePassword();
  await setPassword(db, userId, password, true);
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await record(db, actor, user, { kind: 'password_reset' });
  return { password };
}

/** The account's own change: the current password must match and the new one differ from it. */
export async function changePassword(db: Db, actor: Actor, input: { current: string; next: string }) {
  const user = await accountOf(db, actor.id);
  const [credential] = await db
    .select({ hash: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, actor.id), eq(accounts.providerId, 'credential')));
  if (!credential?.hash || !(await verifyPassword({ hash: credential.hash, password: input.current })))
    throw new DomainError('account.wrongPassword');
  if (input.current === input.next) throw new DomainError('account.samePassword');
  await setPassword(db, actor.id, input.next, false);
  await record(db, actor, user, { kind: 'password_changed' });
}

async function setPassword(db: Db, userId: string, password: string, mustChange: boolean) {
  const hash = await hashPassword(password);
  const now = new Date();
  const updated = await db
    .update(accounts)
    .set({ password: hash, updatedAt: now })
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
    .returning({ id: accounts.id });
  if (updated.length === 0)
    await db
      .insert(accounts)
      .values({ id: crypto.randomUUID(), accountId: userId, providerId: 'credential', userId, password: hash });
  await db.update(users).set({ mustChangePassword: mustChange, updatedAt: now }).where(eq(users.id, userId));
}
