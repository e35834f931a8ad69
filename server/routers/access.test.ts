// The authorization matrix (DESIGN.md §5): every procedure is called as every
// tier and must be allowed or refused exactly as listed here. A procedure
// added to the router without an entry here fails the first test.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { seedDemo } from '~/db/seed';
import type { Role } from '~/db/vocab';
import { createTestDatabase } from '~/test/db';
import { appRouter, createCaller } from '../root';
import { TIER_ROLES, type Tier } from '../trpc';

const slug = { slug: 'jinghu' };
const MATRIX: Record<string, { tier: Tier; input?: unknown }> = {
  'account.me': { tier: 'resident' },
  'account.list': { tier: 'admin' },
  'alarm.list': { tier: 'staff', input: slug },
  'building.withUnits': { tier: 'planner', input: slug },
  'community.list': { tier: 'public' },
  'community.bySlug': { tier: 'public', input: slug },
  'community.overview': { tier: 'planner' },
  'device.summary': { tier: 'staff', input: slug },
  'device.list': { tier: 'staff', input: { ...slug, limit: 5 } },
  'incident.floorCounts': { tier: 'staff', input: { ...slug, from: '2026-08-01', to: '2026-11-22' } },
  'incident.recent': { tier: 'staff', input: slug },
  'patrol.points': { tier: 'staff', input: slug },
  'patrol.routes': { tier: 'staff', input: slug },
  'retrofit.byUnit': { tier: 'planner', input: { slug: 'caifu-xingyuan' } },
  'status.community': { tier: 'public', input: slug },
  'workOrder.list': { tier: 'staff', input: { slug: 'xingyi-huayuan' } },
  'workOrder.rates': { tier: 'staff', input: { slug: 'xingyi-huayuan' } },
};

type Caller = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
const callers: Array<{ as: 'anonymous' | Role }> = [
  { as: 'anonymous' }, { as: 'resident' }, { as: 'planner' }, { as: 'staff' }, { as: 'admin' },
];

function allowed(tier: Tier, as: 'anonymous' | Role) {
  if (tier === 'public') return true;
  return as !== 'anonymous' && TIER_ROLES[tier].includes(as);
}

describe('authorization matrix', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedDemo(database.db, { today: '2026-11-22' });
  });
  afterAll(() => database?.close());

  it('lists every procedure of the API, and only those', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('tags every procedure with the tier the matrix expects', () => {
    for (const [path, entry] of Object.entries(MATRIX)) {
      const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { tier?: Tier } } }>)[path];
      expect(procedure?._def.meta?.tier, path).toBe(entry.tier);
    }
  });

  for (const { as } of callers) {
    it(`admits or refuses a caller signed in as ${as}`, async () => {
      const caller = createCaller({
        db: database.db,
        user: as === 'anonymous' ? null : { id: `test-${as}`, name: as, email: `${as}@test.local`, role: as },
      }) as unknown as Caller;
      for (const [path, entry] of Object.entries(MATRIX)) {
        const [ns, name] = path.split('.') as [string, string];
        const call = caller[ns]![name]!(entry.input);
        if (allowed(entry.tier, as)) {
          await expect(call, `${path} as ${as}`).resolves.toBeDefined();
        } else {
          const error = await call.then(() => null, (e: unknown) => e);
          expect(error, `${path} as ${as}`).toBeInstanceOf(TRPCError);
          expect((error as TRPCError).code, `${path} as ${as}`).toBe(as === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
        }
      }
    });
  }
});
