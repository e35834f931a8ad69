import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestDatabase, testEngines } from '~/test/db';
import { selectRows, type Database } from '~/db/client';
import { buildings, communities, incidents } from '~/db/schema';
import type { IncidentKind } from '~/db/vocab';
import {
  incidentFloorCounts,
  incidentFloorCountsDirect,
  planPeriod,
  type IncidentFloorCount,
  type IncidentFloorCountsQuery,
  type PeriodPlan,
} from './incident-floor-counts';

type Spec = {
  id: number;
  communityId: number;
  buildingId: number | null;
  kind: IncidentKind;
  floor: number | null;
  at: Date;
};

/** A small seeded PRNG (mulberry32): the same incidents on every run and both engines. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a local
// day is the UTC instant plus eight hours — an oracle independent of SQL.
const localDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The counts worked out in TypeScript from the incidents the test holds. */
function expected(specs: readonly Spec[], q: IncidentFloorCountsQuery): IncidentFloorCount[] {
  const counts = new Map<string, IncidentFloorCount>();
  for (const s of specs) {
    if (s.kind !== 'throwing' || s.buildingId === null || s.communityId !== q.communityId) continue;
    if (q.buildingId !== undefined && s.buildingId !== q.buildingId) continue;
    const day = localDay(s.at);
    if (day < q.from || day > q.to) continue;
    const floor = s.floor ?? 0;
    const key = `${s.buildingId}:${floor}`;
    const cell = counts.get(key) ?? { buildingId: s.buildingId, floor, count: 0 };
    cell.count += 1;
    counts.set(key, cell);
  }
  return [...counts.values()].sort((a, b) => a.buildingId - b.buildingId || a.floor - b.floor);
}

/** The first day of the local month, as incident_floor_monthly keys it. */
const localMonth = (at: Date) => `${localDay(at).slice(0, 7)}-01`;

type RollupCell = { communityId: number; buildingId: number; floor: number; key: string; count: number };

