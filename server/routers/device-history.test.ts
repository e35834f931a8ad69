// The device panel's readings history (device.history) on the seeded demo: 10-minute means per
// numeric field over the last 24 hours, nothing older and nothing that is not a number; staff of
// one community asking for another's device are told it does not exist. The demo's own
// telemetry is held to the telemetry catalog here, where a seeded database is at hand.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { deviceEvents } from '~/db/schema';
import type { DeviceClass } from '~/db/vocab';
import { CLASS_FIELDS, COMMON_FIELDS } from '~/lib/telemetry-fields';
import { callerAs, createSeededDatabase, type Caller } from '~/test/callers';
import { testEngines } from '~/test/db';
import { HISTORY_BUCKET_MINUTES } from '../queries/device-history';

describe.each(testEngines)('device readings history on %s', (engine) => {
  let database: Database;
  let staff: Caller;
  let caifuStaff: Caller;
  let smoke: number;
  let quiet: number;
  let jinghuDevice: number;

  beforeAll(async () => {
    database = await createSeededDatabase(engine);
    const db = database.db;
    staff = await callerAs(db, 'staff');
    caifuStaff = await callerAs(db, 'staff', { communities: ['caifu-xingyuan'], email: 'caifu-staff@test.local' });
    const device = async (slug: string, cls: DeviceClass, offset = 0) => {
      const [row] = await selectRows<{ id: number }>(
        db,
        sql`select d.id from devices d join communities c on c.id = d.community_id
            where c.slug = ${slug} and d.class = ${cls} order by d.id offset ${offset} limit 1`,
      );
      return row!.id;
    };
    smoke = await device('caifu-xingyuan', 'smoke_detector');
    quiet = await device('caifu-xingyuan', 'smoke_detector', 1);
    jinghuDevice = await device('jinghu', 'smoke_detector');
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await db.insert(deviceEvents).values([
      { deviceId: smoke, eventId: 'h-old', kind: 'reading', at: ago(25 * 60), data: { battery: 99 } },
      { deviceId: smoke, eventId: 'h-1', kind: 'reading', at: ago(120), data: { smoke: false, battery: 80 } },
      { deviceId: smoke, eventId: 'h-2', kind: 'reading', at: ago(60), data: { battery: 70, signalDbm: -101 } },
      { deviceId: smoke, eventId: 'h-3', kind: 'heartbeat', at: ago(5), data: { battery: 60, signal: -95 } },
      { deviceId: smoke, eventId: 'h-4', kind: 'fault', at: ago(4), data: { code: 'E15' } },
      { deviceId: smoke, eventId: 'h-5', kind: 'reading', at: ago(3), data: { firmware: 'v2.1', extraLevel: 4 } },
    ]);
  }, 240_000);
  afterAll(() => database?.close());

  it('gives each numeric field of the last 24 hours, oldest first, with its range', async () => {
    const h = await staff.device.history({ id: smoke });
    expect(h.bucketMinutes).toBe(HISTORY_BUCKET_MINUTES);
    expect(h.to.getTime() - h.from.getTime()).toBe(24 * 3_600_000);
    // Four readings and heartbeats in the window; the 25-hour-old one and the fault are not readings of it.
    expect(h.events).toBe(4);
    const byField = Object.fromEntries(h.series.map((s) => [s.field, s]));
    expect(Object.keys(byField).sort()).toEqual(['battery', 'extraLevel', 'signal', 'signalDbm']);
    expect(byField.battery!.points.map(([, v]) => v)).toEqual([80, 70, 60]);
    expect(byField.battery!.min).toBe(60);
    expect(byField.battery!.max).toBe(80);
    const times = byField.battery!.points.map(([t]) => t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => t % (HISTORY_BUCKET_MINUTES * 60_000) === 0)).toBe(true);
    expect(byField.signalDbm!.points).toHaveLength(1);
    expect(byField.signalDbm!.points[0]![1]).toBe(-101);
  });

  it('gives nothing for a device that said nothing in the window', async () => {
    const h = await staff.device.history({ id: quiet });
    expect(h.events).toBe(0);
    expect(h.series).toEqual([]);
  });

  it('refuses another community’s device as a missing one', async () => {
    await expect(caifuStaff.device.history({ id: jinghuDevice })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caifuStaff.device.history({ id: smoke })).resolves.toMatchObject({ events: 4 });
    await expect(staff.device.history({ id: 999_999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('has a label for every field the demo’s devices carry', async () => {
    const rows = await selectRows<{ class: DeviceClass; key: string }>(
      database.db,
      sql`select distinct d.class, k.key from devices d cross join lateral jsonb_object_keys(d.telemetry) as k(key)`,
    );
    expect(rows.length).toBeGreaterThan(16);
    const missing = rows.filter((r) => ![...CLASS_FIELDS[r.class], ...COMMON_FIELDS].includes(r.key as never));
    expect(missing).toEqual([]);
  });
});
