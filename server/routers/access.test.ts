// The authorization matrix (docs/ARCHITECTURE.md § Access): every procedure is called by every
// kind of caller (anonymous, each membership role, an admin, a kiosk) about the caller's own
// community and about another, and must be admitted or refused exactly as its tier and scope
// say. A procedure added to the router without an entry here fails the first test. Objects
// named by id are real ones of each community, so an id from another community (IDOR) is
// refused like a missing one; lists serve only the caller's communities.
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database, type Db } from '~/db/client';
import { communities, deadLetters, planScenarios, retrofitCases } from '~/db/schema';
import { seedDemo } from '~/db/seed';
import { callerAs, recordingPublisher, testAccount, type TestRole } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';
import { TIER_ROLES, type CommunityTier, type Tier } from '../domain/access';
import { createKioskLink, kioskFromCookie, redeemKioskLink } from '../kiosk/links';
import { LiveHub } from '../live/hub';
import { appRouter, createCaller } from '../root';
import type { Entry, Place } from './access-matrix';
import { ONBOARD_MATRIX } from './access-matrix.onboard';
import { OPS_MATRIX } from './access-matrix.ops';
import { SETUP_MATRIX } from './access-matrix.setup';
import { REGISTER_MATRIX } from './access-matrix.register';
import { SITE_MATRIX } from './access-matrix.site';
import { READINGS_MATRIX } from './access-matrix.readings';
import { MAP_MATRIX } from './access-matrix.map';
import { SCREEN_MATRIX } from './access-matrix.screen';

const slug = (p: Place) => ({ slug: p.slug });
const range = { from: '2026-08-01', to: '2026-11-22' };

/** A fresh scenario of `p`'s community, for the calls that delete one. */
async function newScenario(db: Db, p: Place) {
  const [row] = await db
    .insert(planScenarios)
    .values({
      communityId: p.id,
      name: `matrix ${Math.random()}`,
      unitIds: [p.unit],
      settings: { minAge: 60, minFloor: 3 },
      createdBy: 'test',
    })
    .returning({ id: planScenarios.id });
  return row!.id;
}

