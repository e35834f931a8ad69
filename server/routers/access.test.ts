// The authorization matrix (docs/ARCHITECTURE.md § Access tiers): every procedure is called as every
// tier and must be allowed or refused exactly as listed here. A procedure
// added to the router without an entry here fails the first test.
import { recordingPublisher } from '~/test/callers';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { communities, planScenarios } from '~/db/schema';
import { seedDemo } from '~/db/seed';
import type { Role } from '~/db/vocab';
import { createTestDatabase } from '~/test/db';
import { LiveHub } from '../live/hub';
import { appRouter, createCaller } from '../root';
import { TIER_ROLES, type Tier } from '../trpc';

const slug = { slug: 'jinghu' };
// `rejects`: an admitted call that is refused by the procedure itself with this
// code (so a mutation can be listed without changing data, or repeated safely).
const MATRIX: Record<string, { tier: Tier; input?: unknown; rejects?: TRPCError['code'] }> = {
  'account.me': { tier: 'resident' },
  'account.list': { tier: 'admin' },
  'alarm.list': { tier: 'staff', input: slug },
  'alarm.history': { tier: 'staff', input: { id: 1 } },
  // Operations mutations name an alarm or order that does not exist: refused with NOT_FOUND, nothing changes.
  'alarm.transition': { tier: 'staff', input: { id: 999_999, move: 'acknowledge' }, rejects: 'NOT_FOUND' },
  'alarm.assign': { tier: 'staff', input: { id: 999_999, assignee: 'access matrix' }, rejects: 'NOT_FOUND' },
  'alarm.assignees': { tier: 'staff', input: slug },
  'alarm.note': { tier: 'staff', input: { id: 999_999, note: 'access matrix' }, rejects: 'NOT_FOUND' },
  'alarm.review': {
    tier: 'staff',
    input: { id: 999_999, decision: 'confirmed', evidence: 'clip-1' },
    rejects: 'NOT_FOUND',
  },
  'building.withUnits': { tier: 'planner', input: slug },
  'community.list': { tier: 'public' },
  'community.bySlug': { tier: 'public', input: slug },
  'community.overview': { tier: 'planner' },
  'device.summary': { tier: 'staff', input: slug },
  'device.list': { tier: 'staff', input: { ...slug, limit: 5 } },
  'incident.floorCounts': { tier: 'staff', input: { ...slug, from: '2026-08-01', to: '2026-11-22' } },
  'incident.recent': { tier: 'staff', input: slug },
  'ingest.issueToken': { tier: 'admin', input: { code: 'JH-SMK-00001' } },
  'ingest.issueTokens': { tier: 'admin', input: { ...slug, perClass: 1, limit: 3 } },
  'ingest.deadLetters': { tier: 'staff', input: {} },
  'kiosk.create': { tier: 'admin', input: { slug: 'jinghu', label: 'access matrix' } },
  'kiosk.list': { tier: 'admin' },
  'kiosk.revoke': { tier: 'admin', input: { id: 999_999 } },
  'live.community': { tier: 'staff', input: slug },
  'live.district': { tier: 'staff', input: {} },
  'patrol.points': { tier: 'staff', input: slug },
  'patrol.routes': { tier: 'staff', input: slug },
  'patrol.compliance': { tier: 'staff', input: { ...slug, from: '2026-11-20', to: '2026-11-21' } },
  'retrofit.byUnit': { tier: 'planner', input: { slug: 'caifu-xingyuan' } },
  'retrofit.pipeline': { tier: 'planner', input: { slug: 'caifu-xingyuan' } },
  'retrofit.costShares': { tier: 'planner', input: { caseId: 1 } },
  // Refused for its date (BAD_REQUEST) once admitted: the tier check comes first, and nothing changes.
  'retrofit.move': {
    tier: 'staff',
    input: { caseId: 1, to: 'stalled', on: '2000-01-01', note: 'access matrix' },
    rejects: 'BAD_REQUEST',
  },
  'retrofit.importVotes': {
    tier: 'staff',
    input: { slug: 'caifu-xingyuan', format: 'csv', content: 'room,unit,vote,area\n' },
  },
  'planner.units': { tier: 'planner', input: { slug: 'caifu-xingyuan' } },
  'planner.evaluate': { tier: 'planner', input: { slug: 'caifu-xingyuan', unitIds: [1] } },
  'planner.optimize': {
    tier: 'planner',
    input: { slug: 'caifu-xingyuan', budgetFen: 200_000_000, subsidyCapFen: 60_000_000 },
  },
  'planner.scenarios': { tier: 'planner', input: { slug: 'caifu-xingyuan' } },
  'planner.saveScenario': {
    tier: 'planner',
    input: { slug: 'caifu-xingyuan', name: 'access matrix', unitIds: [1] },
    rejects: 'CONFLICT',
  },
  'planner.deleteScenario': { tier: 'planner', input: { id: 999_999 }, rejects: 'NOT_FOUND' },
  'planner.scenario': { tier: 'planner', input: { id: 999_999 }, rejects: 'NOT_FOUND' },
  'planner.exportCsv': { tier: 'planner', input: { id: 999_999 }, rejects: 'NOT_FOUND' },
  'screen.community': { tier: 'planner', input: slug },
  'screen.district': { tier: 'planner' },
  'status.community': { tier: 'public', input: slug },
  'status.retrofit': { tier: 'public', input: { slug: 'caifu-xingyuan' } },
  'status.facilities': { tier: 'public', input: slug },
  'status.safety': { tier: 'public', input: slug },
  'status.service': { tier: 'public', input: slug },
  'status.unit': { tier: 'public', input: { slug: 'caifu-xingyuan', building: '1', unit: 1 } },
  'twin.scene': { tier: 'staff', input: slug },
  'twin.incidents': { tier: 'staff', input: { ...slug, from: '2026-08-01', to: '2026-11-22' } },
  'twin.incident': { tier: 'staff', input: { id: 1 } },
  'twin.device': { tier: 'staff', input: { id: 1 } },
  'workOrder.list': { tier: 'staff', input: { slug: 'xingyi-huayuan' } },
  'workOrder.formOptions': { tier: 'staff', input: { slug: 'xingyi-huayuan' } },
  'workOrder.rates': { tier: 'staff', input: { slug: 'xingyi-huayuan' } },
  'workOrder.monthly': { tier: 'staff', input: { slug: 'xingyi-huayuan' } },
  'workOrder.history': { tier: 'staff', input: { id: 1 } },
  'workOrder.detail': { tier: 'staff', input: { id: 999_999 }, rejects: 'NOT_FOUND' },
  'workOrder.create': {
    tier: 'staff',
    input: { slug: 'no-such-community', source: 'grid', category: '其他', description: 'x', publicArea: 'gate' },
    rejects: 'NOT_FOUND',
  },
  'workOrder.fromAlarm': { tier: 'staff', input: { alarmId: 999_999 }, rejects: 'NOT_FOUND' },
  'workOrder.transition': { tier: 'staff', input: { id: 999_999, action: 'accept' }, rejects: 'NOT_FOUND' },
  'workOrder.track': {
    tier: 'public',
    input: { slug: 'xingyi-huayuan', reference: 'R-AAAAAAAA' },
    rejects: 'NOT_FOUND',
  },
};

