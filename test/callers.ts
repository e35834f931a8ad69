// Router test fixtures: a test database holding the demo seed, callers of the
// app router signed in as accounts that really exist in the database with the
// memberships they are given (server/trpc.ts reads them), and a live publisher
// that records what the procedures published instead of framing it.
import { LiveHub } from '~/server/live/hub';
import type { Database, Db, Engine } from '~/db/client';
import { seedDemo } from '~/db/seed';
import { eq, inArray } from 'drizzle-orm';
import { communities, memberships, users } from '~/db/schema';
import type { MembershipRole } from '~/db/vocab';
import type { SessionUser } from '~/server/auth';
import type { Locale } from '~/lib/locales';
import type { LivePublisher } from '~/server/live/publisher';
import type { LiveChanges } from '~/server/live/types';
import { createCaller } from '~/server/root';
import { createTestDatabase } from './db';

export type Caller = ReturnType<typeof createCaller>;

/** A database of its own (test/db.ts) with the demo data seeded as of `today`. */
export async function createSeededDatabase(engine: Engine, today = '2026-11-22'): Promise<Database> {
  const database = await createTestDatabase(engine);
  await seedDemo(database.db, { today });
  return database;
}

export type RecordingPublisher = LivePublisher & { published: LiveChanges[] };

/** A publisher that keeps every change it is given, in order. */
export function recordingPublisher(): RecordingPublisher {
  const published: LiveChanges[] = [];
  return { published, publish: (changes) => published.push(...changes) };
}

/** An admin, or a member holding one membership role. */
export type TestRole = 'admin' | MembershipRole;

export type TestAccount = {
  /** Default: `<role>@test.local`. */
  email?: string;
  name?: string;
  /** Slugs of the communities the role is held in (default: every one); a district role holds their streets. */
  communities?: readonly string[];
};

/** An account in the database (made once per e-mail) holding `role` where `account` says. */
export async function testAccount(db: Db, role: TestRole, account: TestAccount = {}): Promise<SessionUser> {
  const email = account.email ?? `${role}@test.local`;
  const name = account.name ?? role;
  const id = `test:${email}`;
  await db
    .insert(users)
    .values({ id, name, email, role: role === 'admin' ? 'admin' : 'member' })
    .onConflictDoNothing();
  if (role !== 'admin') {
    const where = account.communities ? inArray(communities.slug, [...account.communities]) : undefined;
    const places = await db.select({ id: communities.id, street: communities.street }).from(communities).where(where);
    const rows =
      role === 'district'
        ? [...new Set(places.map((p) => p.street))].map((street) => ({ userId: id, role, street, createdBy: 'test' }))
        : places.map((p) => ({ userId: id, role, communityId: p.id, createdBy: 'test' }));
    if (rows.length) await db.insert(memberships).values(rows).onConflictDoNothing();
  }
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return { id, name: user!.name, email, role: user!.role };
}

/** The router as a signed-in account holding `role` (testAccount); `live` receives what its procedures publish. */
export async function callerAs(
  db: Db,
  role: TestRole,
  opts: TestAccount & { live?: LivePublisher; locale?: Locale } = {},
): Promise<Caller> {
  return createCaller({
    db,
    user: await testAccount(db, role, opts),
    live: opts.live ?? recordingPublisher(),
    locale: opts.locale,
    liveHub: () => Promise.resolve(new LiveHub()),
  });
}
