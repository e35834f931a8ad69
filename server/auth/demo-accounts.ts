// The demo's accounts, for local use only (README, Demo accounts): made once, with the
// demo data, when SEED_DEMO asks for it; an admin may delete them like any other.
import { hashPassword } from 'better-auth/crypto';
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { accounts, communities, memberships, users } from '~/db/schema';
import type { AccountRole, MembershipRole } from '~/db/vocab';

export const DEMO_PASSWORD = 'linli-demo-2026';

/** Where a demo account holds its role: named communities, every demo community, or a street. */
type DemoGrant =
  { role: MembershipRole; communities: readonly string[] | 'all' } | { role: 'district'; street: string };

export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  name: string;
  role: AccountRole;
  grants: readonly DemoGrant[];
}> = [
  { email: 'admin@linli.local', name: '演示管理员', role: 'admin', grants: [] },
  { email: 'staff@linli.local', name: '演示工作人员', role: 'member', grants: [{ role: 'staff', communities: 'all' }] },
  {
    email: 'planner@linli.local',
    name: '演示规划员',
    role: 'member',
    grants: [{ role: 'planner', communities: 'all' }],
  },
  {
    email: 'resident@linli.local',
    name: '演示居民',
    role: 'member',
    grants: [{ role: 'resident', communities: ['caifu-xingyuan'] }],
  },
  {
    email: 'caifu@linli.local',
    name: '财富星苑工作人员',
    role: 'member',
    grants: [{ role: 'staff', communities: ['caifu-xingyuan'] }],
  },
  {
    email: 'jinghu@linli.local',
    name: '荆胡社区工作人员',
    role: 'member',
    grants: [{ role: 'staff', communities: ['jinghu'] }],
  },
  {
    email: 'xingyi@linli.local',
    name: '星怡花园工作人员',
    role: 'member',
    grants: [{ role: 'staff', communities: ['xingyi-huayuan'] }],
  },
  {
    email: 'viewer@linli.local',
    name: '演示大屏观看者',
    role: 'member',
    grants: [{ role: 'viewer', communities: 'all' }],
  },
  {
    email: 'jianzhong@linli.local',
    name: '建中街街道',
    role: 'member',
    grants: [{ role: 'district', street: '建中街街道' }],
  },
];

/** Creates a credential account (the password hashed by better-auth: scrypt); an existing e-mail is left as it is. */
export async function createAccount(
  db: Db,
  a: { email: string; name: string; role: AccountRole; password: string; mustChangePassword?: boolean },
) {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, a.email));
  if (existing.length > 0) return existing[0]!.id;
  const id = randomUUID();
  await db.insert(users).values({
    id,
    email: a.email,
    name: a.name,
    role: a.role,
    emailVerified: true,
    mustChangePassword: a.mustChangePassword ?? false,
  });
  await db.insert(accounts).values({
    id: randomUUID(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashPassword(a.password),
  });
  return id;
}

/** The demo accounts and their memberships, over whichever demo communities exist. */
export async function seedDemoAccounts(db: Db) {
  const all = await db.select({ id: communities.id, slug: communities.slug }).from(communities);
  for (const account of DEMO_ACCOUNTS) {
    const userId = await createAccount(db, { ...account, password: DEMO_PASSWORD });
    for (const grant of account.grants) {
      if ('street' in grant) {
        await db
          .insert(memberships)
          .values({ userId, role: 'district', street: grant.street, createdBy: 'seed' })
          .onConflictDoNothing();
        continue;
      }
      const ids = all.filter((c) => grant.communities === 'all' || grant.communities.includes(c.slug)).map((c) => c.id);
      if (ids.length === 0) continue;
      await db
        .insert(memberships)
        .values(ids.map((communityId) => ({ userId, role: grant.role, communityId, createdBy: 'seed' })))
        .onConflictDoNothing();
    }
  }
  return db
    .select({ id: users.id })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((a) => a.email),
      ),
    );
}
