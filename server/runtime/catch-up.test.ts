// A process killed after its commit but inside its coalescing window never
// wrote that window's frame. The next runtime to start announces what it
// missed, so a console that stayed connected (to another instance, or
// reconnecting after the restart) sees the smoke alarm without a reload.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { createTestDatabase, testEngines } from '~/test/db';
import { acceptPayload } from '../ingest/accept';
import { parseEvents } from '../ingest/event-schema';
import { createFixture, type Fixture } from '../ingest/test-fixture';
import { writeBatch } from '../ingest/write';
import type { FramePayload } from '../live/types';
import { startRuntime } from './runtime';

const OPTIONS = {
  bus: 'memory',
  frameMs: 20,
  retentionSeconds: 3600,
  maxFutureSeconds: 300,
  offlineAfterHeartbeats: 2,
  sweepSeconds: 0,
} as const;

describe.each(testEngines)('catching up unframed changes on %s', (engine) => {
  let database: Database;
  let fx: Fixture;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    fx = await createFixture(database.db, 'catchup');
  });
  afterAll(async () => {
    await database?.close();
  });

  const framesAfter = async (seq: number) =>
    selectRows<{ seq: number; community_id: number; payload: FramePayload }>(
      database.db,
      sql`select seq::int as seq, community_id, payload from live_frames where seq > ${seq} order by seq`,
    );
  const lastSeq = async () =>
    Number(
      (await selectRows<{ n: number }>(database.db, sql`select coalesce(max(seq), 0)::int as n from live_frames`))[0]!
        .n,
    );

  it('announces a smoke alarm and a throwing incident that were committed without a frame', async () => {
    // A first runtime frames ordinary traffic, then "dies": the next batch is
    // committed straight through the writer, with no frame writer behind it.
    const smoke = fx.devices.smoke_detector!;
    const cam = fx.devices.throwing_camera!;
    const facts = (d: typeof smoke) => ({
      id: d.id,
      code: d.code,
      class: d.class,
      communityId: fx.communityId,
      communitySlug: fx.slug,
      buildingId: fx.buildingId,
      unitId: null,
      tokenHash: null,
    });
    const first = await startRuntime(database, OPTIONS);
    const ok = await acceptPayload(
      first.pipeline,
      facts(fx.devices.environment!),
      JSON.stringify({ id: 'cu-env', kind: 'reading', at: Date.now(), data: { temperatureC: 21 } }),
      { maxFutureSeconds: 300 },
    );
    expect(ok).toMatchObject({ ok: true, stored: 1 });
    await first.close();
    const before = await lastSeq();
    expect(before).toBeGreaterThan(0);
    const parsed = parseEvents([{ id: 'cu-smoke', kind: 'reading', at: Date.now(), data: { smoke: true } }], {
      maxFutureMs: 300_000,
    });
    const thrown = parseEvents(
      {
        id: 'cu-throw',
        kind: 'throwing',
        at: Date.now(),
        data: {
          floor: 5,
          floorBand: [4, 6],
          trajectory: [
            { t: 0, x: 0, y: 0, z: 15 },
            { t: 1.7, x: 1, y: 2, z: 0 },
          ],
        },
      },
      { maxFutureMs: 300_000 },
    );
    if (!parsed.ok || !thrown.ok) throw new Error('test events must parse');
    await writeBatch(database, [
      ...parsed.events.map((event) => ({ device: facts(smoke), event })),
      ...thrown.events.map((event) => ({ device: facts(cam), event })),
    ]);
    expect(await framesAfter(before)).toEqual([]);

    const second = await startRuntime(database, OPTIONS);
    await second.close();
    const frames = (await framesAfter(before)).filter((f) => f.community_id === fx.communityId);
    expect(frames).toHaveLength(1);
    const frame = frames[0]!.payload;
    expect(frame.devices).toContainEqual([smoke.id, 'alarm']);
    expect(frame.alarms.filter((a) => a.deviceId === smoke.id).map((a) => [a.kind, a.state])).toEqual([
      ['smoke', 'open'],
    ]);
    expect(frame.incidents.map((i) => [i.kind, i.deviceId, i.floor])).toEqual(
      expect.arrayContaining([
        ['throwing', cam.id, 5],
        ['fire_smoke', smoke.id, null],
      ]),
    );

    // Once framed, a further restart does not announce the incidents again.
    const seq = await lastSeq();
    const third = await startRuntime(database, OPTIONS);
    await third.close();
    expect((await framesAfter(seq)).flatMap((f) => f.payload.incidents)).toEqual([]);
  });
});
