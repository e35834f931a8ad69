// More than a thousand malformed or hostile payloads through both doors: each
// is refused with a 4xx (HTTP) or dead-lettered with a reason (MQTT), no event
// row is written, and the process serves the next good event as before.
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { createTestDatabase, testEngines } from '~/test/db';
import { handleIngestRequest } from './http';
import { startEmbeddedBroker, type EmbeddedBroker } from './mqtt-broker';
import { deviceTopic } from './mqtt-topic';
import { createFixture, startTestIngest, type Fixture, type TestIngest } from './test-fixture';

/** Deterministic so a failure can be replayed. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const good = () => ({ id: 'ok', kind: 'reading', at: Date.now(), data: { temperatureC: 21 } });

/** Bodies (as text) that must each be refused. */
export function hostileBodies(n: number, otherCode: string): string[] {
  const r = rng(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const deep = (d: number) => '['.repeat(d) + ']'.repeat(d);
  const makers: Array<(i: number) => unknown> = [
    (i) => ({ ...good(), id: pick([i, null, true, {}, [], '', 'x'.repeat(65), 'has space', 'ü']) }),
    () => ({ ...good(), kind: pick(['', 'READING', 'sql;drop', 1, null, 'heartbeat ', 'throw']) }),
    () => ({
      ...good(),
      at: pick(['yesterday', '2026-13-45T00:00:00Z', '', null, {}, -1, 1.5, 9e15, '2026-11-22 08:00']),
    }),
    () => ({ ...good(), at: Date.now() + (1 + r() * 1000) * 86_400_000 }),
    () => ({ ...good(), at: new Date(Date.now() + 3_600_000).toISOString() }),
    () => ({
      ...good(),
      data: pick([null, 'text', 5, [1, 2], { nested: { a: 1 } }, { arr: [1] }, { ['x'.repeat(40)]: 1 }]),
    }),
    () => ({ ...good(), data: { temperatureC: 'x'.repeat(65 + Math.floor(r() * 100_000)) } }),
    () => ({
      ...good(),
      data: Object.fromEntries(Array.from({ length: 33 + Math.floor(r() * 50) }, (_, k) => [`f${k}`, k])),
    }),
    () => ({ ...good(), extra: 1 }),
    () => ({ ...good(), data: { note: pick(['a\u0000b', '\ud800', 'x\udc00y']) } }),
    () => ({ id: 'f', kind: 'fault', at: Date.now(), data: { code: 'E1', message: '\u0000' } }),
    () => ({ ...good(), device: otherCode }),
    () => ({ id: 'h', kind: 'heartbeat', at: Date.now(), data: { battery: pick([101, -1, 'full', null]) } }),
    () => ({
      id: 't',
      kind: 'throwing',
      at: Date.now(),
      data: {
        floorBand: [9, 3],
        trajectory: [
          { t: 0, x: 0, y: 0, z: 0 },
          { t: 1, x: 0, y: 0, z: 0 },
        ],
      },
    }),
    () => ({
      id: 't',
      kind: 'throwing',
      at: Date.now(),
      data: { floorBand: [3, 9], trajectory: Array.from({ length: 65 }, () => ({ t: 0, x: 0, y: 0, z: 0 })) },
    }),
    () => ({
      id: 't',
      kind: 'throwing',
      at: Date.now(),
      data: {
        floorBand: [3, 9],
        trajectory: [
          { t: 0, x: 1e9, y: 0, z: 0 },
          { t: 0, x: 0, y: 0, z: 0 },
        ],
      },
    }),
    () => ({
      id: 'e',
      kind: 'ebike_blocked',
      at: Date.now(),
      data: { doorHeldSeconds: pick([-5, 99999, '60']), releasedBy: 'auto' },
    }),
    () => ({ id: 'f', kind: 'fault', at: Date.now(), data: {} }),
    () => ({ id: 'm', kind: 'maintenance', at: Date.now(), data: { on: 'yes' } }),
    () => [],
    () => Array.from({ length: 1001 }, (_, k) => ({ ...good(), id: `b${k}` })),
    () => [good(), { ...good(), id: 'bad id' }],
    () => JSON.parse('{"__proto__": {"polluted": true}, "id": "p", "kind": "reading", "at": 1, "data": {}}'),
  ];
  const raw: Array<() => string> = [
    () => pick(['', 'null', 'true', '42', '"string"', '{', '{"id":', 'NaN', 'Infinity', '-Infinity', '\u0000']),
    () =>
      `{"id":"n","kind":"reading","at":${Date.now()},"data":{"v":${pick(['NaN', 'Infinity', '1e999', '-1e999', 'undefined', '0x10'])}}}`,
    () => deep(50 + Math.floor(r() * 200_000)),
    () => `{"a":`.repeat(5000) + '1' + '}'.repeat(5000),
    () => Buffer.from(Array.from({ length: 200 }, () => Math.floor(r() * 256))).toString('latin1'),
  ];
  return Array.from({ length: n }, (_, i) => (r() < 0.25 ? pick(raw)() : JSON.stringify(pick(makers)(i))));
}

describe.each(testEngines)('hostile input on %s', (engine) => {
  let database: Database;
  let runtime: TestIngest;
  let broker: EmbeddedBroker;
  let fx: Fixture;
  const events = async () =>
    Number((await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from device_events`))[0]?.n);
  const deadLetters = async () =>
    Number((await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from dead_letters`))[0]?.n);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    fx = await createFixture(database.db, 'hostile');
    runtime = startTestIngest(database);
    // Packets up to 1 MiB, so bodies past the event size limit reach the dead-letter check
    // (at the default 64 KiB the broker closes the connection first: mqtt-broker-limits.test.ts).
    broker = await startEmbeddedBroker(runtime.ingest, { port: 0, host: '127.0.0.1', maxPacketBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await broker?.close();
    await runtime?.close();
    await database?.close();
  });

  it('answers 800 hostile HTTP bodies with 4xx and writes nothing', async () => {
    const env = fx.devices.environment!;
    const bodies = hostileBodies(800, fx.devices.smoke_detector!.code);
    const before = await events();
    const statuses = new Map<number, number>();
    for (let i = 0; i < bodies.length; i += 50) {
      const results = await Promise.all(
        bodies.slice(i, i + 50).map(async (body) => {
          const res = await handleIngestRequest(
            new Request('http://test/api/ingest', {
              method: 'POST',
              headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' },
              body,
            }),
            runtime.ingest,
          );
          const reply = (await res.json()) as { error?: string };
          expect(reply.error, body.slice(0, 80)).toBeTruthy();
          return res.status;
        }),
      );
      for (const s of results) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    for (const s of statuses.keys()) expect([400, 403, 413]).toContain(s);
    expect(await events()).toBe(before);
    // Wrong, foreign and missing credentials, a wrong content type.
    const attempts: Array<[Record<string, string>, number]> = [
      [{ authorization: 'Bearer ldt_nope_nope_nope_nope', 'content-type': 'application/json' }, 401],
      [{ authorization: `Basic ${env.token}`, 'content-type': 'application/json' }, 401],
      [{ 'content-type': 'application/json' }, 401],
      [{ authorization: `Bearer ${env.token}`, 'content-type': 'text/plain' }, 415],
    ];
    for (const [headers, status] of attempts) {
      const res = await handleIngestRequest(
        new Request('http://test/api/ingest', { method: 'POST', headers, body: JSON.stringify(good()) }),
        runtime.ingest,
      );
      expect(res.status).toBe(status);
    }
    const ok = await handleIngestRequest(
      new Request('http://test/api/ingest', {
        method: 'POST',
        headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(good()),
      }),
      runtime.ingest,
    );
    expect(ok.status).toBe(200);
    expect(await events()).toBe(before + 1);
  });

  it('dead-letters 250 hostile MQTT payloads with a reason, and refuses foreign topics and bad credentials', async () => {
    const dev = fx.devices.fire_water_pressure!;
    const url = `mqtt://127.0.0.1:${broker.port}`;
    const before = await events();
    const deadBefore = await deadLetters();
    const client = await mqtt.connectAsync(url, { username: dev.code, password: dev.token, reconnectPeriod: 0 });
    const bodies = hostileBodies(250, fx.devices.smoke_detector!.code).filter((b) => Buffer.byteLength(b) < 900_000);
    await Promise.all(bodies.map((b) => client.publishAsync(deviceTopic(fx.slug, dev.code, 'reading'), b, { qos: 1 })));
    expect(await deadLetters()).toBe(deadBefore + bodies.length);
    const reasons = await selectRows<{ reason: string }>(
      database.db,
      sql`select reason from dead_letters order by id desc limit 50`,
    );
    for (const r of reasons) expect(r.reason.length).toBeGreaterThan(3);

    // Another device's topic: dead-lettered, connection dropped, nothing stored.
    const foreign = [
      deviceTopic(fx.slug, fx.devices.smoke_detector!.code, 'reading'),
      deviceTopic('other-place', dev.code, 'reading'),
      'linli/x',
      'elsewhere/a/b/c',
      `${deviceTopic(fx.slug, dev.code, 'reading')}/extra`,
    ];
    for (const topic of foreign) {
      const c = await mqtt.connectAsync(url, { username: dev.code, password: dev.token, reconnectPeriod: 0 });
      const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
      c.publish(topic, JSON.stringify(good()), { qos: 1 });
      await closed;
      c.end(true);
    }
    // Recorded while the connection is being dropped: give the last one a moment.
    for (let i = 0; i < 50 && (await deadLetters()) < deadBefore + bodies.length + foreign.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await deadLetters()).toBe(deadBefore + bodies.length + foreign.length);
    for (const [username, password] of [
      [dev.code, 'wrong'],
      ['NOPE-1', dev.token],
      [fx.devices.smoke_detector!.code, dev.token],
    ] as const) {
      await expect(
        mqtt.connectAsync(url, { username, password, reconnectPeriod: 0, connectTimeout: 3000 }),
      ).rejects.toThrow();
    }
    expect(await events()).toBe(before);
    // The door still works for a well-behaved message.
    await client.publishAsync(
      deviceTopic(fx.slug, dev.code, 'reading'),
      JSON.stringify({ id: 'fine', at: Date.now(), data: { pressureMpa: 0.3 } }),
      { qos: 1 },
    );
    expect(await events()).toBe(before + 1);
    await client.endAsync();
  });
});