type Caller = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
const callers: Array<{ as: 'anonymous' | Role }> = [
  { as: 'anonymous' },
  { as: 'resident' },
  { as: 'planner' },
  { as: 'staff' },
  { as: 'admin' },
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
    // Taken already, so saving it again is refused the same way for every admitted tier.
    const [caifu] = await database.db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.slug, 'caifu-xingyuan'));
    await database.db.insert(planScenarios).values({
      communityId: caifu!.id,
      name: 'access matrix',
      unitIds: [1],
      settings: { minAge: 60, minFloor: 3 },
      createdBy: 'test',
    });
  });
  afterAll(() => database?.close());

  it('lists every procedure of the API, and only those', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('tags every procedure with the tier the matrix expects', () => {
    for (const [path, entry] of Object.entries(MATRIX)) {
      const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { tier?: Tier } } }>)[
        path
      ];
      expect(procedure?._def.meta?.tier, path).toBe(entry.tier);
    }
  });

  for (const { as } of callers) {
    it(`admits or refuses a caller signed in as ${as}`, async () => {
      const caller = createCaller({
        db: database.db,
        user: as === 'anonymous' ? null : { id: `test-${as}`, name: as, email: `${as}@test.local`, role: as },
        live: recordingPublisher(),
        // Subscriptions read a hub; nothing is emitted on this one.
        liveHub: () => Promise.resolve(new LiveHub()),
      }) as unknown as Caller;
      for (const [path, entry] of Object.entries(MATRIX)) {
        const [ns, name] = path.split('.') as [string, string];
        const call = caller[ns]![name]!(entry.input);
        if (allowed(entry.tier, as) && entry.rejects) {
          await expect(call, `${path} as ${as}`).rejects.toMatchObject({ code: entry.rejects });
        } else if (allowed(entry.tier, as)) {
          await expect(call, `${path} as ${as}`).resolves.toBeDefined();
        } else {
          const error = await call.then(
            () => null,
            (e: unknown) => e,
          );
          expect(error, `${path} as ${as}`).toBeInstanceOf(TRPCError);
          expect((error as TRPCError).code, `${path} as ${as}`).toBe(as === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
        }
      }
    });
  }
});
