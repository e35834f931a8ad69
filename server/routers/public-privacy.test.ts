// Privacy by construction (docs/DOMAIN.md § Privacy): plant distinctive personal data
// where it lives (households, work orders), call every public-tier procedure
// for every community and unit, and fail if any of it comes out. A second
// test pins the field names of every public output to an allow-list, so a
// new field fails until someone has reviewed it.
import { recordingPublisher } from '~/test/callers';
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { seedDemo } from '~/db/seed';
import { createTestDatabase, testEngines } from '~/test/db';
import { localToday } from '~/lib/calendar';
import { appRouter, createCaller } from '../root';
import type { Tier } from '../trpc';
import { PUBLIC_FIELDS } from './public-fields';

export const SENTINELS = ['测试哨兵甲', '测试哨兵乙', '19900001111', '19900002222', '9917', '哨兵描述丙'];

type Proc = (input?: unknown) => Promise<unknown>;
type Units = { slug: string; building: string; unit: number }[];

/** Every public-tier procedure path; a new one without an input below fails the crawl. */
function publicPaths(): string[] {
  const procs = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { tier?: Tier } } }>;
  return Object.keys(procs)
    .filter((p) => procs[p]?._def.meta?.tier === 'public')
    .sort();
}

function inputsFor(
  path: string,
  slugs: string[],
  units: Units,
  reports: { slug: string; reference: string }[],
): unknown[] {
  if (path === 'community.list') return [undefined];
  // Residents' report tracking (operations): every resident report, by its reference.
  if (path === 'workOrder.track') return reports;
  if (path === 'status.unit') return units;
  if (
    [
      'community.bySlug',
      'status.community',
      'status.retrofit',
      'status.facilities',
      'status.safety',
      'status.service',
    ].includes(path)
  )
    return slugs.map((slug) => ({ slug }));
  throw new Error(`public procedure ${path} has no crawl input: add it here and review its output`);
}

/** Field paths of a value: object keys joined by '.', array elements as '[]'. */
function fieldPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) fieldPaths(v, `${prefix}[]`, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.add(p);
      fieldPaths(v, p, out);
    }
  }
  return out;
}

describe.each(testEngines)('public procedures on %s', (engine) => {
  let database: Database;
  let units: Units;
  let slugs: string[];
  let reports: { slug: string; reference: string }[];
  const outputs = new Map<string, unknown[]>();
  const anonymous = () =>
    createCaller({ db: database.db, user: null, live: recordingPublisher() }) as unknown as Record<
      string,
      Record<string, Proc>
    >;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { today: localToday() });
    // Sentinels in every personal column, on every community's households and work orders.
    await database.db
      .execute(sql`update households set owner_name = case when id % 2 = 0 then '测试哨兵甲' else '测试哨兵乙' end,
      owner_phone = case when id % 2 = 0 then '19900001111' else '19900002222' end`);
    await database.db.execute(
      sql`update households set room = '9917' where id in (select min(id) from households group by unit_id)`,
    );
    await database.db.execute(
      sql`update work_orders set reporter_name = '测试哨兵甲', reporter_phone = '19900001111', description = '哨兵描述丙 ' || description`,
    );
    units = await selectRows<{ slug: string; building: string; unit: number }>(
      database.db,
      sql`select c.slug, b.number as building, u.ordinal as unit from units u join buildings b on b.id = u.building_id join communities c on c.id = b.community_id order by u.id`,
    );
    slugs = [...new Set(units.map((u) => u.slug))];
    reports = await selectRows<{ slug: string; reference: string }>(
      database.db,
      sql`select c.slug, w.code as reference from work_orders w join communities c on c.id = w.community_id
          where w.source = 'resident' and w.code ~ '^R-[A-Z2-9]{8}$' order by w.id`,
    );
    const caller = anonymous();
    for (const path of publicPaths()) {
      const [ns, name] = path.split('.') as [string, string];
      const results: unknown[] = [];
      for (const input of inputsFor(path, slugs, units, reports)) results.push(await caller[ns]![name]!(input));
      outputs.set(path, results);
    }
  }, 600_000);
  afterAll(() => database?.close());

  it('crawls every public procedure for every community and unit without meeting a sentinel', async () => {
    expect(units.length).toBe(24 + 64 + 79);
    // The sentinels really are there to be leaked: a crawl of nothing proves nothing.
    const [planted] = await selectRows<{ names: number; rooms: number; reports: number }>(
      database.db,
      sql`select
      (select count(*)::int from households where owner_name = '测试哨兵甲') as names,
      (select count(*)::int from households where room = '9917') as rooms,
      (select count(*)::int from work_orders where description like '哨兵描述丙%') as reports`,
    );
    expect(planted).toEqual({ names: expect.any(Number), rooms: units.length, reports: expect.any(Number) });
    expect(Math.min(planted!.names, planted!.reports)).toBeGreaterThan(0);
    expect([...outputs.keys()]).toEqual(publicPaths());
    for (const [path, results] of outputs) {
      const json = JSON.stringify(results);
      for (const s of SENTINELS) expect(json.includes(s), `${path} leaks ${s}`).toBe(false);
    }
  });

  it('returns only reviewed fields from each public procedure', () => {
    const seen: Record<string, string[]> = {};
    // Outputs differ by community and stage: take the union over every call.
    for (const [path, results] of outputs) seen[path] = [...new Set(results.flatMap((r) => [...fieldPaths(r)]))].sort();
    if (process.env.PRINT_PUBLIC_FIELDS) writeFileSync(process.env.PRINT_PUBLIC_FIELDS, JSON.stringify(seen));
    expect(seen).toEqual(PUBLIC_FIELDS);
  });
});