/** What a rollup table must hold, worked out in TypeScript: one row per non-empty cell. */
function expectedCells(specs: readonly Spec[], bucket: (at: Date) => string): RollupCell[] {
  const cells = new Map<string, RollupCell>();
  for (const s of specs) {
    if (s.kind !== 'throwing' || s.buildingId === null) continue;
    const floor = s.floor ?? 0;
    const key = bucket(s.at);
    const id = `${s.buildingId}:${floor}:${key}`;
    const cell = cells.get(id) ?? { communityId: s.communityId, buildingId: s.buildingId, floor, key, count: 0 };
    cell.count += 1;
    cells.set(id, cell);
  }
  return [...cells.values()].sort(
    (x, y) => x.buildingId - y.buildingId || x.floor - y.floor || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
}

/** Every local day of [from, to], for checking a plan day by day. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The days a plan reads: its whole months and added days, less the days taken away. */
function planDays(plan: PeriodPlan): { days: Set<string>; edgeDays: number } {
  const days = new Set<string>();
  if (plan.months) {
    const last = new Date(`${plan.months.to}T00:00:00Z`);
    const end = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    for (const day of daysOf(plan.months.from, end)) days.add(day);
  }
  let edgeDays = 0;
  for (const r of plan.plus) {
    for (const day of daysOf(r.from, r.to)) {
      expect(days.has(day), `${day} added twice`).toBe(false);
      days.add(day);
      edgeDays += 1;
    }
  }
  for (const r of plan.minus) {
    for (const day of daysOf(r.from, r.to)) {
      expect(days.has(day), `${day} taken away but never read`).toBe(true);
      days.delete(day);
      edgeDays += 1;
    }
  }
  return { days, edgeDays };
}

describe('planPeriod', () => {
  it('reads whole months from the monthly rollup and edge months by their fewer days', () => {
    // 17 of January's 31 days and 20 of March's are in: both read as whole
    // months less the days outside.
    expect(planPeriod('2026-01-15', '2026-03-20')).toEqual({
      months: { from: '2026-01-01', to: '2026-03-01' },
      plus: [],
      minus: [
        { from: '2026-01-01', to: '2026-01-14' },
        { from: '2026-03-21', to: '2026-03-31' },
      ],
    });
    expect(planPeriod('2025-04-01', '2026-03-31')).toEqual({
      months: { from: '2025-04-01', to: '2026-03-01' },
      plus: [],
      minus: [],
    });
    // Half in, half out: the days in (a tie goes to them).
    expect(planPeriod('2025-04-16', '2026-03-15')).toEqual({
      months: { from: '2025-05-01', to: '2026-02-01' },
      plus: [
        { from: '2025-04-16', to: '2025-04-30' },
        { from: '2026-03-01', to: '2026-03-15' },
      ],
      minus: [],
    });
  });

  it('plans a single day, a period inside one month, and month ends', () => {
    expect(planPeriod('2026-02-10', '2026-02-10')).toEqual({
      months: null,
      plus: [{ from: '2026-02-10', to: '2026-02-10' }],
      minus: [],
    });
    expect(planPeriod('2026-02-03', '2026-02-25')).toEqual({
      months: { from: '2026-02-01', to: '2026-02-01' },
      plus: [],
      minus: [
        { from: '2026-02-01', to: '2026-02-02' },
        { from: '2026-02-26', to: '2026-02-28' },
      ],
    });
    expect(planPeriod('2025-12-31', '2026-01-01')).toEqual({
      months: null,
      plus: [
        { from: '2025-12-31', to: '2025-12-31' },
        { from: '2026-01-01', to: '2026-01-01' },
      ],
      minus: [],
    });
    expect(planPeriod('2026-01-01', '2026-01-31')).toEqual({
      months: { from: '2026-01-01', to: '2026-01-01' },
      plus: [],
      minus: [],
    });
  });

  it('knows leap Februaries', () => {
    expect(planPeriod('2024-02-01', '2024-02-29')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      plus: [],
      minus: [],
    });
    expect(planPeriod('2024-02-01', '2024-02-28')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      plus: [],
      minus: [{ from: '2024-02-29', to: '2024-02-29' }],
    });
    expect(planPeriod('2026-02-01', '2026-02-28').months).toEqual({ from: '2026-02-01', to: '2026-02-01' });
    // 15 of 29 days is more than half of a leap February, 14 of 28 is not.
    expect(planPeriod('2024-02-15', '2024-03-14')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      plus: [{ from: '2024-03-01', to: '2024-03-14' }],
      minus: [{ from: '2024-02-01', to: '2024-02-14' }],
    });
    expect(planPeriod('2025-02-15', '2025-03-14')).toEqual({
      months: null,
      plus: [
        { from: '2025-02-15', to: '2025-02-28' },
        { from: '2025-03-01', to: '2025-03-14' },
      ],
      minus: [],
    });
  });

  it('plans nothing for a reversed period and rejects what is not a day', () => {
    expect(planPeriod('2026-03-20', '2026-01-15')).toEqual({ months: null, plus: [], minus: [] });
    expect(planPeriod('2026-03-02', '2026-03-01')).toEqual({ months: null, plus: [], minus: [] });
    expect(() => planPeriod('2026-02-30', '2026-03-01')).toThrow(/not a day/);
    expect(() => planPeriod('2026-02-01', '2026-2-3')).toThrow(/not a day/);
    expect(() => planPeriod('', '2026-03-01')).toThrow(/not a day/);
  });

  it('reads exactly the days of the period, and at most half a month at each edge', () => {
    const rand = random(29);
    const base = Date.UTC(2023, 0, 1);
    for (let i = 0; i < 500; i++) {
      const start = base + Math.floor(rand() * 1200) * 86_400_000;
      // Mostly short periods, some over a year.
      const length = Math.floor(rand() < 0.7 ? rand() * 70 : rand() * 800);
      const from = new Date(start).toISOString().slice(0, 10);
      const to = new Date(start + length * 86_400_000).toISOString().slice(0, 10);
      const { days, edgeDays } = planDays(planPeriod(from, to));
      expect([...days].sort(), `${from}..${to}`).toEqual(daysOf(from, to));
      expect(edgeDays, `${from}..${to}`).toBeLessThanOrEqual(30);
    }
  });
});

