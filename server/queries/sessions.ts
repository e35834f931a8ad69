import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { sessions, users } from '~/db/schema';

/**
 * Whether a sign-in session still stands: its row is there (signing out deletes it),
 * unexpired, and its account not disabled. An open live stream asks every few seconds.
 */
export async function sessionStands(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.token, token), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)));
  return row !== undefined;
}