describe.each(testEngines)('public suppression on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { today: localToday() });
  }, 240_000);
  afterAll(() => database?.close());

  it('shows 2 throwing incidents in a month as "<3", in a band merged up to 5 households', async () => {
    // 财富星苑 1号楼 has no throwing incidents. Leave floors 4–6 with two flats
    // (unit 1, floor 4) so that band must merge into floors 1–3.
    const [b] = await selectRows<{ id: number; communityId: number }>(
      database.db,
      sql`select b.id, b.community_id as "communityId" from buildings b
      join communities c on c.id = b.community_id where c.slug = 'caifu-xingyuan' and b.number = '1'`,
    );
    await database.db
      .execute(sql`delete from households h using units u where u.id = h.unit_id and u.building_id = ${b!.id}
      and h.floor >= 4 and not (u.ordinal = 1 and h.floor = 4)`);
    await database.db
      .execute(sql`insert into incidents (community_id, kind, building_id, floor, floor_band_from, floor_band_to, occurred_at)
      values (${b!.communityId}, 'throwing', ${b!.id}, 5, 4, 6, now()), (${b!.communityId}, 'throwing', ${b!.id}, 5, 4, 6, now())`);
    const safety = await createCaller({ db: database.db, user: null, live: recordingPublisher() }).status.safety({
      slug: 'caifu-xingyuan',
    });
    const building = safety.throwing.buildings.find((x) => x.number === '1');
    expect(building?.bands).toEqual([{ from: 1, to: 6 }]);
    expect(building?.cells).toEqual([{ band: { from: 1, to: 6 }, month: localToday().slice(0, 7), count: '<3' }]);
    expect(safety.throwing.byMonth.at(-1)).toEqual({ month: localToday().slice(0, 7), count: '<3' });
    expect(JSON.stringify(safety)).not.toMatch(/"floor"/);
  });

  it('withholds a service rate counted over fewer than 5 answers', async () => {
    await database.db.execute(
      sql`update work_orders set satisfaction = null where community_id = (select id from communities where slug = 'caifu-xingyuan')`,
    );
    await database.db.execute(
      sql`update work_orders set satisfaction = 5 where id in (select id from work_orders where community_id = (select id from communities where slug = 'caifu-xingyuan') limit 4)`,
    );
    const service = await createCaller({ db: database.db, user: null, live: recordingPublisher() }).status.service({
      slug: 'caifu-xingyuan',
    });
    expect(service.satisfactionPct).toBeNull();
    expect(service.completionPct).not.toBeNull();
  });

  it('compares with the year before only when the records reach back that far', async () => {
    const anon = createCaller({ db: database.db, user: null, live: recordingPublisher() });
    // The demo holds 90 days: no total for the twelve months before, rather than a made-up 0.
    const recent = await anon.status.safety({ slug: 'caifu-xingyuan' });
    expect(recent.recordsFrom! > recent.months[0]!).toBe(true);
    expect(recent.throwing.trend.previous12).toBeNull();
    expect(recent.ebike.trend.previous12).toBeNull();
    // Records from 30 months ago cover both years; one e-bike block 20 months ago is "<3" in the year before.
    await database.db.execute(sql`insert into incidents (community_id, kind, occurred_at)
      select id, 'ebike_elevator', now() - ago from communities, (values (interval '30 months'), (interval '20 months')) as v(ago)
      where slug = 'caifu-xingyuan'`);
    const longer = await anon.status.safety({ slug: 'caifu-xingyuan' });
    expect(longer.recordsFrom! < longer.months[0]!).toBe(true);
    expect(longer.ebike.trend.previous12).toBe('<3');
    expect(longer.throwing.trend.previous12).toBe(0);
    expect(longer.ebike.trend.last12).toEqual(recent.ebike.trend.last12);
  });
});
