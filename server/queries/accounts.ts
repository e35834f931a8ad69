// What the accounts admin page reads: every account with its memberships and last
// sign-in, and the account trail.
import { and, asc, desc, eq, ilike, max, type SQL } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { accountEvents, communities, memberships, users } from '~/db/schema';

/** All accounts and their roles, memberships (with the community's names), state and last sign-in, for the admin. */
export async function accountList(db: Db) {
  const [people, held, signIns] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        disabledAt: users.disabledAt,
        mustChangePassword: users.mustChangePassword,
        createdAt: users.createdAt,
      })
      .from(users)
      .orderBy(asc(users.email)),
    db
      .select({
        id: memberships.id,
        userId: memberships.userId,
        role: memberships.role,
        street: memberships.street,
        slug: communities.slug,
        communityName: communities.name,
        communityNameEn: communities.nameEn,
      })
      .from(memberships)
      .leftJoin(communities, eq(communities.id, memberships.communityId))
      .orderBy(asc(memberships.id)),
    db
      .select({ userId: accountEvents.subjectUserId, at: max(accountEvents.at) })
      .from(accountEvents)
      .where(eq(accountEvents.kind, 'sign_in'))
      .groupBy(accountEvents.subjectUserId),
  ]);
  const lastSignIn = new Map(signIns.map((s) => [s.userId, s.at]));
  return people.map((p) => ({
    ...p,
    lastSignInAt: lastSignIn.get(p.id) ?? null,
    memberships: held.filter((m) => m.userId === p.id).map(({ userId: _, ...m }) => m),
  }));
}

/** The account trail, newest first, optionally of one kind and about or by an e-mail containing `email`. */
export function accountEventList(db: Db, filter: { kind?: string; email?: string; limit: number }) {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(accountEvents.kind, filter.kind));
  if (filter.email) where.push(ilike(accountEvents.subjectEmail, `%${filter.email.replace(/[\\%_]/g, '\\$&')}%`));
  return db
    .select()
    .from(accountEvents)
    .where(and(...where))
    .orderBy(desc(accountEvents.at), desc(accountEvents.id))
    .limit(filter.limit);
}