const MATRIX: Record<string, Entry> = {
  ...ONBOARD_MATRIX,
  ...SETUP_MATRIX,
  ...REGISTER_MATRIX,
  ...SITE_MATRIX,
  ...READINGS_MATRIX,
  ...OPS_MATRIX,
  ...MAP_MATRIX,
  ...SCREEN_MATRIX,
  'account.me': { tier: 'signedIn' },
  'account.list': { tier: 'admin' },
  // The matrix's accounts have no password: a change is refused once admitted.
  'account.changePassword': {
    tier: 'signedIn',
    input: () => ({ current: 'not-the-password', next: 'a-new-password-1' }),
    rejects: 'BAD_REQUEST',
  },
  'account.create': {
    tier: 'admin',
    input: () => ({ name: 'access matrix', email: `matrix-${Math.random()}@test.local`, role: 'member' }),
  },
  'account.events': { tier: 'admin', input: () => ({}) },
  // The account or membership named does not exist: refused once admitted, and nothing changes.
  'account.addMembership': {
    tier: 'admin',
    input: (p) => ({ userId: 'no-such-account', membership: { role: 'viewer', slug: p.slug } }),
    rejects: 'NOT_FOUND',
  },
  'account.removeMembership': { tier: 'admin', input: () => ({ id: 999_999 }), rejects: 'NOT_FOUND' },
  'account.setDisabled': {
    tier: 'admin',
    input: () => ({ userId: 'no-such-account', disabled: true }),
    rejects: 'NOT_FOUND',
  },
  'account.setRole': {
    tier: 'admin',
    input: () => ({ userId: 'no-such-account', role: 'admin' }),
    rejects: 'NOT_FOUND',
  },
  'account.resetPassword': { tier: 'admin', input: () => ({ userId: 'no-such-account' }), rejects: 'NOT_FOUND' },
  'alarm.list': { tier: 'staff', input: slug },
  'alarm.history': { tier: 'staff', input: (p) => ({ id: p.alarm }) },
  // The alarms named are closed: acknowledging one is refused, and nothing changes.
  'alarm.transition': { tier: 'staff', input: (p) => ({ id: p.alarm, move: 'acknowledge' }), rejects: 'CONFLICT' },
  'alarm.assign': { tier: 'staff', input: (p) => ({ id: p.alarm, assignee: `matrix ${Math.random()}` }) },
  'alarm.assignees': { tier: 'staff', input: slug },
  'alarm.note': { tier: 'staff', input: (p) => ({ id: p.alarm, note: 'access matrix' }) },
  'alarm.review': {
    tier: 'staff',
    input: (p) => ({ id: p.alarm, decision: 'confirmed', evidence: 'clip-1' }),
    rejects: 'BAD_REQUEST',
  },
  'building.withUnits': { tier: 'planner', input: slug },
  'community.list': { tier: 'public' },
  'community.bySlug': { tier: 'public', input: slug },
  'community.overview': { tier: 'viewer', covers: (r) => (r as Array<{ id: number }>).map((c) => c.id) },
  'device.summary': { tier: 'staff', input: slug },
  'device.list': { tier: 'staff', input: (p) => ({ ...slug(p), limit: 5 }) },
  'incident.floorCounts': { tier: 'staff', input: (p) => ({ ...slug(p), ...range }) },
  'incident.recent': { tier: 'staff', input: slug },
  'ingest.issueToken': { tier: 'admin', input: (p) => ({ code: p.deviceCode }) },
  'ingest.issueTokens': { tier: 'admin', input: (p) => ({ ...slug(p), perClass: 1, limit: 3 }) },
  'ingest.deadLetters': {
    tier: 'staff',
    input: () => ({}),
    covers: (r, places) =>
      (r as Array<{ deviceCode: string }>).map((l) => places.find((p) => p.deviceCode === l.deviceCode)!.id),
  },
  'kiosk.create': { tier: 'admin', input: (p) => ({ slug: p.slug, label: 'access matrix' }) },
  'kiosk.list': { tier: 'admin' },
  'kiosk.revoke': { tier: 'admin', input: () => ({ id: 999_999 }) },
  'live.community': { tier: 'viewer', input: slug },
  'live.district': { tier: 'viewer', input: () => ({}) },
  'patrol.points': { tier: 'staff', input: slug },
  'patrol.routes': { tier: 'staff', input: slug },
  'patrol.compliance': { tier: 'staff', input: (p) => ({ ...slug(p), from: '2026-11-20', to: '2026-11-21' }) },
  'retrofit.byUnit': { tier: 'planner', input: slug },
  'retrofit.pipeline': { tier: 'planner', input: slug },
  'retrofit.costShares': { tier: 'planner', input: (p) => ({ caseId: p.retrofitCase }) },
  // A stage change dated in the future is refused once admitted: nothing changes.
  'retrofit.move': {
    tier: 'staff',
    input: (p) => ({ caseId: p.retrofitCase, to: 'stalled', on: '2999-01-01', note: 'access matrix' }),
    rejects: 'BAD_REQUEST',
  },
  'retrofit.importVotes': {
    tier: 'staff',
    input: (p) => ({ ...slug(p), format: 'csv', content: 'room,unit,vote,area\n' }),
  },
  'planner.units': { tier: 'planner', input: slug },
  'planner.evaluate': { tier: 'planner', input: (p) => ({ ...slug(p), unitIds: [p.unit] }) },
  'planner.optimize': {
    tier: 'planner',
    input: (p) => ({ ...slug(p), budgetFen: 200_000_000, subsidyCapFen: 60_000_000 }),
  },
  'planner.scenarios': { tier: 'planner', input: slug },
  // Another community's unit in a scenario is refused once admitted.
  'planner.saveScenario': {
    tier: 'planner',
    input: (p, other) => ({ ...slug(p), name: 'access matrix', unitIds: [other.unit] }),
    rejects: 'BAD_REQUEST',
  },
  'planner.deleteScenario': { tier: 'planner', input: async (p, _o, db) => ({ id: await newScenario(db, p) }) },
  'planner.scenario': { tier: 'planner', input: async (p, _o, db) => ({ id: await newScenario(db, p) }) },
  'planner.exportCsv': { tier: 'planner', input: async (p, _o, db) => ({ id: await newScenario(db, p) }) },
  'screen.community': { tier: 'viewer', input: slug },
  'screen.district': {
    tier: 'viewer',
    covers: (r) => (r as { communities: Array<{ id: number }> }).communities.map((c) => c.id),
  },
  'status.community': { tier: 'public', input: slug },
  'status.retrofit': { tier: 'public', input: slug },
  'status.facilities': { tier: 'public', input: slug },
  'status.safety': { tier: 'public', input: slug },
  'status.service': { tier: 'public', input: slug },
  'status.unit': { tier: 'public', input: () => ({ slug: 'caifu-xingyuan', building: '1', unit: 1 }) },
  'twin.scene': { tier: 'viewer', input: slug },
  'twin.incidents': { tier: 'staff', input: (p) => ({ ...slug(p), ...range }) },
  'twin.incident': { tier: 'staff', input: (p) => ({ id: p.incident }) },
  'twin.device': { tier: 'staff', input: (p) => ({ id: p.device }) },
  'workOrder.list': { tier: 'staff', input: slug },
  'workOrder.formOptions': { tier: 'staff', input: slug },
  'workOrder.rates': { tier: 'staff', input: slug },
  'workOrder.monthly': { tier: 'staff', input: slug },
  'workOrder.history': { tier: 'staff', input: (p) => ({ id: p.workOrder }) },
  'workOrder.detail': { tier: 'staff', input: (p) => ({ id: p.workOrder }) },
  // Placed in a building of another community: refused once admitted.
  'workOrder.create': {
    tier: 'staff',
    input: (p, other) => ({
      ...slug(p),
      source: 'grid',
      category: '其他',
      description: 'access matrix',
      buildingId: other.building,
    }),
    rejects: 'BAD_REQUEST',
  },
  // The alarm already has its order (made in beforeAll): refused once admitted.
  'workOrder.fromAlarm': { tier: 'staff', input: (p) => ({ alarmId: p.alarm }), rejects: 'CONFLICT' },
  // The orders named are closed: accepting one is refused.
  'workOrder.transition': { tier: 'staff', input: (p) => ({ id: p.workOrder, action: 'accept' }), rejects: 'CONFLICT' },
  'workOrder.track': {
    tier: 'public',
    input: (p) => ({ ...slug(p), reference: 'R-AAAAAAAA' }),
    rejects: 'NOT_FOUND',
  },
};

