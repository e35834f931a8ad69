// `npx tsx db/seed/cli.ts` (npm run db:seed): migrates the default database —
// PostgreSQL at DATABASE_URL, else the PGlite folder PGLITE_DIR (.data/pglite),
// as the app would open it — and seeds the demo communities if it has none yet.
// SEED_TODAY=YYYY-MM-DD dates the data; demo accounts are the app's job.
// Stop the app first when it uses the same PGlite folder: two processes on one
// folder silently diverge.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, selectRows } from '../client';
import { localToday } from '~/lib/calendar';
import { seedDemo } from './index';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.PGLITE_DIR || '.data/pglite';
  const database = await openDatabase(url ? { url } : { dataDir: path.resolve(dataDir) });
  try {
    console.log(`database: ${url ? 'PostgreSQL at DATABASE_URL' : `PGlite in ${dataDir}`}`);
    await migrateDatabase(database);
    const [row] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from communities`);
    if ((row?.n ?? 0) > 0) {
      console.log(`not seeded: ${row?.n} communities already present`);
      return;
    }
    const today = process.env.SEED_TODAY ?? localToday();
    const started = performance.now();
    const summary = await seedDemo(database.db, { today });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`seeded the demo communities as of ${summary.today} in ${seconds} s`);
    for (const c of summary.communities) {
      console.log(
        `  ${c.slug}: ${c.buildings} buildings, ${c.units} units, ${c.households} households, ${c.residents60plus} aged 60+ (${c.residents80plus} aged 80+), ${c.devices} devices`,
      );
    }
    console.log(
      `  rows: ${Object.entries(summary.rows)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
