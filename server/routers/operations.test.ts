// Alarm desk and work orders through createCaller on every engine: the
// lifecycle and its refusals, the append-only audit trail, escalation with a
// controlled clock, a resident's report and its public status.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_ALPHABET } from '~/lib/report-reference';
import type { Database } from '~/db/client';
import { alarmEvents, alarms, buildings, communities, grids, units, workOrders } from '~/db/schema';
import { seedDemo } from '~/db/seed';
import { callerAs, recordingPublisher, testAccount, type RecordingPublisher } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';
import { escalateDue } from '../ops/alarm-ops';
import { submitReport } from '../ops/resident-report';
import { appRouter, createCaller } from '../root';
import enMessages from '~/app/_i18n/messages/alarm.en.json';
import zhMessages from '~/app/_i18n/messages/alarm.zh.json';

describe.each(testEngines)('operations on %s', (engine) => {
  let database: Database;
  let staff: ReturnType<typeof createCaller>;
  let anonymous: ReturnType<typeof createCaller>;
  let live: RecordingPublisher;
  let alarmId: number;
  let communityId: number;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { today: '2026-11-22' });
    live = recordingPublisher();
    // English refusals: the messages asserted below are the English ones (server/trpc.ts maps codes to words).
    staff = await callerAs(database.db, 'staff', { email: 'duty@test.local', locale: 'en', live });
    anonymous = createCaller({ db: database.db, user: null, live: recordingPublisher() });
    const [c] = await database.db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.slug, 'xingyi-huayuan'));
    communityId = c!.id;
    const [a] = await database.db
      .insert(alarms)
      .values({
        communityId,
        kind: 'smoke',
        severity: 'critical',
        openedAt: new Date('2026-11-22T02:00:00Z'),
      })
      .returning();
    alarmId = a!.id;
  });
  afterAll(() => database?.close());

  it('escalates a critical alarm left unacknowledged past its limit, once', async () => {
    const policy = { criticalAfterMinutes: 5, majorAfterMinutes: null };
    const early = await escalateDue(database.db, new Date('2026-11-22T02:04:00Z'), policy);
    expect(early.flatMap((c) => c.alarms).some((a) => a.id === alarmId)).toBe(false);
    const due = await escalateDue(database.db, new Date('2026-11-22T02:05:30Z'), policy);
    expect(due.flatMap((c) => c.alarms).find((a) => a.id === alarmId)).toMatchObject({
      escalationLevel: 1,
      state: 'open',
    });
    const again = await escalateDue(database.db, new Date('2026-11-22T02:10:00Z'), policy);
    expect(again.flatMap((c) => c.alarms).some((a) => a.id === alarmId)).toBe(false);
    const list = await staff.alarm.list({ slug: 'xingyi-huayuan' });
    expect(list.find((a) => a.id === alarmId)).toMatchObject({ escalationLevel: 1 });
  });

  it('moves an alarm through its lifecycle and refuses illegal moves with a reason', async () => {
    await expect(staff.alarm.transition({ id: alarmId, move: 'close' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/must be resolved first/),
    });
    await staff.alarm.transition({ id: alarmId, move: 'acknowledge' });
    await expect(staff.alarm.transition({ id: alarmId, move: 'acknowledge' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already acknowledged/),
    });
    await staff.alarm.note({ id: alarmId, note: '现场确认为电动车起火，已灭火' });
    await staff.alarm.transition({ id: alarmId, move: 'start' });
    await staff.alarm.transition({ id: alarmId, move: 'resolve' });
    const closed = await staff.alarm.transition({ id: alarmId, move: 'close' });
    expect(closed).toMatchObject({ state: 'closed', assignee: 'duty@test.local' });
    expect(closed.closedAt).toBeInstanceOf(Date);
    const trail = await staff.alarm.history({ id: alarmId });
    expect(trail.map((e) => [e.action, e.toState, e.actor])).toEqual([
      ['escalate', 'open', 'system'],
      ['acknowledge', 'acknowledged', 'duty@test.local'],
      ['note', 'acknowledged', 'duty@test.local'],
      ['start', 'in_progress', 'duty@test.local'],
      ['resolve', 'resolved', 'duty@test.local'],
      ['close', 'closed', 'duty@test.local'],
    ]);
    expect(trail.every((e) => e.at instanceof Date)).toBe(true);
  });

  it('keeps the audit trail append-only, even against a direct UPDATE or DELETE', async () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('alarm.'));
    expect(procedures.sort()).toEqual([
      'alarm.assign',
      'alarm.assignees',
      'alarm.history',
      'alarm.list',
      'alarm.note',
      // The community's response targets: community settings, not the trail.
      'alarm.responseTargets',
      'alarm.review',
      'alarm.setResponseTargets',
      'alarm.transition',
    ]);
    // Drizzle wraps the database's error; the trigger's message is its cause.
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'changed',
        (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e),
      );
    expect(
      await reason(
        database.db.update(alarmEvents).set({ actor: 'someone else' }).where(eq(alarmEvents.alarmId, alarmId)),
      ),
    ).toMatch(/append-only/);
    expect(await reason(database.db.delete(alarmEvents).where(eq(alarmEvents.alarmId, alarmId)))).toMatch(
      /append-only/,
    );
    const rows = await database.db
      .select()
      .from(alarmEvents)
      .where(and(eq(alarmEvents.alarmId, alarmId), eq(alarmEvents.actor, 'someone else')));
    expect(rows).toEqual([]);
  });

  it('opens a work order from an alarm in one step, once', async () => {
    const order = await staff.workOrder.fromAlarm({ alarmId });
    expect(order).toMatchObject({ source: 'sensor_alarm', state: 'pending', alarmId });
    const detail = await staff.workOrder.detail({ id: order.id });
    // The console names the kind in the reader's language; the order itself is written in Chinese.
    expect(detail.alarmKind).toBe('smoke');
    expect(zhMessages.alarmKind[detail.alarmKind!]).toBe('烟感报警');
    expect(enMessages.alarmKind[detail.alarmKind!]).toBe('Smoke detected');
    expect(detail.description).toBe('烟感报警');
    const desk = await staff.alarm.list({ slug: 'xingyi-huayuan', states: ['closed'], limit: 500 });
    expect(desk.find((a) => a.id === alarmId)?.workOrder).toEqual({ id: order.id, code: order.code });
    await expect(staff.workOrder.fromAlarm({ alarmId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(staff.workOrder.transition({ id: order.id, action: 'finish' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await staff.workOrder.transition({ id: order.id, action: 'accept', photo: 'photo:before-1' });
    await staff.workOrder.transition({ id: order.id, action: 'finish', photo: 'photo:after-1' });
    await expect(staff.workOrder.transition({ id: order.id, action: 'visit' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const visited = await staff.workOrder.transition({
      id: order.id,
      action: 'visit',
      satisfaction: 5,
      resolved: 'yes',
    });
    expect(visited).toMatchObject({
      state: 'return_visit',
      satisfaction: 5,
      resolved: 'yes',
      beforePhotos: ['photo:before-1'],
      afterPhotos: ['photo:after-1'],
    });
    const trail = await staff.workOrder.history({ id: order.id });
    expect(trail.map((e) => e.toState)).toEqual(['pending', 'accepted', 'done', 'return_visit']);
  });

  it("takes a resident's report and shows its state — and only its state — publicly", async () => {
    const result = await submitReport(database.db, live, 'xingyi-huayuan', {
      category: '电动车违停',
      place: 'a:garage',
      description: '车库入口有电动车充电',
    });
    // Written without look-alike characters (no 0/O, 1/I, 5/S, 8/B …).
    expect(result?.reference).toMatch(new RegExp(`^R-[${REFERENCE_ALPHABET}]{8}$`));
    const status = await anonymous.workOrder.track({ slug: 'xingyi-huayuan', reference: result!.reference });
    expect(Object.keys(status).sort()).toEqual(['category', 'receivedOn', 'reference', 'state']);
    expect(status.state).toBe('pending');
    const list = await staff.workOrder.list({ slug: 'xingyi-huayuan', source: 'resident', limit: 500 });
    expect(list.find((o) => o.code === result!.reference)).toMatchObject({ place: '地下车库', category: '电动车违停' });
    await expect(anonymous.workOrder.track({ slug: 'jinghu', reference: result!.reference })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('offers staff accounts and names already on duty as assignees, and records an assignment', async () => {
    await testAccount(database.db, 'staff', {
      name: '值班员甲',
      email: 'duty-a@test.local',
      communities: ['xingyi-huayuan'],
    });
    await testAccount(database.db, 'resident', { name: '居民乙', email: 'resident-b@test.local' });
    // Staff of another community is not offered here.
    await testAccount(database.db, 'staff', {
      name: '别处值班员',
      email: 'duty-elsewhere@test.local',
      communities: ['jinghu'],
    });
    const who = await staff.alarm.assignees({ slug: 'xingyi-huayuan' });
    expect(who.accounts).toContainEqual({ name: '值班员甲', email: 'duty-a@test.local' });
    expect(who.accounts.some((a) => a.email === 'resident-b@test.local')).toBe(false);
    expect(who.accounts.some((a) => a.email === 'duty-elsewhere@test.local')).toBe(false);
    // The seeded alarms were handled by named guards, offered as free-text names.
    expect(who.names.length).toBeGreaterThan(0);
    const [open] = await database.db
      .insert(alarms)
      .values({ communityId, kind: 'smoke', severity: 'major', openedAt: new Date() })
      .returning();
    await staff.alarm.assign({ id: open!.id, assignee: '保安 王师傅' });
    const acked = await staff.alarm.transition({ id: open!.id, move: 'acknowledge' });
    // Acknowledging keeps the assignee someone chose.
    expect(acked.assignee).toBe('保安 王师傅');
    const trail = await staff.alarm.history({ id: open!.id });
    expect(trail.map((e) => [e.action, e.note])).toEqual([
      ['assign', '保安 王师傅'],
      ['acknowledge', null],
    ]);
    expect((await staff.alarm.assignees({ slug: 'xingyi-huayuan' })).names).toContain('保安 王师傅');
  });

  it('opens grid, 12345 and desk-taken resident orders with a place, a category due time and the right grid', async () => {
    const options = await staff.workOrder.formOptions({ slug: 'xingyi-huayuan' });
    expect(options.categories).toContainEqual({ name: '烟感报警处置', dueHours: 4 });
    expect(options.grids.map((g) => g.name)).toEqual(['第一综合网格', '第二综合网格', '第三综合网格', '第四综合网格']);
    const b14 = options.buildings.find((b) => b.name === '14号楼')!;
    const west = b14.units.find((u) => u.name === '西单元')!;
    const [grid2] = await database.db
      .select({ id: grids.id })
      .from(grids)
      .where(and(eq(grids.communityId, communityId), eq(grids.name, '第二综合网格')));
    const base = { slug: 'xingyi-huayuan', description: '楼道堆放杂物' } as const;
    const inFlat = await staff.workOrder.create({
      ...base,
      source: 'grid',
      category: '漏水',
      buildingId: b14.id,
      unitId: west.id,
      floor: 12,
    });
    expect(inFlat).toMatchObject({
      source: 'grid',
      state: 'pending',
      place: '14号楼西单元12层',
      gridId: grid2!.id,
      buildingId: b14.id,
      unitId: west.id,
      floor: 12,
    });
    expect(inFlat.dueAt.getTime() - inFlat.openedAt.getTime()).toBe(24 * 3_600_000);
    const hotline = await staff.workOrder.create({
      ...base,
      source: 'hotline_12345',
      category: '路灯',
      publicArea: 'road',
      reporterName: '来电市民',
      reporterPhone: '139 0000 1234',
    });
    expect(hotline).toMatchObject({
      source: 'hotline_12345',
      place: '小区道路',
      gridId: null,
      reporterName: '来电市民',
    });
    expect(hotline.dueAt.getTime() - hotline.openedAt.getTime()).toBe(72 * 3_600_000);
    const desk = await staff.workOrder.create({ ...base, source: 'resident', category: '噪音', buildingId: b14.id });
    expect(desk).toMatchObject({ source: 'resident', place: '14号楼' });
    const [otherUnit] = await database.db
      .select({ id: units.id })
      .from(units)
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(and(eq(buildings.communityId, communityId), eq(buildings.name, '31幢')));
    const before = await database.db.$count(workOrders);
    const refused: Array<[object, RegExp]> = [
      [{ source: 'grid', category: '漏水', buildingId: b14.id, publicArea: 'garage' }, /either a building/],
      [{ source: 'grid', category: '漏水' }, /either a building/],
      [{ source: 'grid', category: '漏水', publicArea: 'garage', floor: 2 }, /floor needs a building/],
      [{ source: 'grid', category: '漏水', buildingId: b14.id, unitId: otherUnit!.id }, /not in that building/],
      [{ source: 'grid', category: '漏水', buildingId: b14.id, floor: 40 }, /has 18 floors/],
      [{ source: 'grid', category: '随便什么', publicArea: 'garage' }, /category/],
      [{ source: 'sensor_alarm', category: '漏水', publicArea: 'garage' }, /source/],
    ];
    for (const [input, reason] of refused) {
      await expect(staff.workOrder.create({ ...base, ...input } as never)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(reason),
      });
    }
    expect(await database.db.$count(workOrders)).toBe(before);
  });

  it('filters the list by state, source, grid and overdue, and offers only the legal next moves', async () => {
    const all = await staff.workOrder.list({ slug: 'xingyi-huayuan', limit: 500 });
    const [grid2] = await database.db
      .select({ id: grids.id })
      .from(grids)
      .where(and(eq(grids.communityId, communityId), eq(grids.name, '第二综合网格')));
    const inGrid = await staff.workOrder.list({ slug: 'xingyi-huayuan', grid: grid2!.id, limit: 500 });
    expect(inGrid.length).toBeGreaterThan(0);
    expect(inGrid.every((o) => o.gridId === grid2!.id && o.grid === '第二综合网格')).toBe(true);
    const none = await staff.workOrder.list({ slug: 'xingyi-huayuan', grid: 'none', limit: 500 });
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((o) => o.gridId === null)).toBe(true);
    const overdue = await staff.workOrder.list({ slug: 'xingyi-huayuan', overdue: true, limit: 500 });
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((o) => o.overdue)).toBe(true);
    expect(overdue.length).toBe(all.filter((o) => o.overdue).length);
    const hotlinePending = await staff.workOrder.list({
      slug: 'xingyi-huayuan',
      state: 'pending',
      source: 'hotline_12345',
    });
    expect(hotlinePending.every((o) => o.state === 'pending' && o.source === 'hotline_12345')).toBe(true);
    expect(hotlinePending[0]?.moves).toEqual(['accept', 'return', 'transfer']);
    expect(all.find((o) => o.state === 'closed')?.moves).toEqual([]);
  });

  it('returns, transfers, finishes with photo references, visits and closes an order — and the rates move', async () => {
    const [grid2] = await database.db
      .select({ id: grids.id })
      .from(grids)
      .where(and(eq(grids.communityId, communityId), eq(grids.name, '第二综合网格')));
    const rateOf = async () =>
      (await staff.workOrder.rates({ slug: 'xingyi-huayuan' })).find((r) => r.gridId === grid2!.id)!;
    const monthOf = async () =>
      (await staff.workOrder.monthly({ slug: 'xingyi-huayuan', months: 1 })).find((r) => r.gridId === grid2!.id);
    const options = await staff.workOrder.formOptions({ slug: 'xingyi-huayuan' });
    const b14 = options.buildings.find((b) => b.name === '14号楼')!;
    const start = await rateOf();
    const startMonth = await monthOf();
    const order = await staff.workOrder.create({
      slug: 'xingyi-huayuan',
      source: 'hotline_12345',
      category: '电动车违停',
      buildingId: b14.id,
      description: '大堂内有电动车充电',
    });
    const opened = await rateOf();
    expect(opened).toMatchObject({ total: start.total + 1, completed: start.completed });
    expect(await monthOf()).toMatchObject({ total: (startMonth?.total ?? 0) + 1, grid: '第二综合网格' });

    const move = (
      action: 'accept' | 'return' | 'transfer' | 'finish' | 'visit' | 'close' | 'reopen',
      extra: object = {},
    ) => staff.workOrder.transition({ id: order.id, action, ...extra });
    await expect(move('return')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/needs a reason/),
    });
    await expect(move('transfer')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/needs the office/),
    });
    await expect(move('accept', { afterPhoto: 'after-1' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/After photos go with finishing/),
    });
    await expect(move('accept', { beforePhoto: 'a photo with spaces' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await move('transfer', { note: '转竹行街道城管科' });
    await move('accept', { beforePhoto: 'https://photos.example/xy/lobby-before.jpg' });
    await expect(move('close')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/must be return_visit or returned/),
    });
    const done = await move('finish', { afterPhoto: 'oss://linli/xy/lobby-after.jpg', note: '已劝离并张贴告示' });
    expect(done).toMatchObject({
      state: 'done',
      beforePhotos: ['https://photos.example/xy/lobby-before.jpg'],
      afterPhotos: ['oss://linli/xy/lobby-after.jpg'],
    });
    expect(await rateOf()).toMatchObject({ completed: start.completed + 1, total: start.total + 1 });
    await expect(move('visit', { satisfaction: 5 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/records the satisfaction/),
    });
    await move('visit', { satisfaction: 5, resolved: 'yes', note: '电话回访，居民满意' });
    const visited = await rateOf();
    expect(visited).toMatchObject({
      answered: start.answered + 1,
      solved: start.solved + 1,
      rated: start.rated + 1,
      satisfied: start.satisfied + 1,
    });
    expect(visited.satisfactionRate).toBeCloseTo((start.satisfied + 1) / (start.rated + 1), 10);
    const closed = await move('close');
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).toBeInstanceOf(Date);
    await expect(move('close')).rejects.toMatchObject({ code: 'CONFLICT' });
    const trail = await staff.workOrder.history({ id: order.id });
    expect(trail.map((e) => [e.action, e.toState, e.note])).toEqual([
      ['create', 'pending', null],
      ['transfer', 'transferred', '转竹行街道城管科'],
      ['accept', 'accepted', null],
      ['finish', 'done', '已劝离并张贴告示'],
      ['visit', 'return_visit', '电话回访，居民满意'],
      ['close', 'closed', null],
    ]);
    expect(trail.every((e) => e.actor === 'duty@test.local')).toBe(true);
    const detail = await staff.workOrder.detail({ id: order.id });
    expect(detail).toMatchObject({
      code: order.code,
      state: 'closed',
      grid: '第二综合网格',
      overdue: false,
      moves: [],
      alarmKind: null,
    });
    await expect(staff.workOrder.detail({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // A returned order closes as not ours, or goes back to pending.
    const other = await staff.workOrder.create({
      slug: 'xingyi-huayuan',
      source: 'grid',
      category: '其他',
      publicArea: 'gate',
      description: '大门道闸抬杆故障',
    });
    const returned = await staff.workOrder.transition({
      id: other.id,
      action: 'return',
      note: '属市政设施，非物业范围',
    });
    expect(returned.state).toBe('returned');
    expect((await staff.workOrder.transition({ id: other.id, action: 'reopen' })).state).toBe('pending');
  });

  it('derives patrol compliance per route and shift from the seeded check-ins', async () => {
    const c = await staff.patrol.compliance({ slug: 'jinghu', from: '2026-11-15', to: '2026-11-21' });
    expect(c.rows.length).toBeGreaterThan(0);
    for (const r of c.rows) expect(r.onTime + r.late + r.missed + r.pending).toBe(r.due);
    expect(c.rows.reduce((n, r) => n + r.onTime, 0)).toBeGreaterThan(0);
  });

  it('derives 星怡花园 patrol compliance per route and shift, night round included', async () => {
    const c = await staff.patrol.compliance({ slug: 'xingyi-huayuan', from: '2026-11-15', to: '2026-11-21' });
    expect(c.rows.map((r) => [r.route, r.shift, r.startTime])).toEqual([
      ['高层大堂电动车巡查', '日班', '09:30'],
      ['高层大堂电动车巡查', '夜班', '20:00'],
      ['车库与充电棚消防巡查', '日班', '10:30'],
      ['车库与充电棚消防巡查', '夜班', '23:40'],
      ['大门与周界巡更', '日班', '14:00'],
    ]);
    for (const r of c.rows) expect(r.onTime + r.late + r.missed + r.pending).toBe(r.due);
    const night = c.rows.find((r) => r.startTime === '23:40')!;
    // Seven nights; the round of 11-21 runs past the seed's midnight clock, so only its early points count.
    expect(night.onTime + night.late).toBeGreaterThan(night.due * 0.7);
    const weekly = c.rows.find((r) => r.route === '大门与周界巡更')!;
    // Tuesday 11-17 and Friday 11-20 only, 12 stops (4 gates, 8 fence points) each.
    expect(weekly.due).toBe(24);
  });

  it('publishes an acknowledged alarm to every console through ctx.live, and nothing for a refused move', async () => {
    const [a] = await database.db
      .insert(alarms)
      .values({ communityId, kind: 'gas_leak', severity: 'critical', openedAt: new Date('2026-11-22T03:00:00Z') })
      .returning();
    const published = recordingPublisher();
    const caller = await callerAs(database.db, 'staff', { email: 'duty@test.local', live: published });
    await caller.alarm.transition({ id: a!.id, move: 'acknowledge' });
    expect(published.published).toEqual([
      expect.objectContaining({
        communityId,
        alarms: [
          expect.objectContaining({ id: a!.id, kind: 'gas_leak', state: 'acknowledged', assignee: 'duty@test.local' }),
        ],
      }),
    ]);
    await expect(caller.alarm.transition({ id: a!.id, move: 'acknowledge' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(published.published).toHaveLength(1);
  });

  it('keeps an old critical alarm on the desk when more than the limit of newer, lesser alarms are open', async () => {
    const [c] = await database.db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.slug, 'jinghu'));
    const base = Date.parse('2026-11-21T00:00:00Z');
    const [old] = await database.db
      .insert(alarms)
      .values({
        communityId: c!.id,
        kind: 'smoke',
        severity: 'critical',
        openedAt: new Date(base - 30 * 86_400_000),
      })
      .returning();
    await database.db.insert(alarms).values(
      Array.from({ length: 120 }, (_, i) => ({
        communityId: c!.id,
        kind: 'water_leak' as const,
        severity: 'minor' as const,
        openedAt: new Date(base + i * 60_000),
      })),
    );
    const desk = await staff.alarm.list({ slug: 'jinghu' });
    expect(desk).toHaveLength(100);
    expect(desk[0]).toMatchObject({ id: old!.id, severity: 'critical' });
    // The desk's order throughout: by severity, then oldest first.
    const rank = { critical: 0, major: 1, minor: 2, warning: 3 };
    for (let i = 1; i < desk.length; i++) {
      const [a, b] = [desk[i - 1]!, desk[i]!];
      expect(rank[a.severity] < rank[b.severity] || (a.severity === b.severity && a.openedAt <= b.openedAt)).toBe(true);
    }
  });
});