type As = 'anonymous' | 'kiosk' | TestRole;
const CALLERS: As[] = ['anonymous', 'resident', 'viewer', 'planner', 'staff', 'district', 'kiosk', 'admin'];
type Scope = string | undefined;

/** What a call must do: be admitted, or be refused with this code. */
function expected(tier: Tier, scope: Scope, as: As, where: 'own' | 'other'): 'admitted' | TRPCError['code'] {
  if (tier === 'public') return 'admitted';
  if (as === 'anonymous') return 'UNAUTHORIZED';
  if (tier === 'signedIn') return as === 'kiosk' ? 'FORBIDDEN' : 'admitted';
  if (tier === 'admin') return as === 'admin' ? 'admitted' : 'FORBIDDEN';
  if (as === 'admin') return 'admitted';
  // Founding a community: the district role of the street named (the own place's street).
  if (tier === 'street') return as === 'district' && where === 'own' ? 'admitted' : 'FORBIDDEN';
  const role = as === 'kiosk' ? 'viewer' : as;
  if (!TIER_ROLES[tier as CommunityTier].includes(role)) return 'FORBIDDEN';
  if (scope === 'reach' || where === 'own') return 'admitted';
  // Another community named by slug is refused; another community's object reads as missing.
  return scope === 'slug' ? 'FORBIDDEN' : 'NOT_FOUND';
}

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { meta?: { tier?: Tier; scope?: string } } }
>;

