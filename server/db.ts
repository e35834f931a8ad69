// The app's one database handle. PGlite allows exactly one process per data
// folder (two silently diverge), and `next dev` re-imports modules on every
// reload, so the handle lives on globalThis.
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { installMarkers } from '~/db/schema';
import { migrateDatabase, openDatabase, selectRows, type Database, type Db } from '~/db/client';
import { localToday } from '~/lib/calendar';
import { DEMO_SEEDED, seedDemo } from '~/db/seed';
import { seedDemoAccounts } from './auth/demo-accounts';
import { env } from './env';

const globalForDb = globalThis as unknown as { linliDb?: Promise<Database> };

/**
 * Migrates, then, when asked, seeds the demo data and accounts: once per database. What an
 * admin deletes afterwards (the demo accounts above all) stays deleted, and a database that
 * already holds communities of its own never gets the demo.
 */
export async function prepareDatabase(database: Database, opts: { seed: boolean }) {
  await migrateDatabase(database);
  if (!opts.seed) return;
  const db = database.db;
  const [done] = await db.select().from(installMarkers).where(eq(installMarkers.name, DEMO_SEEDED));
  if (done) return;
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from communities`);
  if ((row?.n ?? 0) === 0) {
    await seedDemo(db, { today: localToday() });
    await seedDemoAccounts(db);
  }
  await db.insert(installMarkers).values({ name: DEMO_SEEDED }).onConflictDoNothing();
}

async function open(): Promise<Database> {
  if (env.DATABASE_URL) {
    // Several app instances may start at once: one migrates and seeds while
    // the others wait on an advisory lock, held on a single connection.
    const setup = await openDatabase({ url: env.DATABASE_URL, poolSize: 1 });
    try {
      await setup.exec('select pg_advisory_lock(7305)');
      await prepareDatabase(setup, { seed: env.SEED_DEMO });
      await setup.exec('select pg_advisory_unlock(7305)');
    } finally {
      await setup.close();
    }
    return openDatabase({ url: env.DATABASE_URL });
  }
  const database = await openDatabase({ dataDir: path.resolve(env.PGLITE_DIR), role: 'the Linli app' });
  await prepareDatabase(database, { seed: env.SEED_DEMO });
  return database;
}

export function getDatabase(): Promise<Database> {
  globalForDb.linliDb ??= open().catch((error: unknown) => {
    globalForDb.linliDb = undefined; // let the next request try again
    throw error;
  });
  return globalForDb.linliDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
