import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testEngines } from './db';
import { selectRows, type Database } from '~/db/client';

describe.each(testEngines)('migrations on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('creates every table of the schema', async () => {
    const rows = await selectRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        'communities',
        'buildings',
        'units',
        'households',
        'devices',
        'incidents',
        'incident_floor_daily',
        'alarms',
        'patrol_checkins',
        'work_orders',
        'retrofit_cases',
        'retrofit_votes',
        'users',
        'sessions',
      ]),
    );
  });
});
