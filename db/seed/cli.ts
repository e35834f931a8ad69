// `npx tsx db/seed/cli.ts` (npm run db:seed): migrates the default database —
// PostgreSQL at DATABASE_URL, else the PGlite folder PGLITE_DIR (.data/pglite),
// as the app would open it — and seeds the demo communities if it has none yet.
// SEED_TODAY=YYYY-MM-DD dates the data. With the data come the demo accounts, and the
// mark that the demo was seeded, so the app never seeds it again (server/db.ts).
// Stop the app first when it uses the same PGlite folder: two processes on one
// folder silently diverge.
import { sql } from 'drizzle-orm';
import { seedDemoAccounts } from '~/server/auth/demo-accounts';
import { selectRows } from '../client';
import { openCliDatabase } from '../cli-database';
import { installMarkers } from '../schema';
import { localToday } from '~/lib/calendar';
import { DEMO_SEEDED, seedDemo } from './index';

async function main(): Promise<void> {
  const database = await openCliDatabase();
  try {
    const [row] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from communities`);
    if ((row?.n ?? 0) > 0) {
      console.log(`not seeded: ${row?.n} communities already present`);
      return;
    }
    const today = process.env.SEED_TODAY ?? localToday();
    const started = performance.now();
    const summary = await seedDemo(database.db, { today });
    await seedDemoAccounts(database.db);
    await database.db.insert(installMarkers).values({ name: DEMO_SEEDED }).onConflictDoNothing();
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
