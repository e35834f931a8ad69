// Read procedures through createCaller on the seeded demo data, on every engine.
import { TRPCError } from '@trpc/server';
import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { incidents } from '~/db/schema';
import { RETROFIT_STAGES, stageIndex } from '~/db/vocab';
import { callerAs, createSeededDatabase, recordingPublisher, type Caller } from '~/test/callers';
import { testEngines } from '~/test/db';
import { createCaller } from '../root';

const TODAY = '2026-11-22';

describe.each(testEngines)('read procedures on %s', (engine) => {
  let database: Database;
  let staff: Caller;
  let anonymous: Caller;
  beforeAll(async () => {
    database = await createSeededDatabase(engine, TODAY);
    staff = await callerAs(database.db, 'staff');
    anonymous = createCaller({ db: database.db, user: null, live: recordingPublisher() });
  });
  afterAll(() => database?.close());

  it('lists the three demo communities', async () => {
    const list = await anonymous.community.list();
    expect(list.map((c) => c.slug).sort()).toEqual(['caifu-xingyuan', 'jinghu', 'xingyi-huayuan']);
    expect(list.find((c) => c.slug === 'caifu-xingyuan')?.name).toBe('财富星苑');
  });

  it('gives the console key figures from the seeds', async () => {
    const overview = await staff.community.overview();
    const caifu = overview.find((c) => c.slug === 'caifu-xingyuan');
    expect(caifu).toMatchObject({ buildings: 8, households: 296, retrofitSigned: 11, elevatorsInService: 3 });
    expect(overview.find((c) => c.slug === 'jinghu')?.devices).toBe(11786);
  });

  it('serves community aggregates publicly, with no household data in them', async () => {
    const status = await anonymous.status.community({ slug: 'caifu-xingyuan' });
    expect(status).toMatchObject({ buildings: 8, households: 296, elevatorsInService: 3 });
    const personal = await selectRows<{ owner_name: string | null; owner_phone: string | null; room: string }>(
      database.db,
      sql`select h.owner_name, h.owner_phone, h.room from households h join units u on u.id = h.unit_id
          join buildings b on b.id = u.building_id join communities c on c.id = b.community_id where c.slug = 'caifu-xingyuan'`,
    );
    const json = JSON.stringify(status);
    for (const p of personal) {
      if (p.owner_name) expect(json).not.toContain(p.owner_name);
      if (p.owner_phone) expect(json).not.toContain(p.owner_phone);
    }
    const jinghu = await anonymous.status.community({ slug: 'jinghu' });
    expect(jinghu.devices.total).toBe(11786);
    expect(jinghu.devices.byClass).toHaveLength(16);
  });

  it('answers an unknown community with NOT_FOUND and a malformed slug with BAD_REQUEST', async () => {
    await expect(anonymous.status.community({ slug: 'no-such-place' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const error = await anonymous.status.community({ slug: 'Bad Slug!' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('returns buildings with their units and households', async () => {
    const buildings = await staff.building.withUnits({ slug: 'caifu-xingyuan' });
    expect(buildings).toHaveLength(8);
    const households = buildings.flatMap((b) => b.units).reduce((n, u) => n + u.households, 0);
    expect(households).toBe(296);
    for (const b of buildings) expect(b.footprint.length).toBeGreaterThanOrEqual(3);
  });

  it('counts devices by class and status, and pages through all of them', async () => {
    const summary = await staff.device.summary({ slug: 'jinghu' });
    expect(summary.reduce((n, r) => n + r.count, 0)).toBe(11786);
    expect(new Set(summary.map((r) => r.class)).size).toBe(16);
    const seen = new Set<number>();
    let after: number | undefined;
    for (;;) {
      const page = await staff.device.list({ slug: 'jinghu', after, limit: 1000 });
      for (const d of page.items) seen.add(d.id);
      if (page.next === undefined) break;
      after = page.next;
    }
    expect(seen.size).toBe(11786);
    const offline = await staff.device.list({ slug: 'jinghu', status: 'offline', limit: 1000 });
    expect(offline.items.every((d) => d.status === 'offline')).toBe(true);
  });

  it('shows the 财富星苑 retrofit pipeline by unit', async () => {
    const cases = await staff.retrofit.byUnit({ slug: 'caifu-xingyuan' });
    const signedOrLater = cases.filter((c) => stageIndex(c.stage) >= RETROFIT_STAGES.indexOf('signed'));
    expect(signedOrLater).toHaveLength(11);
    expect(cases.filter((c) => c.stage === 'in_service')).toHaveLength(3);
    expect(cases.filter((c) => c.stage === 'publicity')).toHaveLength(1);
    for (const c of cases) {
      const dates = c.history.map((h) => h.on);
      expect(dates, `${c.buildingName} ${c.unitName}`).toEqual([...dates].sort());
      expect(c.history.at(-1)?.stage).toBe(c.stage);
    }
  });

  it('counts throwing incidents by building and floor as the incidents table does', async () => {
    const from = '2026-08-24';
    const rows = await staff.incident.floorCounts({ slug: 'jinghu', from, to: TODAY });
    const total = rows.reduce((n, r) => n + r.count, 0);
    const [direct] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(incidents)
      .innerJoin(sql`communities c`, sql`c.id = ${incidents.communityId}`)
      .where(
        and(
          eq(sql`c.slug`, 'jinghu'),
          eq(incidents.kind, 'throwing'),
          isNotNull(incidents.buildingId),
          gte(incidents.occurredAt, new Date(`${from}T00:00:00+08:00`)),
        ),
      );
    expect(total).toBeGreaterThan(0);
    expect(total).toBe(direct?.n);
  });

  it('lists patrol points and work-order rates per grid', async () => {
    expect(await staff.patrol.points({ slug: 'jinghu' })).toHaveLength(570);
    const rates = await staff.workOrder.rates({ slug: 'xingyi-huayuan' });
    expect(rates.some((r) => r.grid === '第四综合网格')).toBe(true);
    for (const r of rates) {
      for (const v of [r.completionRate, r.resolutionRate, r.satisfactionRate]) {
        if (v !== null) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }
    }
    const hotline = await staff.workOrder.list({ slug: 'xingyi-huayuan', source: 'hotline_12345' });
    expect(hotline.length).toBeGreaterThan(0);
  });
});
