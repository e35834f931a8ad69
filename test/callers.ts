// Router test fixtures: a test database holding the demo seed, callers of
// the app router signed in as one role, as the router tests have always made
// them (id and e-mail from the role's initial), and a live publisher that
// records what the procedures published instead of framing it.
import { LiveHub } from '~/server/live/hub';
import type { Database, Db, Engine } from '~/db/client';
import { seedDemo } from '~/db/seed';
import type { Role } from '~/db/vocab';
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

/** The router as a signed-in user of `role`; `live` receives what its procedures publish. */
export function callerAs(db: Db, role: Role, name: string = role, live: LivePublisher = recordingPublisher()): Caller {
  const initial = role[0]!;
  return createCaller({
    db,
    user: { id: initial, name, email: `${initial}@test.local`, role },
    live,
    liveHub: () => Promise.resolve(new LiveHub()),
  });
}
