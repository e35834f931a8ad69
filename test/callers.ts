// Router test fixtures: a test database holding the demo seed, and callers of
// the app router signed in as one role, as the router tests have always made
// them (id and e-mail from the role's initial).
import type { Database, Db, Engine } from '~/db/client';
import { seedDemo } from '~/db/seed';
import type { Role } from '~/db/vocab';
import { createCaller } from '~/server/root';
import { createTestDatabase } from './db';

export type Caller = ReturnType<typeof createCaller>;

/** A database of its own (test/db.ts) with the demo data seeded as of `today`. */
export async function createSeededDatabase(engine: Engine, today = '2026-11-22'): Promise<Database> {
  const database = await createTestDatabase(engine);
  await seedDemo(database.db, { today });
  return database;
}

/** The router as a signed-in user of `role`. */
export function callerAs(db: Db, role: Role, name: string = role): Caller {
  const initial = role[0]!;
  return createCaller({ db, user: { id: initial, name, email: `${initial}@test.local`, role } });
}