describe.each(testEngines)('authorization matrix on %s', (engine) => {
  let database: Database;
  let own: Place;
  let other: Place;
  const callers = new Map<As, Record<string, Record<string, (input?: unknown) => Promise<unknown>>>>();

  /** The first id of `table` in community `id` matching `where`. */
  async function first(table: string, id: number, where = 'true') {
    const [row] = await selectRows<{ id: number }>(
      database.db,
      sql.raw(`select min(id)::int as id from ${table} where community_id = ${id} and ${where}`),
    );
    return row!.id;
  }

  async function place(slugName: string): Promise<Place> {
    const db = database.db;
    const [c] = await db.select().from(communities).where(eq(communities.slug, slugName));
    const [unit] = await selectRows<{ unit: number; building: number }>(
      db,
      sql`select u.id as unit, b.id as building from units u join buildings b on b.id = u.building_id
          where b.community_id = ${c!.id} order by u.id limit 1`,
    );
    const device = await first('devices', c!.id);
    const [code] = await selectRows<{ code: string }>(db, sql`select code from devices where id = ${device}`);
    // A retrofit case in each community (the demo has them in 财富星苑 only).
    let [rc] = await selectRows<{ id: number }>(
      db,
      sql`select r.id from retrofit_cases r join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
          where b.community_id = ${c!.id} order by r.id limit 1`,
    );
    rc ??= (
      await db.insert(retrofitCases).values({ unitId: unit!.unit, stage: 'intent' }).returning({ id: retrofitCases.id })
    )[0];
    return {
      slug: slugName,
      id: c!.id,
      street: c!.street,
      alarm: await first('alarms', c!.id, `state = 'closed' and incident_id is null`),
      workOrder: await first('work_orders', c!.id, `state = 'closed'`),
      incident: await first('incidents', c!.id),
      device,
      deviceCode: code!.code,
      building: unit!.building,
      unit: unit!.unit,
      retrofitCase: rc!.id,
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    await seedDemo(db, { today: '2026-11-22' });
    // The demo's communities share one street; the other place is moved to a street of its own,
    // so a district role of the own street is refused there as on any other street.
    await db.update(communities).set({ street: '矩阵另一街道' }).where(eq(communities.slug, 'jinghu'));
    own = await place('caifu-xingyuan');
    other = await place('jinghu');
    // The alarms named already have their work orders; every community has refused input on record.
    const admin = await callerAs(db, 'admin');
    for (const p of [own, other]) {
      await admin.workOrder.fromAlarm({ alarmId: p.alarm });
      await db
        .insert(deadLetters)
        .values({ source: 'mqtt', deviceCode: p.deviceCode, reason: 'matrix', excerpt: '{}' });
    }
    const link = await createKioskLink(db, { communityId: own.id, label: 'access matrix', createdBy: 'test' });
    await redeemKioskLink(db, link.secret);
    const kiosk = (await kioskFromCookie(db, link.secret))!;
    const live = recordingPublisher();
    const liveHub = () => Promise.resolve(new LiveHub());
    for (const as of CALLERS) {
      const user =
        as === 'anonymous' || as === 'kiosk'
          ? null
          : await testAccount(db, as, { communities: [own.slug], email: `${as}-matrix@test.local` });
      const ctx = { db, user, live, liveHub, ...(as === 'kiosk' ? { kiosk } : {}) };
      callers.set(as, createCaller(ctx) as never);
    }
  }, 180_000);
  afterAll(() => database?.close());

  it('lists every procedure of the API, and only those', () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('tags every procedure with the tier the matrix expects, and every community procedure with a scope', () => {
    for (const [path, entry] of Object.entries(MATRIX)) {
      const meta = procedures[path]?._def.meta;
      expect(meta?.tier, path).toBe(entry.tier);
      if (['viewer', 'planner', 'staff'].includes(entry.tier)) expect(meta?.scope, path).toBeTruthy();
    }
  });

  for (const as of CALLERS) {
    for (const where of ['own', 'other'] as const) {
      it(`admits or refuses ${as} about ${where === 'own' ? 'its own community' : 'another community'}`, async () => {
        const caller = callers.get(as)!;
        const [about, besides] = where === 'own' ? [own, other] : [other, own];
        for (const [path, entry] of Object.entries(MATRIX)) {
          const [ns, name] = path.split('.') as [string, string];
          const input = await entry.input?.(about, besides, database.db);
          const outcome = await caller[ns]![name]!(input).then(
            (result) => ({ result }),
            (error: unknown) => ({ error }),
          );
          const want = expected(entry.tier, procedures[path]!._def.meta?.scope, as, where);
          const label = `${path} as ${as} (${where})`;
          if (want !== 'admitted') {
            expect('error' in outcome && outcome.error, label).toBeInstanceOf(TRPCError);
            expect((outcome as { error: TRPCError }).error.code, label).toBe(want);
          } else if (entry.rejects) {
            expect((outcome as { error?: TRPCError }).error?.code, label).toBe(entry.rejects);
          } else {
            expect('error' in outcome ? outcome.error : null, label).toBeNull();
            if (entry.covers) {
              const covered = entry.covers((outcome as { result: unknown }).result, [own, other]);
              expect(covered, label).toContain(own.id);
              // A district role also covers the communities founded on its street ('onboard.create').
              const allowed =
                as === 'district'
                  ? (
                      await database.db
                        .select({ id: communities.id })
                        .from(communities)
                        .where(eq(communities.street, own.street))
                    ).map((c) => c.id)
                  : [own.id];
              if (as !== 'admin')
                expect(
                  covered.every((id) => allowed.includes(id)),
                  label,
                ).toBe(true);
            }
          }
        }
      }, 120_000);
    }
  }

  it('lets a district member reach every community of its street, and no other', async () => {
    const district = await callerAs(database.db, 'district', { communities: [own.slug], email: 'street@test.local' });
    await expect(district.alarm.list({ slug: own.slug })).resolves.toBeDefined();
    await expect(district.alarm.list({ slug: other.slug })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [row] = await database.db
      .select({ street: communities.street })
      .from(communities)
      .where(eq(communities.id, own.id));
    expect((await district.community.overview()).every((c) => c.street === row!.street)).toBe(true);
  });
});
