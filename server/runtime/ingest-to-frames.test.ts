// The ingest pipeline on both engines, assembled as the runtime does it, in
// process: batch writes, idempotence, alarms raised and cleared, incidents,
// the offline sweep, the HTTP door's refusals, and the frames subscribers receive.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { createTestDatabase, testEngines } from '~/test/db';
import { handleIngestRequest } from '../ingest/http';
import { createFixture, type Fixture } from '../ingest/test-fixture';
import type { LiveFrame } from '../live/types';
import { startRuntime, type Runtime } from './runtime';

const post = (runtime: Runtime, token: string | null, body: unknown) =>
  handleIngestRequest(
    new Request('http://test/api/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    runtime.ingest,
  );

describe.each(testEngines)('ingest pipeline on %s', (engine) => {
  let database: Database;
  let runtime: Runtime;
  let fx: Fixture;
  const frames: LiveFrame[] = [];
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await selectRows<{ n: number }>(database.db, query))[0]?.n ?? 0);
  const device = (cls: string) => fx.devices[cls]!;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    fx = await createFixture(database.db);
    runtime = await startRuntime(database, {
      bus: 'memory',
      frameMs: 20,
      retentionSeconds: 3600,
      maxFutureSeconds: 300,
      offlineAfterHeartbeats: 2,
      sweepSeconds: 0,
    });
    runtime.hub.subscribe(null, (f) => frames.push(f));
  });
  afterAll(async () => {
    await runtime?.close();
    await database?.close();
  });

  it('writes a batch in one go and stores each event once however often it is sent', async () => {
    const env = device('environment');
    const batch = Array.from({ length: 500 }, (_, i) => ({
      id: `e${i}`,
      kind: 'reading',
      at: Date.now() - 1000 + i,
      data: { temperatureC: 20 + i / 100 },
    }));
    const first = await post(runtime, env.token, batch);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ device: env.code, stored: 500, duplicates: 0 });
    const again = await post(runtime, env.token, batch);
    expect(await again.json()).toEqual({ device: env.code, stored: 0, duplicates: 500 });
    // One batch mixing stored events, an event sent twice within it, and new
    // ones: each is counted once, the first of a pair wins.
    const fresh = (id: string, t: number) => ({
      id,
      kind: 'reading',
      at: Date.now() - 1000,
      data: { temperatureC: t },
    });
    const mixed = [...batch.slice(0, 3), fresh('n1', 30), fresh('n1', 31), fresh('n2', 32)];
    expect(await (await post(runtime, env.token, mixed)).json()).toEqual({
      device: env.code,
      stored: 2,
      duplicates: 4,
    });
    const [n1] = await selectRows<{ t: number }>(
      database.db,
      sql`select (data->>'temperatureC')::float8 as t from device_events where device_id = ${env.id} and event_id = 'n1'`,
    );
    expect(n1?.t).toBe(30);
    // Concurrent duplicates meet in one group commit or in two: still one row each, counted once.
    const newTen = Array.from({ length: 10 }, (_, i) => fresh(`c${i}`, 25));
    const pair = await Promise.all([post(runtime, env.token, newTen), post(runtime, env.token, newTen)]);
    const answers = (await Promise.all(pair.map((r) => r.json()))) as Array<{ stored: number; duplicates: number }>;
    expect(answers.map((a) => a.stored).sort()).toEqual([0, 10]);
    expect(await count(sql`select count(*)::int as n from device_events where device_id = ${env.id}`)).toBe(512);
    const [row] = await selectRows<{ t: { temperatureC: number }; seen: Date | null }>(
      database.db,
      sql`select telemetry as t, last_seen_at as seen from devices where id = ${env.id}`,
    );
    expect(row?.t.temperatureC).toBe(25);
    expect(row?.seen).not.toBeNull();
  });

  it('lets a token write only for its own device', async () => {
    const smoke = device('smoke_detector');
    const other = device('environment');
    const res = await post(runtime, smoke.token, {
      id: 'x1',
      kind: 'heartbeat',
      at: Date.now(),
      device: other.code,
      data: {},
    });
    expect(res.status).toBe(403);
    expect((await post(runtime, null, { id: 'x2', kind: 'heartbeat', at: Date.now(), data: {} })).status).toBe(401);
    expect(
      (await post(runtime, 'ldt_' + 'A'.repeat(43), { id: 'x3', kind: 'heartbeat', at: Date.now(), data: {} })).status,
    ).toBe(401);
    expect(await count(sql`select count(*)::int as n from device_events where event_id like 'x%'`)).toBe(0);
  });

  it('raises a smoke alarm with a fire incident, and resolves it when the smoke clears', async () => {
    const smoke = device('smoke_detector');
    expect(
      (await post(runtime, smoke.token, { id: 's1', kind: 'reading', at: Date.now(), data: { smoke: true } })).status,
    ).toBe(200);
    let [d] = await selectRows<{ status: string }>(database.db, sql`select status from devices where id = ${smoke.id}`);
    expect(d?.status).toBe('alarm');
    const [alarm] = await selectRows<{ state: string; severity: string; incident_id: number | null }>(
      database.db,
      sql`select state, severity, incident_id from alarms where device_id = ${smoke.id} and kind = 'smoke'`,
    );
    expect(alarm).toMatchObject({ state: 'open', severity: 'critical' });
    expect(alarm?.incident_id).not.toBeNull();
    // Smoke again while the alarm is open: no second alarm.
    await post(runtime, smoke.token, { id: 's2', kind: 'reading', at: Date.now(), data: { smoke: true } });
    expect(
      await count(sql`select count(*)::int as n from alarms where device_id = ${smoke.id} and kind = 'smoke'`),
    ).toBe(1);
    await post(runtime, smoke.token, { id: 's3', kind: 'reading', at: Date.now() + 10, data: { smoke: false } });
    [d] = await selectRows<{ status: string }>(database.db, sql`select status from devices where id = ${smoke.id}`);
    expect(d?.status).toBe('online');
    const [after] = await selectRows<{ state: string; resolved_at: Date | null }>(
      database.db,
      sql`select state, resolved_at from alarms where device_id = ${smoke.id} and kind = 'smoke'`,
    );
    expect(after?.state).toBe('resolved');
    expect(after?.resolved_at).not.toBeNull();
  });

  it('records a throwing incident by floor with its trajectory, counted in the floor rollup', async () => {
    const cam = device('throwing_camera');
    const trajectory = [
      { t: 0, x: 1, y: 0, z: 14.5 },
      { t: 1.2, x: 1, y: 0.4, z: 0 },
    ];
    const res = await post(runtime, cam.token, {
      id: 't1',
      kind: 'throwing',
      at: Date.now(),
      data: { floor: 5, floorBand: [4, 6], windowColumn: 2, facade: 'south', trajectory },
    });
    expect(res.status).toBe(200);
    const [incident] = await selectRows<{
      floor: number;
      window_column: number;
      trajectory: unknown;
      floor_band_from: number;
    }>(
      database.db,
      sql`select floor, window_column, trajectory, floor_band_from from incidents where source_event_id = 't1'`,
    );
    expect(incident).toEqual({ floor: 5, window_column: 2, trajectory, floor_band_from: 4 });
    expect(
      await count(
        sql`select coalesce(sum(count), 0)::int as n from incident_floor_daily where building_id = ${fx.buildingId} and floor = 5`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from alarms where device_id = ${cam.id} and kind = 'throwing' and incident_id is not null`,
      ),
    ).toBe(1);
  });

  it('records the seconds an e-bike held the elevator door', async () => {
    const cam = device('elevator_ebike_camera');
    await post(runtime, cam.token, {
      id: 'b1',
      kind: 'ebike_blocked',
      at: Date.now(),
      data: { doorHeldSeconds: 75, releasedBy: 'staff' },
    });
    const [incident] = await selectRows<{ kind: string; door_held_seconds: number; released_by: string }>(
      database.db,
      sql`select kind, door_held_seconds, released_by from incidents where source_event_id = 'b1'`,
    );
    expect(incident).toEqual({ kind: 'ebike_elevator', door_held_seconds: 75, released_by: 'staff' });
  });

  it('puts an elevator in fault and back, and raises a trapped-passenger alarm', async () => {
    const lift = device('elevator_controller');
    await post(runtime, lift.token, [
      { id: 'l1', kind: 'fault', at: Date.now(), data: { code: 'E30' } },
      { id: 'l2', kind: 'reading', at: Date.now() + 1, data: { trapped: true } },
    ]);
    const status = async () =>
      (await selectRows<{ status: string }>(database.db, sql`select status from devices where id = ${lift.id}`))[0]
        ?.status;
    expect(await status()).toBe('fault');
    expect(
      await count(
        sql`select count(*)::int as n from alarms where device_id = ${lift.id} and kind = 'elevator_trapped' and state = 'open'`,
      ),
    ).toBe(1);
    await post(runtime, lift.token, [
      { id: 'l3', kind: 'recovered', at: Date.now() + 2, data: {} },
      { id: 'l4', kind: 'reading', at: Date.now() + 3, data: { trapped: false } },
    ]);
    expect(await status()).toBe('online');
    expect(
      await count(sql`select count(*)::int as n from alarms where device_id = ${lift.id} and state = 'resolved'`),
    ).toBe(2);
  });

  it('takes a silent device offline with an alarm, and back online when it speaks', async () => {
    const leak = device('water_leak_contact');
    await database.db.execute(
      sql`update devices set last_seen_at = now() - interval '10 minutes', status = 'online' where id = ${leak.id}`,
    );
    await runtime.sweep();
    const status = async () =>
      (await selectRows<{ status: string }>(database.db, sql`select status from devices where id = ${leak.id}`))[0]
        ?.status;
    expect(await status()).toBe('offline');
    expect(
      await count(
        sql`select count(*)::int as n from alarms where device_id = ${leak.id} and kind = 'device_offline' and state = 'open'`,
      ),
    ).toBe(1);
    await new Promise((r) => setTimeout(r, 5));
    await post(runtime, leak.token, { id: 'w1', kind: 'heartbeat', at: Date.now(), data: {} });
    expect(await status()).toBe('online');
    expect(
      await count(
        sql`select count(*)::int as n from alarms where device_id = ${leak.id} and kind = 'device_offline' and state = 'resolved'`,
      ),
    ).toBe(1);
  });

  it('sends coalesced frames with the status changes, stored with a rising seq', async () => {
    await runtime.frames.flush();
    const seen = frames.filter((f) => f.communityId === fx.communityId);
    expect(seen.length).toBeGreaterThan(0);
    const seqs = seen.map((f) => f.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    // Coalesced: a frame carries where each device ended up, which the table agrees with.
    const last = new Map(seen.flatMap((f) => f.devices));
    const rows = await selectRows<{ id: number; status: string }>(
      database.db,
      sql`select id, status from devices where community_id = ${fx.communityId}`,
    );
    for (const r of rows) if (last.has(r.id)) expect(last.get(r.id), `device ${r.id}`).toBe(r.status);
    expect(last.get(device('elevator_controller').id)).toBe('online');
    expect(
      seen
        .flatMap((f) => f.alarms)
        .filter((a) => a.kind === 'smoke')
        .at(-1)?.state,
    ).toBe('resolved');
    expect(seen.flatMap((f) => f.incidents).map((i) => i.kind)).toEqual(
      expect.arrayContaining(['throwing', 'ebike_elevator', 'fire_smoke']),
    );
    expect(await count(sql`select count(*)::int as n from live_frames where community_id = ${fx.communityId}`)).toBe(
      seen.length,
    );
    // 500 events in one request: far fewer frames than events.
    expect(seen.reduce((n, f) => n + f.events, 0)).toBeGreaterThan(500);
    expect(seen.length).toBeLessThan(30);
  });
});
