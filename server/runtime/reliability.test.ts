// Reliability with real processes (test/standalone-server.ts: the app's
// router and doors without a Next build): a QoS 1 publisher's acknowledged
// events survive a SIGKILL of the ingest exactly once; a subscriber connected
// through a server restart receives every frame with no gap or duplicate; two
// server processes share live frames over PostgreSQL NOTIFY and over Redis.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { openDatabase, selectRows, type Engine } from '~/db/client';
import { freePort, freshPostgres, postEvents, startStandalone, subscriptionClient } from '~/test/standalone';
import { adminClient, signIn } from '../simulator/admin-client';
import { DEMO_PASSWORD } from '../auth/demo-accounts';
import type { LiveMessage } from '../live/types';

const engines: Engine[] = ['pglite', 'postgres'];
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function store(
  engine: Engine,
): Promise<{ env: Record<string, string>; open: () => ReturnType<typeof openDatabase>; drop: () => Promise<void> }> {
  if (engine === 'postgres') {
    const pg = await freshPostgres();
    return { env: { DATABASE_URL: pg.url }, open: () => openDatabase({ url: pg.url, poolSize: 1 }), drop: pg.drop };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-relia-'));
  return {
    env: { PGLITE_DIR: dir },
    open: () => openDatabase({ dataDir: dir }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function provision(url: string, classes: Array<'environment' | 'smoke_detector'>) {
  const cookie = await signIn(url, 'admin@linli.local', DEMO_PASSWORD);
  return adminClient(url, cookie).ingest.issueTokens.mutate({ slug: 'relia', classes, limit: 10 });
}

describe.each(engines)('ingest through a SIGKILL on %s', (engine) => {
  it('stores every event the broker acknowledged, exactly once', async () => {
    const db = await store(engine);
    const ports = { http: await freePort(), mqtt: await freePort() };
    let server = await startStandalone(db.env, ports);
    try {
      const [device] = await provision(server.url, ['environment']);
      const client = await mqtt.connectAsync(server.mqttUrl, {
        username: device!.code,
        password: device!.token,
        reconnectPeriod: 200,
        clientId: 'relia-pub',
      });
      const acked: string[] = [];
      const failed: string[] = [];
      const topic = `linli/relia/${device!.code}/reading`;
      const total = 3000;
      let next = 0;
      const publisher = Promise.all(
        Array.from({ length: 50 }, async () => {
          while (next < total) {
            const id = `q${next++}`;
            try {
              await client.publishAsync(topic, JSON.stringify({ id, at: Date.now(), data: { v: next } }), { qos: 1 });
              acked.push(id);
            } catch {
              failed.push(id);
            }
          }
        }),
      );
      while (acked.length < 800) await sleep(10);
      await server.stop('SIGKILL');
      const ackedAtKill = acked.length;
      server = await startStandalone(db.env, ports);
      await publisher;
      await client.endAsync();
      expect(ackedAtKill).toBeLessThan(total);
      await server.stop('SIGTERM');

      const database = await db.open();
      const rows = await selectRows<{ event_id: string; n: number }>(
        database.db,
        sql`select event_id, count(*)::int as n from device_events where event_id like 'q%' group by event_id`,
      );
      await database.close();
      const stored = new Map(rows.map((r) => [r.event_id, r.n]));
      const missing = acked.filter((id) => stored.get(id) !== 1);
      expect(missing, `${missing.length} acknowledged events not stored once`).toEqual([]);
      expect(acked.length + failed.length).toBe(total);
    } finally {
      await server.stop('SIGKILL');
      await db.drop();
    }
  });
});

describe('live frames through a server restart', () => {
  it('gives a connected subscriber every frame once, in order, across the restart', async () => {
    const db = await store('postgres');
    const ports = { http: await freePort(), mqtt: await freePort() };
    let server = await startStandalone(db.env, ports);
    try {
      const [device] = await provision(server.url, ['environment']);
      const cookie = await signIn(server.url, 'staff@linli.local', DEMO_PASSWORD);
      const received: Array<{ id: string; data: LiveMessage }> = [];
      const sub = subscriptionClient(server.url, cookie).live.community.subscribe(
        { slug: 'relia' },
        { onData: (m) => received.push(m) },
      );
      let producing = true;
      let n = 0;
      const producer = (async () => {
        while (producing) {
          const batch = Array.from({ length: 5 }, () => ({
            id: `f${n++}`,
            kind: 'reading',
            at: Date.now(),
            data: { v: n },
          }));
          await postEvents(server.url, device!.token, batch).catch(() => undefined);
          await sleep(60);
        }
      })();
      while (received.filter((m) => m.data.type === 'frame').length < 10) await sleep(50);
      await server.stop('SIGKILL');
      const beforeRestart = Math.max(...received.map((m) => m.data.seq));
      await sleep(300);
      server = await startStandalone(db.env, ports);
      const deadline = Date.now() + 20_000;
      while (!received.some((m) => m.data.seq > beforeRestart + 5) && Date.now() < deadline) await sleep(100);
      producing = false;
      await producer;
      await sleep(500);
      sub.unsubscribe();

      const snapshot = received.find((m) => m.data.type === 'snapshot')!;
      const frames = received.filter((m) => m.data.type === 'frame').map((m) => m.data.seq);
      const database = await db.open();
      const stored = (
        await selectRows<{ seq: string }>(
          database.db,
          sql`select seq from live_frames l join communities c on c.id = l.community_id
          where c.slug = 'relia' and seq > ${snapshot.data.seq} and seq <= ${Math.max(...frames)} order by seq`,
        )
      ).map((r) => Number(r.seq));
      await database.close();
      expect(frames.some((s) => s > beforeRestart)).toBe(true);
      expect(frames).toEqual(stored);
      expect(received.every((m) => m.id === String(m.data.seq))).toBe(true);
    } finally {
      await server.stop('SIGKILL');
      await db.drop();
    }
  });
});

describe.each(['postgres', 'redis'] as const)('two server processes on LIVE_BUS=%s', (bus) => {
  it('delivers an event ingested by one to a subscriber of the other', async () => {
    const pg = await freshPostgres();
    const env = { DATABASE_URL: pg.url, LIVE_BUS: bus, REDIS_URL };
    const a = await startStandalone(env);
    const b = await startStandalone(env);
    try {
      const [smoke] = await provision(a.url, ['smoke_detector']);
      const cookie = await signIn(b.url, 'staff@linli.local', DEMO_PASSWORD);
      const received: LiveMessage[] = [];
      const sub = subscriptionClient(b.url, cookie).live.community.subscribe(
        { slug: 'relia' },
        { onData: (m) => received.push(m.data) },
      );
      while (!received.some((m) => m.type === 'snapshot')) await sleep(50);
      const res = await postEvents(a.url, smoke!.token, [
        { id: 'cross-1', kind: 'reading', at: Date.now(), data: { smoke: true } },
      ]);
      expect(res.status).toBe(200);
      const deadline = Date.now() + 10_000;
      const hit = () =>
        received.some((m) => m.type === 'frame' && m.devices.some(([id, s]) => id === smoke!.id && s === 'alarm'));
      while (!hit() && Date.now() < deadline) await sleep(50);
      sub.unsubscribe();
      expect(hit()).toBe(true);
      const alarm = received.flatMap((m) => (m.type === 'frame' ? m.alarms : [])).find((x) => x.deviceId === smoke!.id);
      expect(alarm).toMatchObject({ kind: 'smoke', state: 'open' });
    } finally {
      await Promise.all([a.stop('SIGKILL'), b.stop('SIGKILL')]);
      await pg.drop();
    }
  });
});
