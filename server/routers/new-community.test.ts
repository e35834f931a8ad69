// A community founded in the product starts empty: no devices, incidents, alarms, cases or
// patrol yet. Every read a screen makes about it must answer (with nothing), never fail, on
// the day it is founded and once it has buildings but still no devices.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { buildings, units } from '~/db/schema';
import { callerAs } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';
import { appRouter } from '../root';

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
const queries = Object.entries(procedures)
  .filter(([, p]) => p._def.type === 'query')
  .map(([path]) => path);

/** What a screen would pass: the slug and a date range; extra keys are ignored by the inputs. */
const input = (slug: string) => ({ slug, from: '2026-11-01', to: '2026-11-30', limit: 10 });

async function readAll(caller: Record<string, Record<string, (i: unknown) => Promise<unknown>>>, slug: string) {
  const failures: string[] = [];
  const answered: string[] = [];
  for (const path of queries) {
    const [router, name] = path.split('.') as [string, string];
    try {
      await caller[router]![name]!(input(slug));
      answered.push(path);
    } catch (error) {
      // An input that names no community (an id) is not a screen's read of this one.
      if (error instanceof TRPCError && ['BAD_REQUEST', 'NOT_FOUND'].includes(error.code)) continue;
      failures.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // The screens' own reads are among those that answered.
  for (const path of SCREEN_READS) if (!answered.includes(path)) failures.push(`${path}: did not answer`);
  return failures;
}

const SCREEN_READS = [
  'twin.scene',
  'screen.community',
  'status.community',
  'status.retrofit',
  'alarm.list',
  'workOrder.list',
  'device.summary',
  'retrofit.pipeline',
  'planner.units',
  'onboard.progress',
];

describe.each(testEngines)('a newly founded community on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(() => database?.close());

  it('answers every read with nothing, empty and then with buildings but no devices', async () => {
    const admin = (await callerAs(database.db, 'admin')) as never as Parameters<typeof readAll>[0] & {
      onboard: { create: (i: unknown) => Promise<{ id: number }> };
    };
    const founded = await admin.onboard.create({
      slug: 'xinyuan',
      name: '新苑小区',
      street: '示范街道',
      district: '洪山区',
      lng: 114.36,
      lat: 30.53,
      crs: 'gcj02',
    });
    expect(await readAll(admin, 'xinyuan')).toEqual([]);

    const [b] = await database.db
      .insert(buildings)
      .values({
        communityId: founded.id,
        number: '1',
        name: '1栋',
        floors: 6,
        footprint: [
          { x: 0, y: 0 },
          { x: 40, y: 0 },
          { x: 40, y: 12 },
          { x: 0, y: 12 },
        ],
      })
      .returning();
    await database.db
      .insert(units)
      .values({ buildingId: b!.id, ordinal: 1, name: '1单元', stairX: 10, stairY: 0, householdsPerFloor: 2 });
    expect(await readAll(admin, 'xinyuan')).toEqual([]);
  }, 120_000);
});
