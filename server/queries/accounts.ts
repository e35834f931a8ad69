import { asc } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { users } from '~/db/schema';

/** All accounts and their roles, for the admin. */
export function accountList(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}
