// The retrofit pipeline through createCaller, on every engine: stage moves
// accepted and refused with reasons, and vote imports that write all rows
// or nothing.
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { seedDemo } from '~/db/seed';
import { createTestDatabase, testEngines } from '~/test/db';
import { buildXlsx } from '~/test/xlsx';
import { localToday } from '~/lib/calendar';
import { addDays } from '../domain/stage-rules';
import { callerAs } from '~/test/callers';
import { type createCaller } from '../root';

// Seeded as of the real today: the rules refuse future dates against the real clock.
const TODAY = localToday();

describe.each(testEngines)('retrofit router on %s', (engine) => {
  let database: Database;
  let staff: ReturnType<typeof createCaller>;
  let planner: ReturnType<typeof createCaller>;
  const votesDigest = async () =>
    (
      await selectRows<{ h: string }>(
        database.db,
        sql`select md5(string_agg(t::text, '|' order by t::text)) as h from retrofit_votes t`,
      )
    )[0]?.h;
  const historyCount = async () =>
    (await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from retrofit_stage_changes`))[0]?.n;
  const caseAt = async (at: string) => {
    const [b, u] = at.split('-');
    const cases = (await planner.retrofit.pipeline({ slug: 'caifu-xingyuan' })).cases;
    const c = cases.find((x) => x.buildingNumber === b && x.unitName === `${u}单元`);
    if (!c) throw new Error(`no case ${at}`);
    return c;
  };
  const roomsOf = (at: string) => {
    const [b, u] = at.split('-');
    return selectRows<{ room: string; area: number; floor: number }>(
      database.db,
      sql`
      select h.room, h.area_m_2 as area, h.floor from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id
      join communities c on c.id = b.community_id where c.slug = 'caifu-xingyuan' and b.number = ${b} and u.ordinal = ${Number(u)} order by h.floor, h.door`,
    );
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { today: TODAY });
    staff = await callerAs(database.db, 'staff', { name: '社区工作人员', email: 's@test.local' });
    planner = await callerAs(database.db, 'planner', { email: 'p@test.local' });
  });
  afterAll(() => database?.close());

  it('shows every case with publicity, objections, consent and the fortnightly meeting log, and no owner', async () => {
    const p = await planner.retrofit.pipeline({ slug: 'caifu-xingyuan' });
    expect(p.cases).toHaveLength(24);
    const inPublicity = p.cases.filter((c) => c.stage === 'publicity');
    expect(inPublicity).toHaveLength(1);
    const pub = inPublicity[0]!.publicity!;
    expect(pub.endsOn).toBe(addDays(pub.startsOn, 20));
    expect(pub.daysLeft).toBeGreaterThan(0);
    expect(pub.proposal).toBeTruthy();
    expect(inPublicity[0]!.objections.some((o) => o.resolvedOn === null)).toBe(true);
    expect(p.cases.filter((c) => c.stage === 'in_service').every((c) => c.consent.met)).toBe(true);
    expect(p.cases.some((c) => !c.consent.met && c.consent.missing && c.consent.missing.households > 0)).toBe(true);
    expect(p.meetings.length).toBeGreaterThan(20);
    // 卡住 is judged by the limits the page states: a flagged case has been in its stage longer than its limit.
    expect(p.stuckLimits.days.vote).toBe(90);
    for (const c of p.cases.filter((x) => x.stuck)) expect(c.stuck!.days).toBeGreaterThan(c.stuck!.limitDays);
    expect(p.cases.filter((c) => c.stage === 'in_service' || c.stage === 'stalled').every((c) => !c.stuck)).toBe(true);
    const owners = await selectRows<{ owner_name: string; owner_phone: string }>(
      database.db,
      sql`select owner_name, owner_phone from households where owner_name is not null`,
    );
    const json = JSON.stringify(p);
    for (const o of owners) expect(json.includes(o.owner_name) || json.includes(o.owner_phone)).toBe(false);
  });

  it('moves a signed case on to design and records the date, note and who', async () => {
    const c = await caseAt('4-1');
    expect(c.stage).toBe('signed');
    await staff.retrofit.move({ caseId: c.caseId, to: 'design', on: TODAY, note: '设计单位进场' });
    const after = await caseAt('4-1');
    expect(after.stage).toBe('design');
    expect(after.history.at(-1)).toMatchObject({
      stage: 'design',
      on: TODAY,
      note: '设计单位进场',
      by: '社区工作人员',
    });
  });

  const refusals: Array<
    [
      string,
      string,
      (c: {
        caseId: number;
        history: { on: string }[];
      }) => Parameters<ReturnType<typeof createCaller>['retrofit']['move']>[0],
      string,
      RegExp,
    ]
  > = [
    [
      'a permit while the publicity period runs',
      '6-1',
      (c) => ({ caseId: c.caseId, to: 'permit', on: TODAY }),
      'CONFLICT',
      /公示期至 .* 结束/,
    ],
    [
      'skipping from registration to signing',
      '1-3',
      (c) => ({ caseId: c.caseId, to: 'signed', on: TODAY }),
      'CONFLICT',
      /不能跳过阶段：下一阶段应为“[^”a-z]+”/,
    ],
    [
      'a date in the future',
      '4-3',
      (c) => ({ caseId: c.caseId, to: 'construction', on: addDays(TODAY, 1) }),
      'BAD_REQUEST',
      /在今天.*之后/,
    ],
    [
      'a date before the previous change',
      '4-3',
      (c) => ({ caseId: c.caseId, to: 'construction', on: addDays(c.history.at(-1)!.on, -1) }),
      'BAD_REQUEST',
      /早于上一次变更/,
    ],
  ];
  for (const [what, at, move, code, message] of refusals) {
    it(`refuses ${what} with the reason, changing nothing`, async () => {
      const c = await caseAt(at);
      const before = await historyCount();
      const error = await staff.retrofit.move(move(c)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code });
      expect((error as TRPCError).message).toMatch(message);
      expect(await historyCount()).toBe(before);
      expect((await caseAt(at)).stage).toBe(c.stage);
    });
  }

  it('refuses to sign a unit whose vote falls short of Civil Code art. 278, then signs it once enough owners agree by import', async () => {
    const c = (await planner.retrofit.pipeline({ slug: 'caifu-xingyuan' })).cases.find(
      (x) => x.stage === 'vote' && !x.consent.met,
    )!;
    const error = await staff.retrofit.move({ caseId: c.caseId, to: 'signed', on: TODAY }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as TRPCError).message).toMatch(/第278条/);
    expect(error).toMatchObject({ cause: { code: 'stage.consent_not_met' } });
    // Every owner of the unit agrees (the occupied flat's owner included).
    const rooms = await roomsOf(`${c.buildingNumber}-${c.unitName.replace('单元', '')}`);
    const csv = [
      '房号,单元,表决,面积',
      ...rooms.map((r) => `${r.room},${c.buildingNumber}-${c.unitName.replace('单元', '')},同意,${r.area}`),
    ].join('\n');
    expect(await staff.retrofit.importVotes({ slug: 'caifu-xingyuan', format: 'csv', content: csv })).toMatchObject({
      written: rooms.length,
      errors: [],
    });
    const now = (await planner.retrofit.pipeline({ slug: 'caifu-xingyuan' })).cases.find((x) => x.caseId === c.caseId)!;
    expect(now.consent).toMatchObject({ met: true, vetoRooms: [] });
    await staff.retrofit.move({ caseId: c.caseId, to: 'signed', on: TODAY });
    expect((await caseAt(`${c.buildingNumber}-${c.unitName.replace('单元', '')}`)).stage).toBe('signed');
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`imports a ${format} file with one bad row as nothing, reporting that row`, async () => {
      const rooms = await roomsOf('2-3');
      const rows: (string | number)[][] = [
        ['room', 'unit', 'vote', 'area'],
        [rooms[2]!.room, '2号楼3单元', 'oppose', rooms[2]!.area],
        [rooms[3]!.room, '2-3', '同意', rooms[3]!.area + 9], // the area on file differs: a wrong room?
        [rooms[4]!.room, '2-3', '弃权', rooms[4]!.area],
      ];
      const content = format === 'csv' ? rows.map((r) => r.join(',')).join('\n') : buildXlsx(rows).toString('base64');
      const before = await votesDigest();
      const report = await staff.retrofit.importVotes({ slug: 'caifu-xingyuan', format, content });
      expect(report.written).toBe(0);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatchObject({ row: 3 });
      expect(report.errors[0]).toMatchObject({ code: 'areaMismatch' });
      expect(report.errors[0]!.message).toMatch(/面积.*m²/);
      expect(await votesDigest()).toBe(before);
      // Fixed, the same file writes every row.
      rows[2]![3] = rooms[3]!.area;
      const fixed = format === 'csv' ? rows.map((r) => r.join(',')).join('\n') : buildXlsx(rows).toString('base64');
      expect(await staff.retrofit.importVotes({ slug: 'caifu-xingyuan', format, content: fixed })).toMatchObject({
        written: 3,
        errors: [],
      });
      expect(await votesDigest()).not.toBe(before);
    });
  }

  it('reports every kind of bad row, and refuses an unreadable spreadsheet', async () => {
    const csv = [
      '房号,单元,表决,面积',
      '9901,2-3,同意,80',
      '101,9-9,同意,80',
      '101,2-3,也许,80',
      '101,5-1,同意,80',
      'abc,2-3,同意,80',
    ].join('\n');
    const report = await staff.retrofit.importVotes({ slug: 'caifu-xingyuan', format: 'csv', content: csv });
    expect(report.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
    const missing = await staff.retrofit.importVotes({
      slug: 'caifu-xingyuan',
      format: 'csv',
      content: 'room,vote\n101,agree',
    });
    expect(missing.errors[0]).toMatchObject({ code: 'missingColumns' });
    expect(missing.errors[0]?.message).toMatch(/缺少列/);
    await expect(
      staff.retrofit.importVotes({
        slug: 'caifu-xingyuan',
        format: 'xlsx',
        content: Buffer.from('not a zip').toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('shares a case’s cost exactly, floors 1–2 paying nothing', async () => {
    const c = await caseAt('5-2');
    const shares = await planner.retrofit.costShares({ caseId: c.caseId });
    expect(shares).not.toBeNull();
    expect(shares!.shares.reduce((n, s) => n + s.shareFen, 0)).toBe(shares!.totalFen - shares!.subsidyFen);
    expect(shares!.shares.filter((s) => s.floor <= 2).every((s) => s.shareFen === 0)).toBe(true);
    expect(JSON.stringify(shares)).not.toMatch(/ownerName|ownerPhone/);
  });
});