const footprint = (x: number) => [
  { x, y: 0 },
  { x: x + 15, y: 0 },
  { x: x + 15, y: 12 },
  { x, y: 12 },
];

describe.each(testEngines)('incident floor counts on %s', (engine) => {
  let database: Database;
  let communityId: number;
  let otherCommunityId: number;
  /** Random incidents over ten days around the February–March month end. */
  let a: number;
  let b: number;
  /** Hand-placed incidents around local midnight, with hand-written expectations. */
  let c: number;
  /** A third community: incidents over two and a half years, many at month ends. */
  let wideId: number;
  let w1: number;
  let w2: number;
  const specs: Spec[] = [];
  const byNote = new Map<string, Spec>();

  async function insert(rows: Array<Omit<Spec, 'id'> & { note?: string }>): Promise<void> {
    const ids = await database.db
      .insert(incidents)
      .values(
        rows.map((r) => ({
          communityId: r.communityId,
          kind: r.kind,
          buildingId: r.buildingId,
          occurredAt: r.at,
          floor: r.floor,
          // A camera without the exact floor still knows its band.
          floorBandFrom: r.floor === null ? 4 : null,
          floorBandTo: r.floor === null ? 6 : null,
        })),
      )
      .returning({ id: incidents.id });
    rows.forEach(({ note, ...row }, i) => {
      const id = ids[i]?.id;
      if (id === undefined) throw new Error('insert returned too few ids');
      const spec = { ...row, id };
      specs.push(spec);
      if (note) byNote.set(note, spec);
    });
  }

  const noted = (note: string): Spec => {
    const spec = byNote.get(note);
    if (!spec) throw new Error(`no incident noted ${note}`);
    return spec;
  };

  /** Asserts rollup = GROUP BY = TypeScript oracle, and returns the rows. */
  async function agree(q: IncidentFloorCountsQuery): Promise<IncidentFloorCount[]> {
    const rollup = await incidentFloorCounts(database.db, q);
    expect(rollup).toEqual(await incidentFloorCountsDirect(database.db, q));
    expect(rollup).toEqual(expected(specs, q));
    return rollup;
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const made = await database.db
      .insert(communities)
      .values(
        ['caifu', 'jinghu'].map((slug) => ({
          slug,
          name: slug,
          nameEn: slug,
          neighbourhood: '社区',
          street: '街道',
          district: '区',
          anchorLng: 114.3,
          anchorLat: 30.6,
        })),
      )
      .returning({ id: communities.id });
    [communityId, otherCommunityId] = made.map((r) => r.id) as [number, number];
    const made2 = await database.db
      .insert(buildings)
      .values([
        { communityId, number: '5', name: '5号楼', footprint: footprint(0), floors: 12 },
        { communityId, number: '2', name: '2号楼', footprint: footprint(30), floors: 7 },
        { communityId, number: '31', name: '31幢', footprint: footprint(60), floors: 6 },
        { communityId: otherCommunityId, number: '1', name: '1号楼', footprint: footprint(0), floors: 12 },
      ])
      .returning({ id: buildings.id });
    const [idA, idB, idC, idOther] = made2.map((r) => r.id) as [number, number, number, number];
    [a, b, c] = [idA, idB, idC];

    const rand = random(20260301);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const randomRows: Array<Omit<Spec, 'id'>> = Array.from({ length: 400 }, (_, i) => {
      const buildingId = i % 10 === 9 ? idOther : pick([idA, idA, idB]);
      const floors = buildingId === idB ? 7 : 12;
      const day = Date.UTC(2026, 1, 25) + Math.floor(rand() * 10) * 86_400_000;
      // Half of them within half an hour of 16:00Z, local midnight, where a
      // UTC day and the local day disagree.
      const at = new Date(rand() < 0.5 ? day + 16 * 3_600_000 + (rand() - 0.5) * 3_600_000 : day + rand() * 86_400_000);
      const kind: IncidentKind = i % 7 === 3 ? pick(['ebike_elevator', 'fire_smoke'] as const) : 'throwing';
      const floor = rand() < 0.1 ? null : 1 + Math.floor(rand() * floors);
      return { communityId: buildingId === idOther ? otherCommunityId : communityId, buildingId, kind, floor, at };
    });
    // A throwing incident no camera tied to a building is in no building's count.
    randomRows.push({
      communityId,
      buildingId: null,
      kind: 'throwing',
      floor: 3,
      at: new Date('2026-03-01T04:00:00Z'),
    });
    await insert(randomRows);

    const at = (iso: string) => new Date(iso);
    await insert([
      { note: 'mar1-late', communityId, buildingId: idC, kind: 'throwing', floor: 5, at: at('2026-03-01T15:59:59Z') },
      {
        note: 'mar2-midnight',
        communityId,
        buildingId: idC,
        kind: 'throwing',
        floor: 5,
        at: at('2026-03-01T16:00:00Z'),
      },
      { note: 'mar2-0030', communityId, buildingId: idC, kind: 'throwing', floor: 5, at: at('2026-03-01T16:30:00Z') },
      {
        note: 'mar2-last-ms',
        communityId,
        buildingId: idC,
        kind: 'throwing',
        floor: 2,
        at: at('2026-03-02T15:59:59.999Z'),
      },
      {
        note: 'mar3-midnight',
        communityId,
        buildingId: idC,
        kind: 'throwing',
        floor: 2,
        at: at('2026-03-02T16:00:00Z'),
      },
      {
        note: 'mar2-band',
        communityId,
        buildingId: idC,
        kind: 'throwing',
        floor: null,
        at: at('2026-03-02T03:00:00Z'),
      },
      {
        note: 'mar2-ebike',
        communityId,
        buildingId: idC,
        kind: 'ebike_elevator',
        floor: 3,
        at: at('2026-03-02T05:00:00Z'),
      },
      {
        note: 'mar2-smoke',
        communityId,
        buildingId: idC,
        kind: 'fire_smoke',
        floor: 5,
        at: at('2026-03-02T06:00:00Z'),
      },
    ]);

    // The wide community: December 2023 to April 2026 (leap February 2024
    // included), a third of the incidents within two minutes of a local
    // month start, where the UTC month and the local month disagree.
    const [wide] = await database.db
      .insert(communities)
      .values({
        slug: 'donghu',
        name: 'donghu',
        nameEn: 'donghu',
        neighbourhood: '社区',
        street: '街道',
        district: '区',
        anchorLng: 114.3,
        anchorLat: 30.6,
      })
      .returning({ id: communities.id });
    if (!wide) throw new Error('community insert returned nothing');
    wideId = wide.id;
    const made3 = await database.db
      .insert(buildings)
      .values([
        { communityId: wideId, number: '1', name: '1号楼', footprint: footprint(0), floors: 33 },
        { communityId: wideId, number: '2', name: '2号楼', footprint: footprint(30), floors: 33 },
      ])
      .returning({ id: buildings.id });
    [w1, w2] = made3.map((r) => r.id) as [number, number];
    const wideRand = random(20240229);
    const hours8 = 8 * 3_600_000;
    const wideFrom = Date.UTC(2023, 11, 1) - hours8;
    const wideSpan = Date.UTC(2026, 4, 1) - Date.UTC(2023, 11, 1);
    const wideRows: Array<Omit<Spec, 'id'>> = Array.from({ length: 1200 }, (_, i) => {
      const buildingId = wideRand() < 2 / 3 ? w1 : w2;
      const monthStart = Date.UTC(2023, 11 + Math.floor(wideRand() * 30), 1) - hours8;
      const at = new Date(i % 3 === 0 ? monthStart + (wideRand() - 0.5) * 240_000 : wideFrom + wideRand() * wideSpan);
      const kind: IncidentKind = i % 9 === 4 ? 'fire_smoke' : 'throwing';
      const floor = wideRand() < 0.1 ? null : 1 + Math.floor(wideRand() * 10);
      return { communityId: wideId, buildingId, kind, floor, at };
    });
    await insert(wideRows);
    // Floors no random incident has, so their cells are known by hand.
    await insert([
      {
        note: 'wide-jan2-lone',
        communityId: wideId,
        buildingId: w1,
        kind: 'throwing',
        floor: 30,
        at: at('2026-01-02T04:00:00Z'),
      },
      {
        note: 'wide-jan31-last',
        communityId: wideId,
        buildingId: w2,
        kind: 'throwing',
        floor: 31,
        at: at('2026-01-31T15:59:59.999Z'),
      },
      {
        note: 'wide-feb1-first',
        communityId: wideId,
        buildingId: w2,
        kind: 'throwing',
        floor: 31,
        at: at('2026-01-31T16:00:00Z'),
      },
    ]);
  });
  afterAll(() => database?.close());

  const inC = (from: string, to: string): IncidentFloorCountsQuery => ({ communityId, buildingId: c, from, to });

  /** Both rollup tables hold exactly the cells of the incidents: right counts, no zero rows, nothing stale. */
  async function rollupsAgree(): Promise<void> {
    const tables = [
      ['incident_floor_daily', 'day', localDay],
      ['incident_floor_monthly', 'month', localMonth],
    ] as const;
    for (const [table, column, bucket] of tables) {
      const rows = await selectRows<{
        community_id: number;
        building_id: number;
        floor: number;
        key: string;
        count: number;
      }>(
        database.db,
        sql.raw(
          `select community_id, building_id, floor, ${column}::text as key, count from ${table} order by building_id, floor, ${column}`,
        ),
      );
      const cells = rows.map((r) => ({
        communityId: Number(r.community_id),
        buildingId: Number(r.building_id),
        floor: Number(r.floor),
        key: r.key,
        count: Number(r.count),
      }));
      expect(
        cells.filter((cell) => cell.count <= 0),
        `${table}: zero rows`,
      ).toEqual([]);
      expect(cells, table).toEqual(expectedCells(specs, bucket));
    }
  }

  /** Periods across whole and partial months, over the wide community's data. */
  const WIDE_PERIODS: Array<[string, string]> = [
    ['2026-01-15', '2026-03-20'], // whole February; January and March less their days outside
    ['2025-04-01', '2026-03-31'], // a year of whole months
    ['2025-04-16', '2026-03-15'], // 11 months, both edges half in
    ['2025-01-10', '2026-02-20'], // January whole less days, February's days added
    ['2024-01-10', '2026-02-20'], // over two years
    ['2023-11-01', '2026-05-31'], // all of it
    ['2026-02-10', '2026-02-10'], // a single day
    ['2026-01-31', '2026-01-31'], // the last day of a month
    ['2026-02-01', '2026-02-01'], // the first day of a month
    ['2026-02-03', '2026-02-25'], // inside one month, most of it
    ['2026-02-10', '2026-02-12'], // inside one month, a few days
    ['2026-01-01', '2026-01-31'], // one whole month
    ['2026-02-01', '2026-02-28'],
    ['2025-12-31', '2026-01-01'], // across month ends
    ['2026-01-31', '2026-02-01'],
    ['2026-02-28', '2026-03-01'],
    ['2024-02-01', '2024-02-29'], // leap February
    ['2024-02-29', '2024-02-29'],
    ['2024-02-01', '2024-02-28'],
    ['2024-02-15', '2024-03-14'],
    ['2022-01-01', '2022-12-31'], // before any incident
    ['2026-03-20', '2026-01-15'], // reversed
  ];

  /** WIDE_PERIODS and random periods, for every community and the wide community's buildings. */
  async function widePeriodsAgree(): Promise<void> {
    for (const [from, to] of WIDE_PERIODS) {
      await agree({ communityId: wideId, from, to });
      for (const buildingId of [w1, w2]) await agree({ communityId: wideId, buildingId, from, to });
      for (const id of [communityId, otherCommunityId]) await agree({ communityId: id, from, to });
    }
    const rand = random(7);
    for (let i = 0; i < 40; i++) {
      const start = Date.UTC(2023, 10, 1) + Math.floor(rand() * 930) * 86_400_000;
      const length = Math.floor(rand() < 0.5 ? rand() * 70 : rand() * 500);
      const from = new Date(start).toISOString().slice(0, 10);
      const to = new Date(start + length * 86_400_000).toISOString().slice(0, 10);
      await agree({ communityId: wideId, from, to });
      await agree({ communityId: wideId, buildingId: w1, from, to });
    }
  }

  it('counts by the Asia/Shanghai day, not the UTC day', async () => {
    expect(await agree(inC('2026-03-01', '2026-03-01'))).toEqual([{ buildingId: c, floor: 5, count: 1 }]);
    // 16:00Z on 1 March is midnight of the 2nd in Shanghai. Floor 0 is the
    // band-only incident; the e-bike and smoke incidents do not count.
    expect(await agree(inC('2026-03-02', '2026-03-02'))).toEqual([
      { buildingId: c, floor: 0, count: 1 },
      { buildingId: c, floor: 2, count: 1 },
      { buildingId: c, floor: 5, count: 2 },
    ]);
  });

  it('includes both ends of the period', async () => {
    expect(await agree(inC('2026-03-02', '2026-03-03'))).toEqual([
      { buildingId: c, floor: 0, count: 1 },
      { buildingId: c, floor: 2, count: 2 },
      { buildingId: c, floor: 5, count: 2 },
    ]);
    expect(await agree(inC('2026-02-28', '2026-03-03'))).toEqual([
      { buildingId: c, floor: 0, count: 1 },
      { buildingId: c, floor: 2, count: 2 },
      { buildingId: c, floor: 5, count: 3 },
    ]);
    expect(await agree(inC('2026-03-04', '2026-03-31'))).toEqual([]);
  });

  it('matches the GROUP BY over incidents for every period, community and building', async () => {
    const periods: Array<[string, string]> = [
      ['2026-02-20', '2026-03-10'],
      ['2026-02-25', '2026-02-25'],
      ['2026-02-28', '2026-03-01'],
      ['2026-03-06', '2026-03-07'],
    ];
    for (const [from, to] of periods) {
      const all = await agree({ communityId, from, to });
      expect(all.length).toBeGreaterThan(0);
      for (const buildingId of [a, b]) await agree({ communityId, buildingId, from, to });
      // The other community's incidents are its own.
      const other = await agree({ communityId: otherCommunityId, from, to });
      expect(other.every((r) => ![a, b, c].includes(r.buildingId))).toBe(true);
    }
    const whole = await agree({ communityId, from: '2026-02-20', to: '2026-03-10' });
    const counted = whole.reduce((sum, r) => sum + r.count, 0);
    const throwingHere = specs.filter(
      (s) => s.kind === 'throwing' && s.communityId === communityId && s.buildingId !== null,
    );
    expect(counted).toBe(throwingHere.length);
    // Sorted by building, then floor.
    const keys = whole.map((r) => [r.buildingId, r.floor] as const);
    expect(keys).toEqual([...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
    expect(await agree({ communityId, from: '2026-04-01', to: '2026-04-30' })).toEqual([]);
    expect(await agree({ communityId, from: '2026-03-10', to: '2026-02-20' })).toEqual([]);
  });

  it('follows an incident re-attributed to another floor or another day', async () => {
    const moved = noted('mar2-0030');
    await database.db.update(incidents).set({ floor: 4 }).where(eq(incidents.id, moved.id));
    moved.floor = 4;
    const late = noted('mar2-last-ms');
    const later = new Date(late.at.getTime() + 1);
    await database.db.update(incidents).set({ occurredAt: later }).where(eq(incidents.id, late.id));
    late.at = later;
    expect(await agree(inC('2026-03-02', '2026-03-02'))).toEqual([
      { buildingId: c, floor: 0, count: 1 },
      { buildingId: c, floor: 4, count: 1 },
      { buildingId: c, floor: 5, count: 1 },
    ]);
    expect(await agree(inC('2026-03-03', '2026-03-03'))).toEqual([{ buildingId: c, floor: 2, count: 2 }]);
    await rollupsAgree();
  });

  it('counts an incident reviewed into a throwing one, and not the reverse', async () => {
    const ebike = noted('mar2-ebike');
    const throwing = noted('mar2-midnight');
    await database.db.update(incidents).set({ kind: 'throwing' }).where(eq(incidents.id, ebike.id));
    await database.db.update(incidents).set({ kind: 'fire_smoke' }).where(eq(incidents.id, throwing.id));
    ebike.kind = 'throwing';
    throwing.kind = 'fire_smoke';
    expect(await agree(inC('2026-03-02', '2026-03-02'))).toEqual([
      { buildingId: c, floor: 0, count: 1 },
      { buildingId: c, floor: 3, count: 1 },
      { buildingId: c, floor: 4, count: 1 },
    ]);
    await rollupsAgree();
  });

  it('follows deletions, down to cells that empty', async () => {
    await database.db.delete(incidents).where(eq(incidents.id, noted('mar2-band').id));
    // Every incident on floor 3 of building A, and every third of the rest of A.
    const gone = specs.filter((s, i) => s.buildingId === a && (s.floor === 3 || i % 3 === 0));
    expect(gone.some((s) => s.floor === 3 && s.kind === 'throwing')).toBe(true);
    await database.db.delete(incidents).where(
      inArray(
        incidents.id,
        gone.map((s) => s.id),
      ),
    );
    const goneIds = new Set([noted('mar2-band').id, ...gone.map((s) => s.id)]);
    for (let i = specs.length - 1; i >= 0; i--) if (goneIds.has(specs[i]?.id ?? -1)) specs.splice(i, 1);

    expect(await agree(inC('2026-03-02', '2026-03-02'))).toEqual([
      { buildingId: c, floor: 3, count: 1 },
      { buildingId: c, floor: 4, count: 1 },
    ]);
    const rows = await agree({ communityId, buildingId: a, from: '2026-02-20', to: '2026-03-10' });
    expect(rows.some((r) => r.floor === 3)).toBe(false);
    await agree({ communityId, from: '2026-02-20', to: '2026-03-10' });
    // Emptied cells leave the rollup rather than stay as zeros.
    const zeros = await selectRows(database.db, sql`select * from incident_floor_daily where count <= 0`);
    expect(zeros).toEqual([]);
    expect(await selectRows(database.db, sql`select * from incident_floor_monthly where count <= 0`)).toEqual([]);
    await rollupsAgree();
  });

  it('keeps the monthly rollup by local month as the daily one by local day', async () => {
    await rollupsAgree();
    const [months] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from incident_floor_monthly`,
    );
    // Cells over 29 months, so the test reads real month rows, not a handful.
    expect(months?.n).toBeGreaterThan(300);
  });

  it('splits periods into whole and partial months and still matches the GROUP BY', async () => {
    // The periods cover every shape of plan.
    const plans = WIDE_PERIODS.map(([from, to]) => planPeriod(from, to));
    const shapes = new Set(plans.map((p) => `${p.months ? 'months' : ''}+${p.plus.length}-${p.minus.length}`));
    for (const shape of ['months+0-0', 'months+0-1', 'months+0-2', 'months+1-1', '+1-0', '+2-0', '+0-0']) {
      expect(shapes, shape).toContain(shape);
    }
    await widePeriodsAgree();

    const inW1 = (from: string, to: string) => ({ communityId: wideId, buildingId: w1, from, to });
    const floor30 = (rows: IncidentFloorCount[]) => rows.filter((r) => r.floor === 30);
    // The lone 2 January incident is in January's month row, and January
    // 1–14 are taken away again: its cell nets to zero, so no row.
    expect(floor30(await agree(inW1('2026-01-15', '2026-03-20')))).toEqual([]);
    expect(floor30(await agree(inW1('2026-01-01', '2026-03-20')))).toEqual([{ buildingId: w1, floor: 30, count: 1 }]);
    expect(floor30(await agree(inW1('2026-01-02', '2026-01-02')))).toEqual([{ buildingId: w1, floor: 30, count: 1 }]);
    expect(floor30(await agree(inW1('2025-12-20', '2026-01-01')))).toEqual([]);

    const inW2 = (from: string, to: string) => ({ communityId: wideId, buildingId: w2, from, to });
    const floor31 = async (from: string, to: string) => (await agree(inW2(from, to))).filter((r) => r.floor === 31);
    // 23:59:59.999 on 31 January is January; 00:00 on 1 February is February.
    expect(await floor31('2026-01-31', '2026-01-31')).toEqual([{ buildingId: w2, floor: 31, count: 1 }]);
    expect(await floor31('2026-02-01', '2026-02-01')).toEqual([{ buildingId: w2, floor: 31, count: 1 }]);
    expect(await floor31('2026-01-01', '2026-01-30')).toEqual([]);
    expect(await floor31('2026-02-02', '2026-02-28')).toEqual([]);
    expect(await floor31('2026-01-15', '2026-03-20')).toEqual([{ buildingId: w2, floor: 31, count: 2 }]);
    expect(await floor31('2025-04-01', '2026-03-31')).toEqual([{ buildingId: w2, floor: 31, count: 2 }]);
  });

  it('keeps both rollups equal to the incidents through moves across month ends and deletions', async () => {
    const monthCells = (buildingId: number, floor: number) =>
      selectRows<{ month: string; count: number }>(
        database.db,
        sql`select month::text as month, count from incident_floor_monthly
            where building_id = ${buildingId} and floor = ${floor} order by month`,
      );
    expect(await monthCells(w2, 31)).toEqual([
      { month: '2026-01-01', count: 1 },
      { month: '2026-02-01', count: 1 },
    ]);

    // One millisecond later the last incident of January is February's: the
    // January cell empties and leaves the monthly rollup.
    const last = noted('wide-jan31-last');
    const later = new Date(last.at.getTime() + 1);
    await database.db.update(incidents).set({ occurredAt: later }).where(eq(incidents.id, last.id));
    last.at = later;
    expect(await monthCells(w2, 31)).toEqual([{ month: '2026-02-01', count: 2 }]);
    await rollupsAgree();

    // Re-attributed to another floor, then deleted: that cell comes and goes.
    const first = noted('wide-feb1-first');
    await database.db.update(incidents).set({ floor: 32 }).where(eq(incidents.id, first.id));
    first.floor = 32;
    expect(await monthCells(w2, 32)).toEqual([{ month: '2026-02-01', count: 1 }]);
    await database.db.delete(incidents).where(eq(incidents.id, first.id));
    specs.splice(specs.indexOf(first), 1);
    expect(await monthCells(w2, 32)).toEqual([]);
    expect(await monthCells(w2, 31)).toEqual([{ month: '2026-02-01', count: 1 }]);

    // Every incident of w2 in leap February 2024 a day later, in one
    // statement: 29 February's go to March.
    const leap = specs.filter((s) => s.buildingId === w2 && localMonth(s.at) === '2024-02-01');
    expect(leap.some((s) => localDay(s.at) === '2024-02-29' && s.kind === 'throwing')).toBe(true);
    await database.db
      .update(incidents)
      .set({ occurredAt: sql`${incidents.occurredAt} + interval '1 day'` })
      .where(
        inArray(
          incidents.id,
          leap.map((s) => s.id),
        ),
      );
    for (const s of leap) s.at = new Date(s.at.getTime() + 86_400_000);

    // Every incident of w1 in July 2025, and w2's first local minutes of
    // each month: whole month cells and month-start days empty.
    const gone = specs.filter(
      (s) =>
        (s.buildingId === w1 && localMonth(s.at) === '2025-07-01') ||
        (s.buildingId === w2 &&
          localDay(s.at).endsWith('-01') &&
          (s.at.getTime() + 8 * 3_600_000) % 86_400_000 < 120_000),
    );
    expect(gone.length).toBeGreaterThan(20);
    await database.db.delete(incidents).where(
      inArray(
        incidents.id,
        gone.map((s) => s.id),
      ),
    );
    const goneIds = new Set(gone.map((s) => s.id));
    for (let i = specs.length - 1; i >= 0; i--) if (goneIds.has(specs[i]?.id ?? -1)) specs.splice(i, 1);
    const july = await selectRows(
      database.db,
      sql`select * from incident_floor_monthly where building_id = ${w1} and month = '2025-07-01'`,
    );
    expect(july).toEqual([]);

    await rollupsAgree();
    await widePeriodsAgree();
    expect(await agree({ communityId: wideId, buildingId: w1, from: '2025-07-01', to: '2025-07-31' })).toEqual([]);
  });
});
