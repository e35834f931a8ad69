// The ops desk's reads and the response targets through the router, on every engine: targets
// saved with the community's thresholds, refused out of bounds with nothing written, audited on
// the change trail; the desk's deadlines follow them; a device filter; people named, not e-mailed.
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { alarms } from '~/db/schema';
import { callerAs } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';
import { createFixture, type Fixture } from '../ingest/test-fixture';
import type { createCaller } from '../root';

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describe.each(testEngines)('ops desk and response targets on %s', (engine) => {
  let database: Database;
  let staff: ReturnType<typeof createCaller>;
  let unnamed: ReturnType<typeof createCaller>;
  let viewer: ReturnType<typeof createCaller>;
  let alpha: Fixture;

  const stored = async () =>
    (
      await selectRows<{ thresholds: Record<string, number> }>(
        database.db,
        sql`select thresholds from communities where id = ${alpha.communityId}`,
      )
    )[0]!.thresholds;
  const trail = async () =>
    selectRows<{ kind: string; actor: string; detail: Record<string, unknown> }>(
      database.db,
      sql`select kind, actor, detail from community_changes where community_id = ${alpha.communityId} order by id`,
    );

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    alpha = await createFixture(database.db, 'alpha');
    await createFixture(database.db, 'beta');
    staff = await callerAs(database.db, 'staff', {
      name: '值班员 李娜',
      email: 'li.na@test.local',
      communities: ['alpha'],
    });
    unnamed = await callerAs(database.db, 'staff', {
      name: ' ',
      email: 'guard.wang@test.local',
      communities: ['alpha'],
    });
    viewer = await callerAs(database.db, 'viewer', { communities: ['alpha'] });
  }, 120_000);
  afterAll(() => database?.close());

  it('offers the default targets until the community sets its own', async () => {
    const table = await staff.alarm.responseTargets({ slug: 'alpha' });
    expect(table.map((r) => [r.severity, r.minutes, r.overridden])).toEqual([
      ['critical', 15, false],
      ['major', 60, false],
      ['minor', 240, false],
      ['warning', 1440, false],
    ]);
  });

  it('saves targets with the thresholds, audited, and leaves the alarm thresholds as they were', async () => {
    await staff.onboard.setThresholds({ slug: 'alpha', values: { gasLelPercent: 25 } });
    const table = await staff.alarm.setResponseTargets({ slug: 'alpha', values: { critical: 10, minor: 120 } });
    expect(table.find((r) => r.severity === 'critical')).toMatchObject({ minutes: 10, overridden: true });
    expect(await stored()).toEqual({ gasLelPercent: 25, responseCriticalMinutes: 10, responseMinorMinutes: 120 });
    const last = (await trail()).at(-1)!;
    expect(last).toMatchObject({
      kind: 'responseTargets.update',
      actor: 'li.na@test.local',
      detail: { critical: [null, 10], minor: [null, 120] },
    });
    // Setting the same again changes nothing and records nothing.
    const before = (await trail()).length;
    await staff.alarm.setResponseTargets({ slug: 'alpha', values: { critical: 10 } });
    expect((await trail()).length).toBe(before);
    // A later threshold change keeps the targets.
    await staff.onboard.setThresholds({ slug: 'alpha', values: { gasLelPercent: null } });
    expect(await stored()).toEqual({ responseCriticalMinutes: 10, responseMinorMinutes: 120 });
    // Back to the default: the key goes, on the trail with its old value.
    await staff.alarm.setResponseTargets({ slug: 'alpha', values: { minor: null } });
    expect(await stored()).toEqual({ responseCriticalMinutes: 10 });
    expect((await trail()).at(-1)).toMatchObject({ kind: 'responseTargets.update', detail: { minor: [120, null] } });
  });

  it('refuses a target outside its bounds, writing nothing', async () => {
    const before = { stored: await stored(), trail: (await trail()).length };
    for (const values of [{ critical: 600 }, { warning: 30 }, { major: 0 }, { minor: 12.5 }]) {
      expect(code(await staff.alarm.setResponseTargets({ slug: 'alpha', values }).catch((e: unknown) => e))).toBe(
        'BAD_REQUEST',
      );
    }
    // One bad value refuses the whole change.
    await expect(
      staff.alarm.setResponseTargets({ slug: 'alpha', values: { major: 30, critical: 500 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await stored()).toEqual(before.stored);
    expect((await trail()).length).toBe(before.trail);
  });

  it('lets only staff of the community change them', async () => {
    expect(
      code(await viewer.alarm.setResponseTargets({ slug: 'alpha', values: { critical: 5 } }).catch((e) => e)),
    ).toBe('FORBIDDEN');
    expect(code(await staff.alarm.setResponseTargets({ slug: 'beta', values: { critical: 5 } }).catch((e) => e))).toBe(
      'FORBIDDEN',
    );
    expect((await stored()).responseCriticalMinutes).toBe(10);
  });

  it("gives each desk alarm its deadline by the community's target, filters by device, and names assignees", async () => {
    const openedAt = new Date('2026-12-03T08:00:00Z');
    const smoke = alpha.devices.smoke_detector!;
    const gas = alpha.devices.fire_water_pressure!;
    const rows = await database.db
      .insert(alarms)
      .values([
        { communityId: alpha.communityId, deviceId: smoke.id, kind: 'smoke', severity: 'critical', openedAt },
        {
          communityId: alpha.communityId,
          deviceId: gas.id,
          kind: 'fire_water_low_pressure',
          severity: 'major',
          openedAt,
        },
      ])
      .returning();
    const [critical, major] = rows;
    // Acknowledged by an account: it becomes the assignee, shown by name.
    await staff.alarm.transition({ id: critical!.id, move: 'acknowledge' });
    // Assigned to an account with no name: its e-mail's local part, never the address.
    await staff.alarm.assign({ id: major!.id, assignee: 'guard.wang@test.local' });

    const desk = await staff.alarm.list({ slug: 'alpha' });
    const c = desk.find((a) => a.id === critical!.id)!;
    const m = desk.find((a) => a.id === major!.id)!;
    expect(c.respondBy).toEqual(new Date('2026-12-03T08:10:00Z')); // the community's 10 min
    expect(m.respondBy).toEqual(new Date('2026-12-03T09:00:00Z')); // the default hour
    expect(c.assignee).toBe('li.na@test.local');
    expect(c.assigneeName).toBe('值班员 李娜');
    expect(m.assigneeName).toBe('guard.wang');
    expect(desk.map((a) => a.assigneeName).join(' ')).not.toContain('@');

    const filtered = await staff.alarm.list({ slug: 'alpha', deviceCode: gas.code });
    expect(filtered.map((a) => a.id)).toEqual([major!.id]);
    expect(filtered[0]!.deviceCode).toBe(gas.code);
    expect(await staff.alarm.list({ slug: 'alpha', deviceCode: 'NO-SUCH-0000' })).toEqual([]);

    // The trail names its actors and the assignee, and keeps what was written.
    const history = await staff.alarm.history({ id: major!.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'assign',
      actor: 'li.na@test.local',
      actorName: '值班员 李娜',
      note: 'guard.wang@test.local',
      assigneeName: 'guard.wang',
    });
    // So do the assignees offered, and a work order's trail.
    const who = await staff.alarm.assignees({ slug: 'alpha' });
    expect(who.accounts.find((a) => a.email === 'guard.wang@test.local')?.name).toBe('guard.wang');
    const order = await unnamed.workOrder.fromAlarm({ alarmId: critical!.id });
    const woTrail = await staff.workOrder.history({ id: order.id });
    expect(woTrail.map((e) => e.actorName)).toEqual(['guard.wang']);
  });
});
