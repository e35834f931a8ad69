// The demo data, read back from the database: the facts of the source
// articles (docs/DOMAIN.md § Demo data), the consistency of the generated history, and
// determinism — on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../client';
import { RETROFIT_STAGES, stageIndex, type RetrofitStage, type Vote } from '../vocab';
import { createTestDatabase, testEngines } from '../../test/db';
import { seedDemo } from './index';
import { digests, distanceToPolygon, groupBy, inCommunity, meets278, one, rows, type Pt } from './test-support';

const TODAY = '2026-11-22';
const NOW = new Date('2026-11-22T00:00:00+08:00');
const HISTORY_START = new Date(NOW.getTime() - 90 * 86_400_000);
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

describe.each(testEngines)('demo seed on %s', (engine) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
    const started = performance.now();
    await seedDemo(db, { today: TODAY });
    console.log(`seedDemo on ${engine}: ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(() => database?.close());

  it('writes the three communities of the articles', async () => {
    const list = await rows<{ slug: string; name: string; neighbourhood: string; street: string }>(
      db,
      sql`select slug, name, neighbourhood, street from communities order by slug`,
    );
    expect(list).toEqual([
      { slug: 'caifu-xingyuan', name: '财富星苑', neighbourhood: '保全社区', street: '建中街街道' },
      { slug: 'jinghu', name: '荆胡智慧社区', neighbourhood: '荆胡社区', street: '建中街街道' },
      { slug: 'xingyi-huayuan', name: '星怡花园', neighbourhood: '星怡社区', street: '建中街街道' },
    ]);
  });

  it('gives 财富星苑 8 walk-ups, 296 households and 300-odd residents aged 60+', async () => {
    const c = inCommunity('caifu-xingyuan');
    const bs = await rows<{ number: string; name: string; floors: number }>(
      db,
      sql`select number, name, floors from buildings where community_id = ${c} order by number::int`,
    );
    expect(bs.map((b) => b.name)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼', '5号楼', '6号楼', '7号楼', '8号楼']);
    expect(bs.every((b) => b.floors >= 6 && b.floors <= 7)).toBe(true);
    const h = await one<{ n: number; elderly: number; impaired: number; lifts: number }>(
      db,
      sql`
      select count(*)::int as n, sum(occupants60to79 + occupants80plus)::int as elderly, sum(mobility_impaired)::int as impaired,
             count(*) filter (where u.has_original_elevator)::int as lifts
      from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id where b.community_id = ${c}`,
    );
    expect(h.n).toBe(296);
    expect(h.elderly).toBeGreaterThanOrEqual(300);
    expect(h.elderly).toBeLessThan(340);
    expect(h.impaired).toBeGreaterThan(0);
    expect(h.lifts).toBe(0);
  });

  it('numbers rooms floor + door, and stacks units on the south wall of non-overlapping footprints', async () => {
    const bad = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from households
      where room <> floor::text || door or floor < 1 or area_m_2 < 55 or area_m_2 > 120 or door !~ '^[0-9]{2}$'
         or mobility_impaired > occupants0to59 + occupants60to79 + occupants80plus`,
    );
    expect(bad.n).toBe(0);
    const bs = await rows<{ community_id: number; footprint: Pt[]; id: number }>(
      db,
      sql`select id, community_id, footprint from buildings`,
    );
    const units = await rows<{ building_id: number; stair_x: number; stair_y: number }>(
      db,
      sql`select building_id, stair_x, stair_y from units`,
    );
    const box = (f: Pt[]) => ({
      x0: Math.min(...f.map((p) => p.x)),
      x1: Math.max(...f.map((p) => p.x)),
      y0: Math.min(...f.map((p) => p.y)),
      y1: Math.max(...f.map((p) => p.y)),
    });
    for (const b of bs) {
      const signedArea = b.footprint.reduce((s, p, i) => {
        const q = b.footprint[(i + 1) % b.footprint.length] as Pt;
        return s + p.x * q.y - q.x * p.y;
      }, 0);
      expect(signedArea).toBeGreaterThan(0);
      const r = box(b.footprint);
      for (const o of bs.filter((o) => o.community_id === b.community_id && o.id !== b.id)) {
        const s = box(o.footprint);
        expect(r.x1 <= s.x0 || s.x1 <= r.x0 || r.y1 <= s.y0 || s.y1 <= r.y0).toBe(true);
      }
      for (const u of units.filter((u) => u.building_id === b.id)) {
        expect(u.stair_y).toBeCloseTo(r.y0, 3);
        expect(u.stair_x > r.x0 && u.stair_x < r.x1).toBe(true);
      }
    }
  });

  it('tells the 财富星苑 retrofit story: 11 signed, 3 in service, 1 in publicity, 5 and 2 first', async () => {
    const cases = await rows<{
      id: number;
      stage: RetrofitStage;
      building: string;
      publicity_days: number;
      stalled_reason: string | null;
      total_cost_fen: number | null;
    }>(
      db,
      sql`
      select rc.id, rc.stage, b.number as building, rc.publicity_days, rc.stalled_reason, rc.total_cost_fen::float8 as total_cost_fen
      from retrofit_cases rc join units u on u.id = rc.unit_id join buildings b on b.id = u.building_id
      where b.community_id = ${inCommunity('caifu-xingyuan')}`,
    );
    const changes = await rows<{ case_id: number; stage: RetrofitStage; on: string }>(
      db,
      sql`select case_id, stage, "on"::text as on from retrofit_stage_changes order by case_id, "on", id`,
    );
    const signedIdx = RETROFIT_STAGES.indexOf('signed');
    expect(cases.filter((c) => stageIndex(c.stage) >= signedIdx)).toHaveLength(11);
    expect(cases.filter((c) => c.stage === 'in_service')).toHaveLength(3);
    expect(cases.filter((c) => c.stage === 'publicity')).toHaveLength(1);
    expect(cases.filter((c) => c.stage === 'stalled').every((c) => c.stalled_reason)).toBe(true);
    const dateOf = (id: number, stage: RetrofitStage) => changes.find((h) => h.case_id === id && h.stage === stage)?.on;
    for (const c of cases) {
      const history = changes.filter((h) => h.case_id === c.id);
      const path =
        c.stage === 'stalled'
          ? history.slice(0, -1).map((h) => h.stage)
          : RETROFIT_STAGES.slice(0, stageIndex(c.stage) + 1);
      expect(history.map((h) => h.stage).slice(0, path.length)).toEqual(path);
      expect(history.at(-1)?.stage).toBe(c.stage);
      const dates = history.map((h) => h.on);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => d < TODAY)).toBe(true);
      if (stageIndex(c.stage) >= 1) {
        expect(c.total_cost_fen).toBeGreaterThanOrEqual(55_000_000);
        expect(c.total_cost_fen).toBeLessThanOrEqual(70_000_000);
      }
    }
    const inService = cases
      .filter((c) => c.stage === 'in_service')
      .sort((a, b) => (dateOf(a.id, 'in_service') ?? '').localeCompare(dateOf(b.id, 'in_service') ?? ''));
    expect(
      inService
        .slice(0, 2)
        .map((c) => c.building)
        .sort(),
    ).toEqual(['2', '5']);
    const firstDone = dateOf(inService[1]?.id ?? 0, 'in_service') ?? '';
    const signedAfter = cases
      .map((c) => dateOf(c.id, 'signed'))
      .filter((d): d is string => d !== undefined && d > firstDone)
      .sort();
    expect(signedAfter).toHaveLength(5);
    const spanDays = (Date.parse(signedAfter.at(-1) ?? '') - Date.parse(signedAfter[0] ?? '')) / 86_400_000;
    expect(spanDays).toBeLessThan(30);
    const publicity = cases.find((c) => c.stage === 'publicity');
    const since =
      (NOW.getTime() - Date.parse(`${dateOf(publicity?.id ?? 0, 'publicity')}T00:00:00+08:00`)) / 86_400_000;
    expect(since).toBeGreaterThan(0);
    expect(since).toBeLessThan(publicity?.publicity_days ?? 0);
  });

  it('records one vote per household, meeting Civil Code art. 278 wherever a case was signed', async () => {
    const votes = await rows<{ case_id: number; stage: RetrofitStage; vote: Vote; area: number; voted: boolean }>(
      db,
      sql`
      select v.case_id, rc.stage, v.vote, h.area_m_2 as area, v.voted_at is not null as voted
      from retrofit_votes v join retrofit_cases rc on rc.id = v.case_id join households h on h.id = v.household_id and h.unit_id = rc.unit_id`,
    );
    const perUnit = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from retrofit_cases rc join households h on h.unit_id = rc.unit_id`,
    );
    expect(votes).toHaveLength(perUnit.n);
    expect(votes.every((v) => v.voted === (v.vote !== 'not_voted'))).toBe(true);
    const byCase = groupBy(votes, (v) => v.case_id);
    let mixed = 0;
    for (const ballots of byCase.values()) {
      const stage = ballots[0]?.stage ?? 'intent';
      if (stageIndex(stage) >= RETROFIT_STAGES.indexOf('signed')) expect(meets278(ballots)).toBe(true);
      if (stage === 'stalled') expect(meets278(ballots)).toBe(false);
      if (stage === 'intent') expect(ballots.every((b) => b.vote === 'not_voted')).toBe(true);
      if (stage === 'vote' && new Set(ballots.map((b) => b.vote)).size >= 3) mixed++;
    }
    expect(mixed).toBeGreaterThan(0);
  });

  it('logs the micro-grid meeting every two weeks, objections within publicity, and the occupied flat agreeing before signing', async () => {
    const c = inCommunity('caifu-xingyuan');
    const meetings = await rows<{ held_on: string; roles: number; concerns: number }>(
      db,
      sql`
      select held_on::text, jsonb_array_length(attendees)::int as roles, jsonb_array_length(concerns)::int as concerns
      from retrofit_meetings where community_id = ${c} order by held_on`,
    );
    expect(meetings.length).toBeGreaterThan(20);
    for (let i = 1; i < meetings.length; i++) {
      expect((Date.parse(meetings[i]?.held_on ?? '') - Date.parse(meetings[i - 1]?.held_on ?? '')) / 86_400_000).toBe(
        14,
      );
    }
    expect(meetings.every((m) => m.roles >= 5 && m.concerns >= 1 && m.held_on < TODAY)).toBe(true);
    const objections = await rows<{ stage: RetrofitStage; received: string; posted: string; resolved: string | null }>(
      db,
      sql`
      select rc.stage, o.received_on::text as received, o.resolved_on::text as resolved,
        (select sc."on"::text from retrofit_stage_changes sc where sc.case_id = rc.id and sc.stage = 'publicity') as posted
      from retrofit_objections o join retrofit_cases rc on rc.id = o.case_id`,
    );
    expect(objections.length).toBeGreaterThan(0);
    for (const o of objections) {
      expect(o.received >= o.posted && o.received < TODAY).toBe(true);
      if (o.stage !== 'publicity') expect(o.resolved).not.toBeNull();
    }
    expect(objections.some((o) => o.stage === 'publicity' && o.resolved === null)).toBe(true);
    const occupied = await rows<{ stage: RetrofitStage; vote: Vote; floor: number }>(
      db,
      sql`
      select rc.stage, v.vote, h.floor from households h join retrofit_cases rc on rc.unit_id = h.unit_id
      join retrofit_votes v on v.case_id = rc.id and v.household_id = h.id where h.shaft_occupied`,
    );
    expect(occupied.length).toBeGreaterThan(10);
    expect(occupied.every((o) => o.floor === 1)).toBe(true);
    expect(
      occupied.filter((o) => stageIndex(o.stage) >= RETROFIT_STAGES.indexOf('signed')).every((o) => o.vote === 'agree'),
    ).toBe(true);
  });

  it('counts 11,786 devices of all 16 classes in 荆胡, mostly online, with unique codes', async () => {
    const c = inCommunity('jinghu');
    const r = await one<{ n: number; classes: number; online: number; bad_codes: number; hb: number; future: number }>(
      db,
      sql`
      select count(*)::int as n, count(distinct class)::int as classes, count(*) filter (where status = 'online')::int as online,
             count(*) filter (where code !~ '^JH-[A-Z]{3}-[0-9]{5}$')::int as bad_codes,
             count(*) filter (where heartbeat_seconds not between 60 and 3600)::int as hb,
             count(*) filter (where last_seen_at >= ${at(NOW)} or status_since >= ${at(NOW)})::int as future
      from devices where community_id = ${c}`,
    );
    expect(r).toMatchObject({ n: 11_786, classes: 16, bad_codes: 0, hb: 0, future: 0 });
    expect(r.online / r.n).toBeGreaterThan(0.92);
    expect(r.online / r.n).toBeLessThan(0.98);
    const misplaced = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from devices d left join buildings b on b.id = d.building_id
      where d.community_id = ${c} and ((d.building_id is null and (d.x is null or d.y is null or d.z is null)) or d.floor not between 1 and b.floors)`,
    );
    expect(misplaced.n).toBe(0);
  });

  it('stands a 7-camera pole 5–6 m from every 荆胡 building, its six throwing cameras covering every floor', async () => {
    const bs = await rows<{ id: number; floors: number; footprint: Pt[] }>(
      db,
      sql`select id, floors, footprint from buildings where community_id = ${inCommunity('jinghu')}`,
    );
    const poles = await rows<{ id: number; building_id: number; x: number; y: number; distance_m: number }>(
      db,
      sql`select id, building_id, x, y, distance_m from camera_poles`,
    );
    const cams = await rows<{
      pole_id: number;
      building_id: number;
      class: string;
      config: { floorBand?: [number, number]; facade?: string };
    }>(db, sql`select pole_id, building_id, class, config from devices where pole_id is not null`);
    expect(bs.length).toBeGreaterThanOrEqual(20);
    for (const b of bs) {
      const mine = poles.filter((p) => p.building_id === b.id);
      expect(mine).toHaveLength(1);
      const pole = mine[0] as (typeof poles)[number];
      const d = distanceToPolygon(pole, b.footprint);
      expect(d).toBeGreaterThanOrEqual(5);
      expect(d).toBeLessThanOrEqual(6);
      expect(Math.abs(d - pole.distance_m)).toBeLessThan(0.01);
      const on = cams.filter((cam) => cam.pole_id === pole.id);
      expect(on.every((cam) => cam.building_id === b.id)).toBe(true);
      expect(on.filter((cam) => cam.class === 'surveillance_camera')).toHaveLength(1);
      const bands = on
        .filter((cam) => cam.class === 'throwing_camera')
        .map((cam): [number, number] => cam.config.floorBand ?? [0, 0])
        .sort((p, q) => p[0] - q[0]);
      expect(bands).toHaveLength(6);
      expect(on).toHaveLength(7);
      let next = 1;
      for (const [from, to] of bands) {
        expect(from).toBe(next);
        expect(to).toBeGreaterThanOrEqual(from);
        next = to + 1;
      }
      expect(next - 1).toBe(b.floors);
    }
  });

  it('puts an e-bike camera in every 荆胡 elevator and lays out 570 patrol points on routes', async () => {
    const lifts = await one<{ units: number; cams: number }>(
      db,
      sql`
      select (select count(*)::int from units u join buildings b on b.id = u.building_id where b.community_id = ${inCommunity('jinghu')} and u.has_original_elevator) as units,
             (select count(distinct unit_id)::int from devices where community_id = ${inCommunity('jinghu')} and class = 'elevator_ebike_camera') as cams`,
    );
    expect(lifts.units).toBeGreaterThan(0);
    expect(lifts.cams).toBe(lifts.units);
    const points = await one<{ n: number; codes: number }>(
      db,
      sql`select count(*)::int as n, count(distinct code) filter (where code ~ '^JH-PP-[0-9]{4}$')::int as codes from patrol_points where community_id = ${inCommunity('jinghu')}`,
    );
    expect(points).toEqual({ n: 570, codes: 570 });
    const stops = await rows<{ route_id: number; due_minutes: number }>(
      db,
      sql`select route_id, due_minutes from patrol_route_points order by route_id, seq`,
    );
    for (const route of groupBy(stops, (s) => s.route_id).values()) {
      const due = route.map((s) => s.due_minutes);
      expect(due.every((d, i) => i === 0 || d > (due[i - 1] ?? Infinity))).toBe(true);
    }
    const plans = await rows<{ frequency: string; start_time: string }>(
      db,
      sql`select frequency, start_time from patrol_plans`,
    );
    expect(new Set(plans.map((p) => p.frequency))).toEqual(new Set(['daily', 'weekly', 'every_other_day']));
    expect(plans.every((p) => /^([01]\d|2[0-3]):[0-5]\d$/.test(p.start_time))).toBe(true);
    const checkins = await one<{ n: number; outside: number; short_rounds: number }>(
      db,
      sql`
      select count(*)::int as n, count(*) filter (where at >= ${at(NOW)} or at < ${at(HISTORY_START)})::int as outside,
        (select count(*)::int from (select c.plan_id, (c.at at time zone 'Asia/Shanghai')::date, count(*) as n from patrol_checkins c group by 1, 2) r
          join patrol_plans p on p.id = r.plan_id where r.n < (select count(*) from patrol_route_points rp where rp.route_id = p.route_id)) as short_rounds
      from patrol_checkins`,
    );
    expect(checkins.n).toBeGreaterThan(1000);
    expect(checkins.outside).toBe(0);
    expect(checkins.short_rounds).toBeGreaterThan(0);
  });

  it('walks 星怡花园 on lobby, garage and gate rounds by day and night, every other day and weekly, with a night round across midnight', async () => {
    const c = inCommunity('xingyi-huayuan');
    const points = await one<{ n: number; codes: number; garage: number }>(
      db,
      sql`
      select count(*)::int as n, count(distinct code) filter (where code ~ '^XY-PP-[0-9]{4}$')::int as codes,
        count(*) filter (where name like '14号楼南侧车库巡更点%')::int as garage
      from patrol_points where community_id = ${c}`,
    );
    expect(points.n).toBe(points.codes);
    expect(points.n).toBeGreaterThan(40);
    expect(points.garage).toBe(4);
    const plans = await rows<{
      id: number;
      route: string;
      frequency: string;
      start_time: string;
      shift: string | null;
      anchor: string | null;
      stops: number;
    }>(
      db,
      sql`
      select pl.id, r.name as route, pl.frequency, pl.start_time, pl.shift, pl.anchor_date::text as anchor,
        (select count(*)::int from patrol_route_points rp where rp.route_id = r.id) as stops
      from patrol_plans pl join patrol_routes r on r.id = pl.route_id where r.community_id = ${c} order by pl.id`,
    );
    expect(plans.map((p) => [p.route, p.frequency, p.start_time, p.shift])).toEqual([
      ['高层大堂电动车巡查', 'daily', '09:30', '日班'],
      ['高层大堂电动车巡查', 'daily', '20:00', '夜班'],
      ['车库与充电棚消防巡查', 'every_other_day', '10:30', '日班'],
      ['车库与充电棚消防巡查', 'daily', '23:40', '夜班'],
      ['大门与周界巡更', 'weekly', '14:00', '日班'],
    ]);
    expect(plans.every((p) => p.stops >= 10)).toBe(true);
    const alternate = plans.find((p) => p.frequency === 'every_other_day')!;
    expect(alternate.anchor).toBe('2026-08-24');
    const night = plans.find((p) => p.start_time === '23:40')!;
    // Local days of check-ins per plan, and how many of the night round's fall after midnight.
    const days = await rows<{ plan_id: number; day: string; after_midnight: number }>(
      db,
      sql`
      select plan_id, (at at time zone 'Asia/Shanghai')::date::text as day,
        count(*) filter (where extract(hour from at at time zone 'Asia/Shanghai') < 12)::int as after_midnight
      from patrol_checkins where plan_id in (select pl.id from patrol_plans pl join patrol_routes r on r.id = pl.route_id where r.community_id = ${c})
      group by 1, 2`,
    );
    const ofPlan = (id: number) => days.filter((d) => d.plan_id === id);
    // Every other day from the anchor: only even day counts.
    const alternateDays = ofPlan(alternate.id).map(
      (d) => (Date.parse(d.day) - Date.parse(alternate.anchor!)) / 86_400_000,
    );
    expect(alternateDays.length).toBeGreaterThan(35);
    expect(alternateDays.every((n) => n % 2 === 0)).toBe(true);
    expect(ofPlan(night.id).reduce((n, d) => n + d.after_midnight, 0)).toBeGreaterThan(100);
    const weekly = plans.find((p) => p.frequency === 'weekly')!;
    const weekdays = new Set(ofPlan(weekly.id).map((d) => new Date(`${d.day}T00:00:00Z`).getUTCDay()));
    expect(weekdays).toEqual(new Set([2, 5]));
    const outside = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from patrol_checkins k join patrol_points p on p.id = k.point_id
      where p.community_id = ${c} and (k.at >= ${at(NOW)} or k.at < ${at(HISTORY_START)})`,
    );
    expect(outside.n).toBe(0);
  });

  it('gives 星怡花园 14号楼西单元, 31幢1301室, 23 lobby cameras, 7 plate readers, 273 residents aged 80+ and four combined grids', async () => {
    const c = inCommunity('xingyi-huayuan');
    const b14 = await rows<{ name: string; unit: string }>(
      db,
      sql`select b.name, u.name as unit from buildings b join units u on u.building_id = b.id where b.community_id = ${c} and b.number = '14'`,
    );
    expect(b14.map((r) => r.name)).toContain('14号楼');
    expect(b14.map((r) => r.unit)).toContain('西单元');
    const room = await rows<{ name: string; floors: number; floor: number; door: string }>(
      db,
      sql`select b.name, b.floors, h.floor, h.door from households h
      join units u on u.id = h.unit_id join buildings b on b.id = u.building_id where b.community_id = ${c} and b.number = '31' and h.room = '1301'`,
    );
    expect(room[0]).toMatchObject({ name: '31幢', floor: 13, door: '01' });
    expect(room[0]?.floors).toBeGreaterThanOrEqual(13);
    const d = await one<{ lobby: number; lobby_ok: number; lpr: number }>(
      db,
      sql`select
      count(*) filter (where code like 'XY-LOB-%')::int as lobby,
      count(*) filter (where code like 'XY-LOB-%' and class = 'surveillance_camera' and floor = 1 and unit_id is not null and name like '%大堂%')::int as lobby_ok,
      count(*) filter (where class = 'garage_plate_recognition')::int as lpr from devices where community_id = ${c}`,
    );
    expect(d).toEqual({ lobby: 23, lobby_ok: 23, lpr: 7 });
    const old = await one<{ n: number }>(
      db,
      sql`select sum(occupants80plus)::int as n from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id where b.community_id = ${c}`,
    );
    expect(old.n).toBe(273);
    const grids = await rows<{ name: string; kind: string; buildings: number }>(
      db,
      sql`select g.name, g.kind, count(gb.building_id)::int as buildings from grids g join grid_buildings gb on gb.grid_id = g.id where g.community_id = ${c} group by g.id order by g.id`,
    );
    expect(grids.map((g) => g.name)).toEqual(['第一综合网格', '第二综合网格', '第三综合网格', '第四综合网格']);
    expect(grids.every((g) => g.kind === 'combined')).toBe(true);
    const total = await one<{ n: number }>(db, sql`select count(*)::int as n from buildings where community_id = ${c}`);
    expect(grids.reduce((n, g) => n + g.buildings, 0)).toBe(total.n);
  });

  it('records the garage e-bike fire south of 14号楼西单元, out within 15 minutes', async () => {
    const fire = await rows<{ review_state: string; severity: string; state: string; minutes: number }>(
      db,
      sql`
      select i.review_state, a.severity, a.state, extract(epoch from a.resolved_at - i.occurred_at)::float8 / 60 as minutes
      from incidents i join units u on u.id = i.unit_id join buildings b on b.id = i.building_id join alarms a on a.incident_id = i.id
      where i.kind = 'fire_smoke' and b.number = '14' and u.name = '西单元' and i.community_id = ${inCommunity('xingyi-huayuan')}`,
    );
    expect(fire).toHaveLength(1);
    expect(fire[0]).toMatchObject({ review_state: 'confirmed', severity: 'critical', state: 'closed' });
    expect(fire[0]?.minutes).toBeLessThanOrEqual(15);
  });

  it('attributes every throwing incident to a camera of its building, a floor in its band and a fall to the ground', async () => {
    const list = await rows<{
      floor: number | null;
      from: number;
      to: number;
      facade: string;
      cam_facade: string;
      band: [number, number];
      same_building: boolean;
      at: Date;
      trajectory: { t: number; z: number }[];
      evidence: string[];
      floor_height: number;
    }>(
      db,
      sql`
      select i.floor, i.floor_band_from as from, i.floor_band_to as to, i.facade, d.config->>'facade' as cam_facade, d.config->'floorBand' as band,
             d.building_id = i.building_id as same_building, i.occurred_at as at, i.trajectory, i.evidence, b.floor_height
      from incidents i join devices d on d.id = i.device_id join buildings b on b.id = i.building_id where i.kind = 'throwing' and d.class = 'throwing_camera'`,
    );
    const all = await one<{ n: number; states: number; rollup: number }>(
      db,
      sql`select count(*)::int as n, count(distinct review_state)::int as states,
      (select sum(count)::int from incident_floor_daily) as rollup from incidents where kind = 'throwing'`,
    );
    expect(list.length).toBe(all.n);
    expect(all.n).toBeGreaterThan(50);
    expect(all.states).toBeGreaterThanOrEqual(3);
    expect(all.rollup).toBe(all.n);
    for (const i of list) {
      expect(i.same_building && i.facade === i.cam_facade).toBe(true);
      expect([i.from, i.to]).toEqual(i.band);
      if (i.floor !== null) {
        expect(i.floor).toBeGreaterThanOrEqual(i.from);
        expect(i.floor).toBeLessThanOrEqual(i.to);
        expect(i.trajectory[0]?.z).toBeCloseTo((i.floor - 1) * i.floor_height + 1.1, 1);
      }
      const t = i.trajectory;
      expect(t.at(-1)?.z).toBe(0);
      expect(t.every((p, k) => k === 0 || (p.t > (t[k - 1]?.t ?? 0) && p.z <= (t[k - 1]?.z ?? 0)))).toBe(true);
      expect(i.evidence[0]).toMatch(/^clip-/);
      expect(new Date(i.at) < NOW && new Date(i.at) >= HISTORY_START).toBe(true);
    }
    const ebike = await one<{ n: number; bad: number }>(
      db,
      sql`select count(*)::int as n, count(*) filter (where d.class <> 'elevator_ebike_camera' or i.door_held_seconds <= 0 or i.released_by is null)::int as bad
      from incidents i join devices d on d.id = i.device_id where i.kind = 'ebike_elevator'`,
    );
    expect(ebike.n).toBeGreaterThan(50);
    expect(ebike.bad).toBe(0);
  });

  it('keeps alarm and work-order lifecycles in order, in the past, and open only when recent', async () => {
    const alarms = await one<{ n: number; bad: number; stale_open: number; states: number }>(
      db,
      sql`
      select count(*)::int as n, count(distinct state)::int as states,
        count(*) filter (where not (
          (acknowledged_at is not null) = (state <> 'open') and (started_at is not null) = (state in ('in_progress', 'resolved', 'closed'))
          and (resolved_at is not null) = (state in ('resolved', 'closed')) and (closed_at is not null) = (state = 'closed')
          and opened_at <= coalesce(acknowledged_at, opened_at) and coalesce(acknowledged_at, opened_at) <= coalesce(started_at, acknowledged_at, opened_at)
          and coalesce(started_at, opened_at) <= coalesce(resolved_at, started_at, opened_at) and coalesce(resolved_at, opened_at) <= coalesce(closed_at, resolved_at, opened_at)
          and greatest(opened_at, acknowledged_at, started_at, resolved_at, closed_at) < ${at(NOW)}
          and (state = 'open') = (assignee is null)))::int as bad,
        count(*) filter (where state = 'open' and opened_at < ${at(new Date(NOW.getTime() - 3 * 86_400_000))})::int as stale_open
      from alarms`,
    );
    expect(alarms.n).toBeGreaterThan(500);
    expect(alarms).toMatchObject({ bad: 0, stale_open: 0, states: 5 });
    const orders = await rows<{
      slug: string;
      source: string;
      state: string;
      bad: number;
      n: number;
      unsatisfied_hotline: number;
    }>(
      db,
      sql`
      select c.slug, w.source, w.state, count(*)::int as n,
        count(*) filter (where not (
          (done_at is not null) = (state in ('done', 'return_visit', 'closed')) and (closed_at is not null) = (state = 'closed')
          and coalesce(satisfaction between 1 and 5, false) = (state = 'closed') and (resolved is not null) = (state = 'closed')
          and opened_at < ${at(NOW)} and opened_at >= ${at(HISTORY_START)} and coalesce(done_at, opened_at) >= opened_at
          and coalesce(closed_at, done_at, opened_at) >= coalesce(done_at, opened_at) and coalesce(greatest(done_at, closed_at) < ${at(NOW)}, true)))::int as bad,
        count(*) filter (where resolved = 'no' or satisfaction < 4)::int as unsatisfied_hotline
      from work_orders w join communities c on c.id = w.community_id group by 1, 2, 3`,
    );
    expect(orders.every((o) => o.bad === 0)).toBe(true);
    expect(new Set(orders.map((o) => o.slug)).size).toBe(3);
    expect(new Set(orders.map((o) => o.state)).size).toBeGreaterThanOrEqual(5);
    const hotline = orders.filter((o) => o.slug === 'xingyi-huayuan' && o.source === 'hotline_12345');
    expect(hotline.reduce((n, o) => n + o.n, 0)).toBeGreaterThan(50);
    expect(hotline.reduce((n, o) => n + o.unsatisfied_hotline, 0)).toBe(0);
  });

  it('writes the same rows, ids and timestamps included, when seeded again with the same day', async () => {
    const other = await createTestDatabase(engine);
    try {
      await seedDemo(other.db, { today: TODAY });
      expect(await digests(other.db)).toEqual(await digests(db));
    } finally {
      await other.close();
    }
  });

  it('refuses a day that does not exist, writing nothing', async () => {
    await expect(seedDemo(db, { today: '2026-02-30' })).rejects.toThrow(/no such date/);
    const n = await one<{ n: number }>(db, sql`select count(*)::int as n from communities`);
    expect(n.n).toBe(3);
  });
});
