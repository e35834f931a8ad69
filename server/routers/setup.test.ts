// The wizard's grids, patrol, retrofit-case and threshold steps through the router, on every
// engine: what they write, the change trail, refusals that write nothing, and thresholds the
// ingest uses from the next event on, in their community only.
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { createTestDatabase, testEngines } from '~/test/db';
import { LiveHub } from '~/server/live/hub';
import { recordingPublisher, testAccount } from '~/test/callers';
import { createCaller } from '../root';
import { acceptPayload } from '../ingest/accept';
import { createFixture, startTestIngest, type Fixture, type TestIngest } from '../ingest/test-fixture';
import { issueDeviceTokens } from '../ingest/tokens';

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describe.each(testEngines)('setup steps on %s', (engine) => {
  let database: Database;
  let ingest: TestIngest;
  let caller: ReturnType<typeof createCaller>;
  let alpha: Fixture;
  let beta: Fixture;
  let unitId: number;
  const forgotten: string[] = [];

  const count = async (table: string) =>
    (await selectRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
  const trail = async (communityId: number) =>
    (
      await selectRows<{ kind: string }>(
        database.db,
        sql`select kind from community_changes where community_id = ${communityId} order by id`,
      )
    ).map((r) => r.kind);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    alpha = await createFixture(db, 'alpha');
    beta = await createFixture(db, 'beta');
    const [u] = await selectRows<{ id: number }>(
      db,
      sql`insert into units (building_id, ordinal, name, stair_x, stair_y, households_per_floor)
          values (${alpha.buildingId}, 1, '1单元', 0, 0, 2) returning id`,
    );
    unitId = u!.id;
    await db.execute(sql`insert into households (unit_id, room, floor, door, area_m_2)
        values (${unitId}, '101', 1, '01', 80), (${unitId}, '102', 1, '02', 90), (${unitId}, '201', 2, '01', 80)`);
    ingest = startTestIngest(database);
    const user = await testAccount(db, 'staff', { communities: ['alpha'] });
    caller = createCaller({
      db,
      user,
      live: recordingPublisher(),
      liveHub: () => Promise.resolve(new LiveHub()),
      forgetDevices: async (codes) => {
        forgotten.push(...codes);
        for (const c of codes) ingest.ingest.directory.forget(c);
      },
    });
  }, 120_000);
  afterAll(async () => {
    await ingest?.close();
    await database?.close();
  });

  it('makes, edits and deletes a grid over the community’s buildings, on the trail', async () => {
    const g = await caller.grid.create({
      slug: 'alpha',
      name: '第一网格',
      kind: 'combined',
      headName: '王',
      headRole: '网格员',
      buildingIds: [alpha.buildingId],
    });
    expect((await caller.grid.list({ slug: 'alpha' })).grids).toEqual([
      expect.objectContaining({ id: g.id, name: '第一网格', buildingIds: [alpha.buildingId] }),
    ]);
    const updated = await caller.grid.update({ id: g.id, name: '第二网格', buildingIds: [] });
    expect(updated).toMatchObject({ name: '第二网格', buildingIds: [] });
    await caller.grid.delete({ id: g.id });
    expect((await caller.grid.list({ slug: 'alpha' })).grids).toEqual([]);
    expect(await trail(alpha.communityId)).toEqual(['grid.create', 'grid.update', 'grid.delete']);
  });

  it('refuses a grid over another community’s building, or of an unknown kind, and writes nothing', async () => {
    const before = [await count('grids'), await count('community_changes')];
    const base = { slug: 'alpha', name: '坏网格', kind: 'party' as const, headName: '李', headRole: '楼栋长' };
    await expect(caller.grid.create({ ...base, buildingIds: [beta.buildingId] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'place.buildingNotInCommunity' },
    });
    await expect(
      caller.grid.create({ ...base, kind: 'mystery' as never, buildingIds: [alpha.buildingId] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect([await count('grids'), await count('community_changes')]).toEqual(before);
  });

  it('places points, makes a route of them with plans, and keeps a plan’s id when it is edited', async () => {
    const a = await caller.patrol.createPoint({ slug: 'alpha', code: 'A-01', name: '东门', x: 10, y: 20 });
    const b = await caller.patrol.createPoint({
      slug: 'alpha',
      code: 'A-02',
      name: '1号楼',
      buildingId: alpha.buildingId,
      x: -4,
      y: 3,
    });
    await caller.patrol.updatePoint({ id: a.id, x: 12 });
    const r = await caller.patrol.createRoute({
      slug: 'alpha',
      name: '夜巡',
      stops: [
        { pointId: a.id, dueMinutes: 0, windowMinutes: 10 },
        { pointId: b.id, dueMinutes: 15, windowMinutes: 10 },
      ],
    });
    const [plan] = await caller.patrol.setPlans({
      id: r.id,
      plans: [{ frequency: 'weekly', weekdays: [5, 1], startTime: '21:30', shift: '夜班' }],
    });
    expect(plan).toMatchObject({ weekdays: [1, 5], startTime: '21:30' });
    await caller.patrol.setPlans({ id: r.id, plans: [{ id: plan!.id, frequency: 'daily', startTime: '22:00' }] });
    const setup = await caller.patrol.setup({ slug: 'alpha' });
    expect(setup.points.map((p) => [p.code, p.x])).toEqual([
      ['A-01', 12],
      ['A-02', -4],
    ]);
    expect(setup.routes).toEqual([
      {
        id: r.id,
        name: '夜巡',
        stops: [
          { pointId: a.id, dueMinutes: 0, windowMinutes: 10 },
          { pointId: b.id, dueMinutes: 15, windowMinutes: 10 },
        ],
        plans: [expect.objectContaining({ id: plan!.id, frequency: 'daily', weekdays: [], startTime: '22:00' })],
      },
    ]);
    await caller.patrol.deletePoint({ id: b.id });
    expect((await caller.patrol.setup({ slug: 'alpha' })).routes[0]!.stops).toHaveLength(1);
    await caller.patrol.deleteRoute({ id: r.id });
    expect((await caller.patrol.setup({ slug: 'alpha' })).routes).toEqual([]);
    expect(await trail(alpha.communityId)).toEqual(
      expect.arrayContaining(['patrolPoint.create', 'patrolRoute.create', 'patrolPlan.set', 'patrolRoute.delete']),
    );
  });

  it('refuses a taken point code, another community’s point on a route, and a weekly plan without days', async () => {
    const before = [await count('patrol_points'), await count('patrol_routes'), await count('community_changes')];
    const err = await caller.patrol.createPoint({ slug: 'alpha', code: 'A-01', name: 'x', x: 0, y: 0 }).catch(code);
    expect(err).toBe('CONFLICT');
    const [foreign] = await selectRows<{ id: number }>(
      database.db,
      sql`insert into patrol_points (community_id, code, name, x, y) values (${beta.communityId}, 'B-01', '北门', 0, 0) returning id`,
    );
    const countAfterForeign = await count('patrol_points');
    await expect(
      caller.patrol.createRoute({ slug: 'alpha', name: '坏', stops: [{ pointId: foreign!.id, dueMinutes: 0 }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'patrolRoute.pointNotInCommunity' } });
    const r = await caller.patrol.routes({ slug: 'alpha' });
    expect(r).toEqual([]);
    await expect(
      caller.patrol.createPoint({ slug: 'alpha', code: 'bad code!', name: 'x', x: 0, y: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect([countAfterForeign - 1, await count('patrol_routes'), await count('community_changes')]).toEqual(before);
    await expect(caller.patrol.createRoute({ slug: 'alpha', name: '空', stops: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('opens a retrofit case at intent, dated today, with a ballot per household, and sets its inputs in fen', async () => {
    const opened = await caller.retrofit.open({ unitId });
    expect(opened.stage).toBe('intent');
    const [ballots] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from retrofit_votes where case_id = ${opened.caseId} and vote = 'not_voted'`,
    );
    expect(ballots!.n).toBe(3);
    await caller.retrofit.setInputs({
      caseId: opened.caseId,
      totalCostYuan: 680_000.5,
      subsidy: { kind: 'percent', percent: 40, capYuan: 200_000 },
      floorCoefficients: { '1': 0, '2': 0.5 },
      consentRule: 'local_two_thirds',
      publicityDays: 15,
    });
    const [row] = (await caller.retrofit.setup({ slug: 'alpha' })).filter((u) => u.unitId === unitId);
    expect(row!.case).toMatchObject({
      totalCostFen: 68_000_050,
      subsidyRule: { kind: 'percent', percent: 40, capFen: 20_000_000 },
      floorCoefficients: { '1': 0, '2': 0.5 },
      consentRule: 'local_two_thirds',
      publicityDays: 15,
    });
    expect(await trail(alpha.communityId)).toEqual(
      expect.arrayContaining(['retrofitCase.open', 'retrofitCase.update']),
    );
    // Refusals: a second case for the unit, a publicity period out of range, a bad floor key.
    const before = [await count('retrofit_cases'), await count('community_changes')];
    await expect(caller.retrofit.open({ unitId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(caller.retrofit.setInputs({ caseId: opened.caseId, publicityDays: 2 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      caller.retrofit.setInputs({ caseId: opened.caseId, floorCoefficients: { top: 1 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect([await count('retrofit_cases'), await count('community_changes')]).toEqual(before);
    expect((await caller.retrofit.setup({ slug: 'alpha' })).find((u) => u.unitId === unitId)!.case!.publicityDays).toBe(
      15,
    );
  });

  it('refuses a threshold outside its bounds and writes nothing', async () => {
    const before = await count('community_changes');
    await expect(caller.onboard.setThresholds({ slug: 'alpha', values: { gasLelPercent: 90 } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'threshold.outOfBounds' },
    });
    expect(await count('community_changes')).toBe(before);
    expect((await caller.onboard.thresholds({ slug: 'alpha' })).find((t) => t.key === 'gasLelPercent')).toMatchObject({
      value: 20,
      design: 20,
      overridden: false,
    });
  });

  it('raises gas_leak at a lowered threshold in that community only, from the next event on', async () => {
    const db = database.db;
    for (const f of [alpha, beta])
      await db.execute(sql`insert into devices (community_id, code, class, name, building_id, heartbeat_seconds)
          values (${f.communityId}, ${`${f.slug}-gas`}, 'combustible_gas', 'gas', ${f.buildingId}, 60)`);
    const tokens = new Map<string, string>();
    for (const f of [alpha, beta])
      for (const t of await issueDeviceTokens(db, { communityId: f.communityId, codes: [`${f.slug}-gas`], limit: 10 }))
        tokens.set(f.slug, t.token);
    const { directory, pipeline } = ingest.ingest;
    let n = 0;
    const send = async (slug: string, lel: number) => {
      const device = (await directory.byToken(tokens.get(slug)!))!;
      const body = JSON.stringify({
        id: `gas-${slug}-${++n}`,
        kind: 'reading',
        at: Date.now(),
        data: { lelPercent: lel },
      });
      expect(await acceptPayload(pipeline, device, body, { maxFutureSeconds: 300 })).toMatchObject({ ok: true });
    };
    const gasAlarms = async (slug: string) =>
      (
        await selectRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from alarms a join devices d on d.id = a.device_id
              where d.code = ${`${slug}-gas`} and a.kind = 'gas_leak'`,
        )
      )[0]!.n;

    await send('alpha', 15); // below the design value 20: cached with the design thresholds
    expect(await gasAlarms('alpha')).toBe(0);
    const table = await caller.onboard.setThresholds({ slug: 'alpha', values: { gasLelPercent: 10 } });
    expect(table.find((t) => t.key === 'gasLelPercent')).toMatchObject({ value: 10, design: 20, overridden: true });
    expect(forgotten).toContain('alpha-gas');
    expect(forgotten).not.toContain('beta-gas');
    await send('alpha', 15);
    await send('beta', 15);
    expect(await gasAlarms('alpha')).toBe(1);
    expect(await gasAlarms('beta')).toBe(0);
    expect(await trail(alpha.communityId)).toContain('thresholds.update');
    // Back to the design value.
    await caller.onboard.setThresholds({ slug: 'alpha', values: { gasLelPercent: null } });
    expect((await caller.onboard.thresholds({ slug: 'alpha' })).find((t) => t.key === 'gasLelPercent')!.value).toBe(20);
  });
});
