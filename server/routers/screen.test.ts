// The big screen's procedures on the seeded demo data: the district's grouped
// queries give each community exactly what that community's own screen shows,
// the district's totals are their sums, a few figures agree with plain counts,
// and the number of queries does not grow with the number of communities.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '~/db/client';
import { alarms, communities, devices, workOrders } from '~/db/schema';
import { callerAs, createSeededDatabase, type Caller } from '~/test/callers';
import { testEngines } from '~/test/db';
import { DEVICE_GROUP_ORDER } from '../domain/device-groups';
import { districtPanels, screenPanels } from '../queries/screen-panels';

/** The database handle with its raw `execute` calls counted (the panel queries go through it). */
function counting(db: Db): { db: Db; calls: () => number } {
  let calls = 0;
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'execute' && typeof value === 'function') {
        return (...args: unknown[]) => {
          calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: wrapped, calls: () => calls };
}

describe.each(testEngines)('screen procedures on %s', (engine) => {
  let database: Database;
  let planner: Caller;
  beforeAll(async () => {
    database = await createSeededDatabase(engine);
    planner = await callerAs(database.db, 'planner');
  });
  afterAll(() => database?.close());

  it('gives each community on the district map the figures of its own screen', async () => {
    const district = await planner.screen.district();
    expect(district.communities.map((c) => c.slug).sort()).toEqual(['caifu-xingyuan', 'jinghu', 'xingyi-huayuan']);
    for (const c of district.communities) {
      const own = await planner.screen.community({ slug: c.slug });
      const p = own.panels;
      expect(c.devices).toBe(p.devicesByClass.reduce((s, d) => s + d.total, 0));
      expect(c.online).toBe(p.devicesByClass.reduce((s, d) => s + d.online, 0));
      expect(c.openAlarms).toBe(p.alarmsBySeverity.reduce((s, a) => s + a.count, 0));
      expect(c.throwingThisMonth).toBe(p.throwing.thisMonth);
      expect(c.buildings.map(({ id, number, name, worst }) => ({ id, number, name, worst }))).toEqual(p.buildings);
      expect(c.buildings.every((b) => b.footprint.length >= 3 && b.height > 0)).toBe(true);
    }
    expect(district.communities.find((c) => c.slug === 'jinghu')?.devices).toBe(11_786);
  });

  it('splits the grouped rows by community exactly as one community’s own queries do, and sums them for the district', async () => {
    const ids = (await database.db.select({ id: communities.id }).from(communities)).map((r) => r.id);
    const { total, byCommunity } = await districtPanels(database.db, ids);
    const own = await Promise.all(ids.map((id) => screenPanels(database.db, [id])));
    ids.forEach((id, i) => expect(byCommunity.get(id)).toEqual(own[i]));
    expect(total).toEqual(await screenPanels(database.db, ids));
    // The district's figures are the communities' sums; its rates come from summed counts, not averaged rates.
    const sum = (f: (p: (typeof own)[number]) => number) => own.reduce((s, p) => s + f(p), 0);
    expect(total.devicesByClass.reduce((s, d) => s + d.total, 0)).toBe(
      sum((p) => p.devicesByClass.reduce((s, d) => s + d.total, 0)),
    );
    expect(total.throwing.thisMonth).toBe(sum((p) => p.throwing.thisMonth));
    expect(total.patrol.checkins7d).toBe(sum((p) => p.patrol.checkins7d));
    expect(total.workOrders.total).toBe(sum((p) => p.workOrders.total));
    expect(total.buildings).toHaveLength(sum((p) => p.buildings.length));
    // Every panel is filled on the demo data.
    expect(total.retrofit.length).toBeGreaterThan(0);
    expect(total.throwing.byBand.length).toBeGreaterThan(0);
    expect(total.workOrders.satisfactionRate).not.toBeNull();
  });

  it('agrees with plain counts of the tables', async () => {
    const ids = (await database.db.select({ id: communities.id }).from(communities)).map((r) => r.id);
    const { byCommunity } = await districtPanels(database.db, ids);
    for (const id of ids) {
      const p = byCommunity.get(id)!;
      const [d] = await database.db.select({ n: count() }).from(devices).where(eq(devices.communityId, id));
      const [online] = await database.db
        .select({ n: count() })
        .from(devices)
        .where(and(eq(devices.communityId, id), eq(devices.status, 'online')));
      const [open] = await database.db
        .select({ n: count() })
        .from(alarms)
        .where(and(eq(alarms.communityId, id), inArray(alarms.state, ['open', 'acknowledged', 'in_progress'])));
      const [orders] = await database.db
        .select({
          n: count(),
          hotline: sql<number>`count(*) filter (where ${workOrders.source} = 'hotline_12345')::int`,
        })
        .from(workOrders)
        .where(eq(workOrders.communityId, id));
      expect(p.devicesByClass.reduce((s, x) => s + x.total, 0)).toBe(d!.n);
      expect(p.devicesByClass.reduce((s, x) => s + x.online, 0)).toBe(online!.n);
      expect(p.alarmsBySeverity.reduce((s, x) => s + x.count, 0)).toBe(open!.n);
      expect(p.workOrders.total).toBe(orders!.n);
      expect(p.workOrders.hotline12345).toBe(orders!.hotline);
    }
  });

  it('runs the same number of panel queries for one community as for the whole district', async () => {
    const ids = (await database.db.select({ id: communities.id }).from(communities)).map((r) => r.id);
    const one = counting(database.db);
    await districtPanels(one.db, [ids[0]!]);
    const all = counting(database.db);
    await districtPanels(all.db, ids);
    expect(one.calls()).toBeGreaterThan(0);
    expect(all.calls()).toBe(one.calls());
  });
  it('sums device health by group (电梯, 监控, 门禁, 消防, other) to the same totals as by class', async () => {
    const { panels } = await planner.screen.community({ slug: 'jinghu' });
    const groups = panels.deviceHealth.map((g) => g.group);
    expect(groups).toEqual(DEVICE_GROUP_ORDER.filter((g) => groups.includes(g)));
    expect(groups).toEqual(expect.arrayContaining(['elevator', 'surveillance', 'access', 'fire']));
    expect(panels.deviceHealth.reduce((s, g) => s + g.total, 0)).toBe(
      panels.devicesByClass.reduce((s, c) => s + c.total, 0),
    );
    for (const g of panels.deviceHealth)
      expect(g.online + g.alarm + g.fault + g.offline + g.maintenance, g.group).toBe(g.total);
  });

  it('names the place of every ticker line, only of the communities asked about, and nothing personal', async () => {
    const own = await planner.screen.ticker({ slug: 'jinghu' });
    expect(own.length).toBeGreaterThan(0);
    for (const row of own) {
      expect(row.community.name).toBe('荆胡智慧社区');
      expect(Object.keys(row).sort()).toEqual([
        'at',
        'building',
        'community',
        'deviceClass',
        'event',
        'key',
        'severity',
      ]);
    }
    // Newest first.
    expect(own.map((r) => r.at)).toEqual([...own.map((r) => r.at)].sort().reverse());
    const district = await planner.screen.districtTicker();
    expect(district.length).toBeGreaterThan(0);
    expect(district.every((r) => ['财富星苑', '荆胡智慧社区', '星怡花园'].includes(r.community.name))).toBe(true);
    // A viewer of one community sees its lines only, also on the district's ticker.
    const caifu = await callerAs(database.db, 'viewer', {
      email: 'viewer-caifu@test.local',
      communities: ['caifu-xingyuan'],
    });
    const lines = await caifu.screen.districtTicker();
    expect(lines.every((r) => r.community.name === '财富星苑')).toBe(true);
  });
});
