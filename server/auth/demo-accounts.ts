// One demo account per role, for local use (README lists them).
import { hashPassword } from 'better-auth/crypto';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { accounts, users } from '~/db/schema';
import type { Role } from '~/db/vocab';

export const DEMO_PASSWORD = 'linli-demo-2026';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'admin@linli.local', name: '演示管理员', role: 'admin' },
  { email: 'staff@linli.local', name: '演示工作人员', role: 'staff' },
  { email: 'planner@linli.local', name: '演示规划员', role: 'planner' },
  { email: 'resident@linli.local', name: '演示居民', role: 'resident' },
];

/** Creates a credential account; the password is hashed by better-auth (scrypt). */
export async function createAccount(db: Db, a: { email: string; name: string; role: Role; password: string }) {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, a.email));
  if (existing.length > 0) return existing[0]!.id;
  const id = randomUUID();
  await db.insert(users).values({ id, email: a.email, name: a.name, role: a.role, emailVerified: true });
  await db.insert(accounts).values({
    id: randomUUID(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashPassword(a.password),
  });
  return id;
}

export async function seedDemoAccounts(db: Db) {
  for (const account of DEMO_ACCOUNTS) await createAccount(db, { ...account, password: DEMO_PASSWORD });
}
