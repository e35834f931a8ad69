// Alarm desk and work orders through createCaller on every engine: the
// lifecycle and its refusals, the append-only audit trail, escalation with a
// controlled clock, a resident's report and its public status.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { alarmEvents, alarms, communities } from '~/db/schema';
import { seedDemo } from '~/db/seed';
import { createTestDatabase, testEngines } from '~/test/db';
import { escalateDue } from '../ops/alarm-ops';
import { submitReport } from '../ops/resident-report';
import { appRouter, createCaller } from '../root';

describe.each(testEngines)('operations on %s', (engine) => {
  let database: Database;
  let staff: ReturnType<typeof createCaller>;
  let anonymous: ReturnType<typeof createCaller>;
  let alarmId: number;
  let communityId: number;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { today: '2026-11-22' });
    staff = createCaller({ db: database.db, user: { id: 's', name: 'staff', email: 'duty@test.local', role: 'staff' } });
    anonymous = createCaller({ db: database.db, user: null });
    const [c] = await database.db.select({ id: communities.id }).from(communities).where(eq(communities.slug, 'xingyi-huayuan'));
    communityId = c!.id;
    const [a] = await database.db.insert(alarms).values({
      communityId, kind: 'smoke', severity: 'critical', title: '14号楼南侧车库烟感报警', openedAt: new Date('2026-11-22T02:00:00Z'),
    }).returning();
    alarmId = a!.id;
  });
  afterAll(() => database?.close());

  it('escalates a critical alarm left unacknowledged past its limit, once', async () => {
    const policy = { criticalAfterMinutes: 5, majorAfterMinutes: null };
    const early = await escalateDue(database.db, new Date('2026-11-22T02:04:00Z'), policy);
    expect(early.flatMap((c) => c.alarms).some((a) => a.id === alarmId)).toBe(false);
    const due = await escalateDue(database.db, new Date('2026-11-22T02:05:30Z'), policy);
    expect(due.flatMap((c) => c.alarms).find((a) => a.id === alarmId)).toMatchObject({ escalationLevel: 1, state: 'open' });
    const again = await escalateDue(database.db, new Date('2026-11-22T02:10:00Z'), policy);
    expect(again.flatMap((c) => c.alarms).some((a) => a.id === alarmId)).toBe(false);
    const list = await staff.alarm.list({ slug: 'xingyi-huayuan' });
    expect(list.find((a) => a.id === alarmId)).toMatchObject({ escalationLevel: 1 });
  });

  it('moves an alarm through its lifecycle and refuses illegal moves with a reason', async () => {
    await expect(staff.alarm.transition({ id: alarmId, move: 'close' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/must be resolved first/) });
    await staff.alarm.transition({ id: alarmId, move: 'acknowledge' });
    await expect(staff.alarm.transition({ id: alarmId, move: 'acknowledge' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already acknowledged/) });
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
    expect(procedures.sort()).toEqual(['alarm.assign', 'alarm.history', 'alarm.list', 'alarm.note', 'alarm.review', 'alarm.transition']);
    // Drizzle wraps the database's error; the trigger's message is its cause.
    const reason = (p: Promise<unknown>) => p.then(() => 'changed', (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e));
    expect(await reason(database.db.update(alarmEvents).set({ actor: 'someone else' }).where(eq(alarmEvents.alarmId, alarmId)))).toMatch(/append-only/);
    expect(await reason(database.db.delete(alarmEvents).where(eq(alarmEvents.alarmId, alarmId)))).toMatch(/append-only/);
    const rows = await database.db.select().from(alarmEvents).where(and(eq(alarmEvents.alarmId, alarmId), eq(alarmEvents.actor, 'someone else')));
    expect(rows).toEqual([]);
  });

  it('opens a work order from an alarm in one step, once', async () => {
    const order = await staff.workOrder.fromAlarm({ alarmId });
    expect(order).toMatchObject({ source: 'sensor_alarm', state: 'pending', alarmId });
    await expect(staff.workOrder.fromAlarm({ alarmId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(staff.workOrder.transition({ id: order.id, action: 'finish' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await staff.workOrder.transition({ id: order.id, action: 'accept', photo: 'photo:before-1' });
    await staff.workOrder.transition({ id: order.id, action: 'finish', photo: 'photo:after-1' });
    await expect(staff.workOrder.transition({ id: order.id, action: 'visit' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const visited = await staff.workOrder.transition({ id: order.id, action: 'visit', satisfaction: 5, resolved: 'yes' });
    expect(visited).toMatchObject({ state: 'return_visit', satisfaction: 5, resolved: 'yes', beforePhotos: ['photo:before-1'], afterPhotos: ['photo:after-1'] });
    const trail = await staff.workOrder.history({ id: order.id });
    expect(trail.map((e) => e.toState)).toEqual(['pending', 'accepted', 'done', 'return_visit']);
  });

  it("takes a resident's report and shows its state — and only its state — publicly", async () => {
    const result = await submitReport(database.db, 'xingyi-huayuan', { category: '电动车违停', place: 'a:garage', description: '车库入口有电动车充电' });
    expect(result?.reference).toMatch(/^R-[A-Z2-9]{8}$/);
    const status = await anonymous.workOrder.track({ slug: 'xingyi-huayuan', reference: result!.reference });
    expect(Object.keys(status).sort()).toEqual(['category', 'receivedOn', 'reference', 'state']);
    expect(status.state).toBe('pending');
    const list = await staff.workOrder.list({ slug: 'xingyi-huayuan', source: 'resident', limit: 500 });
    expect(list.find((o) => o.code === result!.reference)).toMatchObject({ place: '地下车库', category: '电动车违停' });
    await expect(anonymous.workOrder.track({ slug: 'jinghu', reference: result!.reference })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('derives patrol compliance per route and shift from the seeded check-ins', async () => {
    const c = await staff.patrol.compliance({ slug: 'jinghu', from: '2026-11-15', to: '2026-11-21' });
    expect(c.rows.length).toBeGreaterThan(0);
    for (const r of c.rows) expect(r.onTime + r.late + r.missed + r.pending).toBe(r.due);
    expect(c.rows.reduce((n, r) => n + r.onTime, 0)).toBeGreaterThan(0);
  });
});
